import zlib from 'node:zlib';

/**
 * Hand-made XLSX files for the zip-bomb tests and the benchmark: a minimal
 * valid workbook whose sheet XML is produced chunk by chunk and deflated as a
 * stream, so a sheet of hundreds of megabytes is built without holding it,
 * and whose central directory can be made to lie about a part's size.
 */

export interface ZipPart {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
  /** What the central directory claims instead of `size`. */
  declaredSize?: number;
}

/** Deflates a part given as chunks (strings are UTF-8). */
export async function deflatedPart(name: string, chunks: Iterable<string | Buffer>, level = 6): Promise<ZipPart> {
  const deflate = zlib.createDeflateRaw({ level });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((res) => deflate.once('drain', res));
  }
  deflate.end();
  await ended;
  return { name, compressed: Buffer.concat(out), crc, size };
}

/** The parts as one ZIP file (APPNOTE 4.3: local headers and data, then the central directory). */
export function zipFile(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(p.crc >>> 0, 16);
    entry.writeUInt32LE(p.compressed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, p.compressed);
    central.push(entry, name);
    offset += 30 + name.length + p.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="資産目録" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One row of inline strings and numbers, as Excel and the export write it. */
export function rowXml(rowNumber: number, cells: (string | number | null)[]): string {
  const body = cells
    .map((v, i) => {
      const ref = `${String.fromCharCode(65 + i)}${rowNumber}`;
      if (v === null) return '';
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    })
    .join('');
  return `<row r="${rowNumber}">${body}</row>`;
}

/** The sheet's opening up to and with the header row. */
export const sheetHead = (header: string[]) => SHEET_HEAD + rowXml(1, header);

/**
 * The sheet XML: its head, then `rows` rows from `row(n)` (n from 2) as one
 * block, repeated until about `bytes` are written. Cheap to build for
 * hundreds of megabytes; deflate finds repeats only within a block (its
 * window is 32 KiB), so a block of varied rows packs like real data.
 */
export function* repeatedRows(header: string[], rows: number, bytes: number, row: (n: number) => string): Generator<string | Buffer> {
  const block = Buffer.from(Array.from({ length: rows }, (_v, i) => row(i + 2)).join(''), 'utf8');
  yield sheetHead(header);
  for (let written = 0; written < bytes; written += block.length) yield block;
  yield SHEET_TAIL;
}

/** A workbook of one sheet; `sheet` may carry a `declaredSize` that lies. */
export async function xlsxWithSheet(sheet: ZipPart, extra: ZipPart[] = []): Promise<Buffer> {
  const small = await Promise.all(
    [
      ['[Content_Types].xml', CONTENT_TYPES],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WORKBOOK],
      ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
    ].map(([name, xml]) => deflatedPart(name, [xml])),
  );
  return zipFile([...small, ...extra, sheet]);
}

/** The seed's required columns (図11), so the suggested mapping is complete. */
export const BOMB_HEADER = ['情報資産名', '媒体', 'データ総件数', 'ランク', '千円'];
/** A valid row of those columns, different on every row (names must be unique). */
export const bombRow = (n: number) => rowXml(n, [`顧客台帳${n}`, '電子媒体', (n % 5000) + 1, 'A', 1]);
