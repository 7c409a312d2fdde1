import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TAssetSort } from '../../shared/schemas/asset.schema.ts';
import { nextVersion } from '../platform/db/columns.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { containsPattern } from '../platform/db/like-pattern.ts';
import { memberships, users } from '../platform/db/platform.table.ts';
import { departments } from '../platform/orgs/department.table.ts';
import { countCapped } from '../platform/register/register-page.ts';
import { nameKey } from './asset-import.rules.ts';
import type { AssetCursor } from './asset.rules.ts';
import { assets } from './asset.table.ts';

/**
 * Queries of the inventory. Every function takes the data context of the
 * request or job (platform/db/data-context.ts) and scopes its statement to
 * the context's organisation: another organisation's ids find nothing.
 */

export type AssetTableRow = typeof assets.$inferSelect;
export type NewAssetRow = typeof assets.$inferInsert;

export interface AssetRow extends AssetTableRow {
  ownerDisplayName: string | null;
  ownerEmail: string | null;
  ownerIsMember: boolean;
  ownerDepartmentName: string | null;
}

const ownerJoin = {
  ownerDisplayName: users.displayName,
  ownerEmail: users.email,
  ownerIsMember: sql<boolean>`(${memberships.userId} is not null)`,
  ownerDepartmentName: departments.name,
};

function selectAssets(ctx: DataContext) {
  return ctx.db
    .select({ asset: assets, ...ownerJoin })
    .from(assets)
    .leftJoin(users, eq(users.id, assets.ownerUserId))
    .leftJoin(memberships, and(eq(memberships.organisationId, assets.organisationId), eq(memberships.userId, assets.ownerUserId)))
    .leftJoin(departments, and(eq(departments.organisationId, assets.organisationId), eq(departments.id, assets.ownerDepartmentId)));
}

type Joined = { asset: AssetTableRow; ownerDisplayName: string | null; ownerEmail: string | null; ownerIsMember: boolean; ownerDepartmentName: string | null };
const flatten = (r: Joined): AssetRow => ({
  ...r.asset,
  ownerDisplayName: r.ownerDisplayName,
  ownerEmail: r.ownerEmail,
  ownerIsMember: !!r.ownerIsMember,
  ownerDepartmentName: r.ownerDepartmentName,
});

/**
 * The list's hot path reads rows as PostgreSQL returns them and maps them
 * here, by hand: Drizzle's nested-select mapping cost about 4 ms of CPU per
 * page of 50 (measured), several times the rest of the request.
 */
export type RawAssetRow = {
  id: string;
  organisation_id: string;
  name: string;
  medium: string;
  content: string;
  location: string;
  owner_user_id: string | null;
  owner_department_id: string | null;
  records: number;
  rank: string;
  unit_value_yen: number;
  total_value_yen: string;
  asset_class_id: string | null;
  information_group_id: string | null;
  risk_category_id: string | null;
  sensitivity: string | null;
  confidentiality: string | null;
  contains_personal_data: boolean;
  current_placement: string;
  current_provider_id: string | null;
  planned_placement: string | null;
  planned_provider_id: string | null;
  notes: string;
  search_text: string;
  created_by_import_id: string | null;
  created_by: string | null;
  updated_by: string | null;
  /** Drizzle's execute() hands timestamps over as PostgreSQL's text ("2026-11-22 09:00:00.123456+00"). */
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
  owner_display_name: string | null;
  owner_email: string | null;
  owner_is_member: boolean;
  owner_department_name: string | null;
  sort_value: string;
};

export const fromRaw = (r: RawAssetRow): ListedAsset => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  medium: r.medium,
  content: r.content,
  location: r.location,
  ownerUserId: r.owner_user_id,
  ownerDepartmentId: r.owner_department_id,
  records: r.records,
  rank: r.rank,
  unitValueYen: r.unit_value_yen,
  totalValueYen: r.total_value_yen,
  assetClassId: r.asset_class_id,
  informationGroupId: r.information_group_id,
  riskCategoryId: r.risk_category_id,
  sensitivity: r.sensitivity,
  confidentiality: r.confidentiality,
  containsPersonalData: r.contains_personal_data,
  currentPlacement: r.current_placement,
  currentProviderId: r.current_provider_id,
  plannedPlacement: r.planned_placement,
  plannedProviderId: r.planned_provider_id,
  notes: r.notes,
  searchText: r.search_text,
  createdByImportId: r.created_by_import_id,
  createdBy: r.created_by,
  updatedBy: r.updated_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  version: r.version,
  ownerDisplayName: r.owner_display_name,
  ownerEmail: r.owner_email,
  ownerIsMember: r.owner_is_member,
  ownerDepartmentName: r.owner_department_name,
  sortValue: r.sort_value,
});

