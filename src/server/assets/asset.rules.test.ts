import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assetValueYen, formatManYen, formatYen, formatYenAmount, formatYenAxis, thousandYenToYen, yenToThousandYen } from '../../shared/assets/asset-money.ts';
import { assetModelCheck, decodeCursor, encodeCursor, neutraliseCell, percentOneDecimal, restoreCell } from './asset.rules.ts';

// Seed 000 III.3.3 図11: records and 千円 per record of the seven example assets.
const SEED_EXAMPLE: [number, string][] = [
  [200, '150'],
  [1000, '50'],
  [10000, '2'],
  [150, '0.5'],
  [500, '0.5'],
  [30, '0.5'],
  [10, '10'],
];

describe('money (exact yen)', () => {
  test('千円 text to yen and back', () => {
    const cases: [string, bigint | null][] = [
      ['0.5', 500n],
      ['150', 150_000n],
      ['0.001', 1n],
      ['0', 0n],
      ['1000000000', 1_000_000_000_000n],
      ['1000000000.001', null],
      ['0.0005', null],
      ['-1', null],
      ['1e3', null],
      ['', null],
      ['1,000', null],
      [' 1', null],
    ];
    for (const [text, yen] of cases) assert.equal(thousandYenToYen(text), yen, text);
    for (const yen of [0n, 1n, 500n, 150_000n, 1_234_567n]) assert.equal(thousandYenToYen(yenToThousandYen(yen)), yen);
    assert.equal(yenToThousandYen(500n), '0.5');
    assert.equal(yenToThousandYen(150_000n), '150');
    assert.equal(yenToThousandYen(1_050n), '1.05');
  });

  test('the seed example totals 100,440,000 yen = 10,044万円', () => {
    const total = SEED_EXAMPLE.reduce((sum, [records, unit]) => sum + assetValueYen(records, thousandYenToYen(unit)!), 0n);
    assert.equal(total, 100_440_000n);
    assert.equal(formatManYen(total), '10,044万円');
    assert.equal(formatYen(total, 'ja'), '100,440,000円');
    assert.equal(formatYen(total, 'en'), '¥100,440,000');
  });

  test('万円 keeps one decimal where the seed rounds (No.4, No.6)', () => {
    const cases: [bigint, string][] = [
      [75_000n, '7.5万円'],
      [15_000n, '1.5万円'],
      [30_000_000n, '3,000万円'],
      [12_345n, '1.2万円'],
      [12_350n, '1.2万円'],
      [12_500n, '1.3万円'],
      [0n, '0万円'],
      [-75_000n, '-7.5万円'],
    ];
    for (const [yen, text] of cases) assert.equal(formatManYen(yen), text, String(yen));
  });

  test('one amount formatter: 億円 from 1億円 when exact, else 万円 as the seed prints; exact yen in English', () => {
    const cases: [bigint, string, string][] = [
      [100_000_000n, '1億円', '¥100,000,000'],
      [150_000_000n, '1.5億円', '¥150,000,000'],
      [225_000_000n, '2.25億円', '¥225,000,000'],
      [1_000_000_000_000n, '10,000億円', '¥1,000,000,000,000'],
      [100_440_000n, '10,044万円', '¥100,440,000'],
      [30_000_000n, '3,000万円', '¥30,000,000'],
      [75_000n, '7.5万円', '¥75,000'],
      [500n, '500円', '¥500'],
      [0n, '0円', '¥0'],
      [-100_000_000n, '-1億円', '-¥100,000,000'],
    ];
    for (const [yen, ja, en] of cases) {
      assert.equal(formatYenAmount(yen, 'ja'), ja, String(yen));
      assert.equal(formatYenAmount(yen, 'en'), en, String(yen));
    }
  });

  test('chart axes: the same words in Japanese, compact yen in English', () => {
    const cases: [number, string, string][] = [
      [0, '0円', '¥0'],
      [20_000_000, '2,000万円', '¥20M'],
      [100_000_000, '1億円', '¥100M'],
      [120_000_000, '1.2億円', '¥120M'],
      [15_000, '1.5万円', '¥15K'],
    ];
    for (const [yen, ja, en] of cases) {
      assert.equal(formatYenAxis(yen, 'ja'), ja, String(yen));
      assert.equal(formatYenAxis(yen, 'en'), en, String(yen));
    }
  });

  test('large inventories stay exact beyond 2^53', () => {
    const yen = assetValueYen(1_000_000_000_000_000, 1_000_000_000_000n);
    assert.equal(yen, 10n ** 27n);
    assert.equal(formatYen(yen, 'ja'), '1,000,000,000,000,000,000,000,000,000円');
  });
});

