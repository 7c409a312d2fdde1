import type { z } from 'zod';
import { accountFindings, logFindings, mfaCoverage, MIN_RETENTION_MONTHS, type AccountKind, type LogKind } from '../../shared/governance/access-logs.rules.ts';
import type {
  CreateIamAccountRequestSchema,
  CreateLogSourceRequestSchema,
  TIamAccount,
  TIamReview,
  TLogSource,
  TLogSourceList,
  UpdateIamAccountRequestSchema,
  UpdateLogSourceRequestSchema,
} from '../../shared/governance/access-logs.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import { loadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { accountRegister, accountTaken, listAccounts, listLogSources, logRegister, type IamAccountRow, type LogSourceRow } from './access-logs.repository.ts';

/**
 * The IAM review (seed 004 「IAM設計とアクセス制御」) and the log policy check
 * (「監査ログ・ログ管理」): accounts per system with what each lacks (MFA, use,
 * review) and each system's MFA coverage; log sources with what each lacks
 * against the policy (access-logs.rules.ts).
 */

const IAM_COLLECTION = 'urn:kumoji:seed-004:iam';
const LOGGING_COLLECTION = 'urn:kumoji:seed-004:logging';
const sourceOf = async (ctx: DataContext, id: string) => (await loadedCollection(ctx.db, ctx.organisationId, id))?.source ?? [];

const factsOf = (r: IamAccountRow) => ({ ...r, kind: r.kind as AccountKind });

function presentAccount(ctx: DataContext, row: IamAccountRow, today: IsoDate): TIamAccount {
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
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function iamReviewOf(ctx: DataContext, today: IsoDate): Promise<TIamReview> {
  const [rows, source] = await ctx.sideBySide(() => listAccounts(ctx), () => sourceOf(ctx, IAM_COLLECTION));
  const items = rows.map((r) => presentAccount(ctx, r, today));
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

export const getAccount = async (ctx: DataContext, id: string, today: IsoDate) => presentAccount(ctx, await accountRegister.get(ctx, id), today);

const accountTakenProblem = () => new HttpProblem(409, 'iamAccountTaken', {}, [{ path: 'account', code: 'iamAccountTaken' }]);

export async function createAccount(ctx: DataContext, input: z.output<typeof CreateIamAccountRequestSchema>, today: IsoDate): Promise<TIamAccount> {
  const row = await ctx.transaction(async (tx) => {
    if (await accountTaken(tx, input.system, input.account)) throw accountTakenProblem();
    return accountRegister.create(tx, input);
  });
  return presentAccount(ctx, row, today);
}

export async function updateAccount(ctx: DataContext, id: string, input: z.output<typeof UpdateIamAccountRequestSchema>, today: IsoDate): Promise<TIamAccount> {
  const { version, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    const before = await accountRegister.expect(tx, id, version);
    if ((fields.system !== undefined || fields.account !== undefined) && (await accountTaken(tx, fields.system ?? before.system, fields.account ?? before.account, id))) throw accountTakenProblem();
    return accountRegister.update(tx, id, version, fields, { before: accountRegister.spec.auditView(before), changedOnly: true });
  });
  return presentAccount(ctx, row, today);
}

export const deleteAccount = (ctx: DataContext, id: string) => ctx.transaction((tx) => accountRegister.remove(tx, id, undefined));
export const accountHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => accountRegister.history(ctx, id);

function presentLog(ctx: DataContext, row: LogSourceRow): TLogSource {
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
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function logSourcesOf(ctx: DataContext): Promise<TLogSourceList> {
  const [rows, source] = await ctx.sideBySide(() => listLogSources(ctx), () => sourceOf(ctx, LOGGING_COLLECTION));
  const items = rows.map((r) => presentLog(ctx, r));
  return { items, summary: { sources: items.length, withFindings: items.filter((i) => i.findings.length).length }, source };
}

export const getLogSource = async (ctx: DataContext, id: string) => presentLog(ctx, await logRegister.get(ctx, id));

export async function createLogSource(ctx: DataContext, input: z.output<typeof CreateLogSourceRequestSchema>): Promise<TLogSource> {
  return presentLog(ctx, await ctx.transaction((tx) => logRegister.create(tx, input)));
}

export async function updateLogSource(ctx: DataContext, id: string, input: z.output<typeof UpdateLogSourceRequestSchema>): Promise<TLogSource> {
  const { version, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    const before = await logRegister.expect(tx, id, version);
    return logRegister.update(tx, id, version, fields, { before: logRegister.spec.auditView(before), changedOnly: true });
  });
  return presentLog(ctx, row);
}

export const deleteLogSource = (ctx: DataContext, id: string) => ctx.transaction((tx) => logRegister.remove(tx, id, undefined));
export const logSourceHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => logRegister.history(ctx, id);
