import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readTotalYen, readBoolean, readMedium, readPlacement, readRank, readRecords, readText, readThousandYen, type Cell } from './asset-import.cells.ts';
import { mappingProblems, normaliseHeader, suggestMapping } from './asset-import.headers.ts';
import { fieldColumns, isTotalsRow, newRowState, totalsRowIssue, validateRow, type ImportLookups } from './asset-import.rules.ts';
import { decodeXmlText, parseSharedStrings } from '../platform/transfer/xlsx.reader.ts';

const member = { userId: '00000000-0000-4000-8000-000000000001', email: 'sales@example.jp', displayName: '販売管理' };
const twin = { userId: '00000000-0000-4000-8000-000000000002', email: 'x@example.jp', displayName: '佐藤' };
const twin2 = { userId: '00000000-0000-4000-8000-000000000003', email: 'y@example.jp', displayName: '佐藤' };
const lookups: ImportLookups = {
  membersByEmail: new Map([member, twin, twin2].map((m) => [m.email, m])),
  membersByName: new Map([
    ['販売管理', [member]],
    ['佐藤', [twin, twin2]],
  ]),
  assetClasses: new Map([
    ['urn:kumoji:seed-000:asset-classes:01', 'urn:kumoji:seed-000:asset-classes:01'],
    ['情報・データ資産', 'urn:kumoji:seed-000:asset-classes:01'],
    ['information and data assets', 'urn:kumoji:seed-000:asset-classes:01'],
  ]),
  informationGroups: new Map(),
  riskCategories: new Map(),
  existingNames: new Set(['既存台帳', 'backup']),
  departmentsByKey: new Map([['総務', { id: '00000000-0000-4000-8000-0000000000d1', name: '総務' }]]),
};

describe('headers', () => {
  test('the seed figure 11 headers, English headers and full-width variants map by themselves', () => {
    const cases: [string, string | null][] = [
      ['情報資産名', 'name'],
      ['媒体', 'medium'],
      ['資産の責任者', 'owner'],
      ['資産の責任者（メール）', 'ownerEmail'],
      ['データ総件数', 'records'],
      ['ランク', 'rank'],
      ['千円', 'unitValueThousandYen'],
      ['資産総額', 'totalValue'],
      ['Information asset', 'name'],
      ['unit value (thousand yen)', 'unitValueThousandYen'],
      ['  Records ', 'records'],
      ['ＲＡＮＫ', 'rank'],
      ['No.', 'number'],
      ['Owner e-mail', 'ownerEmail'],
      ['好きな列', null],
    ];
    for (const [header, field] of cases) assert.equal(suggestMapping([header])['0'], field, header);
  });

  test('a field goes to its first column only', () => {
    assert.deepEqual(suggestMapping(['名称', '情報資産名', 'ランク']), { 0: 'name', 1: null, 2: 'rank' });
  });

  test('mapping problems: unknown column, a field twice, required fields missing', () => {
    assert.deepEqual(mappingProblems({ 0: 'name', 1: 'medium', 2: 'records', 3: 'rank', 4: 'unitValueThousandYen' }, 5), []);
    const p = mappingProblems({ 0: 'name', 1: 'name', 7: 'rank' }, 3);
    assert.deepEqual(
      p.map((x) => x.code),
      ['mappingFieldTwice', 'mappingColumnUnknown', 'mappingRequiredMissing', 'mappingRequiredMissing', 'mappingRequiredMissing', 'mappingRequiredMissing'],
    );
    assert.equal(normaliseHeader('資産の責任者（メール）'), normaliseHeader('資産の責任者(メール)'));
  });
});

