import type { z } from 'zod';
import type { CatalogItemRow } from '../catalog/catalog.public.ts';
import type {
  CreateWorkloadRequestSchema,
  TLinkedAsset,
  TWorkload,
  TWorkloadReference,
  UpdateWorkloadRequestSchema,
} from '../../shared/schemas/workload.schema.ts';
import { currentStage } from '../diagnosis/diagnosis.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { detailOf, loadedCollectionOf, loadedCollections, textAttribute, textListAttribute, type LoadedCollection } from './workload.catalog.ts';
import {
  inventoryTotalYen,
  listLinkedAssets,
  listWorkloadAssetIds,
  listWorkloads as listWorkloadRows,
  lockOwnAssets,
  replaceWorkloadAssets,
  workloadAuditView as auditView,
  workloadRegister,
  type LinkedAssetRow,
  type WorkloadPatch,
  type WorkloadRow,
} from './workload.repository.ts';
import {
  CORE_BUSINESS_IMPACT,
  ismsAssetView,
  SENSITIVE_IMPACTS,
  workloadVerdict,
  type Motive,
  type Priority,
  type Rank,
  type Sensitivity,
  type Stage,
  type StageXKind,
} from './workload.rules.ts';

/**
 * The organisation's current stage (0-4) as the diagnosis computes it, or
 * null while no gate decision has been recorded: the workload screens say
 * "no stage yet" and judge as stage 0 (workload.rules.ts `stageNotDiagnosed`).
 */
export async function currentStageOf(ctx: DataContext): Promise<Stage | null> {
  const current = await currentStage(ctx);
  return current.decided ? current.stage : null;
}

const linkedAsset = (a: LinkedAssetRow): TLinkedAsset => ({
  id: a.id,
  name: a.name,
  rank: a.rank as Rank,
  sensitivity: a.sensitivity as Sensitivity | null,
  riskCategoryId: a.riskCategoryId,
  containsPersonalData: a.containsPersonalData,
  totalValueYen: a.totalValueYen,
});

/** III.3.1: the category's ①-⑥ number, from the catalog item's `number` attribute. */
function categoryNumber(categories: LoadedCollection | null, categoryId: string | null): number | null {
  if (!categoryId || !categories) return null;
  const item = categories.items.find((i) => i.itemId === categoryId);
  const n = item?.attributes.number;
  return typeof n === 'number' ? n : null;
}

export interface WorkloadContext {
  currentStage: Stage | null;
  categories: LoadedCollection | null;
  inventoryTotalYen: string;
}

