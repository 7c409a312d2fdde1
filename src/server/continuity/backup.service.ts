import type { z } from 'zod';
import { backupWarnings, latestRestore, rulesFromCatalog, scoreRule, type BackupCopy, type BackupFrequency, type BackupRule } from '../../shared/continuity/backup.rules.ts';
import type { CreateBackupPlanRequestSchema, CreateRestoreTestRequestSchema, TBackupPlan, TBackupPlanList, TRestoreTest, UpdateBackupPlanRequestSchema, UpdateRestoreTestRequestSchema } from '../../shared/continuity/backup.schema.ts';
import { groupBy } from '../../shared/platform/collections.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { ownRecords, workloadNames } from '../assets/assets.public.ts';
import { loadedCollectionsById } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { listPlans, planLinks, planRegister, replacePlanWorkloads, restoreTestRegister, testsOf, type BackupPlanRow, type RestoreTestRow } from './backup.repository.ts';

/**
 * Backup plans per data set, scored against the catalog's 3-2-1 and
 * 3-2-1-1-0 rules (seed 004 「三重バックアップ設計(3-2-1 ルール)」; FACTS.md 5),
 * and their restore tests: the measured time and the errors, the "0".
 */

const COLLECTIONS = { rules: 'urn:kumoji:public:backup-rules', backup: 'urn:kumoji:seed-004:backup' } as const;

interface PlanContext {
  rules: BackupRule[];
  source: string[];
  workloads: Map<string, string>;
  today: string;
}

async function planContext(ctx: DataContext, now: Date): Promise<PlanContext> {
  const [catalog, workloads] = await ctx.sideBySide(
    () => loadedCollectionsById(ctx, COLLECTIONS, ['rules', 'backup']),
    () => workloadNames(ctx),
  );
  return {
    rules: catalog.rules ? rulesFromCatalog(catalog.rules.items) : [],
    source: [...(catalog.backup?.source ?? []), ...(catalog.rules?.source ?? [])],
    workloads: new Map(workloads.map((w) => [w.id, w.name])),
    today: dateIn('Asia/Tokyo', now),
  };
}

export function presentTest(ctx: DataContext, r: RestoreTestRow): TRestoreTest {
  return restoreTestRegister.present(ctx, r, (t) => ({ id: t.id, planId: t.planId, testedOn: t.testedOn, durationMinutes: t.durationMinutes, errors: t.errors, notes: t.notes, version: t.version }));
}

