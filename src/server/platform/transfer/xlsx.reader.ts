import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { bad, checkDeclaredSizes, entryString, entryText, MAX_INFLATED_BYTES, readCentralDirectory, XlsxError, type ZipEntry } from './zip.reader.ts';

export { XlsxError } from './zip.reader.ts';

/** A cell as read: text (CSV, or a text cell of XLSX), a number (XLSX), a formula (XLSX), or empty. */
export type Cell = string | number | { formula: string } | null;

/**
 * A small reader for the first worksheet of an XLSX file held in memory.
 *
 * Why not ExcelJS's streaming reader: fuzzing the importer showed that a few
 * flipped bytes in the compressed data make it wait forever (no error, no
 * end), which would leave an import "validating" for good. Here the ZIP
 * central directory is read directly and checked against the size limits,
 * every part is inflated by node's zlib as a capped stream and checked
 * against its CRC-32 (`zip.reader.ts`), and the XML is scanned element
 * by element with regular expressions as it arrives: any damage is an
 * exception, never a hang, and no part is ever held whole. It reads values
 * only (shared strings, inline strings, numbers, booleans, formulas reported
 * as such); styles are ignored.
 */

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, then OOXML's `_xHHHH_` escapes (how Excel writes control characters). */
export function decodeXmlText(s: string): string {
  const text = s.includes('&')
    ? s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
        if (e[0] === '#') {
          const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
        }
        return XML_ENTITIES[e] ?? m;
      })
    : s;
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attribute(attrs: string, name: string): string | null {
  if (!attrs) return null;
  let re = ATTRIBUTE_PATTERNS.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decodeXmlText(m[2] ?? m[3] ?? '') : null;
}

/**
 * Longest single row or shared string, in characters. An inventory row is a
 * few hundred characters of XML and Excel holds at most 32,767 characters in
 * a cell: 4 million is over a hundred cells at Excel's own maximum.
 */
const MAX_ELEMENT_CHARS = 4_000_000;

const SHARED_STRING = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
const SHARED_STRING_START = /<(?:[\w.-]+:)?si\b/;

/** The visible text of an `<si>` or `<is>`: its `<t>` runs joined, phonetic guides (`<rPh>`, furigana) left out. */
function richText(inner: string | undefined): string {
  if (!inner) return '';
  const texts: string[] = [];
  const visible = inner.replace(PHONETIC, '');
  TEXT.lastIndex = 0;
  for (let m = TEXT.exec(visible); m; m = TEXT.exec(visible)) texts.push(decodeXmlText(m[1] ?? ''));
  return texts.join('');
}

/** The text of every `<si>` of sharedStrings.xml held whole (the reader itself reads them as it goes: `SharedStrings`). */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = new RegExp(SHARED_STRING.source, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(richText(m[1]));
  return out;
}

/**
 * Whole elements of a part as its text streams in. Only the unfinished tail is
 * kept between chunks, and one element may not grow beyond MAX_ELEMENT_CHARS,
 * so a part made of one endless element is stopped as early as one of endless
 * rows. Yields to the event loop after every chunk.
 */
async function* elements(text: AsyncIterable<string>, element: RegExp, start: RegExp, tooLong: () => never): AsyncGenerator<RegExpExecArray> {
  const re = new RegExp(element.source, 'g');
  let pending = '';
  for await (const chunk of text) {
    pending += chunk;
    let consumed = 0;
    re.lastIndex = 0;
    for (let m = re.exec(pending); m; m = re.exec(pending)) {
      consumed = re.lastIndex;
      yield m;
    }
    pending = pending.slice(consumed);
    const at = pending.search(start);
    // No element begun: only a tag cut at the chunk's end can matter.
    pending = at >= 0 ? pending.slice(at) : pending.slice(Math.max(0, pending.lastIndexOf('<')));
    if (pending.length > MAX_ELEMENT_CHARS) tooLong();
    await yieldToEventLoop();
  }
}

/**
 * The shared strings, read only as far as the rows need them: Excel numbers
 * them in order of first use, so the header row needs the first few and the
 * upload (which reads only the header) never parses the rest.
 */
class SharedStrings {
  readonly strings: string[] = [];
  private readonly source: AsyncGenerator<RegExpExecArray> | null;

  constructor(buf: Buffer, e: ZipEntry | undefined) {
    const tooLong = (): never => {
      throw new XlsxError('xlsxTooLarge', { limitMb: MAX_INFLATED_BYTES / 1024 / 1024 });
    };
    this.source = e ? elements(entryText(buf, e), SHARED_STRING, SHARED_STRING_START, tooLong) : null;
  }

  /** Reads on until string `index` is known or the part ends. */
  async need(index: number): Promise<void> {
    while (this.source && this.strings.length <= index) {
      const next = await this.source.next();
      if (next.done) return;
      this.strings.push(richText(next.value[1]));
    }
  }

  async close(): Promise<void> {
    await this.source?.return(undefined);
  }
}