const RAW_SELECT = sql`select assets.*, u.display_name as owner_display_name, u.email as owner_email, (m.user_id is not null) as owner_is_member, d.name as owner_department_name`;
const rawFrom = (source: SQL) => sql`from ${source}
  left join users u on u.id = assets.owner_user_id
  left join memberships m on m.organisation_id = assets.organisation_id and m.user_id = assets.owner_user_id
  left join departments d on d.organisation_id = assets.organisation_id and d.id = assets.owner_department_id`;
const RAW_FROM = rawFrom(sql`assets`);

/** The rows of `source` (a relation with the table's columns: a CTE, a subquery) with their owner's names, for `fromRaw`. */
export const withOwners = (source: SQL) => sql`${RAW_SELECT} ${rawFrom(sql`${source} as assets`)}`;

export async function findAsset(ctx: DataContext, id: string): Promise<AssetRow | undefined> {
  const [row] = await selectAssets(ctx).where(ctx.scoped(assets, eq(assets.id, id)));
  return row ? flatten(row) : undefined;
}

export async function findAssets(ctx: DataContext, ids: string[]): Promise<AssetRow[]> {
  if (!ids.length) return [];
  const rows = await selectAssets(ctx).where(ctx.scoped(assets, inArray(assets.id, ids)));
  return rows.map(flatten);
}

/** Rows locked for the rest of the transaction (bulk edit), in id order so two bulk edits cannot deadlock. */
export async function lockAssets(ctx: DataContext, ids: string[]) {
  return ctx.db
    .select({ id: assets.id, version: assets.version })
    .from(assets)
    .where(ctx.scoped(assets, inArray(assets.id, ids)))
    .orderBy(asc(assets.id))
    .for('update');
}

/**
 * The bulk edit's update of rows already locked and checked at their
 * versions (`lockAssets`): one statement for all of them, where the base's
 * `update` would take one per asset.
 */
