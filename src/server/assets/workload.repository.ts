import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister } from '../platform/register/register.ts';
import { assets } from './asset.table.ts';
import { workloadAssets, workloads } from './workload.table.ts';

/**
 * Queries of workloads and their asset links, through the request's
 * DataContext: every statement is scoped to its organisation, so an id of
 * another organisation finds nothing.
 */

export type WorkloadRow = typeof workloads.$inferSelect;
export type WorkloadPatch = Partial<Omit<typeof workloads.$inferInsert, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'version' | 'createdBy'>>;

/** The workload as the audit trail records it: its own fields and the linked asset ids. */
export const workloadAuditView = (row: WorkloadRow, assetIds: readonly string[]) => ({
  name: row.name,
  description: row.description,
  motives: row.motives,
  categoryId: row.categoryId,
  impactIds: row.impactIds,
  stageXKinds: row.stageXKinds,
  riskTolerable: row.riskTolerable,
  coreBusiness: row.coreBusiness,
  advantageThemeId: row.advantageThemeId,
  pastPriority: row.pastPriority,
  futurePriority: row.futurePriority,
  stageXPlan: row.stageXPlan,
  assetIds: [...assetIds].sort(),
  version: row.version,
});

/** Workloads as a versioned register (platform/register): create, versioned update, delete, audited. */
export const workloadRegister = defineRegister({
  table: workloads,
  entityType: 'workload',
  auditView: (row: WorkloadRow) => workloadAuditView(row, []),
  nameColumn: workloads.name,
});

export function listWorkloads(ctx: DataContext): Promise<WorkloadRow[]> {
  return ctx.select(workloads, { orderBy: [asc(workloads.name), asc(workloads.id)] });
}

export interface LinkedAssetRow {
  workloadId: string;
  id: string;
  name: string;
  rank: string;
  sensitivity: string | null;
  riskCategoryId: string | null;
  containsPersonalData: boolean;
  totalValueYen: string | null;
}

/** The assets linked to the given workloads (all the organisation's workloads when `workloadIds` is omitted). */
export async function listLinkedAssets(ctx: DataContext, workloadIds?: readonly string[]): Promise<LinkedAssetRow[]> {
  if (workloadIds && !workloadIds.length) return [];
  return ctx.db
    .select({
      workloadId: workloadAssets.workloadId,
      id: assets.id,
      name: assets.name,
      rank: assets.rank,
      sensitivity: assets.sensitivity,
      riskCategoryId: assets.riskCategoryId,
      containsPersonalData: assets.containsPersonalData,
      totalValueYen: assets.totalValueYen,
    })
    .from(workloadAssets)
    .innerJoin(assets, and(eq(assets.id, workloadAssets.assetId), eq(assets.organisationId, workloadAssets.organisationId)))
    .where(ctx.scoped(workloadAssets, workloadIds ? inArray(workloadAssets.workloadId, [...workloadIds]) : undefined))
    .orderBy(asc(assets.name), asc(assets.id));
}

/** The given assets that belong to the organisation, locked against deletion until the transaction ends. */
export const lockOwnAssets = (ctx: DataContext, ids: readonly string[]) => ctx.lockOwnIds(assets, ids);

export async function listWorkloadAssetIds(ctx: DataContext, workloadId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ assetId: workloadAssets.assetId })
    .from(workloadAssets)
    .where(ctx.scoped(workloadAssets, eq(workloadAssets.workloadId, workloadId)));
  return rows.map((r) => r.assetId).sort();
}

export async function replaceWorkloadAssets(ctx: DataContext, workloadId: string, assetIds: readonly string[]): Promise<void> {
  await ctx.db.delete(workloadAssets).where(ctx.scoped(workloadAssets, eq(workloadAssets.workloadId, workloadId)));
  await ctx.insert(workloadAssets, assetIds.map((assetId) => ({ workloadId, assetId })));
}

/** The value of the whole inventory, exact (III.3.3 ⑤), as a decimal string. */
export async function inventoryTotalYen(ctx: DataContext): Promise<string> {
  const [row] = await ctx.db
    .select({ total: sql<string>`coalesce(sum(${assets.totalValueYen}), 0)::text` })
    .from(assets)
    .where(ctx.scoped(assets));
  return row.total;
}
