import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

/**
 * A register's records as a file, written from its field list: CSV (UTF-8
 * with BOM and CRLF, which Excel in Japan opens as it is), XLSX, or JSON.
 * The rows come as an async iterable (keyset pages), so memory stays flat at
 * any size. The register turns each record into one value per field, text
 * neutralised where a spreadsheet would run it as a formula.
 */

export type ExportFormat = 'csv' | 'xlsx' | 'json';
export type ExportValue = string | number | null;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

const BOM = '\ufeff';

/** Runs `write` into `out`, ending it in error when the rows fail half-way (the client sees a cut download, never a short file that looks whole). */
function pump(out: PassThrough, write: () => Promise<void>): void {
  void write().catch((e: unknown) => out.destroy(e as Error));
}

export function csvExport(headers: readonly string[], rows: AsyncIterable<ExportValue[]>): Readable {
  const csv = stringify({ record_delimiter: 'windows', cast: { number: (v) => String(v) } });
  const out = new PassThrough();
  out.write(BOM);
  csv.pipe(out);
  pump(out, async () => {
    csv.write(headers);
    for await (const r of rows) if (!csv.write(r.map((v) => (v === null ? '' : v)))) await new Promise((res) => csv.once('drain', res));
    csv.end();
  });
  return out;
}

/** One sheet of a workbook: its rows are read only when the sheet is written, so a later sheet can sum up what an earlier one streamed. */
export interface ExportSheet {
  name: string;
  headers: readonly string[];
  rows: () => AsyncIterable<ExportValue[]>;
  /** Turns a row into what the sheet stores (numbers as numbers). */
  cells?: (row: ExportValue[]) => ExportValue[];
}

/** Sheets in order, each with its header row bold and frozen. */
export function xlsxWorkbook(sheets: readonly ExportSheet[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  pump(out, async () => {
    for (const s of sheets) {
      const sheet = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      const header = sheet.addRow([...s.headers]);
      header.font = { bold: true };
      header.commit();
      const cells = s.cells ?? ((r: ExportValue[]) => r);
      for await (const r of s.rows()) sheet.addRow(cells(r)).commit();
      sheet.commit();
    }
    await workbook.commit();
  });
  return out;
}

/** One sheet, the header row bold and frozen. `cells` turns a row into what the sheet stores (numbers as numbers). */
export function xlsxExport(sheetName: string, headers: readonly string[], rows: AsyncIterable<ExportValue[]>, cells: (row: ExportValue[]) => ExportValue[] = (r) => r): Readable {
  return xlsxWorkbook([{ name: sheetName, headers, rows: () => rows, cells }]);
}

/** A JSON array of objects keyed by field name (the API's names, not the headers), streamed one record at a time. */
export function jsonExport(fieldNames: readonly string[], rows: AsyncIterable<ExportValue[]>): Readable {
  const out = new PassThrough();
  pump(out, async () => {
    let first = true;
    out.write('[');
    for await (const r of rows) {
      const record = Object.fromEntries(fieldNames.map((f, i) => [f, r[i] ?? null]));
      if (!out.write(`${first ? '' : ','}\n${JSON.stringify(record)}`)) await new Promise((res) => out.once('drain', res));
      first = false;
    }
    out.end(first ? ']' : '\n]');
  });
  return out;
}