/** A workload row with its assets, the ISMS view and the verdict: mapped explicitly. */
export function presentWorkload(row: WorkloadRow, assetRows: readonly LinkedAssetRow[], ctx: WorkloadContext): TWorkload {
  const linked = assetRows.map(linkedAsset);
  const verdict = workloadVerdict(
    {
      motives: row.motives as Motive[],
      categoryNumber: categoryNumber(ctx.categories, row.categoryId),
      impactIds: row.impactIds,
      stageXKinds: row.stageXKinds as StageXKind[],
      riskTolerable: row.riskTolerable,
      coreBusiness: row.coreBusiness,
      hasStageXPlan: !!row.stageXPlan?.trim(),
      futurePriority: row.futurePriority as Priority | null,
      assets: linked,
    },
    ctx.currentStage,
  );
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    motives: row.motives as Motive[],
    categoryId: row.categoryId,
    impactIds: row.impactIds,
    stageXKinds: row.stageXKinds as StageXKind[],
    riskTolerable: row.riskTolerable,
    coreBusiness: row.coreBusiness,
    advantageThemeId: row.advantageThemeId,
    pastPriority: row.pastPriority as Priority | null,
    futurePriority: row.futurePriority as Priority | null,
    stageXPlan: row.stageXPlan,
    assets: linked,
    isms: ismsAssetView(linked, ctx.inventoryTotalYen),
    assessment: { ...verdict, currentStage: ctx.currentStage },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function verdictContextOf(ctx: DataContext): Promise<WorkloadContext> {
  const [currentStage, categories, total] = await ctx.sideBySide(() => currentStageOf(ctx), () => loadedCollectionOf(ctx, 'categories'), () => inventoryTotalYen(ctx));
  return { currentStage, categories, inventoryTotalYen: total };
}

function groupAssets(rows: readonly LinkedAssetRow[]): Map<string, LinkedAssetRow[]> {
  const byWorkload = new Map<string, LinkedAssetRow[]>();
  for (const r of rows) byWorkload.set(r.workloadId, [...(byWorkload.get(r.workloadId) ?? []), r]);
  return byWorkload;
}

export async function listWorkloads(ctx: DataContext) {
  const [rows, assetRows, verdictContext] = await ctx.sideBySide(() => listWorkloadRows(ctx), () => listLinkedAssets(ctx), () => verdictContextOf(ctx));
  const byWorkload = groupAssets(assetRows);
  return { items: rows.map((row) => presentWorkload(row, byWorkload.get(row.id) ?? [], verdictContext)), currentStage: verdictContext.currentStage };
}

async function presentOne(ctx: DataContext, row: WorkloadRow) {
  const [assetRows, verdictContext] = await ctx.sideBySide(() => listLinkedAssets(ctx, [row.id]), () => verdictContextOf(ctx));
  return presentWorkload(row, assetRows, verdictContext);
}

export async function getWorkload(ctx: DataContext, id: string) {
  return presentOne(ctx, await workloadRegister.get(ctx, id));
}

type WorkloadInput = Partial<z.output<typeof CreateWorkloadRequestSchema>>;

/**
 * Catalog references must name items of the organisation's loaded
 * collections (III.3.1 categories, 表5 rows, 表6 themes); assets must be the
 * organisation's. Everything wrong is reported at once, on its field.
 */
async function checkReferences(tx: DataContext, input: WorkloadInput): Promise<void> {
  const errors: FieldError[] = [];
  const { categories, impacts, advantageThemes } = await loadedCollections(tx, ['categories', 'impacts', 'advantageThemes']);
  const has = (c: LoadedCollection | null, id: string) => !!c?.items.some((i) => i.itemId === id);
  if (input.categoryId && !has(categories, input.categoryId)) errors.push({ path: 'categoryId', code: 'catalogItemUnknown' });
  input.impactIds?.forEach((id, i) => {
    if (!has(impacts, id)) errors.push({ path: `impactIds.${i}`, code: 'catalogItemUnknown' });
  });
  if (input.advantageThemeId && !has(advantageThemes, input.advantageThemeId)) errors.push({ path: 'advantageThemeId', code: 'catalogItemUnknown' });
  if (input.assetIds?.length) {
    const own = await lockOwnAssets(tx, input.assetIds);
    input.assetIds.forEach((id, i) => {
      if (!own.has(id)) errors.push({ path: `assetIds.${i}`, code: 'referenceNotFound' });
    });
  }
  if (errors.length) throw new HttpProblem(400, 'referenceNotFound', {}, errors);
}

/** An empty plan is no plan. */
const planOf = (plan: string | null | undefined) => (plan === undefined ? undefined : plan?.trim() ? plan : null);

function patchOf(input: WorkloadInput): WorkloadPatch {
  const patch: WorkloadPatch = {
    name: input.name,
    description: input.description,
    motives: input.motives,
    categoryId: input.categoryId,
    impactIds: input.impactIds,
    stageXKinds: input.stageXKinds,
    riskTolerable: input.riskTolerable,
    coreBusiness: input.coreBusiness,
    advantageThemeId: input.advantageThemeId,
    pastPriority: input.pastPriority,
    futurePriority: input.futurePriority,
    stageXPlan: planOf(input.stageXPlan),
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as WorkloadPatch;
}

export async function createWorkload(ctx: DataContext, input: z.output<typeof CreateWorkloadRequestSchema>) {
  return ctx.transaction(async (tx) => {
    await checkReferences(tx, input);
    await workloadRegister.assertNameFree(tx, input.name);
    const assetIds = input.assetIds ?? [];
    const row = await workloadRegister.create(tx, { ...patchOf(input), name: input.name }, { after: (r) => auditView(r, assetIds) });
    await replaceWorkloadAssets(tx, row.id, assetIds);
    return presentOne(tx, row);
  });
}

export async function updateWorkload(ctx: DataContext, id: string, input: z.output<typeof UpdateWorkloadRequestSchema>) {
  return ctx.transaction(async (tx) => {
    const { version, ...fields } = input;
    const before = await workloadRegister.expect(tx, id, version);
    await checkReferences(tx, fields);
    if (fields.name !== undefined) await workloadRegister.assertNameFree(tx, fields.name, id);
    const assetsBefore = await listWorkloadAssetIds(tx, id);
    const assetsAfter = fields.assetIds ?? assetsBefore;
    const row = await workloadRegister.update(tx, id, version, patchOf(fields), { before: auditView(before, assetsBefore), after: (r) => auditView(r, assetsAfter) });
    if (fields.assetIds) await replaceWorkloadAssets(tx, id, fields.assetIds);
    return presentOne(tx, row);
  });
}

export async function deleteWorkload(ctx: DataContext, id: string) {
  await ctx.transaction(async (tx) => {
    const assetIds = await listWorkloadAssetIds(tx, id);
    // Link rows (assets, systems) go with it (ON DELETE CASCADE); the trail keeps what they were.
    await workloadRegister.remove(tx, id, undefined, { before: (row) => auditView(row, assetIds) });
  });
}

const pair = (i: CatalogItemRow) => ({ ja: i.ja, en: i.en });

/** The catalog content of the workload screens, from the organisation's loaded collections. */
export async function workloadReference(ctx: DataContext): Promise<TWorkloadReference> {
  const [c, currentStage] = await ctx.sideBySide(() => loadedCollections(ctx, ['categories', 'impacts', 'advantageThemes', 'assetBreakdown', 'stages']), () => currentStageOf(ctx));
  const items = (col: LoadedCollection | null) => col?.items ?? [];
  return {
    currentStage,
    stages: items(c.stages)
      .filter((i) => i.attributes.kind === 'stage')
      .map((i) => ({ id: i.itemId, stage: i.attributes.stage as Stage, name: pair(i), source: i.source })),
    categories: items(c.categories).map((i) => ({
      id: i.itemId,
      number: typeof i.attributes.number === 'number' ? i.attributes.number : null,
      name: pair(i),
      examples: textListAttribute(i, 'examples'),
      source: i.source,
    })),
    impacts: items(c.impacts).map((i) => ({
      id: i.itemId,
      name: pair(i),
      provider: textAttribute(i, 'provider'),
      user: textAttribute(i, 'user'),
      customer: textAttribute(i, 'customer'),
      stageXKind: SENSITIVE_IMPACTS[i.itemId] ?? null,
      core: i.itemId === CORE_BUSINESS_IMPACT,
      source: i.source,
    })),
    advantageThemes: items(c.advantageThemes).map((i) => ({
      id: i.itemId,
      name: pair(i),
      detail: detailOf(i),
      examples: textAttribute(i, 'examples'),
      pastPriority: textAttribute(i, 'pastPriority'),
      futurePriority: textAttribute(i, 'futurePriority'),
      source: i.source,
    })),
    riskCategories: items(c.assetBreakdown)
      .filter((i) => i.attributes.kind === 'category')
      .map((i) => ({ id: i.itemId, name: pair(i) })),
    collections: Object.values(c)
      .filter((col): col is LoadedCollection => col !== null)
      .map((col) => ({ id: col.id, name: col.name, version: col.version, source: col.source })),
  };
}
