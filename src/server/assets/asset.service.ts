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
import { memberActor } from '../platform/audit/audit-actor.ts';
import { appendAudit, appendInStatement, CHAIN_SEQ_KEY, readHead } from '../platform/audit/audit.repository.ts';
import type { Database, Db } from '../platform/db/database.ts';
import { findDepartment } from '../platform/orgs/department.repository.ts';
import { findMembership, listMembers } from '../platform/orgs/organisation.repository.ts';
import { findProfile } from '../platform/orgs/organisation-profile.repository.ts';
import { departmentChoices } from '../platform/orgs/department.service.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { sideBySide } from '../platform/db/side-by-side.ts';
import { assetClassifications } from './asset-catalog.ts';
import { updateAssetAudited } from './asset-edit.repository.ts';
import {
  assetAuditEntries,
  assetTotals,
  countAssets,
  deleteAsset,
  findAsset,
  findAssets,
  insertAsset,
  listAssets,
  lockAssets,
  searchFirstPage,
  updateAsset,
  updateAssets,
  type AssetRow,
  type AssetTableRow,
  type NewAssetRow,
} from './asset.repository.ts';
import { assetModelCheck, decodeCursor, encodeCursor } from './asset.rules.ts';

/** The list counts matches on its first page up to this many ("10,000 or more" beyond). */
export const LIST_COUNT_CAP = 10_000;

/** What the inventory services need: the database, nothing else. */
export interface AssetDeps {
  database: Database;
}

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

/** The audited picture of an asset: its content, not its bookkeeping (search text, timestamps). */
export function auditSnapshot(r: AssetTableRow) {
  return {
    name: r.name,
    medium: r.medium,
    content: r.content,
    location: r.location,
    ownerUserId: r.ownerUserId,
    ownerDepartmentId: r.ownerDepartmentId,
    records: r.records,
    rank: r.rank,
    unitValueYen: String(r.unitValueYen),
    assetClassId: r.assetClassId,
    informationGroupId: r.informationGroupId,
    riskCategoryId: r.riskCategoryId,
    sensitivity: r.sensitivity,
    confidentiality: r.confidentiality,
    containsPersonalData: r.containsPersonalData,
    currentPlacement: r.currentPlacement,
    plannedPlacement: r.plannedPlacement,
    notes: r.notes,
  };
}

