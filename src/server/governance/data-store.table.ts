import { sql } from 'drizzle-orm';
import { check, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { assets } from '../assets/asset.table.ts';
import { linkTable } from '../platform/db/link-table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The places data is kept (a cloud storage bucket, the core database, a file
 * server) with their class and protection (data-protection.rules.ts), and
 * which of the inventory's assets each holds.
 */
export const dataStores = pgTable(
  'data_stores',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    location: text('location').notNull().default(''),
    /** high | medium | low, or null: the assets it holds classify it. */
    classification: text('classification'),
    atRest: text('at_rest').notNull().default('unknown'),
    tlsMinimum: text('tls_minimum').notNull().default('unknown'),
    keyManagement: text('key_management').notNull().default('unknown'),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('data_stores_org_id_key').on(t.organisationId, t.id),
    check('data_stores_classification_check', sql`${t.classification} is null or ${t.classification} in ('high', 'medium', 'low')`),
    check('data_stores_at_rest_check', sql`${t.atRest} in ('none', 'aes128', 'aes256', 'other', 'unknown')`),
    check('data_stores_tls_check', sql`${t.tlsMinimum} in ('none', '1.0', '1.1', '1.2', '1.3', 'unknown')`),
    check('data_stores_keys_check', sql`${t.keyManagement} in ('none', 'provider', 'customer', 'unknown')`),
    check('data_stores_name_check', sql`length(${t.name}) between 1 and 200`),
  ],
);

/** Which assets a store holds: both ends in the same organisation, refused by the database otherwise. */
export const dataStoreAssets = linkTable(
  'data_store_assets',
  { key: 'dataStoreId', column: 'data_store_id', table: () => dataStores },
  { key: 'assetId', column: 'asset_id', table: () => assets },
);
