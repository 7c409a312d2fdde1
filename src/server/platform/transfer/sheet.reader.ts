import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { isValidUtf8 } from '../utf8.ts';
import { readXlsxRows, XlsxError, type Cell } from './xlsx.reader.ts';

export type { Cell } from './xlsx.reader.ts';

/**
 * Reading an uploaded register file: what it is (CSV in UTF-8, UTF-8 with
 * BOM or Shift_JIS/CP932, or XLSX — decided from the bytes, never the file
 * name) and its rows. CSV is decoded and parsed as a stream; XLSX is read by
 * `xlsx.reader.ts`, its parts inflated as streams within size limits.
 */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';
export type DetectedFile = { format: 'csv'; encoding: CsvEncoding; delimiter: ',' | '\t' } | { format: 'xlsx' };

/** A whole-file problem; `code` names a message under the register's `fileProblems`. */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** Most data rows an import takes (the benchmark runs 100,000). */
export const MAX_IMPORT_ROWS = 200_000;
/** Most columns read; more is not a register. */
export const MAX_IMPORT_COLUMNS = 200;
/** Longest single CSV record (characters): an unclosed quote must not swallow the file. */
const MAX_RECORD_CHARS = 1_000_000;
const CHUNK = 256 * 1024;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

function delimiterOf(headerLine: string): ',' | '\t' {
  const tabs = headerLine.split('\t').length - 1;
  const commas = headerLine.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/** Control characters a text file never has (NUL, and the C0 set but tab, LF, CR, and the SUB some tools append). */
// eslint-disable-next-line no-control-regex
const BINARY_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u0019\u001b-\u001f]/g;

function looksBinary(sample: string): boolean {
  const found = sample.match(BINARY_CHARS)?.length ?? 0;
  // A stray control character in a cell is a row problem (reported there); many of them, or a NUL, is not text.
  return sample.includes('\u0000') || (found >= 8 && found * 100 > sample.length);
}

/**
 * Text in another encoding (EUC-JP, Latin-1 …) often decodes as CP932
 * without an error, into half-width katakana and user-defined characters.
 * Real Japanese business files are mostly full-width: refuse text that is
 * mostly half-width katakana or has user-defined (private use) characters.
 */
function plausibleShiftJis(text: string): boolean {
  let nonAscii = 0;
  let halfWidthKana = 0;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii++;
    if (code >= 0xe000 && code <= 0xf8ff) return false;
    if (code >= 0xff61 && code <= 0xff9f) halfWidthKana++;
  }
  return nonAscii < 20 || halfWidthKana * 10 < nonAscii * 6;
}

export function detectFile(buf: Buffer): DetectedFile {
  if (buf.length === 0) throw new ImportFileError('empty');
  if (buf.subarray(0, 4).equals(ZIP)) return { format: 'xlsx' };
  if (buf.subarray(0, 8).equals(OLE)) throw new ImportFileError('xlsUnsupported');
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) throw new ImportFileError('utf16Unsupported');
  let encoding: CsvEncoding;
  let text: string;
  if (buf.subarray(0, 3).equals(UTF8_BOM)) {
    if (!isValidUtf8(buf.subarray(3))) throw new ImportFileError('invalidUtf8');
    encoding = 'utf-8-bom';
    text = buf.subarray(3, 3 + 64 * 1024).toString('utf8');
  } else if (isValidUtf8(buf)) {
    encoding = 'utf-8';
    text = buf.subarray(0, 64 * 1024).toString('utf8');
  } else {
    // Not UTF-8: Shift_JIS as Windows writes it (CP932), or nothing we can read.
    const sample = iconv.decode(buf.subarray(0, 64 * 1024), 'cp932');
    // A multi-byte character cut at the sample's end decodes to U+FFFD: look at the whole file then.
    const decoded = sample.includes('\ufffd') ? iconv.decode(buf, 'cp932') : sample;
    if (decoded.includes('\ufffd') || !plausibleShiftJis(sample)) throw new ImportFileError('unknownEncoding');
    encoding = 'shift_jis';
    text = sample;
  }
  if (looksBinary(text)) throw new ImportFileError('binary');
  if (text.trim() === '') throw new ImportFileError('empty');
  return { format: 'csv', encoding, delimiter: delimiterOf(firstLine(text)) };
}

export interface SheetRow {
  /** Spreadsheet row number (1-based; in a CSV, the n-th record). */
  rowNumber: number;
  cells: Cell[];
}

/** A row with nothing in it (spreadsheets keep empty rows between tables); skipped, never counted. */
export const isEmptyRow = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

