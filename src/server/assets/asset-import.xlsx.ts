import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import zlib from 'node:zlib';
import type { Cell } from './asset-import.rules.ts';

/**
 * A small reader for the first worksheet of an XLSX file held in memory.
 *
 * Why not ExcelJS's streaming reader: fuzzing the importer showed that a few
 * flipped bytes in the compressed data make it wait forever (no error, no
 * end), which would leave an import "validating" for good. Here the ZIP
 * central directory is read directly, every entry is inflated by node's zlib
 * with a size cap (zip bombs) and checked against its CRC-32, and the sheet
 * XML is scanned with regular expressions: any damage is an exception, never
 * a hang. It reads values only (shared strings, inline strings, numbers,
 * booleans, formulas reported as such); styles are ignored.
 */

export class XlsxError extends Error {
  constructor(readonly code: 'notXlsx' | 'xlsxNoSheet' | 'xlsxTooLarge') {
    super(code);
  }
}

/** Most bytes one entry may inflate to (the sheet of 200,000 rows is far below). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

function bad(): never {
  throw new XlsxError('notXlsx');
}

function readCentralDirectory(buf: Buffer): Map<string, ZipEntry> {
  // End of central directory: the last 22 bytes, plus a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad();
  const total = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  let p = buf.readUInt32LE(eocd + 16);
  if (p + size > buf.length) bad();
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < total; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) bad();
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLength > buf.length) bad();
    const entry: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
    };
    // ZIP64 markers: an XLSX of the size we accept never needs them.
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) bad();
    entries.set(entry.name.replace(/^\//, ''), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflate(buf: Buffer, e: ZipEntry): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) bad();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) bad();
  if (e.uncompressedSize > MAX_ENTRY_BYTES) throw new XlsxError('xlsxTooLarge');
  const data = buf.subarray(start, end);
  let out: Buffer;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new XlsxError('xlsxTooLarge');
      bad();
    }
  } else bad();
  if (out.length !== e.uncompressedSize || zlib.crc32(out) !== e.crc) bad();
  return out;
}

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

const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

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

/** The text of every `<si>` of sharedStrings.xml, phonetic guides (`<rPh>`, furigana) left out. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inPhonetic = 0;
  let textStart = -1;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, close, name, , selfClosing] = m;
    if (name === 'si') {
      if (close) {
        out.push((current ?? []).join(''));
        current = null;
      } else if (selfClosing) out.push('');
      else current = [];
    } else if (name === 'rPh') {
      if (!selfClosing) inPhonetic += close ? -1 : 1;
    } else if (name === 't' && current && inPhonetic === 0) {
      if (selfClosing) continue;
      if (!close) textStart = TAG.lastIndex;
      else if (textStart >= 0) {
        current.push(decodeXmlText(xml.slice(textStart, m.index)));
        textStart = -1;
      }
    }
  }
  return out;
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
function firstSheetPath(entries: Map<string, ZipEntry>, buf: Buffer): string {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const wb = inflate(buf, workbook).toString('utf8');
    const firstSheet = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(wb);
    const rid = firstSheet ? (attribute(firstSheet[1], 'id') ?? null) : null;
    if (rid) {
      const relXml = inflate(buf, rels).toString('utf8');
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
  maxColumns: number;
  onTooManyColumns: (row: number) => never;
}

const ROW = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const FORMULA = /<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
const REF = /(?:^|\s)r="([^"]*)"/;
const TYPE = /(?:^|\s)t="([^"]*)"/;

/** One `<c>` element's value as the importer reads it. */
function cellValue(attrs: string, inner: string | undefined, shared: readonly string[]): Cell {
  if (!inner) return null;
  const formula = FORMULA.exec(inner);
  if (formula) return { formula: decodeXmlText(formula[1] ?? '') };
  const type = TYPE.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') {
    const texts: string[] = [];
    TEXT.lastIndex = 0;
    const visible = inner.replace(PHONETIC, '');
    for (let m = TEXT.exec(visible); m; m = TEXT.exec(visible)) texts.push(decodeXmlText(m[1] ?? ''));
    const s = texts.join('');
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
 * reads. Yields to the event loop every 2,000 rows so a large sheet does not
 * hold up other requests.
 */
export async function* readXlsxRows(buf: Buffer, limits: XlsxLimits, onProgress?: (fraction: number) => void): AsyncGenerator<XlsxRow> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readCentralDirectory(buf);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    bad();
  }
  const sheetPath = firstSheetPath(entries, buf);
  const sharedEntry = entries.get('xl/sharedStrings.xml');
  const shared = sharedEntry ? parseSharedStrings(inflate(buf, sharedEntry).toString('utf8')) : [];
  const xml = inflate(buf, entries.get(sheetPath)!).toString('utf8');

  const rowRe = new RegExp(ROW.source, 'g');
  const cellRe = new RegExp(CELL.source, 'g');
  let rowNumber = 0;
  let sinceYield = 0;
  for (let r = rowRe.exec(xml); r; r = rowRe.exec(xml)) {
    const n = Number(REF.exec(r[1])?.[1]);
    rowNumber = Number.isInteger(n) && n > rowNumber ? n : rowNumber + 1;
    const cells: Cell[] = [];
    const body = r[2];
    if (body) {
      let next = 0;
      cellRe.lastIndex = 0;
      for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
        const column = columnIndex(REF.exec(c[1])?.[1] ?? null) ?? next;
        if (column >= limits.maxColumns) limits.onTooManyColumns(rowNumber);
        while (cells.length < column) cells.push(null);
        cells[column] = cellValue(c[1], c[2], shared);
        next = column + 1;
      }
    }
    yield { rowNumber, cells };
    if (++sinceYield >= 2000) {
      sinceYield = 0;
      onProgress?.(r.index / xml.length);
      await yieldToEventLoop();
    }
  }
}
