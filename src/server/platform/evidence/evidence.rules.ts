/**
 * What an evidence file may be, decided from its name and its bytes (never
 * from the browser's claim alone, which varies: Windows sends CSV as
 * application/vnd.ms-excel), and how a download names it. Pure functions.
 */

import { isValidUtf8 } from '../utf8.ts';

export interface EvidenceType {
  contentType: string;
  extensions: readonly string[];
  /** A short name for messages. */
  label: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The allow-list: PDF, PNG, JPEG, text, CSV, XLSX, DOCX. */
export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  { contentType: 'application/pdf', extensions: ['.pdf'], label: 'PDF' },
  { contentType: 'image/png', extensions: ['.png'], label: 'PNG' },
  { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG' },
  { contentType: 'text/plain', extensions: ['.txt'], label: 'TXT' },
  { contentType: 'text/csv', extensions: ['.csv'], label: 'CSV' },
  { contentType: XLSX, extensions: ['.xlsx'], label: 'XLSX' },
  { contentType: DOCX, extensions: ['.docx'], label: 'DOCX' },
];

export const EVIDENCE_EXTENSIONS = EVIDENCE_TYPES.flatMap((t) => t.extensions);

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The part names in a ZIP's central directory (APPNOTE 4.3.12, 4.3.16), or null
 * when it has none that parses. Any file that merely contains the text `xl/`
 * passed the old check; an OOXML package is known by its parts.
 */
function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 65535.
  for (let eocd = buf.length - 22; eocd >= Math.max(0, buf.length - 22 - 0xffff); eocd--) {
    if (buf.readUInt32LE(eocd) !== 0x06054b50) continue;
    const count = buf.readUInt16LE(eocd + 10);
    let at = buf.readUInt32LE(eocd + 16);
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = buf.readUInt16LE(at + 28);
      if (at + 46 + nameLength > buf.length) return null;
      names.add(buf.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    }
    return names;
  }
  return null;
}

/** ECMA-376 Part 2: every package has [Content_Types].xml; the main part names the kind. */
function isOoxmlPackage(bytes: Uint8Array, mainPart: string): boolean {
  if (!startsWith(bytes, ZIP)) return false;
  const names = zipEntryNames(bytes);
  return !!names && names.has('[Content_Types].xml') && names.has(mainPart);
}

export type EvidenceCheck =
  | { ok: true; contentType: string; extension: string }
  | { ok: false; code: 'evidenceEmpty' | 'evidenceTypeNotAllowed' | 'evidenceContentMismatch'; params?: Record<string, string> };

export function extensionOf(fileName: string): string {
  const m = /(\.[A-Za-z0-9]{1,8})$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/**
 * The file's type from its extension, confirmed by its first bytes. Text and
 * CSV must contain no NUL byte (binary data renamed .txt); UTF-8 text is
 * served as such, other text (Shift_JIS CSV from Excel) without a charset.
 */
export function checkEvidence(fileName: string, bytes: Uint8Array): EvidenceCheck {
  if (bytes.length === 0) return { ok: false, code: 'evidenceEmpty' };
  const extension = extensionOf(fileName);
  const type = EVIDENCE_TYPES.find((t) => t.extensions.includes(extension));
  if (!type) return { ok: false, code: 'evidenceTypeNotAllowed', params: { allowed: EVIDENCE_TYPES.map((t) => t.label).join(', ') } };
  const mismatch: EvidenceCheck = { ok: false, code: 'evidenceContentMismatch', params: { type: type.label } };
  switch (type.contentType) {
    case 'application/pdf':
      return startsWith(bytes, PDF) ? { ok: true, contentType: type.contentType, extension } : mismatch;
    case 'image/png':
      return startsWith(bytes, PNG) ? { ok: true, contentType: type.contentType, extension } : mismatch;
    case 'image/jpeg':
      return startsWith(bytes, JPEG) ? { ok: true, contentType: type.contentType, extension } : mismatch;
    case XLSX:
      return isOoxmlPackage(bytes, 'xl/workbook.xml') ? { ok: true, contentType: type.contentType, extension } : mismatch;
    case DOCX:
      return isOoxmlPackage(bytes, 'word/document.xml') ? { ok: true, contentType: type.contentType, extension } : mismatch;
    default: {
      // Text and CSV.
      if (bytes.includes(0) || [PDF, PNG, JPEG, ZIP].some((magic) => startsWith(bytes, magic))) return mismatch;
      return { ok: true, contentType: isValidUtf8(bytes) ? `${type.contentType}; charset=utf-8` : type.contentType, extension };
    }
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The name as shown and downloaded: no folders (a browser on Windows may send
 * C:\…\file.pdf), no control characters, Unicode NFC, at most 200 characters
 * with the extension kept.
 */
export function safeFileName(raw: string | undefined | null, fallbackExtension = ''): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  let name = base.normalize('NFC').replace(CONTROL, '').replace(/^[\s.]+/, '').trim();
  if (!name) name = `evidence${fallbackExtension}`;
  if (name.length > 200) {
    const ext = extensionOf(name);
    name = `${name.slice(0, 200 - ext.length)}${ext}`;
  }
  return name;
}
