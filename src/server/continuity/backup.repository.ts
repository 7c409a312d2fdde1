import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, recordContent } from '../platform/register/register.ts';
import { backupPlans, backupPlanWorkloads, recoveryTargets, restoreTests } from './backup.table.ts';

/** Queries of the backup plans, their restore tests and the workloads' recovery targets, through a request's DataContext. */

export type BackupPlanRow = typeof backupPlans.$inferSelect;
export type RestoreTestRow = typeof restoreTests.$inferSelect;
export type RecoveryTargetRow = typeof recoveryTargets.$inferSelect;

const writable = changeableWith('continuity.write');

export const planRegister = defineRegister({ table: backupPlans, entityType: 'backupPlan', auditView: recordContent, can: writable });
export const restoreTestRegister = defineRegister({ table: restoreTests, entityType: 'restoreTest', auditView: recordContent, can: writable });
export const targetRegister = defineRegister({ table: recoveryTargets, entityType: 'recoveryTarget', auditView: recordContent, can: writable });

export const RECOVERY_TARGET_WORKLOAD_KEY = 'recovery_targets_org_workload_key';

export const listPlans = (ctx: DataContext) => ctx.select(backupPlans, { orderBy: [asc(backupPlans.name), asc(backupPlans.id)] });
export const listTargets = (ctx: DataContext) => ctx.select(recoveryTargets);

/** Every link of these plans (all of the organisation's when `planIds` is omitted). */
export const planLinks = (ctx: DataContext, planIds?: readonly string[]) =>
  planIds === undefined ? ctx.select(backupPlanWorkloads) : planIds.length ? ctx.select(backupPlanWorkloads, { where: inArray(backupPlanWorkloads.planId, [...planIds]) }) : Promise.resolve([]);

/** The restore tests of these plans, newest first (all of the organisation's when `planIds` is omitted). */
export const testsOf = (ctx: DataContext, planIds?: readonly string[]) =>
  planIds !== undefined && !planIds.length
    ? Promise.resolve([])
    : ctx.select(restoreTests, { where: planIds === undefined ? undefined : inArray(restoreTests.planId, [...planIds]), orderBy: [desc(restoreTests.testedOn), desc(restoreTests.createdAt)] });

export async function replacePlanWorkloads(ctx: DataContext, planId: string, workloadIds: readonly string[]): Promise<void> {
  await ctx.delete(backupPlanWorkloads, eq(backupPlanWorkloads.planId, planId));
  if (workloadIds.length) await ctx.insert(backupPlanWorkloads, workloadIds.map((workloadId) => ({ planId, workloadId })));
}
