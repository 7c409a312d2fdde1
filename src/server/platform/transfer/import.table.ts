import { sql } from 'drizzle-orm';
import { bigint, check, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/platform.table.ts';
import { tenantColumns } from '../db/tenant-columns.ts';

/**
 * The pair of tables a register's imports live in (`<name>_imports` and
 * `<name>_import_issues`), with the columns the pipeline reads
 * (import.repository.ts). Each register declares its own pair in its
 * module's tables, so its imports cascade with its records.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export function importTablePair<N extends string>(name: N) {
  const imports = pgTable(
    `${name}_imports`,
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
      /** Header index (as a string) -> the register's field name, or null for "ignore". */
      mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
      /** uploaded | validating | validated | committing | committed | failed | cancelled */
      status: text('status').notNull(),
      /** What the running or last job is doing: 'validate' or 'commit'. */
      phase: text('phase'),
      progressDone: integer('progress_done').notNull().default(0),
      progressTotal: integer('progress_total').notNull().default(0),
      rowCount: integer('row_count'),
      errorCount: integer('error_count').notNull().default(0),
      /** Notices: what the import reads differently from the file but does not refuse. */
      noticeCount: integer('notice_count').notNull().default(0),
      /** Departments the commit will create (registers that name owners). */
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
      index(`${name}_imports_org_created_idx`).on(t.organisationId, t.createdAt),
      // The target of the composite foreign keys: an import's issues and records are the same organisation's.
      unique(`${name}_imports_org_id_key`).on(t.organisationId, t.id),
      check(`${name}_imports_status_check`, sql`${t.status} in ('uploaded', 'validating', 'validated', 'committing', 'committed', 'failed', 'cancelled')`),
      check(`${name}_imports_format_check`, sql`${t.format} in ('csv', 'xlsx')`),
    ],
  );

  /** Every problem an import found, one row each (row number, column, code), paged by seq. */
  const issues = pgTable(
    `${name}_import_issues`,
    {
      importId: uuid('import_id').notNull(),
      seq: integer('seq').notNull(),
      organisationId: uuid('organisation_id').notNull(),
      /** 1-based line of the file (the header is row 1); null for a whole-file problem. */
      rowNumber: integer('row_number'),
      /** The register's field, when the problem is in one column. */
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
      foreignKey({ name: `${name}_import_issues_import_fk`, columns: [t.organisationId, t.importId], foreignColumns: [imports.organisationId, imports.id] }).onDelete('cascade'),
    ],
  );
  return { imports, issues };
}
