import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { thousandYenToYen, yenToThousandYen } from '../../shared/assets/asset-money.ts';
import type {
  AssetListQuerySchema,
  BulkUpdateAssetsRequestSchema,
  CreateAssetRequestSchema,
  TAsset,
  TAssetChoices,
  TAssetPage,
  TAssetSummary,
  TConfidentiality,
  TMedium,
  TPlacement,
  TRank,
  TSensitivity,
  UpdateAssetRequestSchema,
} from '../../shared/schemas/asset.schema.ts';
import { DataContext, type DataDeps } from '../platform/db/data-context.ts';
import { findDepartment } from '../platform/orgs/department.repository.ts';
import { departmentChoices } from '../platform/orgs/department.service.ts';
import { findMembership, listMembers } from '../platform/orgs/organisation.repository.ts';
import { annualRevenueYen } from '../platform/orgs/organisation-profile.public.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { changedKeys, recordNotFound } from '../platform/register/register.ts';
import { auditEntriesOf } from '../platform/register/register-history.ts';
import { LIST_COUNT_CAP } from '../platform/register/register-page.ts';
import { readForEdit, uniqueKeyAs, updateInStatement } from '../platform/register/register-statement.ts';
import { assetClassifications } from './asset-catalog.ts';
import { auditSnapshot, assetRegister } from './asset.register.ts';
import {
  assetTotals,
  countAssets,
  countFromTotals,
  findAsset,
  findAssets,
  fromRaw,
  listAssets,
  lockAssets,
  searchFirstPage,
  updateAssets,
  withOwners,
  type AssetRow,
  type NewAssetRow,
  type RawAssetRow,
} from './asset.repository.ts';
import { assetModelCheck, decodeCursor, encodeCursor } from './asset.rules.ts';

/** What the inventory's routes need: the database, from which each request builds its data context. */
export type AssetDeps = DataDeps;

/** The signed-in member's data context for one request: every inventory query is scoped by it. */
export const assetContext = (deps: AssetDeps, auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);

