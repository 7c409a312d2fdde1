import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import zlib from 'node:zlib';

/**
 * The ZIP layer of the XLSX reader: the central directory, the limits a
 * workbook must meet before anything is inflated, and each part inflated as a
 * stream that never goes past the size the part declares.
 *
 * Zip bombs: a 5.3 MB upload whose sheet inflated to about 200 MB once took
 * 14 s in one piece, stalled every other request and left the process 1 GB
 * larger. Now the declared sizes are checked first, a part that inflates
 * beyond what it declares is stopped there (declared sizes can lie), and the
 * inflated bytes pass through in 64 KiB chunks, never held whole.
 */

export type XlsxErrorCode = 'notXlsx' | 'xlsxNoSheet' | 'xlsxTooLarge' | 'xlsxUnusualCompression' | 'xlsxRowTooLarge';

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/**
 * Most bytes the parts the importer reads (workbook, its relationships, shared
 * strings, the first sheet) may declare together. The largest import taken is
 * 200,000 rows (MAX_IMPORT_ROWS); the product's own XLSX export of that many
 * assets, 20 columns of realistic Japanese text with inline strings, is 181 MB
 * of sheet XML (129 MB plus 24 MB of shared strings when written with shared
 * strings). 256 MiB leaves about 40 % for longer texts.
 */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
/** Most bytes the workbook part or its relationships may declare: they name the sheets, nothing more. */
export const MAX_WORKBOOK_PART_BYTES = 16 * 1024 * 1024;
/**
 * Highest inflated-to-compressed ratio of one part. The generated 200,000-row
 * inventories compress 7:1 to 17:1; 100:1 is also the threshold Apache POI's
 * ZipSecureFile refuses by default (MIN_INFLATE_RATIO 0.01). Only XML made to
 * be tiny when packed goes beyond it.
 */
export const MAX_COMPRESSION_RATIO = 100;
/** Parts smaller than this are not judged by their ratio (POI's GRACE_ENTRY_SIZE): a small part costs nothing. */
const RATIO_GRACE_BYTES = 100 * 1024;
const CHUNK = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export function bad(): never {
  throw new XlsxError('notXlsx');
}

/** The central directory (APPNOTE 4.3.12, 4.3.16) by part name; nothing is inflated. */
export function readCentralDirectory(buf: Buffer): Map<string, ZipEntry> {
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

/**
 * The limits, from the central directory alone, before any part is inflated.
 * Which part is the first sheet is only known once the workbook is read, so
 * the largest of the other parts stands in for it; every part is held to the
 * ratio, since any of them may turn out to be the sheet.
 */
export function checkDeclaredSizes(entries: Map<string, ZipEntry>, known: { workbook?: ZipEntry; rels?: ZipEntry; shared?: ZipEntry }): void {
  for (const e of entries.values()) {
    if (e.uncompressedSize > RATIO_GRACE_BYTES && e.uncompressedSize > e.compressedSize * MAX_COMPRESSION_RATIO) throw new XlsxError('xlsxUnusualCompression');
  }
  for (const part of [known.workbook, known.rels]) if (part && part.uncompressedSize > MAX_WORKBOOK_PART_BYTES) throw new XlsxError('xlsxTooLarge', { limitMb: MAX_INFLATED_BYTES / 1024 / 1024 });
  const named = new Set([known.workbook, known.rels, known.shared]);
  let largestOther = 0;
  for (const e of entries.values()) if (!named.has(e)) largestOther = Math.max(largestOther, e.uncompressedSize);
  const total = (known.workbook?.uncompressedSize ?? 0) + (known.rels?.uncompressedSize ?? 0) + (known.shared?.uncompressedSize ?? 0) + largestOther;
  if (total > MAX_INFLATED_BYTES) throw new XlsxError('xlsxTooLarge', { limitMb: MAX_INFLATED_BYTES / 1024 / 1024 });
}

function compressedData(buf: Buffer, e: ZipEntry): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) bad();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) bad();
  return buf.subarray(start, end);
}

/**
 * One part's bytes as they inflate, in chunks of up to 64 KiB, checked
 * against its CRC-32 at the end. More bytes than the part declares stop the
 * inflation there: the declared sizes are what the limits were checked on.
 * Stopping early (a caller that has what it needs) frees the inflater.
 */
export async function* inflateEntry(buf: Buffer, e: ZipEntry): AsyncGenerator<Buffer> {
  const data = compressedData(buf, e);
  let size = 0;
  let crc = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size > e.uncompressedSize) throw new XlsxError('xlsxTooLarge', { limitMb: MAX_INFLATED_BYTES / 1024 / 1024 });
    crc = zlib.crc32(chunk, crc);
    return chunk;
  };
  if (e.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) {
      yield take(data.subarray(at, at + CHUNK));
      await yieldToEventLoop();
    }
  } else if (e.method === 8) {
    // The stream inflates only as fast as it is read (zlib pauses when its output buffer is full).
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
    inflater.on('error', () => undefined);
    inflater.end(data);
    const chunks = inflater[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    try {
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch {
          bad();
        }
        if (next.done) break;
        yield take(next.value);
      }
    } finally {
      inflater.destroy();
    }
  } else bad();
  if (size !== e.uncompressedSize || crc !== e.crc) bad();
}

/** One part as UTF-8 text, chunk by chunk (a character cut between chunks is joined), with how many bytes have been inflated. */
export async function* entryText(buf: Buffer, e: ZipEntry, onBytes?: (inflated: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let inflated = 0;
  for await (const chunk of inflateEntry(buf, e)) {
    inflated += chunk.length;
    onBytes?.(inflated);
    const s = decoder.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A small part (workbook, relationships) whole: its size is capped by checkDeclaredSizes. */
export async function entryString(buf: Buffer, e: ZipEntry): Promise<string> {
  const parts: string[] = [];
  for await (const s of entryText(buf, e)) parts.push(s);
  return parts.join('');
}