function columnIndex(ref: string | null): number | null {
  if (!ref) return null;
  const letters = /^([A-Z]{1,3})\d*$/.exec(ref)?.[1];
  if (!letters) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface XlsxRow {
  rowNumber: number;
  cells: Cell[];
}

/** Path of the first worksheet, from the workbook and its relationships. */
async function firstSheetPath(entries: Map<string, ZipEntry>, buf: Buffer): Promise<string> {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const wb = await entryString(buf, workbook);
    const firstSheet = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(wb);
    const rid = firstSheet ? (attribute(firstSheet[1], 'id') ?? null) : null;
    if (rid) {
      const relXml = await entryString(buf, rels);
      const re = /<(?:\w+:)?Relationship\b([^>]*)\/?>/g;
      for (let m = re.exec(relXml); m; m = re.exec(relXml)) {
        if (attribute(m[1], 'Id') === rid) {
          const target = attribute(m[1], 'Target') ?? '';
          const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
          if (entries.has(path)) return path;
        }
      }
    }
  }
  const fallback = [...entries.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))[0];
  if (!fallback) throw new XlsxError(entries.has('[Content_Types].xml') ? 'xlsxNoSheet' : 'notXlsx');
  return fallback;
}

export interface XlsxLimits {
  /** Rows (the header and empty rows included) read before `onTooManyRows`. */
  maxRows: number;
  onTooManyRows: () => never;
  maxColumns: number;
  onTooManyColumns: (row: number) => never;
}

const ROW = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const ROW_START = /<(?:[\w.-]+:)?row\b/;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const FORMULA = /<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
const REF = /(?:^|\s)r="([^"]*)"/;
const TYPE = /(?:^|\s)t="([^"]*)"/;

/** The shared string a `<c>` element refers to, read as `cellValue` reads it (-1 for none). */
function sharedIndex(attrs: string, inner: string | undefined): number {
  if (!inner || (TYPE.exec(attrs)?.[1] ?? 'n') !== 's' || FORMULA.test(inner)) return -1;
  const i = Number(decodeXmlText(VALUE.exec(inner)?.[1] ?? ''));
  return Number.isInteger(i) ? i : -1;
}

/** One `<c>` element's value as the importer reads it. */
function cellValue(attrs: string, inner: string | undefined, shared: readonly string[]): Cell {
  if (!inner) return null;
  const formula = FORMULA.exec(inner);
  if (formula) return { formula: decodeXmlText(formula[1] ?? '') };
  const type = TYPE.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') {
    const s = richText(inner);
    return s === '' ? null : s;
  }
  const raw = VALUE.exec(inner)?.[1];
  if (raw === undefined || raw === '') return null;
  const value = decodeXmlText(raw);
  switch (type) {
    case 's': {
      const i = Number(value);
      if (!Number.isInteger(i) || i < 0 || i >= shared.length) bad();
      return shared[i] === '' ? null : shared[i];
    }
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    case 'str':
    case 'e':
    case 'd':
      return value;
    default: {
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
  }
}

/**
 * The rows of the first worksheet, in order, each as the cells the importer
 * reads. Nothing is inflated before the declared sizes pass the limits; the
 * sheet then streams through, its rows counted before their cells are read,
 * so a sheet of endless rows stops at the row cap having cost a few
 * megabytes. Reading stops as soon as the caller stops (the header alone
 * inflates only the first chunks).
 */
export async function* readXlsxRows(buf: Buffer, limits: XlsxLimits, onProgress?: (fraction: number) => void): AsyncGenerator<XlsxRow> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readCentralDirectory(buf);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    bad();
  }
  const sharedEntry = entries.get('xl/sharedStrings.xml');
  checkDeclaredSizes(entries, { workbook: entries.get('xl/workbook.xml'), rels: entries.get('xl/_rels/workbook.xml.rels'), shared: sharedEntry });
  const sheet = entries.get(await firstSheetPath(entries, buf))!;
  const shared = new SharedStrings(buf, sharedEntry);

  const cellRe = new RegExp(CELL.source, 'g');
  let rowNumber = 0;
  let rowsSeen = 0;
  const tooLong = (): never => {
    throw new XlsxError('xlsxRowTooLarge', { row: rowNumber + 1 });
  };
  const progress = onProgress && ((inflated: number) => onProgress(sheet.uncompressedSize ? inflated / sheet.uncompressedSize : 1));
  try {
    for await (const r of elements(entryText(buf, sheet, progress), ROW, ROW_START, tooLong)) {
      if (++rowsSeen > limits.maxRows) limits.onTooManyRows();
      const n = Number(REF.exec(r[1])?.[1]);
      rowNumber = Number.isInteger(n) && n > rowNumber ? n : rowNumber + 1;
      const cells: Cell[] = [];
      const body = r[2];
      if (body) {
        const found: [column: number, attrs: string, inner: string | undefined][] = [];
        let highestShared = -1;
        let next = 0;
        cellRe.lastIndex = 0;
        for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
          const column = columnIndex(REF.exec(c[1])?.[1] ?? null) ?? next;
          if (column >= limits.maxColumns) limits.onTooManyColumns(rowNumber);
          found.push([column, c[1], c[2]]);
          highestShared = Math.max(highestShared, sharedIndex(c[1], c[2]));
          next = column + 1;
        }
        await shared.need(highestShared);
        for (const [column, attrs, inner] of found) {
          while (cells.length < column) cells.push(null);
          cells[column] = cellValue(attrs, inner, shared.strings);
        }
      }
      yield { rowNumber, cells };
    }
  } finally {
    await shared.close();
  }
}
