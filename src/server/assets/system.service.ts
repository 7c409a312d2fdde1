import type { z } from 'zod';
import type { CreateSystemRequestSchema, TPortfolio, TSystem, UpdateSystemRequestSchema } from '../../shared/schemas/system.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import {
  listSystemLinkIds,
  listSystemLinks,
  listSystems as listSystemRows,
  lockOwnSystems,
  lockOwnWorkloads,
  replaceSystemLinks,
  systemAuditView as auditView,
  systemRegister,
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
export function presentSystem(row: SystemRow, whole: PortfolioContext): TSystem {
  const self = whole.systems.get(row.id) ?? portfolioSystem(row);
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
    workloads: whole.links.workloads.filter((w) => w.systemId === row.id).map(({ id, name }) => ({ id, name })),
    assets: whole.links.assets.filter((a) => a.systemId === row.id).map(({ id, name }) => ({ id, name })),
    dependsOn: refs(whole.dependencies.filter((d) => d.systemId === row.id).map((d) => d.dependsOnId), whole.byId),
    dependents: refs(whole.dependencies.filter((d) => d.dependsOnId === row.id).map((d) => d.systemId), whole.byId),
    findings: systemFindings(self, whole.systems, whole.dependencies, whole.cycles),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function loadPortfolio(ctx: DataContext) {
  const [rows, links] = await ctx.sideBySide(() => listSystemRows(ctx), () => listSystemLinks(ctx));
  return { rows, whole: contextOf(rows, links) };
}

export async function listSystems(ctx: DataContext) {
  const { rows, whole } = await loadPortfolio(ctx);
  return { items: rows.map((r) => presentSystem(r, whole)), cycles: whole.cycles };
}

async function presentOne(ctx: DataContext, id: string) {
  const { whole } = await loadPortfolio(ctx);
  const row = whole.byId.get(id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return presentSystem(row, whole);
}

export async function getSystem(ctx: DataContext, id: string) {
  await systemRegister.get(ctx, id);
  return presentOne(ctx, id);
}

type SystemInput = Partial<z.output<typeof CreateSystemRequestSchema>>;

/**
 * Linked workloads, assets and systems must be the organisation's (another
 * organisation's id is as unknown as a made-up one), and a system never
 * depends on itself. Everything wrong is reported at once, on its field.
 */
async function checkReferences(tx: DataContext, input: SystemInput, selfId: string | null): Promise<void> {
  const errors: FieldError[] = [];
  const [ownWorkloads, ownAssets, ownSystems] = await tx.sideBySide(() => lockOwnWorkloads(tx, input.workloadIds ?? []), () => lockOwnAssets(tx, input.assetIds ?? []), () => lockOwnSystems(tx, input.dependsOnIds ?? []));
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

export async function createSystem(ctx: DataContext, input: z.output<typeof CreateSystemRequestSchema>) {
  return ctx.transaction(async (tx) => {
    await checkReferences(tx, input, null);
    await systemRegister.assertNameFree(tx, input.name);
    const links: LinkIds = { workloadIds: input.workloadIds ?? [], assetIds: input.assetIds ?? [], dependsOnIds: input.dependsOnIds ?? [] };
    const values = { ...patchOf(input), name: input.name, criticality: input.criticality, currentPlacement: input.currentPlacement };
    const row = await systemRegister.create(tx, values, { after: (r) => auditView(r, links) });
    await replaceSystemLinks(tx, row.id, links);
    return presentOne(tx, row.id);
  });
}

export async function updateSystem(ctx: DataContext, id: string, input: z.output<typeof UpdateSystemRequestSchema>) {
  return ctx.transaction(async (tx) => {
    const { version, ...fields } = input;
    const before = await systemRegister.expect(tx, id, version);
    await checkReferences(tx, fields, id);
    if (fields.name !== undefined) await systemRegister.assertNameFree(tx, fields.name, id);
    const linksBefore = await listSystemLinkIds(tx, id);
    const changed = linksOf(fields);
    await systemRegister.update(tx, id, version, patchOf(fields), { before: auditView(before, linksBefore), after: (r) => auditView(r, { ...linksBefore, ...changed }) });
    await replaceSystemLinks(tx, id, changed);
    return presentOne(tx, id);
  });
}

export async function deleteSystem(ctx: DataContext, id: string) {
  await ctx.transaction(async (tx) => {
    const links = await listSystemLinkIds(tx, id);
    // Its links, and other systems' dependencies on it, go with it (ON DELETE CASCADE); the trail keeps them.
    await systemRegister.remove(tx, id, undefined, { before: (row) => auditView(row, links) });
  });
}

/** The strategy by criticality chart and the placement view, with the 7 Rs and seed 004's principles from the catalog. */
export async function portfolio(ctx: DataContext): Promise<TPortfolio> {
  const [{ rows, whole }, catalog] = await ctx.sideBySide(() => loadPortfolio(ctx), () => loadedCollections(ctx, ['strategies', 'hybridDesign']));
  const list = rows.map((r) => whole.systems.get(r.id)!);
  const tenths = list.reduce((sum, s) => sum + Math.round((s.effortPersonMonths ?? 0) * 10), 0);
  return {
    strategies: (catalog.strategies?.items ?? [])
      .filter((i) => STRATEGY_CODES.has(i.attributes.code as string))
      .map((i) => ({ code: i.attributes.code as Strategy, id: i.itemId, name: { ja: i.ja, en: i.en }, detail: detailOf(i), source: i.source })),
    systems: rows.map((r) => ({ id: r.id, name: r.name, criticality: r.criticality as Criticality, strategy: r.strategy as Strategy | null, effortPersonMonths: r.effortPersonMonths })),
    matrix: strategyMatrix(list),
    placement: placementView(list, whole.dependencies),
    cycles: whole.cycles,
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
