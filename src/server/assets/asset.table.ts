import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../platform/db/platform.table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';
import { departments } from '../platform/orgs/department.table.ts';

/**
 * The information-asset inventory (資産目録, seed 000 III.3.3 図11 and
 * III.4.2 表8/表9) and its imports.
 *
 * Money is exact: the unit value is stored in whole yen (`unit_value_yen`,
 * the seed's 0.5千円 is 500 yen) and the total is a generated numeric column
 * (records x unit value), so it is never typed and never a float.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

export const assetImports = pgTable(
  'asset_imports',
  {
    ...tenantColumns(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** 'csv' or 'xlsx', detected from the bytes (not the file name). */
    format: text('format').notNull(),
    /** For CSV: 'utf-8', 'utf-8-bom' or 'shift_jis' (CP932), detected and shown to the user. */
    encoding: text('encoding'),
    /** The upload itself, so any instance can run the job; cleared once committed or cancelled. */
    content: bytea('content'),
    /** The validated rows (gzip of JSON), so the commit does not parse the file again. */
    prepared: bytea('prepared'),
    /** The file's header row as read. */
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** Header index (as a string) -> asset field name, or null for "ignore". */
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    /** uploaded | validating | validated | committing | committed | failed | cancelled */
    status: text('status').notNull(),
    /** What the running or last job is doing: 'validate' or 'commit'. */
    phase: text('phase'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    rowCount: integer('row_count'),
    errorCount: integer('error_count').notNull().default(0),
    /** Notices: what the import reads differently from the file but does not refuse (a total that differs from records x unit value). */
    noticeCount: integer('notice_count').notNull().default(0),
    /** 資産の責任者 that name no member and no department yet: the departments the commit will create. */
    newDepartments: jsonb('new_departments').$type<string[]>(),
    /** The first rows as they will be written (normalised), for the preview. */
    preview: jsonb('preview').$type<unknown[]>(),
    /** A whole-file problem: { code, params }. */
    problem: jsonb('problem').$type<{ code: string; params?: Record<string, unknown> }>(),
    committedCount: integer('committed_count'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('asset_imports_org_created_idx').on(t.organisationId, t.createdAt),
    // The target of the composite foreign keys below: an import's rows and assets are the same organisation's.
    unique('asset_imports_org_id_key').on(t.organisationId, t.id),
    check(
      'asset_imports_status_check',
      sql`${t.status} in ('uploaded', 'validating', 'validated', 'committing', 'committed', 'failed', 'cancelled')`,
    ),
    check('asset_imports_format_check', sql`${t.format} in ('csv', 'xlsx')`),
  ],
);

/** Every problem an import found, one row each (row number, column, code), paged by seq. */
export const assetImportIssues = pgTable(
  'asset_import_issues',
  {
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** 1-based line of the file (the header is row 1); null for a whole-file problem. */
    rowNumber: integer('row_number'),
    /** The asset field, when the problem is in one column. */
    field: text('field'),
    /** The header as written in the file. */
    header: text('header'),
    /** 'error' refuses the file; 'notice' is shown and the file still imports. */
    severity: text('severity').notNull().default('error'),
    code: text('code').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.seq] }),
    foreignKey({ name: 'asset_import_issues_import_fk', columns: [t.organisationId, t.importId], foreignColumns: [assetImports.organisationId, assetImports.id] }).onDelete('cascade'),
  ],
);

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
    /** For substring search (Japanese included): one lower-cased text, searched with ILIKE. */
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