export function presentAsset(r: AssetRow): TAsset {
  return {
    id: r.id,
    name: r.name,
    medium: r.medium as TMedium,
    content: r.content,
    location: r.location,
    owner:
      r.ownerUserId && r.ownerEmail !== null
        ? { userId: r.ownerUserId, displayName: r.ownerDisplayName ?? '', email: r.ownerEmail, member: r.ownerIsMember }
        : null,
    ownerDepartment: r.ownerDepartmentId && r.ownerDepartmentName !== null ? { id: r.ownerDepartmentId, name: r.ownerDepartmentName } : null,
    records: r.records,
    rank: r.rank as TRank,
    unitValueThousandYen: yenToThousandYen(BigInt(r.unitValueYen)),
    unitValueYen: String(r.unitValueYen),
    totalValueYen: r.totalValueYen ?? (BigInt(r.records) * BigInt(r.unitValueYen)).toString(),
    assetClassId: r.assetClassId,
    informationGroupId: r.informationGroupId,
    riskCategoryId: r.riskCategoryId,
    sensitivity: r.sensitivity as TSensitivity | null,
    confidentiality: r.confidentiality as TConfidentiality | null,
    containsPersonalData: r.containsPersonalData,
    currentPlacement: r.currentPlacement as TPlacement,
    currentProviderId: r.currentProviderId,
    plannedPlacement: r.plannedPlacement as TPlacement | null,
    plannedProviderId: r.plannedProviderId,
    notes: r.notes,
    createdByImportId: r.createdByImportId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

type AssetInput = Partial<z.output<typeof CreateAssetRequestSchema>>;

/** The request's fields as table columns (千円 text → whole yen). */
function columnsOf(input: AssetInput): Partial<NewAssetRow> {
  const out: Partial<NewAssetRow> = {};
  const copy = ['name', 'medium', 'content', 'location', 'ownerUserId', 'ownerDepartmentId', 'records', 'rank', 'assetClassId', 'informationGroupId', 'riskCategoryId', 'sensitivity', 'confidentiality', 'containsPersonalData', 'currentPlacement', 'plannedPlacement', 'notes'] as const;
  for (const k of copy) if (input[k] !== undefined) (out as Record<string, unknown>)[k] = input[k];
  // One owner: naming a member clears the department, and the other way round.
  if (input.ownerUserId && input.ownerDepartmentId === undefined) out.ownerDepartmentId = null;
  if (input.ownerDepartmentId && input.ownerUserId === undefined) out.ownerUserId = null;
  if (input.unitValueThousandYen !== undefined) {
    const yen = thousandYenToYen(input.unitValueThousandYen);
    if (yen === null) throw new HttpProblem(400, 'validation', {}, [{ path: 'unitValueThousandYen', code: 'thousandYen' }]);
    out.unitValueYen = Number(yen);
  }
  return out;
}

/**
 * References a request may name: the owner must be a member of the
 * organisation (seed 000 III.4.2 ⑤: the risk owner), classifications must be
 * items of the organisation's loaded catalog collections.
 */
async function checkReferences(ctx: DataContext, input: AssetInput, prefix = ''): Promise<void> {
  const { db, organisationId } = ctx;
  const errors: FieldError[] = [];
  if (input.ownerUserId && !(await findMembership(db, organisationId, input.ownerUserId))) errors.push({ path: `${prefix}ownerUserId`, code: 'ownerNotMember' });
  if (input.ownerDepartmentId && !(await findDepartment(db, organisationId, input.ownerDepartmentId))) errors.push({ path: `${prefix}ownerDepartmentId`, code: 'unknownDepartment' });
  if (input.ownerUserId && input.ownerDepartmentId) errors.push({ path: `${prefix}ownerDepartmentId`, code: 'oneOwner' });
  if (input.assetClassId || input.informationGroupId || input.riskCategoryId) {
    const c = await assetClassifications(ctx);
    const check = (key: 'assetClassId' | 'informationGroupId' | 'riskCategoryId', list: { id: string }[]) => {
      const v = input[key];
      if (v && !list.some((x) => x.id === v)) errors.push({ path: `${prefix}${key}`, code: 'unknownCatalogItem' });
    };
    check('assetClassId', c.assetClasses);
    check('informationGroupId', c.informationGroups);
    check('riskCategoryId', c.riskCategories);
  }
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

/** A unique-name violation as a field error the form can show. */
const nameTaken = uniqueKeyAs('assets_org_name_key', () => new HttpProblem(409, 'assetNameTaken', {}, [{ path: 'name', code: 'assetNameTaken' }]));

async function presentFound(ctx: DataContext, id: string): Promise<TAsset> {
  const row = await findAsset(ctx, id);
  if (!row) throw recordNotFound();
  return presentAsset(row);
}

export function getAsset(ctx: DataContext, id: string): Promise<TAsset> {
  return presentFound(ctx, id);
}

export async function createAsset(ctx: DataContext, input: z.output<typeof CreateAssetRequestSchema>): Promise<TAsset> {
  await checkReferences(ctx, input);
  const row = await ctx.transaction((tx) => assetRegister.create(tx, columnsOf(input) as NewAssetRow)).catch(nameTaken);
  return presentFound(ctx, row.id);
}

/**
 * An edit is one statement when nothing moved meanwhile (the base's
 * `updateInStatement`): the answer comes from that statement, with the
 * owner's names, instead of a read after it.
 */
export async function editAsset(ctx: DataContext, id: string, input: z.output<typeof UpdateAssetRequestSchema>): Promise<TAsset> {
  const { version, ...fields } = input;
  const read = await readForEdit(ctx, () => assetRegister.find(ctx, id));
  if (!read.row) throw recordNotFound();
  await checkReferences(ctx, fields);
  const row = await updateInStatement(ctx, read, {
    register: assetRegister,
    id,
    version,
    patch: columnsOf(fields),
    changedOnly: true,
    answer: withOwners,
    map: (raw) => fromRaw(raw as RawAssetRow),
  }).catch(nameTaken);
  return presentAsset(row);
}

export async function removeAsset(ctx: DataContext, id: string, version: number | undefined): Promise<void> {
  await ctx.transaction((tx) => assetRegister.remove(tx, id, version));
}

/**
 * How far a search counts its matches. A query with a run of three letters or
 * digits is answered by the trigram index, and counts as far as any list
 * (10,000); a shorter one has no trigram and reads the assets themselves, so
 * it stops counting at 1,000 ("1,000 件以上") rather than read ten times as many.
 */
export const SHORT_SEARCH_COUNT_CAP = 1_000;
export const searchCountCap = (q: string): number => (/[\p{L}\p{N}]{3}/u.test(q) ? LIST_COUNT_CAP : SHORT_SEARCH_COUNT_CAP);

export async function listAssetPage(ctx: DataContext, query: z.output<typeof AssetListQuerySchema>): Promise<TAssetPage> {
  const { sort, dir, cursor: rawCursor, limit, ...filter } = query;
  const cursor = rawCursor ? decodeCursor(rawCursor, sort, dir) : null;
  if (rawCursor && !cursor) throw new HttpProblem(400, 'validation', {}, [{ path: 'query.cursor', code: 'invalid' }]);
  const cap = filter.q ? searchCountCap(filter.q) : LIST_COUNT_CAP;
  const searched = !cursor && filter.q ? await searchFirstPage(ctx, filter, sort, dir, limit + 1, cap + 1) : null;
  /** The first page's count and how far it went: a count from the totals is exact at any size, one made by reading stops past its cap. */
  const firstPageCount = async (): Promise<{ count: number; cap: number } | null> => {
    if (cursor) return null;
    const fromTotals = await countFromTotals(ctx, filter);
    return fromTotals !== null ? { count: fromTotals, cap: Infinity } : { count: await countAssets(ctx, filter, LIST_COUNT_CAP + 1), cap };
  };
  const [rows, counted] = searched
    ? // Past its cap a search has no page (`rows` null): its count is known, only the page is wanted.
      [searched.rows ?? (await listAssets(ctx, filter, sort, dir, null, limit + 1)), { count: searched.count, cap }]
    : await ctx.sideBySide(() => listAssets(ctx, filter, sort, dir, cursor, limit + 1), firstPageCount);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(presentAsset),
    nextCursor: more && last ? encodeCursor({ sort, dir, value: last.sortValue, id: last.id }) : null,
    total: counted === null ? null : Math.min(counted.count, counted.cap),
    totalCapped: counted !== null && counted.count > counted.cap,
  };
}

/**
 * Classification and owner of many assets at once, all or nothing: every id
 * must be the organisation's and at the version the client saw, or nothing
 * changes. Audited per asset (so each asset's history shows it), the entries
 * sharing one `bulkId` in their meta.
 */
export async function bulkUpdateAssets(ctx: DataContext, input: z.output<typeof BulkUpdateAssetsRequestSchema>) {
  const ids = input.items.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw new HttpProblem(400, 'validation', {}, [{ path: 'items', code: 'bulkDuplicateIds' }]);
  await checkReferences(ctx, input.set, 'set.');
  const bulkId = randomUUID();
  await ctx.transaction(async (tx) => {
    const locked = await lockAssets(tx, ids);
    if (locked.length !== ids.length) throw recordNotFound();
    const versions = new Map(locked.map((l) => [l.id, l.version]));
    const stale = input.items.map((item, index) => ({ item, index })).filter(({ item }) => versions.get(item.id) !== item.version);
    if (stale.length) {
      // Not the base's `conflict`: the form shows how many and which of the selected assets moved on.
      throw new HttpProblem(
        409,
        'bulkConflict',
        { count: stale.length },
        stale.map(({ index }) => ({ path: `items.${index}.version`, code: 'stale' })),
      );
    }
    const befores = new Map((await findAssets(tx, ids)).map((r) => [r.id, auditSnapshot(r)]));
    await updateAssets(tx, ids, { ...columnsOf(input.set), updatedBy: tx.userId });
    const afters = await findAssets(tx, ids);
    for (const after of afters) {
      const diff = changedKeys(befores.get(after.id) ?? {}, auditSnapshot(after));
      await tx.audit({ action: 'asset.bulk-update', entityType: 'asset', entityId: after.id, ...diff, meta: { bulkId, count: ids.length } });
    }
  });
  const rows = await findAssets(ctx, ids);
  return { updated: rows.length, items: rows.map(presentAsset) };
}

/** The asset's trail from the audit trail (the base's history), newest first: its own entries, and the import that created it. */
export async function assetHistory(ctx: DataContext, id: string) {
  const asset = await assetRegister.get(ctx, id);
  const importId = asset.createdByImportId;
  const [own, imported] = await ctx.sideBySide(
    () => auditEntriesOf(ctx, { type: 'asset', id }),
    () => (importId ? auditEntriesOf(ctx, { type: 'asset-import', id: importId }) : Promise.resolve([])),
  );
  const entries = [...own, ...imported.filter((e) => e.action === 'asset.import')].sort((a, b) => b.seq - a.seq);
  return {
    items: entries.map((e) => {
      const meta = (e.meta ?? {}) as { bulkId?: string };
      return {
        seq: e.seq,
        at: e.at.toISOString(),
        actorUserId: e.actorUserId,
        actorLabel: e.actorLabel,
        action: e.action,
        before: e.before ?? null,
        after: e.action === 'asset.import' ? { importId, ...(e.after as object) } : (e.after ?? null),
        batchId: meta.bulkId ?? (e.action === 'asset.import' ? importId : null),
      };
    }),
  };
}

export async function assetSummary(ctx: DataContext): Promise<TAssetSummary> {
  const [totals, revenue] = await ctx.sideBySide(() => assetTotals(ctx), () => annualRevenueYen(ctx));
  return {
    count: totals.count,
    totalValueYen: totals.totalValueYen,
    withoutOwner: totals.withoutOwner,
    byRank: totals.byRank,
    byInformationGroup: totals.byInformationGroup,
    byAssetClass: totals.byAssetClass,
    modelCheck: assetModelCheck({ totalValueYen: BigInt(totals.totalValueYen), assetCount: totals.count, annualRevenueYen: revenue }),
  };
}

export async function assetChoices(ctx: DataContext): Promise<TAssetChoices> {
  const { db, organisationId } = ctx;
  const [classifications, owners, departments] = await ctx.sideBySide(
    () => assetClassifications(ctx),
    () => listMembers(db, organisationId),
    () => departmentChoices(db, organisationId),
  );
  return { ...classifications, owners, departments };
}