describe('cells', () => {
  test('records: digits, grouping, full-width digits; negatives, decimals, words refused', () => {
    const cases: [Cell, unknown][] = [
      ['200', 200],
      ['1,000', 1000],
      ['１０００', 1000],
      [' 10 ', 10],
      ['10.0', 10],
      [42, 42],
      [null, null],
      ['', null],
      ['-5', 'negative'],
      [-5, 'negative'],
      ['1.5', 'notInteger'],
      [1.5, 'notInteger'],
      ['たくさん', 'notNumber'],
      ['1e3', 'notNumber'],
      ['99999999999999999999', 'tooBig'],
      [{ formula: 'A1*2' }, 'formulaCell'],
    ];
    for (const [cell, want] of cases) {
      const r = readRecords(cell);
      assert.deepEqual(r.ok ? r.value : r.code, want, String(cell));
    }
  });

  test('千円: exact yen from text and from spreadsheet numbers', () => {
    const cases: [Cell, unknown][] = [
      ['0.5', 500n],
      ['150', 150_000n],
      ['1,234.5', 1_234_500n],
      ['0.001', 1n],
      ['0.50', 500n],
      ['007', 7000n],
      [0.5, 500n],
      [0.1, 100n],
      [123456.789, 123_456_789n],
      ['0.0005', 'tooManyDecimals'],
      [0.0001, 'tooManyDecimals'],
      ['-1', 'negative'],
      [-0.5, 'negative'],
      ['abc', 'notNumber'],
      ['10000000000', 'tooBig'],
      [1e21, 'tooBig'],
    ];
    for (const [cell, want] of cases) {
      const r = readThousandYen(cell);
      assert.deepEqual(r.ok ? r.value : r.code, want, String(cell));
    }
  });

  test('choices in either language, codes, and full-width letters', () => {
    assert.deepEqual(readMedium('電子媒体'), { ok: true, value: 'electronic' });
    assert.deepEqual(readMedium('Paper'), { ok: true, value: 'paper' });
    assert.deepEqual(readMedium('フロッピー'), { ok: false, code: 'invalidMedium', params: { value: 'フロッピー' } });
    assert.deepEqual(readRank('ａ'), { ok: true, value: 'A' });
    assert.deepEqual(readRank('D'), { ok: false, code: 'invalidRank', params: { value: 'D' } });
    assert.deepEqual(readPlacement('クラウド'), { ok: true, value: 'cloud' });
    assert.deepEqual(readPlacement('on-premises'), { ok: true, value: 'on_premises' });
    for (const yes of ['はい', 'Yes', 'TRUE', '1', '○', 1]) assert.deepEqual(readBoolean(yes), { ok: true, value: true }, String(yes));
    for (const no of ['いいえ', 'no', 'FALSE', '0', '×']) assert.deepEqual(readBoolean(no), { ok: true, value: false }, no);
    assert.equal(readBoolean('たぶん').ok, false);
  });

  test('text: trimmed, formulas refused unless neutralised, control characters and length checked', () => {
    assert.deepEqual(readText('  事務室PC ', 200), { ok: true, value: '事務室PC' });
    assert.deepEqual(readText("'=SUM(A1)", 200), { ok: true, value: '=SUM(A1)' });
    assert.deepEqual(readText('=SUM(A1)', 200), { ok: false, code: 'formula' });
    assert.deepEqual(readText('ベル\u0007', 200), { ok: false, code: 'controlChars' });
    assert.deepEqual(readText('複数\n行', 200), { ok: true, value: '複数\n行' });
    assert.deepEqual(readText('長'.repeat(201), 200), { ok: false, code: 'tooLong', params: { max: 200 } });
    assert.deepEqual(readText(12, 200), { ok: true, value: '12' });
  });
});

