import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { catalogItems, catalogVersions, organisationCatalogs } from './catalog.table.ts';

/**
 * Queries of the catalog store. An organisation sees the shipped versions
 * (organisation_id null) and its own, never another organisation's: every
 * function that reads for an organisation takes its id from the session and
 * puts it in the where clause.
 */

export type CatalogVersionRow = typeof catalogVersions.$inferSelect;
export type CatalogItemRow = typeof catalogItems.$inferSelect;
export type NewCatalogVersion = typeof catalogVersions.$inferInsert;
export type NewCatalogItem = typeof catalogItems.$inferInsert;

/** Arbitrary constant for pg_advisory_xact_lock: one writer of catalog versions at a time, across instances. */
const CATALOG_STORE_LOCK = 74_656_002;

/** Held until the transaction ends: two instances starting together store each file once. */
export async function lockCatalogStore(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CATALOG_STORE_LOCK})`);
}

const visibleTo = (organisationId: string): SQL =>
  or(isNull(catalogVersions.organisationId), eq(catalogVersions.organisationId, organisationId))!;

const scopeOf = (organisationId: string | null): SQL =>
  organisationId === null ? isNull(catalogVersions.organisationId) : eq(catalogVersions.organisationId, organisationId);

/** Keys of every stored version in one scope (shipped when `organisationId` is null). */
export async function listStoredVersionKeys(db: Db, organisationId: string | null, collectionId?: string) {
  return db
    .select({ id: catalogVersions.id, collectionId: catalogVersions.collectionId, version: catalogVersions.version, checksum: catalogVersions.checksum })
    .from(catalogVersions)
    .where(and(scopeOf(organisationId), collectionId === undefined ? undefined : eq(catalogVersions.collectionId, collectionId)));
}

export async function insertVersions(tx: Db, rows: NewCatalogVersion[]): Promise<CatalogVersionRow[]> {
  if (!rows.length) return [];
  return tx.insert(catalogVersions).values(rows).returning();
}

/** In batches: a statement holds at most 65,535 parameters. */
export async function insertItems(tx: Db, rows: NewCatalogItem[], batchSize = 1000): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    await tx.insert(catalogItems).values(rows.slice(start, start + batchSize));
  }
}

export async function countStore(db: Db): Promise<{ versions: number; items: number }> {
  const [row] = await db
    .select({
      versions: sql<number>`(select count(*)::int from catalog_versions)`,
      items: sql<number>`(select count(*)::int from catalog_items)`,
    })
    .from(sql`(select 1) as one`);
  return row;
}

/**
 * Pins the newest stored version of every shipped collection the organisation
 * has no version of yet (first use, or a collection added to the catalog
 * since). Later shipped versions are loaded only when an owner asks.
 */
export async function pinShippedCollections(db: Db, organisationId: string): Promise<void> {
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
export async function listLoadedCollections(
  db: Db,
  organisationId: string,
  filter: { collectionId?: string; type?: string } = {},
): Promise<LoadedCollectionRow[]> {
  return db
    .select({ version: catalogVersions, loadedAt: organisationCatalogs.loadedAt, newestVersion: newestVersionOf })
    .from(organisationCatalogs)
    .innerJoin(catalogVersions, eq(catalogVersions.id, organisationCatalogs.catalogVersionId))
    .where(
      and(
        eq(organisationCatalogs.organisationId, organisationId),
        visibleTo(organisationId),
        filter.collectionId === undefined ? undefined : eq(organisationCatalogs.collectionId, filter.collectionId),
        filter.type === undefined ? undefined : eq(catalogVersions.type, filter.type),
      ),
    )
    .orderBy(desc(catalogVersions.origin), asc(catalogVersions.collectionId));
}

export async function findLoadedCollection(db: Db, organisationId: string, collectionId: string) {
  const [row] = await listLoadedCollections(db, organisationId, { collectionId });
  return row;
}

/** The organisation's loaded entry for a collection, locked for the rest of the transaction. */
export async function lockLoadedEntry(tx: Db, organisationId: string, collectionId: string) {
  const [row] = await tx
    .select({ catalogVersionId: organisationCatalogs.catalogVersionId, version: catalogVersions.version, origin: catalogVersions.origin })
    .from(organisationCatalogs)
    .innerJoin(catalogVersions, eq(catalogVersions.id, organisationCatalogs.catalogVersionId))
    .where(and(eq(organisationCatalogs.organisationId, organisationId), eq(organisationCatalogs.collectionId, collectionId)))
    .for('update', { of: organisationCatalogs });
  return row;
}

/** The newest stored version of a collection the organisation may load (shipped, or its own). */
export async function findNewestVisibleVersion(db: Db, organisationId: string, collectionId: string) {
  const [row] = await db
    .select()
    .from(catalogVersions)
    .where(and(eq(catalogVersions.collectionId, collectionId), visibleTo(organisationId)))
    .orderBy(desc(catalogVersions.version))
    .limit(1);
  return row;
}

export async function setLoadedVersion(tx: Db, entry: { organisationId: string; collectionId: string; catalogVersionId: string; loadedBy: string | null }) {
  const loadedAt = new Date();
  await tx
    .insert(organisationCatalogs)
    .values({ ...entry, loadedAt })
    .onConflictDoUpdate({
      target: [organisationCatalogs.organisationId, organisationCatalogs.collectionId],
      set: { catalogVersionId: entry.catalogVersionId, loadedBy: entry.loadedBy, loadedAt },
    });
}

export async function deleteLoadedEntry(tx: Db, organisationId: string, collectionId: string): Promise<void> {
  await tx
    .delete(organisationCatalogs)
    .where(and(eq(organisationCatalogs.organisationId, organisationId), eq(organisationCatalogs.collectionId, collectionId)));
}

const itemVisibleTo = (organisationId: string): SQL =>
  or(isNull(catalogItems.organisationId), eq(catalogItems.organisationId, organisationId))!;

/** Every item of one stored version, in display order. */
export async function listVersionItems(db: Db, organisationId: string, catalogVersionId: string): Promise<CatalogItemRow[]> {
  return db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.catalogVersionId, catalogVersionId), itemVisibleTo(organisationId)))
    .orderBy(asc(catalogItems.position));
}

export async function listChildItems(db: Db, organisationId: string, catalogVersionId: string, parentId: string): Promise<CatalogItemRow[]> {
  return db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.catalogVersionId, catalogVersionId), eq(catalogItems.parentId, parentId), itemVisibleTo(organisationId)))
    .orderBy(asc(catalogItems.position));
}

/** The item's parent, grandparent … in one version, root first. */
export async function listAncestors(db: Db, organisationId: string, catalogVersionId: string, itemId: string) {
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
export async function listItemVersions(db: Db, organisationId: string, itemId: string) {
  return db
    .select({ item: catalogItems, version: catalogVersions })
    .from(catalogItems)
    .innerJoin(catalogVersions, eq(catalogVersions.id, catalogItems.catalogVersionId))
    .where(and(eq(catalogItems.itemId, itemId), itemVisibleTo(organisationId), visibleTo(organisationId)))
    .orderBy(desc(catalogVersions.version));
}

/**
 * Every item of the versions the organisation has loaded, in catalog order
 * (shipped collections first, then by collection and display position). Search
 * folds and ranks them in JavaScript (search.rules.ts): a few thousand rows
 * at most, and PostgreSQL's C locale on the embedded database cannot fold
 * width, case beyond ASCII or kana.
 */
export async function listLoadedItems(db: Db, organisationId: string) {
  return db
    .select({ item: catalogItems, version: catalogVersions })
    .from(organisationCatalogs)
    .innerJoin(catalogVersions, eq(catalogVersions.id, organisationCatalogs.catalogVersionId))
    .innerJoin(catalogItems, eq(catalogItems.catalogVersionId, catalogVersions.id))
    .where(and(eq(organisationCatalogs.organisationId, organisationId), visibleTo(organisationId), itemVisibleTo(organisationId)))
    .orderBy(desc(catalogVersions.origin), asc(catalogVersions.collectionId), asc(catalogItems.position));
}

/**
 * The ids an organisation's new file is checked against (docs/CATALOG.md: ids
 * unique, refs pointing at existing items): the newest version of every
 * shipped collection, and every stored version of the organisation's other
 * collections.
 */
export async function listCrossCheckIds(db: Db, organisationId: string, exceptCollectionId: string) {
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