export async function updateAssets(ctx: DataContext, ids: string[], patch: Partial<NewAssetRow>) {
  return ctx.db
    .update(assets)
    .set({ ...patch, ...nextVersion(assets) })
    .where(ctx.scoped(assets, inArray(assets.id, ids)))
    .returning({ id: assets.id });
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

/**
 * Each sort key and the index it walks. Names sort by lower(name), which the
 * unique index (organisation_id, lower(name)) already orders: no second index
 * on the name, and Latin letters sort without regard to case.
 */
const SORT_COLUMNS: Record<TAssetSort, { column: PgColumn | SQL; type: string; unique?: true }> = {
  name: { column: sql`lower(${assets.name})`, type: 'text', unique: true },
  rank: { column: assets.rank, type: 'text' },
  records: { column: assets.records, type: 'bigint' },
  unitValue: { column: assets.unitValueYen, type: 'bigint' },
  totalValue: { column: assets.totalValueYen, type: 'numeric' },
  updatedAt: { column: assets.updatedAt, type: 'timestamptz' },
};


/** The filter's conditions; `ctx.scoped` adds the organisation's. */
function filterConditions(f: AssetFilter): SQL[] {
  const c: (SQL | undefined)[] = [];
  if (f.q) c.push(sql`${assets.searchText} like ${containsPattern(nameKey(f.q))} escape '\\'`);
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
  ctx: DataContext,
  filter: AssetFilter,
  sort: TAssetSort,
  dir: 'asc' | 'desc',
  cursor: AssetCursor | null,
  limit: number,
): Promise<ListedAsset[]> {
  const { column, type, unique } = SORT_COLUMNS[sort];
  const conditions = filterConditions(filter);
  const op = sql.raw(dir === 'asc' ? '>' : '<');
  if (cursor) {
    // A unique key needs no tie-breaker (and its index has no id column to compare with).
    conditions.push(unique ? sql`${column} ${op} ${cursor.value}::${sql.raw(type)}` : sql`(${column}, ${assets.id}) ${op} (${cursor.value}::${sql.raw(type)}, ${cursor.id}::uuid)`);
  }
  const d = sql.raw(dir);
  const order = unique ? sql`${column} ${d}` : sql`${column} ${d}, ${assets.id} ${d}`;
  const query = sql`${RAW_SELECT}, ${column}::text as sort_value ${RAW_FROM}
    where ${ctx.scoped(assets, ...conditions)} order by ${order} limit ${limit}`;
  // Prepared, planned once per connection; not a search, whose plan depends on the pattern
  // (a generic plan cannot tell a rare trigram from a common one, and stops using the index).
  const { rows } = filter.q ? await ctx.db.execute<RawAssetRow>(query) : await ctx.executePrepared<RawAssetRow>(query);
  return rows.map(fromRaw);
}

/**
 * The first page of a search, and its count, from one pass: the matching ids
 * are collected once (up to `cap`), counted, and the page is taken from them,
 * instead of a list query and a count query that both search. The trigram
 * index on search_text (migration `asset-search-index`) finds the matches of
 * a query of three characters or more; a shorter one has no trigram, so it
 * reads the organisation's assets, stopping at `cap` matches. With `cap` or
 * more matches (`rows` null) the caller takes the page from the ordinary list
 * query, which then stops early (matches are common), and needs no count.
 */
export async function searchFirstPage(
  ctx: DataContext,
  filter: AssetFilter,
  sort: TAssetSort,
  dir: 'asc' | 'desc',
  limit: number,
  cap: number,
): Promise<{ rows: ListedAsset[] | null; count: number }> {
  const { column, unique } = SORT_COLUMNS[sort];
  const d = sql.raw(dir);
  const order = unique ? sql`${column} ${d}` : sql`${column} ${d}, ${assets.id} ${d}`;
  const { rows } = await ctx.db.execute<RawAssetRow & { matches: number }>(sql`
    with hits as (select ${assets.id} as hit_id from assets where ${ctx.scoped(assets, ...filterConditions(filter))} limit ${cap})
    ${RAW_SELECT}, ${column}::text as sort_value, (select count(*) from hits)::int as matches
    ${RAW_FROM}
    join hits on hits.hit_id = assets.id
    order by ${order} limit ${limit}`);
  const count = rows[0]?.matches ?? 0;
  return { rows: count >= cap ? null : rows.map(fromRaw), count };
}

/** The filters `asset_totals` counts by, and the dimension each is kept under. */
const TOTALS_DIMENSIONS = { rank: 'rank', informationGroupId: 'group', assetClassId: 'class' } as const;

/**
 * The count of the whole inventory, or of one rank, information group or
 * asset class, read from `asset_totals` (exact, and no scan); `null` for any
 * other filter, which `countAssets` counts.
 */
export async function countFromTotals(ctx: DataContext, filter: AssetFilter): Promise<number | null> {
  const set = Object.entries(filter).filter(([, v]) => v !== undefined);
  if (set.length > 1) return null;
  const [name, value] = set[0] ?? [];
  const dimension = name === undefined ? 'all' : TOTALS_DIMENSIONS[name as keyof typeof TOTALS_DIMENSIONS];
  if (!dimension) return null;
  const key = name === undefined ? '' : String(value);
  const { rows } = await ctx.db.execute<{ count: number }>(sql`
    select count::int as count from asset_totals where organisation_id = ${ctx.organisationId} and dimension = ${dimension} and key = ${key}`);
  return rows[0]?.count ?? 0;
}

/**
 * Matching assets, counted up to `cap` (then `cap` is returned): the first
 * page says "10,000 or more" rather than counting 100,000 rows per request.
 */
export function countAssets(ctx: DataContext, filter: AssetFilter, cap: number): Promise<number> {
  return countCapped(ctx, assets, and(...filterConditions(filter)), cap);
}

/** Every asset in name order, in keyset pages (the export streams these). */
export async function* allAssets(ctx: DataContext, pageSize = 2000): AsyncGenerator<AssetRow[]> {
  let cursor: AssetCursor | null = null;
  for (;;) {
    const page = await listAssets(ctx, {}, 'name', 'asc', cursor, pageSize);
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

/**
 * The inventory's totals, read from `asset_totals` (kept by the triggers of
 * migration `asset-totals-triggers`): a few rows per organisation whatever the
 * size of its inventory. An asset counts as without an owner when it has
 * neither a department nor an owning user who is still a member.
 */
export async function assetTotals(ctx: DataContext) {
  const { rows } = await ctx.db.execute<{ dimension: string; key: string; count: number; total: string; ownerGone: boolean }>(sql`
    select t.dimension, t.key, t.count::int as count, t.total_value_yen::text as total,
           (t.dimension = 'owner' and t.key not in ('', 'department')
             and not exists (select 1 from memberships m where m.organisation_id = t.organisation_id and m.user_id::text = t.key)) as "ownerGone"
      from asset_totals t
     where t.organisation_id = ${ctx.organisationId} and t.count <> 0`);
  const pick = (dimension: string): TotalRow[] =>
    rows
      .filter((r) => r.dimension === dimension)
      .map((r) => ({ key: r.key === '' ? null : r.key, count: r.count, totalValueYen: r.total }))
      .sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
  const all = rows.find((r) => r.dimension === 'all');
  const withoutOwner = rows.filter((r) => r.dimension === 'owner' && (r.key === '' || r.ownerGone)).reduce((n, r) => n + r.count, 0);
  return {
    count: all?.count ?? 0,
    totalValueYen: all?.total ?? '0',
    withoutOwner,
    byRank: pick('rank'),
    byInformationGroup: pick('group'),
    byAssetClass: pick('class'),
  };
}
