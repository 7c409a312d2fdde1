import { z } from 'zod';

/**
 * What every register's export takes (`GET <register>/export?format=…`, the
 * export pipeline in src/server/platform/transfer/): CSV (UTF-8 with BOM) by
 * default, an XLSX workbook, or JSON keyed by field name.
 */

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);

/** The query of a register's export that has nothing to choose but the format. */
export const RegisterExportQuerySchema = z.strictObject({ format: ExportFormatSchema.default('csv') });
