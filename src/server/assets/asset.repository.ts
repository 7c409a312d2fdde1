import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TAssetSort } from '../../shared/schemas/asset.schema.ts';
import { containsPattern } from '../catalog/catalog.rules.ts';
import type { Db } from '../platform/db/database.ts';
import { auditLog, memberships, users } from '../platform/db/platform.table.ts';
import type { PreparedAsset } from './asset-import.rules.ts';
import type { AssetCursor } from './asset.rules.ts';
import { assets } from './asset.table.ts';

/**
 * Queries of the inventory. Every function takes the organisation id from
 * the session and puts it in the `where` clause: another organisation's ids
 * find nothing.
 */

export type AssetTableRow = typeof assets.$inferSelect;
export type NewAssetRow = typeof assets.$inferInsert;

export interface AssetRow extends AssetTableRow {
  ownerDisplayName: string | null;
  ownerEmail: string | null;
  ownerIsMember: boolean;
}

const ownerJoin = {
  ownerDisplayName: users.displayName,
  ownerEmail: users.email,
  ownerIsMember: sql<boolean>`(${memberships.userId} is not null)`,
};

function selectAssets(db: Db) {
  return db
    .select({ asset: assets, ...ownerJoin })
    .from(assets)
    .leftJoin(users, eq(users.id, assets.ownerUserId))
    .leftJoin(memberships, and(eq(memberships.organisationId, assets.organisationId), eq(memberships.userId, assets.ownerUserId)));
}

type Joined = { asset: AssetTableRow; ownerDisplayName: string | null; ownerEmail: string | null; ownerIsMember: boolean };
const flatten = (r: Joined): AssetRow => ({ ...r.asset, ownerDisplayName: r.ownerDisplayName, ownerEmail: r.ownerEmail, ownerIsMember: !!r.ownerIsMember });

export async function findAsset(db: Db, organisationId: string, id: string): Promise<AssetRow | undefined> {
  const [row] = await selectAssets(db).where(and(eq(assets.organisationId, organisationId), eq(assets.id, id)));
  return row ? flatten(row) : undefined;
}

export async function findAssets(db: Db, organisationId: string, ids: string[]): Promise<AssetRow[]> {
  if (!ids.length) return [];
  const rows = await selectAssets(db).where(and(eq(assets.organisationId, organisationId), inArray(assets.id, ids)));
  return rows.map(flatten);
}

/** Rows locked for the rest of the transaction (bulk edit), in id order so two bulk edits cannot deadlock. */
export async function lockAssets(tx: Db, organisationId: string, ids: string[]) {
  return tx
    .select({ id: assets.id, version: assets.version })
    .from(assets)
    .where(and(eq(assets.organisationId, organisationId), inArray(assets.id, ids)))
    .orderBy(asc(assets.id))
    .for('update');
}

export async function insertAsset(tx: Db, values: NewAssetRow): Promise<AssetTableRow> {
  const [row] = await tx.insert(assets).values(values).returning();
  return row;
}

export async function updateAsset(tx: Db, organisationId: string, id: string, version: number, patch: Partial<NewAssetRow>) {
  const [row] = await tx
    .update(assets)
    .set({ ...patch, updatedAt: new Date(), version: sql`${assets.version} + 1` })
    .where(and(eq(assets.organisationId, organisationId), eq(assets.id, id), eq(assets.version, version)))
    .returning();
  return row ?? null;
}

export async function updateAssets(tx: Db, organisationId: string, ids: string[], patch: Partial<NewAssetRow>) {
  return tx
    .update(assets)
    .set({ ...patch, updatedAt: new Date(), version: sql`${assets.version} + 1` })
    .where(and(eq(assets.organisationId, organisationId), inArray(assets.id, ids)))
    .returning({ id: assets.id });
}

export async function deleteAsset(tx: Db, organisationId: string, id: string) {
  await tx.delete(assets).where(and(eq(assets.organisationId, organisationId), eq(assets.id, id)));
}

/* ------------------------------------------------------------------- list */

export interface AssetFilter {
  q?: string;
  rank?: string;
  medium?: string;
  ownerUserId?: string;
  assetClassId?: string;
  informationGroupId?: string;
  sensitivity?: string;
  confidentiality?: string;
  personalData?: boolean;
  currentPlacement?: string;
  plannedPlacement?: string;
}