/** Only the keys whose values differ, before and after. */
function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
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
async function checkReferences(db: Db, organisationId: string, input: AssetInput, prefix = ''): Promise<void> {
  const errors: FieldError[] = [];
  if (input.ownerUserId && !(await findMembership(db, organisationId, input.ownerUserId))) errors.push({ path: `${prefix}ownerUserId`, code: 'ownerNotMember' });
  if (input.ownerDepartmentId && !(await findDepartment(db, organisationId, input.ownerDepartmentId))) errors.push({ path: `${prefix}ownerDepartmentId`, code: 'unknownDepartment' });
  if (input.ownerUserId && input.ownerDepartmentId) errors.push({ path: `${prefix}ownerDepartmentId`, code: 'oneOwner' });
  if (input.assetClassId || input.informationGroupId || input.riskCategoryId) {
    const c = await assetClassifications(db, organisationId);
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

/** The unique constraint a statement broke, if that is how it failed (drizzle wraps the driver's error in `cause`). */
function brokenUniqueKey(e: unknown): string | undefined {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = err.code ? err : err.cause;
  return pg?.code === '23505' ? pg.constraint : undefined;
}

/** A unique-name violation as a field error the form can show. */
function nameTaken(e: unknown): never {
  if (brokenUniqueKey(e) === 'assets_org_name_key') throw new HttpProblem(409, 'assetNameTaken', {}, [{ path: 'name', code: 'assetNameTaken' }]);
  throw e;
}

export async function getAsset(deps: AssetDeps, auth: OrgAuthContext, id: string): Promise<TAsset> {
  const row = await findAsset(deps.database.db, auth.organisation.id, id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return presentAsset(row);
}

export async function createAsset(deps: AssetDeps, auth: OrgAuthContext, input: z.output<typeof CreateAssetRequestSchema>): Promise<TAsset> {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  await checkReferences(db, organisationId, input);
  const id = await db
    .transaction(async (tx) => {
      const row = await insertAsset(tx, {
        ...(columnsOf(input) as NewAssetRow),
        organisationId,
        createdBy: auth.user.id,
        updatedBy: auth.user.id,
      });
      await appendAudit(tx, { ...memberActor(auth), action: 'asset.create', entityType: 'asset', entityId: row.id, after: auditSnapshot(row) });
      return row.id;
    })
    .catch(nameTaken);
  return getAsset(deps, auth, id);
}

/**
 * An edit is one statement in the common case (`updateAssetAudited`): the row
 * and the chain's head are read side by side, and the update, its audit entry
 * and the new head are written together only if neither moved meanwhile.
 * When one did, or a row sits past the head, the edit is made again in a
 * transaction that locks the head, as every other change does.
 */
export async function editAsset(deps: AssetDeps, auth: OrgAuthContext, id: string, input: z.output<typeof UpdateAssetRequestSchema>): Promise<TAsset> {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const [existing, head] = await sideBySide(db, () => findAsset(db, organisationId, id), () => readHead(db, organisationId));
  if (!existing) throw new HttpProblem(404, 'notFound');
  const { version, ...fields } = input;
  await checkReferences(db, organisationId, fields);
  const patch = { ...columnsOf(fields), updatedBy: auth.user.id };
  if (existing.version !== version) throw new HttpProblem(409, 'conflict');
  const event = { ...memberActor(auth), action: 'asset.update', entityType: 'asset', entityId: id };
  if (head) {
    const audit = appendInStatement(head, { ...event, ...changed(auditSnapshot(existing), auditSnapshot({ ...existing, ...patch })) });
    const row = await updateAssetAudited(db, organisationId, id, version, patch, audit).catch((e: unknown) => (brokenUniqueKey(e) === CHAIN_SEQ_KEY ? null : nameTaken(e)));
    if (row) return presentAsset(row);
  }
  await db
    .transaction(async (tx) => {
      const before = await findAsset(tx, organisationId, id);
      if (!before) throw new HttpProblem(404, 'notFound');
      const row = await updateAsset(tx, organisationId, id, version, patch);
      if (!row) throw new HttpProblem(409, 'conflict');
      await appendAudit(tx, { ...event, ...changed(auditSnapshot(before), auditSnapshot(row)) });
    })
    .catch(nameTaken);
  return getAsset(deps, auth, id);
}

export async function removeAsset(deps: AssetDeps, auth: OrgAuthContext, id: string, version: number | undefined): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const [locked] = await lockAssets(tx, auth.organisation.id, [id]);
    if (!locked) throw new HttpProblem(404, 'notFound');
    if (version !== undefined && locked.version !== version) throw new HttpProblem(409, 'conflict');
    const before = await findAsset(tx, auth.organisation.id, id);
    await deleteAsset(tx, auth.organisation.id, id);
    await appendAudit(tx, { ...memberActor(auth), action: 'asset.delete', entityType: 'asset', entityId: id, before: before ? auditSnapshot(before) : null });
  });
}

export async function listAssetPage(deps: AssetDeps, auth: OrgAuthContext, query: z.output<typeof AssetListQuerySchema>): Promise<TAssetPage> {
  const { sort, dir, cursor: rawCursor, limit, ...filter } = query;
  const cursor = rawCursor ? decodeCursor(rawCursor, sort, dir) : null;
  if (rawCursor && !cursor) throw new HttpProblem(400, 'validation', {}, [{ path: 'query.cursor', code: 'invalid' }]);
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const searched = !cursor && filter.q ? await searchFirstPage(db, organisationId, filter, sort, dir, limit + 1, LIST_COUNT_CAP + 1) : null;
  const [rows, counted] = searched
    ? [searched.rows, searched.count]
    : await sideBySide(db, () => listAssets(db, organisationId, filter, sort, dir, cursor, limit + 1), () => cursor ? Promise.resolve(null) : countAssets(db, organisationId, filter, LIST_COUNT_CAP + 1));
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(presentAsset),
    nextCursor: more && last ? encodeCursor({ sort, dir, value: last.sortValue, id: last.id }) : null,
    total: counted === null ? null : Math.min(counted, LIST_COUNT_CAP),
    totalCapped: counted !== null && counted > LIST_COUNT_CAP,
  };
}

