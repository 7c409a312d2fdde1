import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TControlSets } from '../../shared/governance/control.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { controlSetsOf } from './control.service.ts';
import { listDocumentRows } from './isms-document.repository.ts';
import { listPeople } from './staffing.repository.ts';

/**
 * What other modules read of governance: the ISMS documents' review dates
 * and the staff's certification expiries, for the operations calendar and
 * its iCalendar feed. Other modules import
 * this file only (eslint.config.js enforces it).
 */

export interface GovernanceDate {
  kind: 'documentReview' | 'qualificationExpiry';
  date: IsoDate;
  /** The document's title or the person's name. */
  title: string;
  /** The certification's name, for an expiry. */
  detail: string | null;
  path: string;
}

/** Each approved document's next review and each person's certification expiry (past ones stay: the review is overdue, the certification lapsed). */
export async function governanceDates(ctx: DataContext): Promise<GovernanceDate[]> {
  const [documents, people] = await ctx.sideBySide(() => listDocumentRows(ctx), () => listPeople(ctx));
  return [
    ...documents.flatMap((d) => (d.status === 'approved' && d.nextReviewOn ? [{ kind: 'documentReview' as const, date: d.nextReviewOn, title: d.title, detail: null, path: `/governance/documents/${d.id}` }] : [])),
    ...people.flatMap((p) => p.certifications.flatMap((c) => (c.expiresOn ? [{ kind: 'qualificationExpiry' as const, date: c.expiresOn, title: p.name, detail: c.name, path: `/governance/staffing/people/${p.id}` }] : []))),
  ];
}

/** Each control set's assessment summary (implemented, applicable, overdue …) and the organisation's over all sets, as the controls page counts them (control.service.ts). */
export async function controlStanding(ctx: DataContext, today: IsoDate): Promise<{ sets: Pick<TControlSets['sets'][number], 'key' | 'name' | 'summary'>[]; summary: TControlSets['summary'] }> {
  const { sets, summary } = await controlSetsOf(ctx, today);
  return { sets: sets.map(({ key, name, summary }) => ({ key, name, summary })), summary };
}
