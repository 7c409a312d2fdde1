import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { csvExport, jsonExport, xlsxExport, type ExportValue } from '../../src/server/platform/transfer/export.writer.ts';
import { exportHeaders, mappingProblems, suggestMapping } from '../../src/server/platform/transfer/header.rules.ts';
import { validateImportFile } from '../../src/server/platform/transfer/import.run.ts';
import { detectFile, ImportFileError, readHeader, readRows } from '../../src/server/platform/transfer/sheet.reader.ts';
import { FAKE_FIELDS, fakeRegister, type FakeRow } from './transfer-register.ts';

// The import and export pipeline over a register's field list, with a tiny register of its own (no database).

const register = fakeRegister();
const CSV = '名称,件数,備考\r\n顧客台帳,1200,営業部\r\n見積書,35,\r\n';

async function validate(bytes: Buffer) {
  const { headers } = await readHeader(bytes, detectFile(bytes));
  return validateImportFile<FakeRow, Set<string>>(register, bytes, headers, suggestMapping(FAKE_FIELDS, headers), new Set());
}

async function* rowsOf(values: ExportValue[][]) {
  yield* values;
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

describe('encoding detection', () => {
  const cases: [string, Buffer, string][] = [
    ['UTF-8', Buffer.from(CSV, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]), 'utf-8-bom'],
    ['Shift_JIS', iconv.encode(CSV, 'cp932'), 'shift_jis'],
  ];
  for (const [label, bytes, encoding] of cases) {
    test(`${label}: detected from the bytes, the same rows read`, async () => {
      const detected = detectFile(bytes);
      assert.deepEqual(detected, { format: 'csv', encoding, delimiter: ',' });
      const result = await validate(bytes);
      assert.equal(result.issueCount, 0);
      assert.deepEqual(
        result.rows.map((r) => [r.rowNumber, r.name, r.records, r.notes]),
        [
          [2, '顧客台帳', 1200, '営業部'],
          [3, '見積書', 35, ''],
        ],
      );
    });
  }

  test('tab-separated text is read with tabs; UTF-16 and empty files are refused by name', () => {
    assert.equal((detectFile(Buffer.from('名称\t件数\n顧客台帳\t1\n')) as { delimiter: string }).delimiter, '\t');
    const code = (b: Buffer) => {
      try {
        detectFile(b);
        return 'read';
      } catch (e) {
        return (e as ImportFileError).code;
      }
    };
    assert.equal(code(Buffer.from([0xff, 0xfe, 0x41, 0x00])), 'utf16Unsupported');
    assert.equal(code(Buffer.alloc(0)), 'empty');
  });
});

describe('header matching against the field list', () => {
  test('labels in either language, full-width and spaced spellings, aliases; unknown headers ignored', () => {
    assert.deepEqual(suggestMapping(FAKE_FIELDS, ['Ｎａｍｅ', ' 件 数 ', 'Remarks', 'Notes']), { 0: 'name', 1: 'records', 2: null, 3: 'notes' });
    assert.deepEqual(suggestMapping(FAKE_FIELDS, ['Title', 'Count', 'Title']), { 0: 'name', 1: 'records', 2: null });
  });

  test('a required field left out, a field twice and a column the file lacks are each named', () => {
    assert.deepEqual(mappingProblems(FAKE_FIELDS, { 0: 'name', 1: 'name', 5: 'notes' }, 2), [
      { code: 'mappingFieldTwice', params: { field: 'name', columns: '1, 2' } },
      { code: 'mappingColumnUnknown', params: { column: '6' } },
      { code: 'mappingRequiredMissing', params: { field: 'records' } },
    ]);
    assert.deepEqual(mappingProblems(FAKE_FIELDS, { 0: 'name', 1: 'records' }, 2), []);
  });
});

describe('per-row validation', () => {
  test('every bad row and field is reported with its header, and no row of the file is kept for commit', async () => {
    const result = await validate(Buffer.from('名称,件数\n顧客台帳,12\n,abc\n顧客台帳,3\n見積書,4\n'));
    assert.equal(result.rowCount, 4);
    assert.equal(result.issueCount, 3);
    assert.deepEqual(
      result.issues.map((i) => [i.rowNumber, i.field, i.header, i.code]),
      [
        [3, 'name', '名称', 'required'],
        [3, 'records', '件数', 'notNumber'],
        [4, 'name', '名称', 'duplicateInFile'],
      ],
    );
    assert.deepEqual(
      result.preview.map((p) => [p.rowNumber, p.valid]),
      [
        [2, true],
        [3, false],
        [4, false],
        [5, true],
      ],
    );
  });

  test('a header without rows is one file problem', async () => {
    const result = await validate(Buffer.from('名称,件数\n'));
    assert.deepEqual(
      result.issues.map((i) => [i.rowNumber, i.code]),
      [[null, 'noRows']],
    );
  });
});

describe('export from the same field list, and back', () => {
  const values: ExportValue[][] = [
    ['顧客台帳', 1200, '複数行の\n備考、"引用符"あり'],
    ['見積書', 35, null],
  ];
  const expected = [
    { name: '顧客台帳', records: 1200, notes: '複数行の\n備考、"引用符"あり' },
    { name: '見積書', records: 35, notes: '' },
  ];

  for (const locale of ['ja', 'en'] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      test(`${format} (${locale} headers): the import maps every column and reads the same rows`, async () => {
        const headers = exportHeaders(FAKE_FIELDS, locale);
        const stream = format === 'csv' ? csvExport(headers, rowsOf(values)) : xlsxExport('Items', headers, rowsOf(values));
        const bytes = await bytesOf(stream);
        const detected = detectFile(bytes);
        if (format === 'csv') {
          assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
          assert.ok(bytes.includes('\r\n'));
          assert.deepEqual(detected, { format: 'csv', encoding: 'utf-8-bom', delimiter: ',' });
        } else assert.deepEqual(detected, { format: 'xlsx' });
        const header = await readHeader(bytes, detected);
        assert.deepEqual(header.headers, headers);
        assert.deepEqual(suggestMapping(FAKE_FIELDS, header.headers), { 0: 'name', 1: 'records', 2: 'notes' });
        const result = await validate(bytes);
        assert.equal(result.issueCount, 0);
        assert.deepEqual(
          result.rows.map(({ name, records, notes }) => ({ name, records, notes })),
          expected,
        );
        if (format === 'xlsx') {
          const cells = [];
          for await (const row of readRows(bytes, detected)) cells.push(row.cells[1]);
          assert.deepEqual(cells, [headers[1], 1200, 35]);
        }
      });
    }
  }

  test('json: an array of objects keyed by field name', async () => {
    const names = FAKE_FIELDS.map((f) => f.name);
    assert.deepEqual(JSON.parse((await bytesOf(jsonExport(names, rowsOf(values)))).toString('utf8')), [
      { name: '顧客台帳', records: 1200, notes: '複数行の\n備考、"引用符"あり' },
      { name: '見積書', records: 35, notes: null },
    ]);
    assert.deepEqual(JSON.parse((await bytesOf(jsonExport(names, rowsOf([])))).toString('utf8')), []);
  });
});