const SORT_COLUMNS: Record<TAssetSort, { column: PgColumn; type: string }> = {
  name: { column: assets.name, type: 'text' },
  rank: { column: assets.rank, type: 'text' },
  records: { column: assets.records, type: 'bigint' },
  unitValue: { column: assets.unitValueYen, type: 'bigint' },
  totalValue: { column: assets.totalValueYen, type: 'numeric' },
  updatedAt: { column: assets.updatedAt, type: 'timestamptz' },
};

/** ASCII letters folded as the database's lower() folds them in the C locale (search_text is lower-cased). */
const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function filterConditions(organisationId: string, f: AssetFilter): SQL[] {
  const c: (SQL | undefined)[] = [eq(assets.organisationId, organisationId)];
  if (f.q) c.push(sql`${assets.searchText} like ${containsPattern(foldAscii(f.q))} escape '\\'`);
  if (f.rank) c.push(eq(assets.rank, f.rank));
  if (f.medium) c.push(eq(assets.medium, f.medium));
  if (f.ownerUserId === 'none') c.push(isNull(assets.ownerUserId));
  else if (f.ownerUserId) c.push(eq(assets.ownerUserId, f.ownerUserId));
  if (f.assetClassId) c.push(eq(assets.assetClassId, f.assetClassId));
  if (f.informationGroupId) c.push(eq(assets.informationGroupId, f.informationGroupId));
  if (f.sensitivity) c.push(eq(assets.sensitivity, f.sensitivity));
  if (f.confidentiality) c.push(eq(assets.confidentiality, f.confidentiality));
  if (f.personalData !== undefined) c.push(eq(assets.containsPersonalData, f.personalData));
  if (f.currentPlacement) c.push(eq(assets.currentPlacement, f.currentPlacement));
  if (f.plannedPlacement) c.push(eq(assets.plannedPlacement, f.plannedPlacement));
  return c.filter((x): x is SQL => !!x);
}

export interface ListedAsset extends AssetRow {
  /** The sort column as PostgreSQL prints it, for the next page's cursor. */
  sortValue: string;
}

/**
 * One page in (sort key, id) order, continuing after the cursor. Each sort key
 * has an index on (organisation_id, key, id), so a page costs the same at
 * 100,000 assets as at 100; no count is made here.
 */
export async function listAssets(
  db: Db,
  organisationId: string,
  filter: AssetFilter,
  sort: TAssetSort,
  dir: 'asc' | 'desc',
  cursor: AssetCursor | null,
  limit: number,
): Promise<ListedAsset[]> {
  const { column, type } = SORT_COLUMNS[sort];
  const conditions = filterConditions(organisationId, filter);
  if (cursor) {
    const after = sql`(${column}, ${assets.id}) ${sql.raw(dir === 'asc' ? '>' : '<')} (${cursor.value}::${sql.raw(type)}, ${cursor.id}::uuid)`;
    conditions.push(after);
  }
  const order = dir === 'asc' ? [asc(column), asc(assets.id)] : [desc(column), desc(assets.id)];
  const rows = await db
    .select({ asset: assets, ...ownerJoin, sortValue: sql<string>`${column}::text` })
    .from(assets)
    .leftJoin(users, eq(users.id, assets.ownerUserId))
    .leftJoin(memberships, and(eq(memberships.organisationId, assets.organisationId), eq(memberships.userId, assets.ownerUserId)))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit);
  return rows.map((r) => ({ ...flatten(r), sortValue: r.sortValue }));
}

export async function countAssets(db: Db, organisationId: string, filter: AssetFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assets)
    .where(and(...filterConditions(organisationId, filter)));
  return row.n;
}