describe('rows', () => {
  const headers = ['情報資産名', '媒体', 'データ総件数', 'ランク', '千円', '資産の責任者', '資産の分類区分'];
  const mapping = suggestMapping(headers);
  const columns = fieldColumns(mapping);
  const mapped = new Set([0, 1, 2, 3, 4, 5, 6]);
  const run = (rows: Cell[][]) => {
    const state = newRowState();
    return rows.map((cells, i) => validateRow(cells, i + 2, columns, lookups, state, mapped, headers.length));
  };

  test('a valid row becomes an asset with exact yen and resolved references', () => {
    const [r] = run([['お得意様台帳', '電子媒体', '200', 'A', '150', '販売管理', '情報・データ資産']]);
    assert.deepEqual(r.issues, []);
    assert.equal(r.asset?.unitValueYen, '150000');
    assert.equal(r.asset?.ownerUserId, member.userId);
    assert.equal(r.asset?.assetClassId, 'urn:kumoji:seed-000:asset-classes:01');
    assert.equal(r.asset?.currentPlacement, 'on_premises');
  });

  test('owners: by e-mail, by a unique display name, else a department (existing or new); ambiguous names and unknown e-mails refused', () => {
    const rows = run([
      ['a', '紙', '1', 'A', '1', 'SALES@example.jp', null],
      ['b', '紙', '1', 'A', '1', '佐藤', null],
      ['c', '紙', '1', 'A', '1', '営業課', null],
      ['d', '紙', '1', 'A', '1', null, null],
      ['e', '紙', '1', 'A', '1', 'nobody@example.jp', null],
      ['f', '紙', '1', 'A', '1', '総務', null],
      ['g', '紙', '1', 'A', '1', 'ＮＷ', null],
      ['h', '紙', '1', 'A', '1', 'NW', null],
    ]);
    assert.equal(rows[0].asset?.ownerUserId, member.userId);
    assert.equal(rows[0].asset?.ownerDepartment, null);
    assert.equal(rows[1].issues[0].code, 'ambiguousOwner');
    assert.deepEqual([rows[2].issues, rows[2].asset?.ownerUserId, rows[2].asset?.ownerDepartment], [[], null, '営業課']);
    assert.deepEqual([rows[3].asset?.ownerUserId, rows[3].asset?.ownerDepartment], [null, null]);
    assert.equal(rows[4].issues[0].code, 'unknownOwner');
    assert.equal(rows[5].asset?.ownerDepartment, '総務');
    // 全角 and 半角 spellings are one department, named as first written.
    assert.deepEqual([rows[6].asset?.ownerDepartment, rows[7].asset?.ownerDepartment], ['ＮＷ', 'ＮＷ']);
  });

  test('departments to create: new ones only, once each', () => {
    const state = newRowState();
    for (const [i, owner] of ['営業課', '総務', '営業課', 'NW'].entries()) validateRow([`x${i}`, '紙', '1', 'A', '1', owner, null], i + 2, columns, lookups, state, mapped, headers.length);
    assert.deepEqual([...state.newDepartments.values()], ['営業課', 'NW']);
  });

  test('duplicates within the file (first row named) and with the inventory', () => {
    const rows = run([
      ['台帳', '紙', '1', 'A', '1', null, null],
      ['台帳', '紙', '1', 'A', '1', null, null],
      ['BACKUP', '紙', '1', 'A', '1', null, null],
    ]);
    assert.deepEqual(rows[1].issues.map((i) => [i.code, i.params]), [['duplicateInFile', { row: 2 }]]);
    assert.equal(rows[2].issues[0].code, 'duplicateExisting');
  });

  test('every problem of a row is reported, with its column', () => {
    const [r] = run([['', 'フロッピー', '-1', 'Z', 'x', null, '存在しない区分']]);
    assert.equal(r.asset, null);
    assert.deepEqual(
      r.issues.map((i) => [i.field, i.column, i.code]),
      [
        ['name', 0, 'required'],
        ['medium', 1, 'invalidMedium'],
        ['records', 2, 'negative'],
        ['rank', 3, 'invalidRank'],
        ['unitValueThousandYen', 4, 'notNumber'],
        ['assetClass', 6, 'unknownCatalogItem'],
      ],
    );
  });

  test('a value in a column without a header is reported once', () => {
    const [r] = run([['台帳X', '紙', '1', 'A', '1', null, null, '余計', 'もっと']]);
    assert.deepEqual(r.issues.map((i) => [i.code, i.params]), [['extraCells', { column: 8 }]]);
  });
});

