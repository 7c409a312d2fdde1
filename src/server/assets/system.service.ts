import type { z } from 'zod';
import type { CreateSystemRequestSchema, TPortfolio, TSystem, UpdateSystemRequestSchema } from '../../shared/schemas/system.schema.ts';
import { memberActor } from '../platform/audit/audit-actor.ts';
import { appendAudit } from '../platform/audit/audit.repository.ts';
import type { Database, Db } from '../platform/db/database.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { sideBySide } from '../platform/db/side-by-side.ts';
import {
  deleteSystem as deleteSystemRow,
  findSystem,
  findSystemByName,
  insertSystem,
  listSystemLinkIds,
  listSystemLinks,
  listSystems as listSystemRows,
  lockOwnSystems,
  lockOwnWorkloads,
  replaceSystemLinks,
  updateSystem as updateSystemRow,
  type LinkIds,
  type SystemLinks,
  type SystemPatch,
  type SystemRow,
} from './system.repository.ts';
import {
  dependencyCycles,
  finalPlacement,
  placementView,
  STRATEGY_CODES,
  strategyMatrix,
  systemFindings,
  type Connection,
  type Criticality,
  type Dependency,
  type Placement,
  type PortfolioSystem,
  type Strategy,
} from './system.rules.ts';
import { detailOf, loadedCollections } from './workload.catalog.ts';
import { lockOwnAssets } from './workload.repository.ts';

/** What the portfolio services need: the database, nothing else. */
export interface SystemDeps {
  database: Database;
}

export function portfolioSystem(row: SystemRow): PortfolioSystem {
  return {
    id: row.id,
    criticality: row.criticality as Criticality,
    strategy: row.strategy as Strategy | null,
    effortPersonMonths: row.effortPersonMonths,
    rationale: row.rationale,
    currentPlacement: row.currentPlacement as Placement,
    targetPlacement: row.targetPlacement as Placement | null,
    connections: row.connections as Connection[],
  };
}

/** Everything the presenter needs about the rest of the portfolio. */
interface PortfolioContext {
  byId: Map<string, SystemRow>;
  systems: Map<string, PortfolioSystem>;
  dependencies: Dependency[];
  cycles: string[][];
  links: SystemLinks;
}

function contextOf(rows: readonly SystemRow[], links: SystemLinks): PortfolioContext {
  const systems = new Map(rows.map((r) => [r.id, portfolioSystem(r)]));
  const ids = rows.map((r) => r.id);
  return { byId: new Map(rows.map((r) => [r.id, r])), systems, dependencies: links.dependencies, cycles: dependencyCycles(ids, links.dependencies), links };
}

