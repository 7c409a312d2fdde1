import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { catalogItems, catalogVersions, organisationCatalogs } from './catalog.table.ts';

/**
 * Queries of the catalog store. Versions live in one of two scopes: the
 * shipped catalog (organisation_id null), stored at server start with no
 * organisation acting, and an organisation's own uploads. An organisation
 * reads through its context (`CatalogReader`) and sees the shipped versions
 * and its own, never another organisation's: every read puts the reader's
 * organisation in the where clause.
 */

export type CatalogVersionRow = typeof catalogVersions.$inferSelect;
export type CatalogItemRow = typeof catalogItems.$inferSelect;
/** A version to store: what the scope stamps on it (origin, organisation, who stored it) comes from the scope. */
export type NewCatalogVersion = Omit<typeof catalogVersions.$inferInsert, 'origin' | 'organisationId' | 'storedBy'>;
export type NewCatalogItem = Omit<typeof catalogItems.$inferInsert, 'organisationId'>;

/** Whose catalog is read: the `db` and `organisationId` of a DataContext (catalog.public.ts). */
export type CatalogReader = Pick<DataContext, 'db' | 'organisationId'>;

/**
 * The shipped catalog as a scope of its own: its versions belong to no
 * organisation and every organisation reads them. Only the server start
 * stores them, on its own transaction, with no organisation acting.
 */
export interface ShippedScope {
  readonly shipped: true;
  readonly db: DataContext['db'];
}

/** Where versions are stored: the shipped catalog, or an organisation's own (its context: the organisation and who uploads). */
export type StoreScope = ShippedScope | DataContext;

const isShipped = (scope: StoreScope): scope is ShippedScope => 'shipped' in scope;

/** The scope's versions matching `conditions`: the shipped ones (organisation_id null) or the organisation's own. */
const inScope = (scope: StoreScope, ...conditions: (SQL | undefined)[]): SQL =>
  isShipped(scope) ? (and(isNull(catalogVersions.organisationId), ...conditions) as SQL) : scope.scoped(catalogVersions, ...conditions);

/** What the scope stamps on a version it stores. */
const ownerOf = (scope: StoreScope) =>
  isShipped(scope)
    ? { origin: 'shipped', organisationId: null, storedBy: null }
    : { origin: 'organisation', organisationId: scope.organisationId, storedBy: scope.userId };

/** Arbitrary constant for pg_advisory_xact_lock: one writer of catalog versions at a time, across instances. */
const CATALOG_STORE_LOCK = 74_656_002;

/** Held until the transaction ends: two instances starting together store each file once. */
export async function lockCatalogStore(scope: StoreScope): Promise<void> {
  await scope.db.execute(sql`select pg_advisory_xact_lock(${CATALOG_STORE_LOCK})`);
}

const visibleTo = ({ organisationId }: CatalogReader): SQL =>
  or(isNull(catalogVersions.organisationId), eq(catalogVersions.organisationId, organisationId))!;

/** The reader's own entries of organisation_catalogs. */
const loadedBy = ({ organisationId }: CatalogReader): SQL => eq(organisationCatalogs.organisationId, organisationId);

/** Keys of every stored version in one scope. */
export async function listStoredVersionKeys(scope: StoreScope, collectionId?: string) {
  return scope.db
    .select({ id: catalogVersions.id, collectionId: catalogVersions.collectionId, version: catalogVersions.version, checksum: catalogVersions.checksum })
    .from(catalogVersions)
    .where(inScope(scope, collectionId === undefined ? undefined : eq(catalogVersions.collectionId, collectionId)));
}

export async function insertVersions(scope: StoreScope, rows: NewCatalogVersion[]): Promise<CatalogVersionRow[]> {
  if (!rows.length) return [];
  const owner = ownerOf(scope);
  return scope.db.insert(catalogVersions).values(rows.map((row) => ({ ...row, ...owner }))).returning();
}

/** In batches: a statement holds at most 65,535 parameters. Items carry their version's organisation (null for shipped ones). */
export async function insertItems(scope: StoreScope, rows: NewCatalogItem[], batchSize = 1000): Promise<void> {
  const { organisationId } = ownerOf(scope);
  for (let start = 0; start < rows.length; start += batchSize) {
    await scope.db.insert(catalogItems).values(rows.slice(start, start + batchSize).map((row) => ({ ...row, organisationId })));
  }
}