function present(ctx: DataContext, pc: PlanContext, row: BackupPlanRow, workloadIds: readonly string[], tests: readonly RestoreTestRow[]): TBackupPlan {
  const copies = row.copies as BackupCopy[];
  const latest = latestRestore(tests);
  return planRegister.present(ctx, row, (r) => ({
    id: r.id,
    name: r.name,
    frequency: r.frequency as BackupFrequency,
    retentionDays: r.retentionDays,
    copies,
    workloads: workloadIds.map((id) => ({ id, name: pc.workloads.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
    notes: r.notes,
    scores: pc.rules.map((rule) => scoreRule(rule, copies, latest, pc.today)),
    warnings: backupWarnings(copies),
    latestRestore: latest ? { testedOn: latest.testedOn, durationMinutes: latest.durationMinutes, errors: latest.errors } : null,
    restoreTests: tests.map((t) => presentTest(ctx, t)),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function presentAll(ctx: DataContext, pc: PlanContext, rows: readonly BackupPlanRow[]): Promise<TBackupPlan[]> {
  const ids = rows.map((r) => r.id);
  const [links, tests] = await ctx.sideBySide(() => planLinks(ctx, ids), () => testsOf(ctx, ids));
  const linksOf = groupBy(links, (l) => l.planId);
  const testsOfPlan = groupBy(tests, (t) => t.planId);
  return rows.map((r) => present(ctx, pc, r, (linksOf.get(r.id) ?? []).map((l) => l.workloadId), testsOfPlan.get(r.id) ?? []));
}

export async function listBackupPlans(ctx: DataContext, now: Date): Promise<TBackupPlanList> {
  const [pc, rows] = await ctx.sideBySide(() => planContext(ctx, now), () => listPlans(ctx));
  const items = await presentAll(ctx, pc, rows);
  return {
    items,
    summary: { plans: items.length, rules: pc.rules.map((rule) => ({ code: rule.code, met: items.filter((p) => p.scores.find((s) => s.ruleId === rule.id)?.met).length })) },
    source: pc.source,
  };
}

export async function getBackupPlan(ctx: DataContext, id: string, now: Date): Promise<TBackupPlan> {
  const [pc, row] = await ctx.sideBySide(() => planContext(ctx, now), () => planRegister.get(ctx, id));
  const [one] = await presentAll(ctx, pc, [row]);
  return one!;
}

/** 400 on each workload that is not the organisation's (locked against deletion until the change commits). */
async function checkWorkloads(ctx: DataContext, workloadIds: readonly string[]): Promise<void> {
  const own = await ownRecords.workload(ctx, workloadIds);
  const errors: FieldError[] = workloadIds.flatMap((id, i) => (own.has(id) ? [] : [{ path: `workloadIds.${i}`, code: 'referenceNotFound' }]));
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

const auditViewOf = (r: BackupPlanRow, workloadIds: readonly string[]) => ({ ...planRegister.spec.auditView(r), workloadIds: [...workloadIds].sort() });
const servedBy = async (ctx: DataContext, id: string) => (await planLinks(ctx, [id])).map((l) => l.workloadId);

export async function createBackupPlan(ctx: DataContext, input: z.output<typeof CreateBackupPlanRequestSchema>, now: Date): Promise<TBackupPlan> {
  const { workloadIds, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    await checkWorkloads(tx, workloadIds);
    const plan = await planRegister.create(tx, fields, { after: (r) => auditViewOf(r, workloadIds) });
    await replacePlanWorkloads(tx, plan.id, workloadIds);
    return plan;
  });
  return getBackupPlan(ctx, row.id, now);
}

export async function updateBackupPlan(ctx: DataContext, id: string, input: z.output<typeof UpdateBackupPlanRequestSchema>, now: Date): Promise<TBackupPlan> {
  const { version, workloadIds, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await planRegister.expect(tx, id, version);
    const served = await servedBy(tx, id);
    if (workloadIds) {
      await checkWorkloads(tx, workloadIds);
      await replacePlanWorkloads(tx, id, workloadIds);
    }
    await planRegister.update(tx, id, version, fields, { before: auditViewOf(before, served), after: (r) => auditViewOf(r, workloadIds ?? served), changedOnly: true });
  });
  return getBackupPlan(ctx, id, now);
}

export async function deleteBackupPlan(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const served = await servedBy(tx, id);
    await planRegister.remove(tx, id, undefined, { before: (r) => auditViewOf(r, served) });
  });
}

export const backupPlanHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => planRegister.history(ctx, id);

/** A restore test of a plan of the organisation's (400 when the plan is not), dated today at the latest. */
export async function createRestoreTest(ctx: DataContext, input: z.output<typeof CreateRestoreTestRequestSchema>, now: Date): Promise<TRestoreTest> {
  if (input.testedOn > dateIn('Asia/Tokyo', now)) throw new HttpProblem(400, 'validation', {}, [{ path: 'testedOn', code: 'dateAfterToday' }]);
  return ctx.transaction(async (tx) => {
    if (!(await planRegister.find(tx, input.planId, 'key share'))) throw new HttpProblem(400, 'validation', {}, [{ path: 'planId', code: 'referenceNotFound' }]);
    return presentTest(tx, await restoreTestRegister.create(tx, input));
  });
}

export const getRestoreTest = async (ctx: DataContext, id: string): Promise<TRestoreTest> => presentTest(ctx, await restoreTestRegister.get(ctx, id));

export async function updateRestoreTest(ctx: DataContext, id: string, input: z.output<typeof UpdateRestoreTestRequestSchema>, now: Date): Promise<TRestoreTest> {
  const { version, ...fields } = input;
  if (fields.testedOn && fields.testedOn > dateIn('Asia/Tokyo', now)) throw new HttpProblem(400, 'validation', {}, [{ path: 'testedOn', code: 'dateAfterToday' }]);
  return ctx.transaction(async (tx) => {
    const before = await restoreTestRegister.expect(tx, id, version);
    return presentTest(tx, await restoreTestRegister.update(tx, id, version, fields, { before: restoreTestRegister.spec.auditView(before), changedOnly: true }));
  });
}

export async function deleteRestoreTest(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => restoreTestRegister.remove(tx, id, undefined));
}

export const restoreTestHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => restoreTestRegister.history(ctx, id);