const refs = (ids: readonly string[], byId: Map<string, SystemRow>) =>
  ids
    .map((id) => byId.get(id))
    .filter((r): r is SystemRow => !!r)
    .map((r) => ({ id: r.id, name: r.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ja'));

/** A system with its links and findings: mapped explicitly. */
export function presentSystem(row: SystemRow, ctx: PortfolioContext): TSystem {
  const self = ctx.systems.get(row.id) ?? portfolioSystem(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    criticality: self.criticality,
    strategy: self.strategy,
    effortPersonMonths: row.effortPersonMonths,
    rationale: row.rationale,
    currentPlacement: self.currentPlacement,
    targetPlacement: self.targetPlacement,
    finalPlacement: finalPlacement(self),
    connections: [...self.connections],
    workloads: ctx.links.workloads.filter((w) => w.systemId === row.id).map(({ id, name }) => ({ id, name })),
    assets: ctx.links.assets.filter((a) => a.systemId === row.id).map(({ id, name }) => ({ id, name })),
    dependsOn: refs(ctx.dependencies.filter((d) => d.systemId === row.id).map((d) => d.dependsOnId), ctx.byId),
    dependents: refs(ctx.dependencies.filter((d) => d.dependsOnId === row.id).map((d) => d.systemId), ctx.byId),
    findings: systemFindings(self, ctx.systems, ctx.dependencies, ctx.cycles),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function loadPortfolio(db: Db, organisationId: string) {
  const [rows, links] = await sideBySide(db, () => listSystemRows(db, organisationId), () => listSystemLinks(db, organisationId));
  return { rows, ctx: contextOf(rows, links) };
}

export async function listSystems(deps: SystemDeps, auth: OrgAuthContext) {
  const { rows, ctx } = await loadPortfolio(deps.database.db, auth.organisation.id);
  return { items: rows.map((r) => presentSystem(r, ctx)), cycles: ctx.cycles };
}

async function presentOne(db: Db, organisationId: string, id: string) {
  const { ctx } = await loadPortfolio(db, organisationId);
  const row = ctx.byId.get(id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return presentSystem(row, ctx);
}

export async function getSystem(deps: SystemDeps, auth: OrgAuthContext, id: string) {
  const { db } = deps.database;
  const row = await findSystem(db, auth.organisation.id, id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return presentOne(db, auth.organisation.id, id);
}

type SystemInput = Partial<z.output<typeof CreateSystemRequestSchema>>;

/**
 * Linked workloads, assets and systems must be the organisation's (another
 * organisation's id is as unknown as a made-up one), and a system never
 * depends on itself. Everything wrong is reported at once, on its field.
 */
async function checkReferences(tx: Db, organisationId: string, input: SystemInput, selfId: string | null): Promise<void> {
  const errors: FieldError[] = [];
  const [ownWorkloads, ownAssets, ownSystems] = await sideBySide(tx, () => lockOwnWorkloads(tx, organisationId, input.workloadIds ?? []), () => lockOwnAssets(tx, organisationId, input.assetIds ?? []), () => lockOwnSystems(tx, organisationId, input.dependsOnIds ?? []));
  input.workloadIds?.forEach((id, i) => {
    if (!ownWorkloads.has(id)) errors.push({ path: `workloadIds.${i}`, code: 'referenceNotFound' });
  });
  input.assetIds?.forEach((id, i) => {
    if (!ownAssets.has(id)) errors.push({ path: `assetIds.${i}`, code: 'referenceNotFound' });
  });
  input.dependsOnIds?.forEach((id, i) => {
    if (id === selfId) errors.push({ path: `dependsOnIds.${i}`, code: 'selfDependency' });
    else if (!ownSystems.has(id)) errors.push({ path: `dependsOnIds.${i}`, code: 'referenceNotFound' });
  });
  if (errors.length) throw new HttpProblem(400, 'referenceNotFound', {}, errors);
}

async function assertNameFree(tx: Db, organisationId: string, name: string, exceptId?: string) {
  if (await findSystemByName(tx, organisationId, name, exceptId)) {
    throw new HttpProblem(409, 'duplicateName', {}, [{ path: 'name', code: 'duplicateName' }]);
  }
}

const auditView = (row: SystemRow, links: LinkIds) => ({
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

function patchOf(input: SystemInput): SystemPatch {
  const patch: SystemPatch = {
    name: input.name,
    description: input.description,
    criticality: input.criticality,
    strategy: input.strategy,
    effortPersonMonths: input.effortPersonMonths,
    rationale: input.rationale,
    currentPlacement: input.currentPlacement,
    targetPlacement: input.targetPlacement,
    connections: input.connections,
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as SystemPatch;
}

const linksOf = (input: SystemInput): Partial<LinkIds> =>
  Object.fromEntries(Object.entries({ workloadIds: input.workloadIds, assetIds: input.assetIds, dependsOnIds: input.dependsOnIds }).filter(([, v]) => v !== undefined));

export async function createSystem(deps: SystemDeps, auth: OrgAuthContext, input: z.output<typeof CreateSystemRequestSchema>) {
  const organisationId = auth.organisation.id;
  return deps.database.db.transaction(async (tx) => {
    await checkReferences(tx, organisationId, input, null);
    await assertNameFree(tx, organisationId, input.name);
    const row = await insertSystem(tx, {
      ...patchOf(input),
      name: input.name,
      criticality: input.criticality,
      currentPlacement: input.currentPlacement,
      organisationId,
      createdBy: auth.user.id,
      updatedBy: auth.user.id,
    });
    const links: LinkIds = { workloadIds: input.workloadIds ?? [], assetIds: input.assetIds ?? [], dependsOnIds: input.dependsOnIds ?? [] };
    await replaceSystemLinks(tx, organisationId, row.id, links);
    await appendAudit(tx, { ...memberActor(auth), action: 'system.create', entityType: 'system', entityId: row.id, after: auditView(row, links) });
    return presentOne(tx, organisationId, row.id);
  });
}

export async function updateSystem(deps: SystemDeps, auth: OrgAuthContext, id: string, input: z.output<typeof UpdateSystemRequestSchema>) {
  const organisationId = auth.organisation.id;
  return deps.database.db.transaction(async (tx) => {
    const before = await findSystem(tx, organisationId, id);
    if (!before) throw new HttpProblem(404, 'notFound');
    const { version, ...fields } = input;
    if (before.version !== version) throw new HttpProblem(409, 'conflict');
    await checkReferences(tx, organisationId, fields, id);
    if (fields.name !== undefined) await assertNameFree(tx, organisationId, fields.name, id);
    const linksBefore = await listSystemLinkIds(tx, organisationId, id);
    const row = await updateSystemRow(tx, organisationId, id, version, { ...patchOf(fields), updatedBy: auth.user.id });
    if (!row) throw new HttpProblem(409, 'conflict');
    const changed = linksOf(fields);
    await replaceSystemLinks(tx, organisationId, id, changed);
    await appendAudit(tx, {
      ...memberActor(auth),
      action: 'system.update',
      entityType: 'system',
      entityId: id,
      before: auditView(before, linksBefore),
      after: auditView(row, { ...linksBefore, ...changed }),
    });
    return presentOne(tx, organisationId, id);
  });
}

export async function deleteSystem(deps: SystemDeps, auth: OrgAuthContext, id: string) {
  const organisationId = auth.organisation.id;
  await deps.database.db.transaction(async (tx) => {
    const links = await listSystemLinkIds(tx, organisationId, id);
    const row = await deleteSystemRow(tx, organisationId, id);
    if (!row) throw new HttpProblem(404, 'notFound');
    // Its links, and other systems' dependencies on it, go with it (ON DELETE CASCADE); the trail keeps them.
    await appendAudit(tx, { ...memberActor(auth), action: 'system.delete', entityType: 'system', entityId: id, before: auditView(row, links) });
  });
}

/** The strategy by criticality chart and the placement view, with the 7 Rs and seed 004's principles from the catalog. */
export async function portfolio(deps: SystemDeps, auth: OrgAuthContext): Promise<TPortfolio> {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const [{ rows, ctx }, catalog] = await sideBySide(db, () => loadPortfolio(db, organisationId), () => loadedCollections(db, organisationId, ['strategies', 'hybridDesign']));
  const list = rows.map((r) => ctx.systems.get(r.id)!);
  const tenths = list.reduce((sum, s) => sum + Math.round((s.effortPersonMonths ?? 0) * 10), 0);
  return {
    strategies: (catalog.strategies?.items ?? [])
      .filter((i) => STRATEGY_CODES.has(i.attributes.code as string))
      .map((i) => ({ code: i.attributes.code as Strategy, id: i.itemId, name: { ja: i.ja, en: i.en }, detail: detailOf(i), source: i.source })),
    systems: rows.map((r) => ({ id: r.id, name: r.name, criticality: r.criticality as Criticality, strategy: r.strategy as Strategy | null, effortPersonMonths: r.effortPersonMonths })),
    matrix: strategyMatrix(list),
    placement: placementView(list, ctx.dependencies),
    cycles: ctx.cycles,
    totals: { systems: list.length, effortPersonMonths: tenths / 10, undecided: list.filter((s) => s.strategy === null).length },
    // The principle this view applies: VPN or leased line, data through an API gateway; and the mainframe kept, loosely coupled.
    principles: (catalog.hybridDesign?.items ?? [])
      .filter((i) => HYBRID_PRINCIPLES.has(i.itemId))
      .map((i) => ({ id: i.itemId, name: { ja: i.ja, en: i.en }, source: i.source })),
  };
}

const HYBRID_PRINCIPLES = new Set([
  'urn:kumoji:seed-004:hybrid-design:cbd-keep-mainframe-loosely-coupled',
  'urn:kumoji:seed-004:hybrid-design:secure-connection-api-gateway',
  'urn:kumoji:seed-004:hybrid-design:cbd-government-cloud-ismap',
]);
