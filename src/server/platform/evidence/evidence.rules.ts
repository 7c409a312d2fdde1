/**
 * What an evidence file may be, decided from its name and its bytes (never
 * from the browser's claim alone, which varies: Windows sends CSV as
 * application/vnd.ms-excel), and how a download names it. Pure functions.
 */

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

/** An OOXML package names its parts in plain text in the ZIP headers: xl/… for a workbook, word/… for a document. */
function zipHasEntry(bytes: Uint8Array, prefix: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(prefix, 'latin1'));
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
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
      return startsWith(bytes, ZIP) && zipHasEntry(bytes, 'xl/') ? { ok: true, contentType: type.contentType, extension } : mismatch;
    case DOCX:
      return startsWith(bytes, ZIP) && zipHasEntry(bytes, 'word/') ? { ok: true, contentType: type.contentType, extension } : mismatch;
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

/**
 * RFC 6266 with RFC 8187: an ASCII fallback in `filename` and the real name,
 * UTF-8 percent-encoded, in `filename*`. Always `attachment`: evidence is
 * never rendered inside Kumoji's origin.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