/**
 * Classification and owner of many assets at once, all or nothing: every id
 * must be the organisation's and at the version the client saw, or nothing
 * changes. Audited per asset (so each asset's history shows it), the entries
 * sharing one `bulkId` in their meta.
 */
export async function bulkUpdateAssets(deps: AssetDeps, auth: OrgAuthContext, input: z.output<typeof BulkUpdateAssetsRequestSchema>) {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const ids = input.items.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw new HttpProblem(400, 'validation', {}, [{ path: 'items', code: 'bulkDuplicateIds' }]);
  await checkReferences(db, organisationId, input.set, 'set.');
  const bulkId = randomUUID();
  await db.transaction(async (tx) => {
    const locked = await lockAssets(tx, organisationId, ids);
    if (locked.length !== ids.length) throw new HttpProblem(404, 'notFound');
    const versions = new Map(locked.map((l) => [l.id, l.version]));
    const stale = input.items.map((item, index) => ({ item, index })).filter(({ item }) => versions.get(item.id) !== item.version);
    if (stale.length) {
      throw new HttpProblem(
        409,
        'bulkConflict',
        { count: stale.length },
        stale.map(({ index }) => ({ path: `items.${index}.version`, code: 'stale' })),
      );
    }
    const befores = new Map((await findAssets(tx, organisationId, ids)).map((r) => [r.id, auditSnapshot(r)]));
    await updateAssets(tx, organisationId, ids, { ...columnsOf(input.set), updatedBy: auth.user.id });
    const afters = await findAssets(tx, organisationId, ids);
    for (const after of afters) {
      const diff = changed(befores.get(after.id) ?? {}, auditSnapshot(after));
      await appendAudit(tx, { ...memberActor(auth), action: 'asset.bulk-update', entityType: 'asset', entityId: after.id, ...diff, meta: { bulkId, count: ids.length } });
    }
  });
  const rows = await findAssets(db, organisationId, ids);
  return { updated: rows.length, items: rows.map(presentAsset) };
}

/** The asset's trail, newest first: its own entries, and the import that created it. */
export async function assetHistory(deps: AssetDeps, auth: OrgAuthContext, id: string) {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const asset = await findAsset(db, organisationId, id);
  if (!asset) throw new HttpProblem(404, 'notFound');
  const own = await assetAuditEntries(db, organisationId, { type: 'asset', id });
  const imported = asset.createdByImportId ? await assetAuditEntries(db, organisationId, { type: 'asset-import', id: asset.createdByImportId }) : [];
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
        after: e.action === 'asset.import' ? { importId: asset.createdByImportId, ...(e.after as object) } : (e.after ?? null),
        batchId: meta.bulkId ?? (e.action === 'asset.import' ? asset.createdByImportId : null),
      };
    }),
  };
}

/** The organisation's annual revenue, from the organisation profile (platform); null while it is not entered. */
export async function annualRevenueYen(db: Db, organisationId: string): Promise<bigint | null> {
  const revenue = (await findProfile(db, organisationId))?.annualRevenueYen;
  return revenue === null || revenue === undefined ? null : BigInt(revenue);
}

export async function assetSummary(deps: AssetDeps, auth: OrgAuthContext): Promise<TAssetSummary> {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const [totals, revenue] = await sideBySide(db, () => assetTotals(db, organisationId), () => annualRevenueYen(db, organisationId));
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

export async function assetChoices(deps: AssetDeps, auth: OrgAuthContext): Promise<TAssetChoices> {
  const { db } = deps.database;
  const [classifications, owners, departments] = await sideBySide(
    db,
    () => assetClassifications(db, auth.organisation.id),
    () => listMembers(db, auth.organisation.id),
    () => departmentChoices(db, auth.organisation.id),
  );
  return { ...classifications, owners, departments };
}