describe('資産総額 as the file writes it (seed 000 図11)', () => {
  const headers = ['情報資産名', '媒体', 'データ総件数', 'ランク', '千円', '資産総額'];
  const columns = fieldColumns(suggestMapping(headers));
  const mapped = new Set([0, 1, 2, 3, 4, 5]);

  test('yen, 万 and 億 spellings are read', () => {
    const read = (c: Cell) => {
      const r = readTotalYen(c);
      return r.ok ? r.value : r.code;
    };
    assert.equal(read('3,000 万'), 30_000_000n);
    assert.equal(read('8万円'), 80_000n);
    assert.equal(read('１．２億'), 120_000_000n);
    assert.equal(read('75,000円'), 75_000n);
    assert.equal(read('¥1,500'), 1_500n);
    assert.equal(read(75000), 75_000n);
    assert.equal(read(''), null);
    assert.equal(read('たくさん'), 'totalUnreadable');
  });

  test('a total that differs from records x unit value is a notice, and the computed value is kept', () => {
    const state = newRowState();
    // Row 4 of 図11: 150 x 0.5千円 = 7.5万円, the seed writes 8万.
    const r = validateRow(['電話注文票', '紙', '150', 'B', '0.5', '8 万'], 5, columns, lookups, state, mapped, headers.length);
    assert.ok(r.asset);
    assert.equal(r.asset.unitValueYen, '500');
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.severity, i.params]),
      [['totalDiffers', 'notice', { file: '80000', computed: '75000' }]],
    );
    const same = validateRow(['お得意様台帳', '紙', '200', 'A', '150', '3,000 万'], 2, columns, lookups, state, mapped, headers.length);
    assert.deepEqual(same.issues, []);
    assert.equal(state.sumYen, 75_000n + 30_000_000n);
  });

  test('an unreadable total is a notice too; a refused row stays refused', () => {
    const state = newRowState();
    const r = validateRow(['a', '紙', '1', 'A', '1', '不明'], 2, columns, lookups, state, mapped, headers.length);
    assert.ok(r.asset);
    assert.equal(r.issues[0].code, 'totalUnreadable');
    const bad = validateRow(['', '紙', '1', 'A', '1', '1万'], 3, columns, lookups, state, mapped, headers.length);
    assert.equal(bad.asset, null);
  });

  test('the line carrying only the sum is a totals row, compared with the computed sum', () => {
    const state = newRowState();
    state.sumYen = 100_440_000n;
    const cells: Cell[] = [null, null, null, null, null, '10,044 万'];
    assert.equal(isTotalsRow(cells, columns), true);
    assert.equal(isTotalsRow(['台帳', null, null, null, null, '1万'], columns), false);
    assert.equal(isTotalsRow(cells, fieldColumns(suggestMapping(headers.slice(0, 5)))), false);
    assert.deepEqual(totalsRowIssue(cells, 9, columns, state), {
      rowNumber: 9,
      field: 'totalValue',
      column: 5,
      code: 'totalsRow',
      params: { file: '100440000', computed: '100440000' },
      severity: 'notice',
    });
  });
});

describe('xlsx text', () => {
  test('shared strings leave out furigana (rPh) and join rich-text runs', () => {
    const xml =
      '<sst><si><t>顧客台帳</t><rPh sb="0" eb="2"><t>コキャク</t></rPh></si><si><r><t>会員</t></r><r><rPr/><t xml:space="preserve"> 名簿</t></r></si><si><t/></si></sst>';
    assert.deepEqual(parseSharedStrings(xml), ['顧客台帳', '会員 名簿', '']);
  });
  test('entities and _xHHHH_ escapes', () => {
    assert.equal(decodeXmlText('A &amp; B &lt;c&gt; &#x3042;&#12354; _x0007_'), 'A & B <c> ああ \u0007');
  });
});
