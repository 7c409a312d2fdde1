import type { z } from 'zod';
import { accountFindings, logFindings, mfaCoverage, MIN_RETENTION_MONTHS, type AccountKind, type LogKind } from '../../shared/governance/access-logs.rules.ts';
import type {
  CreateIamAccountRequestSchema,
  CreateLogSourceRequestSchema,
  OpenIamFindingRequestSchema,
  OpenLogFindingRequestSchema,
  TIamAccount,
  TIamReview,
  TLogSource,
  TLogSourceList,
  UpdateIamAccountRequestSchema,
  UpdateLogSourceRequestSchema,
} from '../../shared/governance/access-logs.schema.ts';
import { dateIn, type IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { loadedCollection } from '../catalog/catalog.public.ts';
import { correctiveActionsFrom, type ActionSummary } from '../operations/operations.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { translator } from '../platform/i18n/translate.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { accountRegister, accountTaken, listAccounts, listLogSources, logRegister, type IamAccountRow, type LogSourceRow } from './access-logs.repository.ts';
import { findingOpenAsConflict, openFindingAction, presentFindingActions } from './finding-action.service.ts';

/**
 * The IAM review (seed 004 「IAM設計とアクセス制御」) and the log policy check
 * (「監査ログ・ログ管理」): accounts per system with what each lacks (MFA, use,
 * review) and each system's MFA coverage; log sources with what each lacks
 * against the policy (access-logs.rules.ts). Each finding opens as a
 * corrective action of its own (finding-action.service.ts).
 */

const IAM_COLLECTION = 'urn:kumoji:seed-004:iam';
const LOGGING_COLLECTION = 'urn:kumoji:seed-004:logging';
const sourceOf = async (ctx: DataContext, id: string) => (await loadedCollection(ctx, id))?.source ?? [];

const factsOf = (r: IamAccountRow) => ({ ...r, kind: r.kind as AccountKind });
// Use and review dates are the organisation's days in Japan.
const todayOf = (now: Date): IsoDate => dateIn('Asia/Tokyo', now);
const accountName = (r: IamAccountRow) => `${r.system} / ${r.account}`;

function presentAccount(ctx: DataContext, row: IamAccountRow, today: IsoDate, actions: readonly ActionSummary[]): TIamAccount {
  return accountRegister.present(ctx, row, (r) => ({
    id: r.id,
    system: r.system,
    account: r.account,
    holder: r.holder,
    kind: r.kind as AccountKind,
    role: r.role,
    mfa: r.mfa,
    active: r.active,
    lastUsedOn: r.lastUsedOn,
    lastReviewedOn: r.lastReviewedOn,
    notes: r.notes,
    findings: accountFindings(factsOf(r), today),
    actions: presentFindingActions(actions),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const accountActions = (ctx: DataContext, ids: readonly string[], now: Date) => correctiveActionsFrom(ctx, 'iamAccount', ids, now);

export async function iamReviewOf(ctx: DataContext, now: Date): Promise<TIamReview> {
  const [rows, source] = await ctx.sideBySide(() => listAccounts(ctx), () => sourceOf(ctx, IAM_COLLECTION));
  const actions = await accountActions(ctx, rows.map((r) => r.id), now);
  const items = rows.map((r) => presentAccount(ctx, r, todayOf(now), actions.get(r.id) ?? []));
  const systems = [...new Set(rows.map((r) => r.system))].map((system) => {
    const of = rows.filter((r) => r.system === system);
    const found = items.filter((i) => i.system === system);
    return {
      system,
      accounts: of.length,
      active: of.filter((r) => r.active).length,
      mfaPercent: mfaCoverage(of.map(factsOf)),
      unused: found.filter((i) => i.findings.includes('unused')).length,
      reviewOverdue: found.filter((i) => i.findings.includes('reviewOverdue')).length,
    };
  });
  return { items, systems, source };
}

async function presentOneAccount(ctx: DataContext, row: IamAccountRow, now: Date): Promise<TIamAccount> {
  return presentAccount(ctx, row, todayOf(now), (await accountActions(ctx, [row.id], now)).get(row.id) ?? []);
}

export const getAccount = async (ctx: DataContext, id: string, now: Date) => presentOneAccount(ctx, await accountRegister.get(ctx, id), now);

const accountTakenProblem = () => new HttpProblem(409, 'iamAccountTaken', {}, [{ path: 'account', code: 'iamAccountTaken' }]);

export async function createAccount(ctx: DataContext, input: z.output<typeof CreateIamAccountRequestSchema>, now: Date): Promise<TIamAccount> {
  const row = await ctx.transaction(async (tx) => {
    if (await accountTaken(tx, input.system, input.account)) throw accountTakenProblem();
    return accountRegister.create(tx, input);
  });
  return presentOneAccount(ctx, row, now);
}

export async function updateAccount(ctx: DataContext, id: string, input: z.output<typeof UpdateIamAccountRequestSchema>, now: Date): Promise<TIamAccount> {
  const { version, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    const before = await accountRegister.expect(tx, id, version);
    if ((fields.system !== undefined || fields.account !== undefined) && (await accountTaken(tx, fields.system ?? before.system, fields.account ?? before.account, id))) throw accountTakenProblem();
    return accountRegister.update(tx, id, version, fields, { before: accountRegister.spec.auditView(before), changedOnly: true });
  });
  return presentOneAccount(ctx, row, now);
}

export const deleteAccount = (ctx: DataContext, id: string) => ctx.transaction((tx) => accountRegister.remove(tx, id, undefined));
export const accountHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => accountRegister.history(ctx, id);

/** Opens one of the account's current findings as a corrective action in Plan, at the version read (stale → 409; a finding with an open action → 409). */
export async function openAccountFinding(ctx: DataContext, id: string, input: z.output<typeof OpenIamFindingRequestSchema>, locale: TLocale, now: Date): Promise<TIamAccount> {
  const t = translator(locale);
  await ctx
    .transaction(async (tx) => {
      const row = await accountRegister.expect(tx, id, input.version);
      const finding = t(`governance.access.finding.${input.finding}`);
      await openFindingAction(tx, {
        origin: 'iamAccount',
        id,
        finding: input.finding,
        current: accountFindings(factsOf(row), todayOf(now)),
        actions: (await accountActions(tx, [id], now)).get(id) ?? [],
        title: t('governance.access.findingTitle', { finding, record: accountName(row) }),
        plan: t(`governance.access.remedy.${input.finding}`),
        originTitle: accountName(row),
      });
    })
    .catch(findingOpenAsConflict);
  return getAccount(ctx, id, now);
}

const logActions = (ctx: DataContext, ids: readonly string[], now: Date) => correctiveActionsFrom(ctx, 'logSource', ids, now);

function presentLog(ctx: DataContext, row: LogSourceRow, actions: readonly ActionSummary[]): TLogSource {
  const kind = row.kind as LogKind;
  return logRegister.present(ctx, row, (r) => ({
    id: r.id,
    name: r.name,
    system: r.system,
    kind,
    retentionMonths: r.retentionMonths,
    requiredMonths: MIN_RETENTION_MONTHS[kind],
    worm: r.worm,
    clockSync: r.clockSync,
    collected: r.collected,
    encrypted: r.encrypted,
    notes: r.notes,
    findings: logFindings({ ...r, kind }),
    actions: presentFindingActions(actions),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function logSourcesOf(ctx: DataContext, now: Date): Promise<TLogSourceList> {
  const [rows, source] = await ctx.sideBySide(() => listLogSources(ctx), () => sourceOf(ctx, LOGGING_COLLECTION));
  const actions = await logActions(ctx, rows.map((r) => r.id), now);
  const items = rows.map((r) => presentLog(ctx, r, actions.get(r.id) ?? []));
  return { items, summary: { sources: items.length, withFindings: items.filter((i) => i.findings.length).length }, source };
}

async function presentOneLog(ctx: DataContext, row: LogSourceRow, now: Date): Promise<TLogSource> {
  return presentLog(ctx, row, (await logActions(ctx, [row.id], now)).get(row.id) ?? []);
}

export const getLogSource = async (ctx: DataContext, id: string, now: Date) => presentOneLog(ctx, await logRegister.get(ctx, id), now);

export async function createLogSource(ctx: DataContext, input: z.output<typeof CreateLogSourceRequestSchema>, now: Date): Promise<TLogSource> {
  return presentOneLog(ctx, await ctx.transaction((tx) => logRegister.create(tx, input)), now);
}

export async function updateLogSource(ctx: DataContext, id: string, input: z.output<typeof UpdateLogSourceRequestSchema>, now: Date): Promise<TLogSource> {
  const { version, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    const before = await logRegister.expect(tx, id, version);
    return logRegister.update(tx, id, version, fields, { before: logRegister.spec.auditView(before), changedOnly: true });
  });
  return presentOneLog(ctx, row, now);
}

export const deleteLogSource = (ctx: DataContext, id: string) => ctx.transaction((tx) => logRegister.remove(tx, id, undefined));
export const logSourceHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => logRegister.history(ctx, id);

/** Opens one of the log source's current findings as a corrective action in Plan, at the version read (stale → 409; a finding with an open action → 409). */
export async function openLogFinding(ctx: DataContext, id: string, input: z.output<typeof OpenLogFindingRequestSchema>, locale: TLocale, now: Date): Promise<TLogSource> {
  const t = translator(locale);
  await ctx
    .transaction(async (tx) => {
      const row = await logRegister.expect(tx, id, input.version);
      const kind = row.kind as LogKind;
      const months = { months: MIN_RETENTION_MONTHS[kind] };
      await openFindingAction(tx, {
        origin: 'logSource',
        id,
        finding: input.finding,
        current: logFindings({ ...row, kind }),
        actions: (await logActions(tx, [id], now)).get(id) ?? [],
        title: t('governance.access.findingTitle', { finding: t(`governance.access.finding.${input.finding}`, months), record: row.name }),
        plan: t(`governance.access.remedy.${input.finding}`, months),
        originTitle: row.name,
      });
    })
    .catch(findingOpenAsConflict);
  return getLogSource(ctx, id, now);
}
