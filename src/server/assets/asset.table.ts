import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../platform/db/platform.table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';
import { departments } from '../platform/orgs/department.table.ts';
import { importTablePair } from '../platform/transfer/import.table.ts';

/**
 * The information-asset inventory (資産目録, seed 000 III.3.3 図11 and
 * III.4.2 表8/表9) and its imports.
 *
 * Money is exact: the unit value is stored in whole yen (`unit_value_yen`,
 * the seed's 0.5千円 is 500 yen) and the total is a generated numeric column
 * (records x unit value), so it is never typed and never a float.
 */

export const { imports: assetImports, issues: assetImportIssues } = importTablePair('asset');

export const assets = pgTable(
  'assets',
  {
    ...tenantColumns(),
    /** 情報資産名 */
    name: text('name').notNull(),
    /** 媒体: electronic | paper | other */
    medium: text('medium').notNull(),
    /** 内容 */
    content: text('content').notNull().default(''),
    /** 場所 (as the seed writes it: 事務室PC, サーバ室 …) */
    location: text('location').notNull().default(''),
    /** 資産の責任者: a member of the organisation, the risk owner (seed 000 III.4.2 ⑤). */
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** …or a department or role of the organisation (図11 names 販売管理, 営業課 …); never both. */
    ownerDepartmentId: uuid('owner_department_id'),
    /** データ総件数 */
    records: bigint('records', { mode: 'number' }).notNull(),
    /** ランク A/B/C: the degree of risk to the business (seed 000 III.3.3). */
    rank: text('rank').notNull(),
    /** 値踏み額 per record, in whole yen (the seed's 千円 column times 1,000). */
    unitValueYen: bigint('unit_value_yen', { mode: 'number' }).notNull(),
    /** 資産総額 = records x unit value, computed by the database, never typed. */
    totalValueYen: numeric('total_value_yen', { precision: 40, scale: 0 }).generatedAlwaysAs(
      sql`("records"::numeric * "unit_value_yen"::numeric)`,
    ),
    /** Catalog item ids (the organisation's loaded collections): 表8, 表9, 表7. */
    assetClassId: text('asset_class_id'),
    informationGroupId: text('information_group_id'),
    riskCategoryId: text('risk_category_id'),
    /** 表7: basic | sensitive | exceptional */
    sensitivity: text('sensitivity'),
    /** seed 004: high | medium | low */
    confidentiality: text('confidentiality'),
    containsPersonalData: boolean('contains_personal_data').notNull().default(false),
    /** on_premises | cloud */
    currentPlacement: text('current_placement').notNull().default('on_premises'),
    /** A provider, once the providers module exists (no foreign key yet). */
    currentProviderId: uuid('current_provider_id'),
    plannedPlacement: text('planned_placement'),
    plannedProviderId: uuid('planned_provider_id'),
    notes: text('notes').notNull().default(''),
    /**
     * For substring search (Japanese included): one lower-cased text, searched with LIKE
     * through its trigram index `assets_search_trgm_idx`. Name, content, location and notes
     * are of the "C" collation, so lower() folds ASCII letters only. The index, the
     * collation and pg_trgm are in migration `asset-search-index` (Drizzle has no words for them).
     */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower("name" || ' ' || "content" || ' ' || "location" || ' ' || "notes")`,
    ),
    /** The import that created the asset. Imports are never deleted on their own (only with their organisation). */
    createdByImportId: uuid('created_by_import_id'),
    ...authorshipColumns(),
  },
  (t) => [
    // Seed 000 III.4.2 ④: each asset recorded once, by name, within an organisation.
    // Also the index the list walks when sorted by name (it sorts by lower(name)).
    uniqueIndex('assets_org_name_key').on(t.organisationId, sql`lower(${t.name})`),
    // Keyset pagination: one index per sort key, with id as the tie-breaker. Filters (owner,
    // class, group …) ride on these: every index a 100,000-row import maintains costs it
    // about 0.3 s, so there is none per filter column.
    index('assets_org_rank_id_idx').on(t.organisationId, t.rank, t.id),
    index('assets_org_records_id_idx').on(t.organisationId, t.records, t.id),
    index('assets_org_unit_value_id_idx').on(t.organisationId, t.unitValueYen, t.id),
    index('assets_org_total_value_id_idx').on(t.organisationId, t.totalValueYen, t.id),
    index('assets_org_updated_id_idx').on(t.organisationId, t.updatedAt, t.id),
    // Links from other tables name an asset with its organisation: (organisation_id, id).
    unique('assets_org_id_key').on(t.organisationId, t.id),
    foreignKey({ name: 'assets_created_by_import_fk', columns: [t.organisationId, t.createdByImportId], foreignColumns: [assetImports.organisationId, assetImports.id] }),
    foreignKey({ name: 'assets_owner_department_fk', columns: [t.organisationId, t.ownerDepartmentId], foreignColumns: [departments.organisationId, departments.id] }),
    check('assets_one_owner_check', sql`${t.ownerUserId} is null or ${t.ownerDepartmentId} is null`),
    check('assets_medium_check', sql`${t.medium} in ('electronic', 'paper', 'other')`),
    check('assets_rank_check', sql`${t.rank} in ('A', 'B', 'C')`),
    check('assets_records_check', sql`${t.records} >= 0`),
    check('assets_unit_value_check', sql`${t.unitValueYen} >= 0`),
    check('assets_sensitivity_check', sql`${t.sensitivity} is null or ${t.sensitivity} in ('basic', 'sensitive', 'exceptional')`),
    check('assets_confidentiality_check', sql`${t.confidentiality} is null or ${t.confidentiality} in ('high', 'medium', 'low')`),
    check('assets_current_placement_check', sql`${t.currentPlacement} in ('on_premises', 'cloud')`),
    check('assets_planned_placement_check', sql`${t.plannedPlacement} is null or ${t.plannedPlacement} in ('on_premises', 'cloud')`),
  ],
);

/**
 * The inventory's totals, kept up to date by statement triggers on `assets`
 * (migration `asset-totals-triggers`): each insert, update or delete adds its change,
 * aggregated over the statement's rows, so a 100,000-row import adds a few
 * rows here, not 100,000 writes, and the summary reads a handful of rows
 * instead of scanning the inventory. Concurrent writers add to the same row
 * under its row lock, so no change is lost.
 *
 * `dimension` is `all` (key ''), `rank`, `group` (information group), `class`
 * (asset class) or `owner` (the owning user's id, `department` for a
 * department, '' for none); '' stands for "not set" in every dimension.
 */
export const assetTotals = pgTable(
  'asset_totals',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    totalValueYen: numeric('total_value_yen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.dimension, t.key] }),
    check('asset_totals_dimension_check', sql`${t.dimension} in ('all', 'rank', 'group', 'class', 'owner')`),
  ],
);