/** Every asset in name order, in keyset pages (the export streams these). */
export async function* allAssets(db: Db, organisationId: string, pageSize = 2000): AsyncGenerator<AssetRow[]> {
  let cursor: AssetCursor | null = null;
  for (;;) {
    const page = await listAssets(db, organisationId, {}, 'name', 'asc', cursor, pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    cursor = { sort: 'name', dir: 'asc', value: last.sortValue, id: last.id };
  }
}

/* ---------------------------------------------------------------- summary */

export interface TotalRow {
  key: string | null;
  count: number;
  totalValueYen: string;
}

async function totalsBy(db: Db, organisationId: string, column: PgColumn): Promise<TotalRow[]> {
  return db
    .select({ key: sql<string | null>`${column}`, count: sql<number>`count(*)::int`, totalValueYen: sql<string>`coalesce(sum(${assets.totalValueYen}), 0)::text` })
    .from(assets)
    .where(eq(assets.organisationId, organisationId))
    .groupBy(column)
    .orderBy(sql`${column} nulls last`);
}

export async function assetTotals(db: Db, organisationId: string) {
  const [all] = await db
    .select({
      count: sql<number>`count(*)::int`,
      totalValueYen: sql<string>`coalesce(sum(${assets.totalValueYen}), 0)::text`,
      withoutOwner: sql<number>`count(*) filter (where ${assets.ownerUserId} is null or not exists (
        select 1 from ${memberships} m where m.organisation_id = ${assets.organisationId} and m.user_id = ${assets.ownerUserId}))::int`,
    })
    .from(assets)
    .where(eq(assets.organisationId, organisationId));
  const [byRank, byInformationGroup, byAssetClass] = await Promise.all([
    totalsBy(db, organisationId, assets.rank),
    totalsBy(db, organisationId, assets.informationGroupId),
    totalsBy(db, organisationId, assets.assetClassId),
  ]);
  return { ...all, byRank, byInformationGroup, byAssetClass };
}

/* ------------------------------------------------------------ for imports */

/** Name keys (lower() as the unique index compares them) of every asset of the organisation. */
export async function existingNameKeys(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await db.select({ key: sql<string>`lower(${assets.name})` }).from(assets).where(eq(assets.organisationId, organisationId));
  return new Set(rows.map((r) => r.key));
}

export async function organisationMembers(db: Db, organisationId: string) {
  return db
    .select({ userId: users.id, email: users.email, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.displayName));
}

export async function isMember(db: Db, organisationId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return !!row;
}

const INSERT_BATCH = 5000;

/**
 * Many assets in few statements: one INSERT … SELECT FROM unnest(…) per
 * 5,000 rows, one array parameter per column (far from PostgreSQL's 65,535
 * parameter limit, and much faster than a VALUES list).
 */
export async function insertPreparedAssets(
  tx: Db,
  organisationId: string,
  rows: readonly PreparedAsset[],
  by: { userId: string | null; importId: string },
  onProgress?: (inserted: number) => Promise<void> | void,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    // Arrays go as one parameter each (sql.param), not expanded into a list.
    const col = <T>(f: (r: PreparedAsset) => T) => sql.param(batch.map(f));
    await tx.execute(sql`
      insert into assets (organisation_id, name, medium, content, location, owner_user_id, records, rank, unit_value_yen,
                          asset_class_id, information_group_id, risk_category_id, sensitivity, confidentiality,
                          contains_personal_data, current_placement, planned_placement, notes,
                          created_by_import_id, created_by, updated_by)
      select ${organisationId}::uuid, u.name, u.medium, u.content, u.location, u.owner, u.records, u.rank, u.unit,
             u.class, u.grp, u.risk, u.sensitivity, u.confidentiality, u.personal, u.current, u.planned, u.notes,
             ${by.importId}::uuid, ${by.userId}::uuid, ${by.userId}::uuid
        from unnest(${col((r) => r.name)}::text[], ${col((r) => r.medium)}::text[], ${col((r) => r.content)}::text[],
                    ${col((r) => r.location)}::text[], ${col((r) => r.ownerUserId)}::uuid[], ${col((r) => r.records)}::bigint[],
                    ${col((r) => r.rank)}::text[], ${col((r) => r.unitValueYen)}::bigint[], ${col((r) => r.assetClassId)}::text[],
                    ${col((r) => r.informationGroupId)}::text[], ${col((r) => r.riskCategoryId)}::text[], ${col((r) => r.sensitivity)}::text[],
                    ${col((r) => r.confidentiality)}::text[], ${col((r) => r.containsPersonalData)}::boolean[],
                    ${col((r) => r.currentPlacement)}::text[], ${col((r) => r.plannedPlacement)}::text[], ${col((r) => r.notes)}::text[])
          as u(name, medium, content, location, owner, records, rank, unit, class, grp, risk, sensitivity, confidentiality,
               personal, current, planned, notes)`);
    inserted += batch.length;
    await onProgress?.(inserted);
  }
  return inserted;
}

/* ---------------------------------------------------------------- history */

export async function assetAuditEntries(db: Db, organisationId: string, entity: { type: string; id: string }, limit = 200) {
  return db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      meta: auditLog.meta,
    })
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.entityType, entity.type), eq(auditLog.entityId, entity.id)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