/**
 * Pins the newest stored version of every shipped collection the organisation
 * has no version of yet (first use, or a collection added to the catalog
 * since). Later shipped versions are loaded only when an owner asks.
 */
export async function pinShippedCollections({ db, organisationId }: CatalogReader): Promise<void> {
  await db.execute(sql`
    insert into organisation_catalogs (organisation_id, collection_id, catalog_version_id)
    select ${organisationId}, newest.collection_id, newest.id
      from (select distinct on (collection_id) id, collection_id
              from catalog_versions
             where organisation_id is null
             order by collection_id, version desc) as newest
     where not exists (select 1 from organisation_catalogs oc
                        where oc.organisation_id = ${organisationId} and oc.collection_id = newest.collection_id)
    on conflict do nothing`);
}

const newestVersionOf = sql<number>`(select max(n.version)::int from catalog_versions n
  where n.collection_id = ${organisationCatalogs.collectionId}
    and (n.organisation_id is null or n.organisation_id = ${organisationCatalogs.organisationId}))`;

export interface LoadedCollectionRow {
  version: CatalogVersionRow;
  loadedAt: Date;
  newestVersion: number;
}

/** The collections the organisation has loaded, shipped first, each with the newest version it could load. */
export async function listLoadedCollections(reader: CatalogReader, filter: { collectionId?: string; type?: string } = {}): Promise<LoadedCollectionRow[]> {
  return reader.db
    .select({ version: catalogVersions, loadedAt: organisationCatalogs.loadedAt, newestVersion: newestVersionOf })
    .from(organisationCatalogs)
    .innerJoin(catalogVersions, eq(catalogVersions.id, organisationCatalogs.catalogVersionId))
    .where(
      and(
        loadedBy(reader),
        visibleTo(reader),
        filter.collectionId === undefined ? undefined : eq(organisationCatalogs.collectionId, filter.collectionId),
        filter.type === undefined ? undefined : eq(catalogVersions.type, filter.type),
      ),
    )
    .orderBy(desc(catalogVersions.origin), asc(catalogVersions.collectionId));
}

export async function findLoadedCollection(reader: CatalogReader, collectionId: string) {
  const [row] = await listLoadedCollections(reader, { collectionId });
  return row;
}

/** The organisation's loaded entry for a collection, locked for the rest of the transaction. */
export async function lockLoadedEntry(ctx: DataContext, collectionId: string) {
  const [row] = await ctx.db
    .select({ catalogVersionId: organisationCatalogs.catalogVersionId, version: catalogVersions.version, origin: catalogVersions.origin })
    .from(organisationCatalogs)
    .innerJoin(catalogVersions, eq(catalogVersions.id, organisationCatalogs.catalogVersionId))
    .where(ctx.scoped(organisationCatalogs, eq(organisationCatalogs.collectionId, collectionId)))
    .for('update', { of: organisationCatalogs });
  return row;
}

/** The newest stored version of a collection the organisation may load (shipped, or its own). */
export async function findNewestVisibleVersion(reader: CatalogReader, collectionId: string) {
  const [row] = await reader.db
    .select()
    .from(catalogVersions)
    .where(and(eq(catalogVersions.collectionId, collectionId), visibleTo(reader)))
    .orderBy(desc(catalogVersions.version))
    .limit(1);
  return row;
}

/** Makes `catalogVersionId` the organisation's loaded version of the collection, loaded by the context's user. */
export async function setLoadedVersion(ctx: DataContext, entry: { collectionId: string; catalogVersionId: string }) {
  const loadedAt = new Date();
  await ctx.db
    .insert(organisationCatalogs)
    .values({ ...entry, organisationId: ctx.organisationId, loadedBy: ctx.userId, loadedAt })
    .onConflictDoUpdate({
      target: [organisationCatalogs.organisationId, organisationCatalogs.collectionId],
      set: { catalogVersionId: entry.catalogVersionId, loadedBy: ctx.userId, loadedAt },
    });
}

export async function deleteLoadedEntry(ctx: DataContext, collectionId: string): Promise<void> {
  await ctx.delete(organisationCatalogs, eq(organisationCatalogs.collectionId, collectionId));
}

