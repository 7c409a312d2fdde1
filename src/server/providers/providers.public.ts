import { termStanding, type NoticeUnit } from '../../shared/providers/contract-term.rules.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { reevaluation } from './evaluation.rules.ts';
import { listContracts, listEvaluations, listProviders } from './provider.repository.ts';

/**
 * What other modules read of providers and contracts: the dates to keep on a
 * calendar (operations' calendar and iCalendar feed). Other modules import
 * this file only (eslint.config.js enforces it).
 */

export type ProviderDateKind = 'contractNotice' | 'contractEnd' | 'reevaluation' | 'certificationExpiry';

export interface ProviderDate {
  kind: ProviderDateKind;
  date: IsoDate;
  /** The contract's title or the provider's name. */
  title: string;
  /** The certification's name, for an expiry. */
  detail: string | null;
  path: string;
}

/**
 * Each contract's next date to act on (the last day to give notice of a
 * renewing contract, the end of one that simply ends; seed 000 III.6.1
 * item 14), each provider's next evaluation (III.6.1 a)-i)) and each
 * certification's expiry. Past dates stay in (an evaluation overdue, a
 * certification expired) but for contracts that have ended.
 */
export async function providerDates(ctx: DataContext, today: IsoDate): Promise<ProviderDate[]> {
  const [providers, evaluations, contracts] = await ctx.sideBySide(
    () => listProviders(ctx),
    () => listEvaluations(ctx),
    () => listContracts(ctx),
  );
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const out: ProviderDate[] = [];
  for (const c of contracts) {
    const s = termStanding({ ...c, noticeUnit: c.noticeUnit as NoticeUnit }, today);
    if (s.lastNoticeOn) out.push({ kind: 'contractNotice', date: s.lastNoticeOn, title: c.title, detail: null, path: `/providers/contracts/${c.id}` });
    else if (s.status !== 'ended') out.push({ kind: 'contractEnd', date: s.termEndsOn, title: c.title, detail: null, path: `/providers/contracts/${c.id}` });
  }
  for (const e of evaluations) {
    out.push({ kind: 'reevaluation', date: reevaluation(e.evaluatedOn, e.reevaluateMonths, today).dueOn, title: names.get(e.providerId) ?? '', detail: null, path: `/providers/${e.providerId}/evaluation` });
  }
  for (const p of providers) {
    for (const cert of p.certifications) if (cert.expiresOn) out.push({ kind: 'certificationExpiry', date: cert.expiresOn, title: p.name, detail: cert.name, path: `/providers/${p.id}` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
