import type { Readable } from 'node:stream';
import { wallIn } from '../../../shared/platform/calendar-date.ts';
import { fieldHeaders, fieldValues, type FieldValue, type RegisterField } from '../register/register-fields.ts';
import { neutraliseCell } from './cell-text.ts';
import { csvExport, jsonExport, xlsxWorkbook, type ExportFormat, type ExportValue } from './export.writer.ts';

/**
 * A register's records as a file through its field list: CSV (UTF-8 with
 * BOM) or JSON of one table, or an XLSX workbook of one sheet per table.
 * Text a spreadsheet would run as a formula is neutralised in CSV and XLSX,
 * never in JSON; booleans are written as true / false.
 */

export interface ExportTable<R> {
  /** The sheet's name in the workbook. */
  name: string;
  fields: readonly RegisterField<R>[];
  records: () => AsyncIterable<R> | Iterable<R>;
}

/** An instant as the organisation's clock in Japan reads it, `YYYY-MM-DD HH:mm` (the due times of seed 004 and the law are Japan's). */
export const exportTime = (iso: string | null): string | null => (iso ? wallIn('Asia/Tokyo', new Date(iso)).replace('T', ' ') : null);

/** Exact yen carried as a decimal string: a number while a spreadsheet holds it exactly, else the string. */
export const exactYen = (yen: string | null): string | number | null => (yen === null ? null : Number.isSafeInteger(Number(yen)) ? Number(yen) : yen);

const asValue = (v: FieldValue): ExportValue => (typeof v === 'boolean' ? String(v) : v);

async function* rowsOf<R>(table: ExportTable<R>, spreadsheet: boolean): AsyncGenerator<ExportValue[]> {
  for await (const record of table.records()) {
    yield fieldValues(table.fields, record).map((v) => {
      const value = asValue(v);
      return spreadsheet && typeof value === 'string' ? neutraliseCell(value) : value;
    });
  }
}

/** A sheet's name as Excel takes it: none of : \ / ? * [ ], at most 31 characters (a register's own words should fit already). */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** CSV and JSON carry `tables[0]`; XLSX carries every table, one sheet each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function exportTables(format: ExportFormat, locale: 'ja' | 'en', tables: readonly ExportTable<any>[]): Readable {
  const [first] = tables;
  if (!first) throw new Error('an export needs a table');
  if (format === 'csv') return csvExport(fieldHeaders(first.fields, locale), rowsOf(first, true));
  if (format === 'json') return jsonExport(first.fields.map((f) => f.key), rowsOf(first, false));
  return xlsxWorkbook(tables.map((table) => ({ name: sheetName(table.name), headers: fieldHeaders(table.fields, locale), rows: () => rowsOf(table, true) })));
}
