import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { checkEvidence, safeFileName } from './evidence.rules.ts';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const PDF = bytes('%PDF-1.7\n%…');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'rest');
const zip = async (parts: string[]) => {
  const z = new JSZip();
  for (const part of parts) z.file(part, '<x/>');
  return z.generateAsync({ type: 'nodebuffer' });
};
const XLSX = await zip(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
const DOCX = await zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
// Zips that mention the right folders without being the package.
const XL_FOLDER_ONLY = await zip(['xl/readme.txt', 'notes/[Content_Types].xml']);
const NO_CONTENT_TYPES = await zip(['xl/workbook.xml']);
const TEXT_NAMES_ONLY = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml');
const SJIS = Buffer.from([0x8e, 0x91, 0x8e, 0x59, 0x2c, 0x31, 0x0a]); // 資産,1 in Shift_JIS

describe('evidence types: the extension, confirmed by the bytes', () => {
  const cases: [string, Buffer, string][] = [
    ['規程.pdf', PDF, 'application/pdf'],
    ['screen.PNG', PNG, 'image/png'],
    ['photo.jpeg', JPEG, 'image/jpeg'],
    ['photo.jpg', JPEG, 'image/jpeg'],
    ['memo.txt', bytes('メモです\n'), 'text/plain; charset=utf-8'],
    ['list.csv', bytes('name,value\n資産,1\n'), 'text/csv; charset=utf-8'],
    ['excel.csv', SJIS, 'text/csv'],
    ['book.xlsx', XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['doc.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['empty.pdf', Buffer.alloc(0), 'evidenceEmpty'],
    ['script.html', bytes('<script>alert(1)</script>'), 'evidenceTypeNotAllowed'],
    ['program.exe', bytes('MZ'), 'evidenceTypeNotAllowed'],
    ['noextension', PDF, 'evidenceTypeNotAllowed'],
    ['fake.pdf', bytes('<html>'), 'evidenceContentMismatch'],
    ['fake.png', JPEG, 'evidenceContentMismatch'],
    ['binary.txt', bytes('abc', [0], 'def'), 'evidenceContentMismatch'],
    ['zip.txt', XLSX, 'evidenceContentMismatch'],
    ['document.xlsx', DOCX, 'evidenceContentMismatch'],
    ['plain.docx', bytes('hello'), 'evidenceContentMismatch'],
    ['folder.xlsx', XL_FOLDER_ONLY, 'evidenceContentMismatch'],
    ['untyped.xlsx', NO_CONTENT_TYPES, 'evidenceContentMismatch'],
    ['names.xlsx', TEXT_NAMES_ONLY, 'evidenceContentMismatch'],
    ['names.docx', bytes([0x50, 0x4b, 0x03, 0x04], '[Content_Types].xml word/document.xml'), 'evidenceContentMismatch'],
  ];
  for (const [name, content, expected] of cases) {
    test(`${name} → ${expected}`, () => {
      const r = checkEvidence(name, content);
      assert.equal(r.ok ? r.contentType : r.code, expected);
    });
  }
});

describe('file names', () => {
  const cases: [string | null, string][] = [
    ['C:\\Users\\yamada\\Desktop\\規程.pdf', '規程.pdf'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['a\u0000b\u0007c.txt', 'abc.txt'],
    ['  .hidden.txt', 'hidden.txt'],
    ['ｶﾞ.txt'.normalize('NFD'), 'ｶﾞ.txt'.normalize('NFC')],
    [null, 'evidence.pdf'],
    [`${'長'.repeat(300)}.pdf`, `${'長'.repeat(196)}.pdf`],
  ];
  for (const [raw, expected] of cases) test(`${JSON.stringify(raw)?.slice(0, 40)} → ${expected.slice(0, 20)}`, () => assert.equal(safeFileName(raw, '.pdf'), expected));
});
