import { z } from 'zod';
import { IdSchema, int4Query, plainString, VersionSchema } from './common.schema.ts';

/**
 * What every register's import answers and takes (the import pipeline,
 * src/server/platform/transfer/): the import itself, its issues, and the
 * bodies of its steps. A register's own schema extends the import with what
 * only it reports (the asset import's new departments).
 */

export const IMPORT_STATUSES = ['uploaded', 'validating', 'validated', 'committing', 'committed', 'failed', 'cancelled'] as const;
export type TImportStatus = (typeof IMPORT_STATUSES)[number];

export const ImportProblemSchema = z.object({ code: z.string(), message: z.string() });

/**
 * One import of a register whose columns can be mapped to `field` (an enum of
 * its field names). `summary` is what the register's validation reports
 * beyond the counts (the asset import's `newDepartments`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function importSchema<F extends z.ZodType<string>, S extends z.ZodRawShape = {}>(field: F, summary?: S) {
  return z.object({
    id: IdSchema,
    fileName: z.string(),
    byteSize: z.number().int(),
    format: z.enum(['csv', 'xlsx']),
    /** CSV only: what Kumoji detected. */
    encoding: z.enum(['utf-8', 'utf-8-bom', 'shift_jis']).nullable(),
    headers: z.array(z.string()),
    /** Column index (as a string) → field, or null to ignore the column. */
    mapping: z.record(z.string(), field.nullable()),
    status: z.enum(IMPORT_STATUSES),
    phase: z.enum(['validate', 'commit']).nullable(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    rowCount: z.number().int().nullable(),
    errorCount: z.number().int(),
    /** What the import reads differently from the file without refusing it (the asset import's 資産総額 that differs from records x unit value). */
    noticeCount: z.number().int(),
    ...(summary ?? ({} as S)),
    /** The first rows as they would be written. */
    preview: z
      .array(
        z.object({
          rowNumber: z.number().int(),
          values: z.record(z.string(), z.string().nullable()),
          valid: z.boolean(),
        }),
      )
      .nullable(),
    problem: ImportProblemSchema.nullable(),
    committedCount: z.number().int().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    version: z.number().int(),
  });
}

/** An import as every register answers it; `F` narrows the mapping to the register's fields. */
export type TImport<F extends string = string> = Omit<z.infer<ReturnType<typeof importSchema<z.ZodString>>>, 'mapping'> & { mapping: Record<string, F | null> };

/** The list of recent imports. */
export const importListSchema = <I extends z.ZodType>(item: I) => z.object({ items: z.array(item) });

/** The validation step's body: the header mapping the page shows, and the version it showed. */
export function validateImportRequestSchema<F extends z.ZodType<string>>(field: F) {
  return z.strictObject({
    mapping: z.record(plainString(3).regex(/^\d{1,3}$/), field.nullable()),
    version: VersionSchema,
  });
}
export type TValidateImportRequest = { mapping: Record<string, string | null>; version: number };

/** The body of a step that takes only the version the page showed (commit, cancel). */
export const ImportVersionRequestSchema = z.strictObject({ version: VersionSchema });

export const ImportIssueSchema = z.object({
  seq: z.number().int(),
  rowNumber: z.number().int().nullable(),
  field: z.string().nullable(),
  header: z.string().nullable(),
  code: z.string(),
  /** 'notice': shown, the file still imports. */
  severity: z.enum(['error', 'notice']),
  message: z.string(),
});
export const ImportIssueQuerySchema = z.strictObject({
  /** The last issue's seq (int4). */
  cursor: int4Query(0).optional(),
  limit: int4Query(1, 500).default(100),
});
export const ImportIssuePageSchema = z.object({ items: z.array(ImportIssueSchema), nextCursor: z.number().int().nullable() });
export type TImportIssuePage = z.infer<typeof ImportIssuePageSchema>;