describe('asset-model check', () => {
  const check = (total: bigint, revenue: bigint | null, count = 7) => assetModelCheck({ totalValueYen: total, assetCount: count, annualRevenueYen: revenue });

  test('seed example against revenue of about 1億円: the model holds', () => {
    const r = check(100_440_000n, 100_000_000n);
    assert.equal(r.verdict, 'holds');
    assert.equal(r.differenceYen, '440000');
    assert.equal(r.differencePercent, '0.4');
    assert.equal(r.totalValueYen, '100440000');
  });

  test('table of verdicts at the default thresholds (10 % holds, 30 % roughly)', () => {
    const revenue = 100_000_000n;
    const cases: [bigint, string, string][] = [
      [100_000_000n, 'holds', '0.0'],
      [110_000_000n, 'holds', '10.0'],
      [90_000_000n, 'holds', '-10.0'],
      [110_000_001n, 'roughlyOver', '10.0'],
      [89_999_999n, 'roughlyUnder', '-10.0'],
      [130_000_000n, 'roughlyOver', '30.0'],
      [70_000_000n, 'roughlyUnder', '-30.0'],
      [130_000_001n, 'farOver', '30.0'],
      [69_999_999n, 'farUnder', '-30.0'],
      [0n, 'farUnder', '-100.0'],
      [300_000_000n, 'farOver', '200.0'],
    ];
    for (const [total, verdict, percent] of cases) {
      const r = check(total, revenue);
      assert.equal(r.verdict, verdict, `${total}`);
      assert.equal(r.differencePercent, percent, `${total}`);
    }
  });

  test('no revenue, zero revenue and no assets', () => {
    assert.equal(check(1n, null).verdict, 'noRevenue');
    assert.equal(check(1n, null).differenceYen, null);
    assert.equal(check(1n, 0n).verdict, 'noRevenue');
    const empty = check(0n, 100n, 0);
    assert.equal(empty.verdict, 'noAssets');
    assert.equal(empty.differenceYen, '-100');
  });

  test('thresholds are parameters', () => {
    const strict = assetModelCheck({ totalValueYen: 100_440_000n, assetCount: 7, annualRevenueYen: 100_000_000n }, { holdsWithinPercent: 0.25, roughlyWithinPercent: 1 });
    assert.equal(strict.verdict, 'roughlyOver');
    assert.deepEqual(strict.thresholds, { holdsWithinPercent: 0.25, roughlyWithinPercent: 1 });
  });

  test('percent rounds half away from zero', () => {
    assert.equal(percentOneDecimal(5n, 1000n), '0.5');
    assert.equal(percentOneDecimal(1n, 2000n), '0.1');
    assert.equal(percentOneDecimal(-1n, 2000n), '-0.1');
    assert.equal(percentOneDecimal(1n, 3000n), '0.0');
    assert.equal(percentOneDecimal(-1n, 3000n), '0.0');
    assert.equal(percentOneDecimal(10n ** 30n, 1n), `${10n ** 32n}.0`);
  });
});

describe('keyset cursor', () => {
  const id = '0b9c1f0e-2c7e-4a59-9d8e-0f1a2b3c4d5e';
  test('round trip for every sort', () => {
    const cases = [
      { sort: 'name', value: '顧客台帳' },
      { sort: 'rank', value: 'A' },
      { sort: 'records', value: '123' },
      { sort: 'unitValue', value: '500' },
      { sort: 'totalValue', value: '100440000' },
      { sort: 'updatedAt', value: '2026-11-22 08:12:35.123456+00' },
    ] as const;
    for (const c of cases) {
      const raw = encodeCursor({ ...c, dir: 'desc', id });
      assert.deepEqual(decodeCursor(raw, c.sort, 'desc'), { ...c, dir: 'desc', id });
    }
  });
  test('garbled cursors and cursors of another sort are refused', () => {
    const raw = encodeCursor({ sort: 'name', dir: 'asc', value: 'x', id });
    assert.equal(decodeCursor(raw, 'rank', 'asc'), null);
    assert.equal(decodeCursor(raw, 'name', 'desc'), null);
    for (const bad of ['', 'abc', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from(JSON.stringify(['records', 'asc', 'x', id])).toString('base64url'), Buffer.from(JSON.stringify(['name', 'asc', 'x', 'not-a-uuid'])).toString('base64url')]) {
      assert.equal(decodeCursor(bad, 'name', 'asc'), null, bad);
      assert.equal(decodeCursor(bad, 'records', 'asc'), null, bad);
    }
  });
});

describe('formula neutralisation', () => {
  test('export neutralises, import restores exactly', () => {
    const cases: [string, string][] = [
      ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
      ['+81 3 1234', "'+81 3 1234"],
      ['-5', "'-5"],
      ['@cmd', "'@cmd"],
      ['\tTab', "'\tTab"],
      ['\rCR', "'\rCR"],
      ["'quoted", "''quoted"],
      ['お得意様台帳', 'お得意様台帳'],
      ['', ''],
      ['a=b', 'a=b'],
    ];
    for (const [original, exported] of cases) {
      assert.equal(neutraliseCell(original), exported, original);
      assert.deepEqual(restoreCell(exported), { ok: true, value: original }, original);
    }
  });
  test('a formula that was not neutralised is refused on import', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(1)', '=HYPERLINK("http://x")']) assert.deepEqual(restoreCell(cell), { ok: false, reason: 'formula' });
  });
});