const itemVisibleTo = ({ organisationId }: CatalogReader): SQL =>
  or(isNull(catalogItems.organisationId), eq(catalogItems.organisationId, organisationId))!;

/** Every item of one stored version, in display order. */
export async function listVersionItems(reader: CatalogReader, catalogVersionId: string): Promise<CatalogItemRow[]> {
  return reader.db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.catalogVersionId, catalogVersionId), itemVisibleTo(reader)))
    .orderBy(asc(catalogItems.position));
}

export async function listChildItems(reader: CatalogReader, catalogVersionId: string, parentId: string): Promise<CatalogItemRow[]> {
  return reader.db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.catalogVersionId, catalogVersionId), eq(catalogItems.parentId, parentId), itemVisibleTo(reader)))
    .orderBy(asc(catalogItems.position));
}

/** The item's parent, grandparent … in one version, root first. */
export async function listAncestors({ db, organisationId }: CatalogReader, catalogVersionId: string, itemId: string) {
  const result = await db.execute<{ item_id: string; ja: string; en: string }>(sql`
    with recursive up as (
      select p.item_id, p.parent_id, p.ja, p.en, 1 as step
        from catalog_items c
        join catalog_items p on p.catalog_version_id = c.catalog_version_id and p.item_id = c.parent_id
       where c.catalog_version_id = ${catalogVersionId} and c.item_id = ${itemId}
         and (c.organisation_id is null or c.organisation_id = ${organisationId})
      union all
      select p.item_id, p.parent_id, p.ja, p.en, up.step + 1
        from up
        join catalog_items p on p.catalog_version_id = ${catalogVersionId} and p.item_id = up.parent_id
       where up.step < 100
    )
    select item_id, ja, en from up order by step desc`);
  return result.rows.map((r) => ({ id: r.item_id, ja: r.ja, en: r.en }));
}

/** Every stored version (visible to the organisation) that has this item, newest first. */
export async function listItemVersions(reader: CatalogReader, itemId: string) {
  return reader.db
    .select({ item: catalogItems, version: catalogVersions })
    .from(catalogItems)
    .innerJoin(catalogVersions, eq(catalogVersions.id, catalogItems.catalogVersionId))
    .where(and(eq(catalogItems.itemId, itemId), itemVisibleTo(reader), visibleTo(reader)))
    .orderBy(desc(catalogVersions.version));
}

/**
 * Every item of the versions the organisation has loaded, in catalog order
 * (shipped collections first, then by collection and display position). Search
 * folds and ranks them in JavaScript (search.rules.ts): a few thousand rows
 * at most, and PostgreSQL's C locale on the embedded database cannot fold
 * width, case beyond ASCII or kana.
 */
export async function listLoadedItems(reader: CatalogReader) {
  return reader.db
    .select({ item: catalogItems, version: catalogVersions })
    .from(organisationCatalogs)
    .innerJoin(catalogVersions, eq(catalogVersions.id, organisationCatalogs.catalogVersionId))
    .innerJoin(catalogItems, eq(catalogItems.catalogVersionId, catalogVersions.id))
    .where(and(loadedBy(reader), visibleTo(reader), itemVisibleTo(reader)))
    .orderBy(desc(catalogVersions.origin), asc(catalogVersions.collectionId), asc(catalogItems.position));
}

/**
 * The ids an organisation's new file is checked against (docs/CATALOG.md: ids
 * unique, refs pointing at existing items): the newest version of every
 * shipped collection, and every stored version of the organisation's other
 * collections.
 */
export async function listCrossCheckIds({ db, organisationId }: CatalogReader, exceptCollectionId: string) {
  const result = await db.execute<{ collection_id: string; item_id: string }>(sql`
    select v.collection_id, i.item_id
      from (select distinct on (collection_id) id, collection_id
              from catalog_versions where organisation_id is null
             order by collection_id, version desc) as v
      join catalog_items i on i.catalog_version_id = v.id
    union
    select v.collection_id, i.item_id
      from catalog_versions v
      join catalog_items i on i.catalog_version_id = v.id
     where v.organisation_id = ${organisationId} and v.collection_id <> ${exceptCollectionId}`);
  return result.rows.map((r) => ({ collectionId: r.collection_id, itemId: r.item_id }));
}
