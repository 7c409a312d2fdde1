import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { idColumn, stampedAt } from '../platform/db/columns.ts';
import { organisations } from '../platform/db/platform.table.ts';
import { actorRef, organisationKey } from '../platform/db/tenant-columns.ts';

/**
 * The catalog in the database (docs/CATALOG.md). "Stored" is kept apart from
 * "loaded": `catalog_versions` and `catalog_items` hold every version of every
 * collection ever stored (rows are never updated, so an answer that points at
 * an item id stays readable after a newer version arrives);
 * `organisation_catalogs` says which stored version each organisation uses.
 *
 * Shipped collections (from CATALOG_DIR) have `organisation_id` null; an
 * organisation's own uploaded collections carry its id (tenant key, also on
 * every item row so queries and a future sharded layout can filter by it).
 */


export const catalogVersions = pgTable(
  'catalog_versions',
  {
    id: idColumn(),
    collectionId: text('collection_id').notNull(),
    version: integer('version').notNull(),
    /** sha256 of the file's bytes: the same file is never stored twice. */
    checksum: text('checksum').notNull(),
    /** 'shipped' (CATALOG_DIR) or 'organisation' (uploaded by an owner). */
    origin: text('origin').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** The file it came from: path under CATALOG_DIR, or the uploaded file name. */
    fileName: text('file_name').notNull(),
    type: text('type').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionJa: text('description_ja'),
    descriptionEn: text('description_en'),
    /** The collection's citation(s) (the file's `source`), always a list. */
    source: jsonb('source').$type<string[]>().notNull(),
    /** The file's `attributes:` declarations, so the UI can label item attributes. */
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
    itemCount: integer('item_count').notNull(),
    storedAt: stampedAt('stored_at'),
    storedBy: actorRef('stored_by'),
  },
  (t) => [
    // One row per version of a collection within its scope (shipped, or one organisation).
    unique('catalog_versions_scope_collection_version_key').on(t.organisationId, t.collectionId, t.version).nullsNotDistinct(),
    index('catalog_versions_collection_idx').on(t.collectionId),
    check('catalog_versions_origin_check', sql`(${t.origin} = 'shipped' and ${t.organisationId} is null) or (${t.origin} = 'organisation' and ${t.organisationId} is not null)`),
  ],
);

export const catalogItems = pgTable(
  'catalog_items',
  {
    catalogVersionId: uuid('catalog_version_id')
      .notNull()
      .references(() => catalogVersions.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    /** Copied from the version: null for shipped items. */
    organisationId: uuid('organisation_id'),
    parentId: text('parent_id'),
    /** Display rank within the version: depth-first, siblings by `order` then file order. */
    position: integer('position').notNull(),
    /** The file's own `order` key, when given. */
    sortOrder: integer('sort_order'),
    depth: integer('depth').notNull(),
    ja: text('ja').notNull(),
    en: text('en').notNull(),
    detailJa: text('detail_ja'),
    detailEn: text('detail_en'),
    source: jsonb('source').$type<string[]>().notNull(),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.catalogVersionId, t.itemId] }),
    index('catalog_items_item_idx').on(t.itemId),
    index('catalog_items_version_position_idx').on(t.catalogVersionId, t.position),
  ],
);

/** Which stored version of each collection an organisation uses (shipped ones are pinned on first use). */
export const organisationCatalogs = pgTable(
  'organisation_catalogs',
  {
    organisationId: organisationKey(),
    collectionId: text('collection_id').notNull(),
    catalogVersionId: uuid('catalog_version_id')
      .notNull()
      .references(() => catalogVersions.id),
    loadedAt: stampedAt('loaded_at'),
    /** Null when Kumoji pinned the newest shipped version by itself. */
    loadedBy: actorRef('loaded_by'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.collectionId] }), index('organisation_catalogs_version_idx').on(t.catalogVersionId)],
);
