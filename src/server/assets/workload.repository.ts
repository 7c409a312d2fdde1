import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { assets } from './asset.table.ts';
import { workloadAssets, workloads } from './workload.table.ts';

/**
 * Queries of workloads and their asset links. Every function takes the
 * organisation id from the session and puts it in the where clause: an id of
 * another organisation finds nothing.
 */

export type WorkloadRow = typeof workloads.$inferSelect;
export type NewWorkload = Omit<typeof workloads.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;
export type WorkloadPatch = Partial<Omit<NewWorkload, 'organisationId' | 'createdBy'>>;

export async function listWorkloads(db: Db, organisationId: string): Promise<WorkloadRow[]> {
  return db.select().from(workloads).where(eq(workloads.organisationId, organisationId)).orderBy(asc(workloads.name), asc(workloads.id));
}

export async function findWorkload(db: Db, organisationId: string, id: string): Promise<WorkloadRow | undefined> {
  const [row] = await db.select().from(workloads).where(and(eq(workloads.organisationId, organisationId), eq(workloads.id, id)));
  return row;
}

export async function insertWorkload(tx: Db, values: NewWorkload): Promise<WorkloadRow> {
  const [row] = await tx.insert(workloads).values(values).returning();
  return row;
}

/** Null when the row is gone or its version moved on (→ 409 in the service). */
export async function updateWorkload(tx: Db, organisationId: string, id: string, version: number, patch: WorkloadPatch): Promise<WorkloadRow | null> {
  const [row] = await tx
    .update(workloads)
    .set({ ...patch, updatedAt: new Date(), version: sql`${workloads.version} + 1` })
    .where(and(eq(workloads.organisationId, organisationId), eq(workloads.id, id), eq(workloads.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteWorkload(tx: Db, organisationId: string, id: string): Promise<WorkloadRow | null> {
  const [row] = await tx.delete(workloads).where(and(eq(workloads.organisationId, organisationId), eq(workloads.id, id))).returning();
  return row ?? null;
}

/** A workload whose name is taken (case-insensitively), other than `exceptId`. */
export async function findWorkloadByName(db: Db, organisationId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: workloads.id })
    .from(workloads)
    .where(and(eq(workloads.organisationId, organisationId), sql`lower(${workloads.name}) = lower(${name})`, exceptId ? sql`${workloads.id} <> ${exceptId}` : undefined));
  return row;
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
export async function listLinkedAssets(db: Db, organisationId: string, workloadIds?: readonly string[]): Promise<LinkedAssetRow[]> {
  if (workloadIds && !workloadIds.length) return [];
  return db
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
    .where(and(eq(workloadAssets.organisationId, organisationId), workloadIds ? inArray(workloadAssets.workloadId, [...workloadIds]) : undefined))
    .orderBy(asc(assets.name), asc(assets.id));
}

/**
 * The given assets that belong to the organisation, locked against deletion
 * (FOR KEY SHARE) until the transaction ends, so a link never points at an
 * asset deleted meanwhile.
 */
export async function lockOwnAssets(tx: Db, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.organisationId, organisationId), inArray(assets.id, [...ids])))
    .for('key share');
  return new Set(rows.map((r) => r.id));
}

export async function listWorkloadAssetIds(db: Db, organisationId: string, workloadId: string): Promise<string[]> {
  const rows = await db
    .select({ assetId: workloadAssets.assetId })
    .from(workloadAssets)
    .where(and(eq(workloadAssets.organisationId, organisationId), eq(workloadAssets.workloadId, workloadId)));
  return rows.map((r) => r.assetId).sort();
}

export async function replaceWorkloadAssets(tx: Db, organisationId: string, workloadId: string, assetIds: readonly string[]): Promise<void> {
  await tx.delete(workloadAssets).where(and(eq(workloadAssets.organisationId, organisationId), eq(workloadAssets.workloadId, workloadId)));
  if (assetIds.length) await tx.insert(workloadAssets).values(assetIds.map((assetId) => ({ organisationId, workloadId, assetId })));
}

/** The value of the whole inventory, exact (III.3.3 ⑤), as a decimal string. */
export async function inventoryTotalYen(db: Db, organisationId: string): Promise<string> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${assets.totalValueYen}), 0)::text` })
    .from(assets)
    .where(eq(assets.organisationId, organisationId));
  return row.total;
}
