import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suggestMapping } from '../platform/transfer/header.rules.ts';
import { ACTUAL_IMPORT_TRANSFER_FIELDS, readActualRow, readAmount, readCategory, readMonth } from './cost-actual-import.rules.ts';

const ok = <T>(value: T) => ({ ok: true, value });

describe('a month as people write it', () => {
  test('2026-04, 2026/4, 2026年4月, a date in the month and an Excel date are April 2026', () => {
    for (const cell of ['2026-04', '2026/4', '２０２６年４月', '2026年4月1日', '2026-04-30', '2026/04/01']) assert.deepEqual(readMonth(cell), ok('2026-04'), cell);
    assert.deepEqual(readMonth(46113), ok('2026-04')); // 2026-04-01 as an Excel serial
  });
  test('a month 13, a year before 1900 or words are refused with the value', () => {
    for (const cell of ['2026-13', '1899-12', '4月', 'R8.4']) assert.equal(readMonth(cell).ok, false, cell);
    assert.deepEqual(readMonth('来月'), { ok: false, code: 'invalidMonth', params: { value: '来月' } });
    assert.deepEqual(readMonth(null), ok(null));
  });
});

describe('a category and an amount', () => {
  test('categories in either language, however spaced', () => {
    assert.deepEqual(readCategory('ランニングコスト'), ok('running'));
    assert.deepEqual(readCategory('初期費用'), ok('initial'));
    assert.deepEqual(readCategory('Hidden cost'), ok('hidden'));
    assert.equal(readCategory('交際費').ok, false);
  });
  test('yen with separators, marks and 全角 digits; credits as −, △ or brackets', () => {
    for (const [cell, yen] of [['1,500円', 1500], ['¥1,500', 1500], ['１５００', 1500], ['-2,000', -2000], ['△2,000', -2000], ['(2,000)', -2000], ['3000.00', 3000], [4500, 4500]] as const) {
      assert.deepEqual(readAmount(cell), ok(yen), String(cell));
    }
  });
  test('fractions of a yen and words are not amounts; more than 10 trillion is too big', () => {
    assert.equal(readAmount('12.5').ok, false);
    assert.equal(readAmount(12.5).ok, false);
    assert.equal(readAmount('千円').ok, false);
    assert.deepEqual(readAmount('20000000000000'), { ok: false, code: 'amountTooBig', params: { max: '10,000,000,000,000' } });
  });
});

describe('a row', () => {
  const headers = ['計上月', '区分', '金額(円)', '内容', '備考'];
  const mapping = suggestMapping(ACTUAL_IMPORT_TRANSFER_FIELDS, headers);
  const columns = Object.fromEntries(Object.entries(mapping).map(([i, f]) => [f, Number(i)]));
  const ctx = { columns, mapped: new Set([0, 1, 2, 3, 4]), headerCount: 5, lookups: { currentMonth: '2026-06' }, state: null };

  test('the Japanese headers map to every field', () => assert.deepEqual(Object.values(mapping), ['month', 'category', 'amountYen', 'description', 'notes']));

  test('a whole row is a line', () => {
    assert.deepEqual(readActualRow(['2026/5', '運用費', '900,000', 'クラウド利用料', ''], 2, ctx), {
      kind: 'row',
      row: { rowNumber: 2, month: '2026-05', category: 'running', amountYen: 900_000, description: 'クラウド利用料', notes: '' },
      issues: [],
    });
  });

  test('every problem of a row is named: a later month, a missing description, a formula, a cell beyond the headers', () => {
    const v = readActualRow(['2026-07', '初期費用', '=SUM(A1)', '', '', 'extra'], 3, ctx);
    assert.equal(v.kind, 'row');
    assert.equal(v.kind === 'row' && v.row, null);
    assert.deepEqual(
      v.issues.map((i) => [i.field, i.code]),
      [
        ['month', 'monthAfterCurrent'],
        ['amountYen', 'notAmount'],
        ['description', 'required'],
        [null, 'extraCells'],
      ],
    );
  });
});
