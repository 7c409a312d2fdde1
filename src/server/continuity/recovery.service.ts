import type { z } from 'zod';
import { latestRestore, type BackupFrequency } from '../../shared/continuity/backup.rules.ts';
import { groupBy } from '../../shared/platform/collections.ts';
import { checkRecovery } from '../../shared/continuity/recovery.rules.ts';
import type { CreateRecoveryTargetRequestSchema, TRecoveryList, TRecoveryTarget, UpdateRecoveryTargetRequestSchema } from '../../shared/continuity/recovery.schema.ts';
import { ownRecords, workloadNames } from '../assets/assets.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { uniqueKeyAs } from '../platform/register/register-statement.ts';
import { listPlans, listTargets, planLinks, RECOVERY_TARGET_WORKLOAD_KEY, targetRegister, testsOf, type RecoveryTargetRow } from './backup.repository.ts';

/**
 * Each workload's RTO and RPO against what its backup plans measured (seed
 * 004 「BCP」: recover data quickly even when systems are down): the slowest
 * latest restore of its data sets, and the longest gap between backups.
 */

const presentTarget = (ctx: DataContext, r: RecoveryTargetRow): TRecoveryTarget =>
  targetRegister.present(ctx, r, (t) => ({ id: t.id, workloadId: t.workloadId, rtoMinutes: t.rtoMinutes, rpoMinutes: t.rpoMinutes, notes: t.notes, version: t.version }));

export async function listRecovery(ctx: DataContext): Promise<TRecoveryList> {
  const [workloads, targets, links, plans, tests] = await ctx.sideBySide(
    () => workloadNames(ctx),
    () => listTargets(ctx),
    () => planLinks(ctx),
    () => listPlans(ctx),
    () => testsOf(ctx),
  );
  const planById = new Map(plans.map((p) => [p.id, p]));
  const targetOf = new Map(targets.map((t) => [t.workloadId, t]));
  const linksOf = groupBy(links, (l) => l.workloadId);
  const testsOfPlan = groupBy(tests, (t) => t.planId);
  const items = workloads.map((w) => {
    const protecting = (linksOf.get(w.id) ?? []).flatMap((l) => planById.get(l.planId) ?? []);
    const target = targetOf.get(w.id) ?? null;
    const check = checkRecovery(target, protecting.map((p) => ({ frequency: p.frequency as BackupFrequency, latest: latestRestore(testsOfPlan.get(p.id) ?? []) })));
    return { workload: w, target: target ? presentTarget(ctx, target) : null, plans: protecting.map((p) => ({ id: p.id, name: p.name })), ...check };
  });
  return { items, summary: { workloads: items.length, withTargets: items.filter((i) => i.target).length, met: items.filter((i) => i.target && !i.gaps.length).length } };
}

export const getRecoveryTarget = async (ctx: DataContext, id: string): Promise<TRecoveryTarget> => presentTarget(ctx, await targetRegister.get(ctx, id));

/** The workload's targets; 400 for a workload not the organisation's, 409 when it has targets already (change those instead). */
export async function createRecoveryTarget(ctx: DataContext, input: z.output<typeof CreateRecoveryTargetRequestSchema>): Promise<TRecoveryTarget> {
  return ctx.transaction(async (tx) => {
    if (!(await ownRecords.workload(tx, [input.workloadId])).has(input.workloadId)) throw new HttpProblem(400, 'validation', {}, [{ path: 'workloadId', code: 'referenceNotFound' }]);
    return presentTarget(tx, await targetRegister.create(tx, input));
  }).catch(uniqueKeyAs(RECOVERY_TARGET_WORKLOAD_KEY, () => new HttpProblem(409, 'recoveryTargetSet')));
}

export async function updateRecoveryTarget(ctx: DataContext, id: string, input: z.output<typeof UpdateRecoveryTargetRequestSchema>): Promise<TRecoveryTarget> {
  const { version, ...fields } = input;
  return ctx.transaction(async (tx) => {
    const before = await targetRegister.expect(tx, id, version);
    return presentTarget(tx, await targetRegister.update(tx, id, version, fields, { before: targetRegister.spec.auditView(before), changedOnly: true }));
  });
}

export async function deleteRecoveryTarget(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => targetRegister.remove(tx, id, undefined));
}

export const recoveryTargetHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => targetRegister.history(ctx, id);
