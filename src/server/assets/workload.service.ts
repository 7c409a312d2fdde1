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
import { memberActor } from '../platform/audit/audit-actor.ts';
import { appendAudit } from '../platform/audit/audit.repository.ts';
import type { Database, Db } from '../platform/db/database.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { sideBySide } from '../platform/db/side-by-side.ts';
import { COLLECTIONS, detailOf, loadedCollection, loadedCollections, textAttribute, textListAttribute, type LoadedCollection } from './workload.catalog.ts';
import {
  deleteWorkload as deleteWorkloadRow,
  findWorkload,
  findWorkloadByName,
  insertWorkload,
  inventoryTotalYen,
  listLinkedAssets,
  listWorkloadAssetIds,
  listWorkloads as listWorkloadRows,
  lockOwnAssets,
  replaceWorkloadAssets,
  updateWorkload as updateWorkloadRow,
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

/** What the workload services need: the database, nothing else. */
export interface WorkloadDeps {
  database: Database;
}

/**
 * The organisation's current stage (0-4) as the diagnosis computes it, or
 * null while no gate decision has been recorded: the workload screens say
 * "no stage yet" and judge as stage 0 (workload.rules.ts `stageNotDiagnosed`).
 */
export async function currentStageOf(db: Db, organisationId: string): Promise<Stage | null> {
  const current = await currentStage(db, organisationId);
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

async function contextOf(db: Db, organisationId: string): Promise<WorkloadContext> {
  const [currentStage, categories, total] = await sideBySide(db, () => currentStageOf(db, organisationId), () => loadedCollection(db, organisationId, COLLECTIONS.categories), () => inventoryTotalYen(db, organisationId));
  return { currentStage, categories, inventoryTotalYen: total };
}

function groupAssets(rows: readonly LinkedAssetRow[]): Map<string, LinkedAssetRow[]> {
  const byWorkload = new Map<string, LinkedAssetRow[]>();
  for (const r of rows) byWorkload.set(r.workloadId, [...(byWorkload.get(r.workloadId) ?? []), r]);
  return byWorkload;
}

export async function listWorkloads(deps: WorkloadDeps, auth: OrgAuthContext) {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const [rows, assetRows, ctx] = await sideBySide(db, () => listWorkloadRows(db, organisationId), () => listLinkedAssets(db, organisationId), () => contextOf(db, organisationId));
  const byWorkload = groupAssets(assetRows);
  return { items: rows.map((row) => presentWorkload(row, byWorkload.get(row.id) ?? [], ctx)), currentStage: ctx.currentStage };
}

async function presentOne(db: Db, organisationId: string, row: WorkloadRow) {
  const [assetRows, ctx] = await sideBySide(db, () => listLinkedAssets(db, organisationId, [row.id]), () => contextOf(db, organisationId));
  return presentWorkload(row, assetRows, ctx);
}

export async function getWorkload(deps: WorkloadDeps, auth: OrgAuthContext, id: string) {
  const { db } = deps.database;
  const row = await findWorkload(db, auth.organisation.id, id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return presentOne(db, auth.organisation.id, row);
}

type WorkloadInput = Partial<z.output<typeof CreateWorkloadRequestSchema>>;

/**
 * Catalog references must name items of the organisation's loaded
 * collections (III.3.1 categories, 表5 rows, 表6 themes); assets must be the
 * organisation's. Everything wrong is reported at once, on its field.
 */
async function checkReferences(tx: Db, organisationId: string, input: WorkloadInput): Promise<void> {
  const errors: FieldError[] = [];
  const { categories, impacts, advantageThemes } = await loadedCollections(tx, organisationId, ['categories', 'impacts', 'advantageThemes']);
  const has = (c: LoadedCollection | null, id: string) => !!c?.items.some((i) => i.itemId === id);
  if (input.categoryId && !has(categories, input.categoryId)) errors.push({ path: 'categoryId', code: 'catalogItemUnknown' });
  input.impactIds?.forEach((id, i) => {
    if (!has(impacts, id)) errors.push({ path: `impactIds.${i}`, code: 'catalogItemUnknown' });
  });
  if (input.advantageThemeId && !has(advantageThemes, input.advantageThemeId)) errors.push({ path: 'advantageThemeId', code: 'catalogItemUnknown' });
  if (input.assetIds?.length) {
    const own = await lockOwnAssets(tx, organisationId, input.assetIds);
    input.assetIds.forEach((id, i) => {
      if (!own.has(id)) errors.push({ path: `assetIds.${i}`, code: 'referenceNotFound' });
    });
  }
  if (errors.length) throw new HttpProblem(400, 'referenceNotFound', {}, errors);
}

async function assertNameFree(tx: Db, organisationId: string, name: string, exceptId?: string) {
  if (await findWorkloadByName(tx, organisationId, name, exceptId)) {
    throw new HttpProblem(409, 'duplicateName', {}, [{ path: 'name', code: 'duplicateName' }]);
  }
}

/** The workload as the audit trail records it: its own fields and the linked asset ids. */
const auditView = (row: WorkloadRow, assetIds: readonly string[]) => ({
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

export async function createWorkload(deps: WorkloadDeps, auth: OrgAuthContext, input: z.output<typeof CreateWorkloadRequestSchema>) {
  const organisationId = auth.organisation.id;
  return deps.database.db.transaction(async (tx) => {
    await checkReferences(tx, organisationId, input);
    await assertNameFree(tx, organisationId, input.name);
    const row = await insertWorkload(tx, { ...patchOf(input), name: input.name, organisationId, createdBy: auth.user.id, updatedBy: auth.user.id });
    const assetIds = input.assetIds ?? [];
    await replaceWorkloadAssets(tx, organisationId, row.id, assetIds);
    await appendAudit(tx, { ...memberActor(auth), action: 'workload.create', entityType: 'workload', entityId: row.id, after: auditView(row, assetIds) });
    return presentOne(tx, organisationId, row);
  });
}

export async function updateWorkload(deps: WorkloadDeps, auth: OrgAuthContext, id: string, input: z.output<typeof UpdateWorkloadRequestSchema>) {
  const organisationId = auth.organisation.id;
  return deps.database.db.transaction(async (tx) => {
    const before = await findWorkload(tx, organisationId, id);
    if (!before) throw new HttpProblem(404, 'notFound');
    const { version, ...fields } = input;
    if (before.version !== version) throw new HttpProblem(409, 'conflict');
    await checkReferences(tx, organisationId, fields);
    if (fields.name !== undefined) await assertNameFree(tx, organisationId, fields.name, id);
    const assetsBefore = await listWorkloadAssetIds(tx, organisationId, id);
    const row = await updateWorkloadRow(tx, organisationId, id, version, { ...patchOf(fields), updatedBy: auth.user.id });
    if (!row) throw new HttpProblem(409, 'conflict');
    const assetsAfter = fields.assetIds ?? assetsBefore;
    if (fields.assetIds) await replaceWorkloadAssets(tx, organisationId, id, fields.assetIds);
    await appendAudit(tx, {
      ...memberActor(auth),
      action: 'workload.update',
      entityType: 'workload',
      entityId: id,
      before: auditView(before, assetsBefore),
      after: auditView(row, assetsAfter),
    });
    return presentOne(tx, organisationId, row);
  });
}

export async function deleteWorkload(deps: WorkloadDeps, auth: OrgAuthContext, id: string) {
  const organisationId = auth.organisation.id;
  await deps.database.db.transaction(async (tx) => {
    const assetIds = await listWorkloadAssetIds(tx, organisationId, id);
    const row = await deleteWorkloadRow(tx, organisationId, id);
    if (!row) throw new HttpProblem(404, 'notFound');
    // Link rows (assets, systems) go with it (ON DELETE CASCADE); the trail keeps what they were.
    await appendAudit(tx, { ...memberActor(auth), action: 'workload.delete', entityType: 'workload', entityId: id, before: auditView(row, assetIds) });
  });
}

const pair = (i: CatalogItemRow) => ({ ja: i.ja, en: i.en });

/** The catalog content of the workload screens, from the organisation's loaded collections. */
export async function workloadReference(deps: WorkloadDeps, auth: OrgAuthContext): Promise<TWorkloadReference> {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const [c, currentStage] = await sideBySide(db, () => loadedCollections(db, organisationId, ['categories', 'impacts', 'advantageThemes', 'assetBreakdown', 'stages']), () => currentStageOf(db, organisationId));
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
