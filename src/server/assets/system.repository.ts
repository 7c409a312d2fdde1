import { and, asc, eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister } from '../platform/register/register.ts';
import { assets } from './asset.table.ts';
import { systemAssets, systemDependencies, systems, systemWorkloads } from './system.table.ts';
import { workloads } from './workload.table.ts';

/**
 * Queries of the system portfolio, through the request's DataContext: every
 * statement is scoped to its organisation; link rows carry it too
 * (composite foreign keys), so a link can never cross organisations.
 */

export type SystemRow = typeof systems.$inferSelect;
export type SystemPatch = Partial<Omit<typeof systems.$inferInsert, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'version' | 'createdBy'>>;

export interface LinkIds {
  workloadIds: string[];
  assetIds: string[];
  dependsOnIds: string[];
}

const NO_LINKS: LinkIds = { workloadIds: [], assetIds: [], dependsOnIds: [] };

/** The system as the audit trail records it: its own fields and its links. */
export const systemAuditView = (row: SystemRow, links: LinkIds) => ({
  name: row.name,
  description: row.description,
  criticality: row.criticality,
  strategy: row.strategy,
  effortPersonMonths: row.effortPersonMonths,
  rationale: row.rationale,
  currentPlacement: row.currentPlacement,
  targetPlacement: row.targetPlacement,
  connections: row.connections,
  workloadIds: [...links.workloadIds].sort(),
  assetIds: [...links.assetIds].sort(),
  dependsOnIds: [...links.dependsOnIds].sort(),
  version: row.version,
});

/** Systems as a versioned register (platform/register): create, versioned update, delete, audited. */
export const systemRegister = defineRegister({
  table: systems,
  entityType: 'system',
  auditView: (row: SystemRow) => systemAuditView(row, NO_LINKS),
  nameColumn: systems.name,
});

export function listSystems(ctx: DataContext): Promise<SystemRow[]> {
  return ctx.select(systems, { orderBy: [asc(systems.name), asc(systems.id)] });
}

export interface SystemLinks {
  workloads: { systemId: string; id: string; name: string }[];
  assets: { systemId: string; id: string; name: string }[];
  dependencies: { systemId: string; dependsOnId: string }[];
}

/** The named rows (workloads or assets) the organisation's systems link to through `link`, in name order. */
function linkedNames(ctx: DataContext, link: typeof systemWorkloads | typeof systemAssets, target: typeof workloads | typeof assets, targetId: AnyPgColumn, systemId?: string) {
  return ctx.db
    .select({ systemId: link.systemId, id: target.id, name: target.name })
    .from(link)
    .innerJoin(target, and(eq(target.id, targetId), eq(target.organisationId, link.organisationId)))
    .where(ctx.scoped(link, systemId ? eq(link.systemId, systemId) : undefined))
    .orderBy(asc(target.name), asc(target.id));
}

/** Every link of the organisation's systems (or of one system: its own links and who depends on it). */
export async function listSystemLinks(ctx: DataContext, systemId?: string): Promise<SystemLinks> {
  const [workloadRows, assetRows, dependencyRows] = await ctx.sideBySide(
    () => linkedNames(ctx, systemWorkloads, workloads, systemWorkloads.workloadId, systemId),
    () => linkedNames(ctx, systemAssets, assets, systemAssets.assetId, systemId),
    () => ctx.db.select({ systemId: systemDependencies.systemId, dependsOnId: systemDependencies.dependsOnId }).from(systemDependencies).where(ctx.scoped(systemDependencies)),
  );
  return { workloads: workloadRows, assets: assetRows, dependencies: dependencyRows };
}

/** The given workloads and systems that are the organisation's, locked against deletion until the transaction ends. */
export const lockOwnWorkloads = (ctx: DataContext, ids: readonly string[]) => ctx.lockOwnIds(workloads, ids);
export const lockOwnSystems = (ctx: DataContext, ids: readonly string[]) => ctx.lockOwnIds(systems, ids);

export async function listSystemLinkIds(ctx: DataContext, systemId: string): Promise<LinkIds> {
  const [w, a, d] = await ctx.sideBySide(
    () => ctx.db.select({ id: systemWorkloads.workloadId }).from(systemWorkloads).where(ctx.scoped(systemWorkloads, eq(systemWorkloads.systemId, systemId))),
    () => ctx.db.select({ id: systemAssets.assetId }).from(systemAssets).where(ctx.scoped(systemAssets, eq(systemAssets.systemId, systemId))),
    () => ctx.db.select({ id: systemDependencies.dependsOnId }).from(systemDependencies).where(ctx.scoped(systemDependencies, eq(systemDependencies.systemId, systemId))),
  );
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  return { workloadIds: ids(w), assetIds: ids(a), dependsOnIds: ids(d) };
}

/** Replaces the links that `links` names (an omitted list stays as it is). */
export async function replaceSystemLinks(ctx: DataContext, systemId: string, links: Partial<LinkIds>): Promise<void> {
  if (links.workloadIds) {
    await ctx.db.delete(systemWorkloads).where(ctx.scoped(systemWorkloads, eq(systemWorkloads.systemId, systemId)));
    await ctx.insert(systemWorkloads, links.workloadIds.map((workloadId) => ({ systemId, workloadId })));
  }
  if (links.assetIds) {
    await ctx.db.delete(systemAssets).where(ctx.scoped(systemAssets, eq(systemAssets.systemId, systemId)));
    await ctx.insert(systemAssets, links.assetIds.map((assetId) => ({ systemId, assetId })));
  }
  if (links.dependsOnIds) {
    await ctx.db.delete(systemDependencies).where(ctx.scoped(systemDependencies, eq(systemDependencies.systemId, systemId)));
    await ctx.insert(systemDependencies, links.dependsOnIds.map((dependsOnId) => ({ systemId, dependsOnId })));
  }
}
