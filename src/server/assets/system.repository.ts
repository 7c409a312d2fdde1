import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { sideBySide } from '../platform/db/side-by-side.ts';
import { assets } from './asset.table.ts';
import { systemAssets, systemDependencies, systems, systemWorkloads } from './system.table.ts';
import { workloads } from './workload.table.ts';

/**
 * Queries of the system portfolio. Every function takes the organisation id
 * from the session and puts it in the where clause; link rows carry it too
 * (composite foreign keys), so a link can never cross organisations.
 */

export type SystemRow = typeof systems.$inferSelect;
export type NewSystem = Omit<typeof systems.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;
export type SystemPatch = Partial<Omit<NewSystem, 'organisationId' | 'createdBy'>>;

export async function listSystems(db: Db, organisationId: string): Promise<SystemRow[]> {
  return db.select().from(systems).where(eq(systems.organisationId, organisationId)).orderBy(asc(systems.name), asc(systems.id));
}

export async function findSystem(db: Db, organisationId: string, id: string): Promise<SystemRow | undefined> {
  const [row] = await db.select().from(systems).where(and(eq(systems.organisationId, organisationId), eq(systems.id, id)));
  return row;
}

export async function findSystemByName(db: Db, organisationId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: systems.id })
    .from(systems)
    .where(and(eq(systems.organisationId, organisationId), sql`lower(${systems.name}) = lower(${name})`, exceptId ? sql`${systems.id} <> ${exceptId}` : undefined));
  return row;
}

export async function insertSystem(tx: Db, values: NewSystem): Promise<SystemRow> {
  const [row] = await tx.insert(systems).values(values).returning();
  return row;
}

export async function updateSystem(tx: Db, organisationId: string, id: string, version: number, patch: SystemPatch): Promise<SystemRow | null> {
  const [row] = await tx
    .update(systems)
    .set({ ...patch, updatedAt: new Date(), version: sql`${systems.version} + 1` })
    .where(and(eq(systems.organisationId, organisationId), eq(systems.id, id), eq(systems.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteSystem(tx: Db, organisationId: string, id: string): Promise<SystemRow | null> {
  const [row] = await tx.delete(systems).where(and(eq(systems.organisationId, organisationId), eq(systems.id, id))).returning();
  return row ?? null;
}

export interface SystemLinks {
  workloads: { systemId: string; id: string; name: string }[];
  assets: { systemId: string; id: string; name: string }[];
  dependencies: { systemId: string; dependsOnId: string }[];
}

/** Every link of the organisation's systems (or of one system: its own links and who depends on it). */
export async function listSystemLinks(db: Db, organisationId: string, systemId?: string): Promise<SystemLinks> {
  const [workloadRows, assetRows, dependencyRows] = await sideBySide(db, () => db
      .select({ systemId: systemWorkloads.systemId, id: workloads.id, name: workloads.name })
      .from(systemWorkloads)
      .innerJoin(workloads, and(eq(workloads.id, systemWorkloads.workloadId), eq(workloads.organisationId, systemWorkloads.organisationId)))
      .where(and(eq(systemWorkloads.organisationId, organisationId), systemId ? eq(systemWorkloads.systemId, systemId) : undefined))
      .orderBy(asc(workloads.name), asc(workloads.id)), () => db
      .select({ systemId: systemAssets.systemId, id: assets.id, name: assets.name })
      .from(systemAssets)
      .innerJoin(assets, and(eq(assets.id, systemAssets.assetId), eq(assets.organisationId, systemAssets.organisationId)))
      .where(and(eq(systemAssets.organisationId, organisationId), systemId ? eq(systemAssets.systemId, systemId) : undefined))
      .orderBy(asc(assets.name), asc(assets.id)), () => db
      .select({ systemId: systemDependencies.systemId, dependsOnId: systemDependencies.dependsOnId })
      .from(systemDependencies)
      .where(eq(systemDependencies.organisationId, organisationId)));
  return { workloads: workloadRows, assets: assetRows, dependencies: dependencyRows };
}

/** The given ids that are workloads of the organisation, locked against deletion until the transaction ends. */
export async function lockOwnWorkloads(tx: Db, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: workloads.id })
    .from(workloads)
    .where(and(eq(workloads.organisationId, organisationId), inArray(workloads.id, [...ids])))
    .for('key share');
  return new Set(rows.map((r) => r.id));
}

export async function lockOwnSystems(tx: Db, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: systems.id })
    .from(systems)
    .where(and(eq(systems.organisationId, organisationId), inArray(systems.id, [...ids])))
    .for('key share');
  return new Set(rows.map((r) => r.id));
}

export interface LinkIds {
  workloadIds: string[];
  assetIds: string[];
  dependsOnIds: string[];
}

export async function listSystemLinkIds(db: Db, organisationId: string, systemId: string): Promise<LinkIds> {
  const [w, a, d] = await sideBySide(db, () => db.select({ id: systemWorkloads.workloadId }).from(systemWorkloads).where(and(eq(systemWorkloads.organisationId, organisationId), eq(systemWorkloads.systemId, systemId))), () => db.select({ id: systemAssets.assetId }).from(systemAssets).where(and(eq(systemAssets.organisationId, organisationId), eq(systemAssets.systemId, systemId))), () => db
      .select({ id: systemDependencies.dependsOnId })
      .from(systemDependencies)
      .where(and(eq(systemDependencies.organisationId, organisationId), eq(systemDependencies.systemId, systemId))));
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  return { workloadIds: ids(w), assetIds: ids(a), dependsOnIds: ids(d) };
}

/** Replaces the links that `links` names (an omitted list stays as it is). */
export async function replaceSystemLinks(tx: Db, organisationId: string, systemId: string, links: Partial<LinkIds>): Promise<void> {
  if (links.workloadIds) {
    await tx.delete(systemWorkloads).where(and(eq(systemWorkloads.organisationId, organisationId), eq(systemWorkloads.systemId, systemId)));
    if (links.workloadIds.length) await tx.insert(systemWorkloads).values(links.workloadIds.map((workloadId) => ({ organisationId, systemId, workloadId })));
  }
  if (links.assetIds) {
    await tx.delete(systemAssets).where(and(eq(systemAssets.organisationId, organisationId), eq(systemAssets.systemId, systemId)));
    if (links.assetIds.length) await tx.insert(systemAssets).values(links.assetIds.map((assetId) => ({ organisationId, systemId, assetId })));
  }
  if (links.dependsOnIds) {
    await tx.delete(systemDependencies).where(and(eq(systemDependencies.organisationId, organisationId), eq(systemDependencies.systemId, systemId)));
    if (links.dependsOnIds.length) await tx.insert(systemDependencies).values(links.dependsOnIds.map((dependsOnId) => ({ organisationId, systemId, dependsOnId })));
  }
}