export type ProgressFn = (bytesRead: number) => void;

/** The upload in chunks, reporting how far the reader has got. */
function chunked(buf: Buffer, onProgress?: ProgressFn): Readable {
  let offset = 0;
  return new Readable({
    highWaterMark: CHUNK,
    read() {
      if (offset >= buf.length) {
        this.push(null);
        return;
      }
      const end = Math.min(offset + CHUNK, buf.length);
      const chunk = buf.subarray(offset, end);
      offset = end;
      onProgress?.(offset);
      this.push(chunk);
    },
  });
}

async function* decodedChunks(buf: Buffer, encoding: CsvEncoding, onProgress?: ProgressFn): AsyncGenerator<string> {
  const start = encoding === 'utf-8-bom' ? 3 : 0;
  const source = chunked(buf.subarray(start), onProgress ? (n) => onProgress(n + start) : undefined);
  if (encoding === 'shift_jis') {
    const decoder = iconv.getDecoder('cp932');
    for await (const chunk of source) {
      const s = decoder.write(chunk as Buffer);
      if (s) yield s;
    }
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of source) {
    const s = decoder.decode(chunk as Buffer, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'csvQuoteNotClosed',
  CSV_INVALID_CLOSING_QUOTE: 'csvInvalidQuote',
  CSV_MAX_RECORD_SIZE: 'csvRecordTooLarge',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'csvInvalidQuote',
};

async function* readCsv(buf: Buffer, detected: Extract<DetectedFile, { format: 'csv' }>, onProgress?: ProgressFn): AsyncGenerator<SheetRow> {
  const parser = parse({
    delimiter: detected.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  const input = Readable.from(decodedChunks(buf, detected.encoding, onProgress));
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      if (rowNumber > MAX_IMPORT_ROWS + 1) throw new ImportFileError('tooManyRows', { max: MAX_IMPORT_ROWS });
      if (record.length > MAX_IMPORT_COLUMNS) throw new ImportFileError('tooManyColumns', { max: MAX_IMPORT_COLUMNS, row: rowNumber });
      yield { rowNumber, cells: record.map((c) => (c === '' ? null : c)) };
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    const err = e as { code?: string; lines?: number };
    if (err.code && CSV_ERRORS[err.code]) throw new ImportFileError(CSV_ERRORS[err.code], { line: err.lines ?? rowNumber + 1 });
    if (e instanceof TypeError && /encoded data was not valid/i.test(e.message)) throw new ImportFileError('invalidUtf8');
    throw new ImportFileError('csvUnreadable', { line: rowNumber + 1 });
  } finally {
    input.destroy();
    parser.destroy();
  }
}

async function* readXlsx(buf: Buffer, onProgress?: ProgressFn): AsyncGenerator<SheetRow> {
  const limits = {
    // The header row on top of the data rows.
    maxRows: MAX_IMPORT_ROWS + 1,
    onTooManyRows: (): never => {
      throw new ImportFileError('tooManyRows', { max: MAX_IMPORT_ROWS });
    },
    maxColumns: MAX_IMPORT_COLUMNS,
    onTooManyColumns: (row: number): never => {
      throw new ImportFileError('tooManyColumns', { max: MAX_IMPORT_COLUMNS, row });
    },
  };
  try {
    yield* readXlsxRows(buf, limits, (f) => onProgress?.(Math.round(f * buf.length)));
    onProgress?.(buf.length);
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    if (e instanceof XlsxError) throw new ImportFileError(e.code, e.params);
    // Anything else a damaged file provokes (a bad offset, a broken string): not a readable workbook.
    throw new ImportFileError('notXlsx');
  }
}

/** Every row of the file in order, the header included (the first row with anything in it). */
export function readRows(buf: Buffer, detected: DetectedFile, onProgress?: ProgressFn): AsyncGenerator<SheetRow> {
  return detected.format === 'csv' ? readCsv(buf, detected, onProgress) : readXlsx(buf, onProgress);
}

/** The header row: the first row with anything in it, as text. */
export async function readHeader(buf: Buffer, detected: DetectedFile): Promise<{ rowNumber: number; headers: string[] }> {
  const rows = readRows(buf, detected);
  try {
    for await (const row of rows) {
      if (isEmptyRow(row.cells)) continue;
      const headers = row.cells.map((c) => (c === null ? '' : typeof c === 'object' ? `=${c.formula}` : String(c).trim()));
      return { rowNumber: row.rowNumber, headers };
    }
  } finally {
    await rows.return(undefined);
  }
  throw new ImportFileError('empty');
}
