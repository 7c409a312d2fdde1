import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compare, cumulativeYen, tcoYen, yearlyCostYen } from './cost.rules.ts';

const onPrem = { initialYen: 0, runningYenPerYear: 12_000_000, hiddenYenPerYear: 3_000_000, reservedSharePercent: 0, reservedDiscountPercent: 0 };
const cloud = { initialYen: 10_000_000, runningYenPerYear: 10_000_000, hiddenYenPerYear: 1_000_000, reservedSharePercent: 50, reservedDiscountPercent: 40 };

describe('a scenario’s costs', () => {
  test('reserved capacity takes its discount off its share of the running cost only', () => {
    // 10M × (1 − 0.5 × 0.4) + 1M = 9M
    assert.equal(yearlyCostYen(cloud), 9_000_000);
    assert.equal(yearlyCostYen(onPrem), 15_000_000);
  });
  test('TCO is the initial cost and every year’s cost; the curve starts at the initial cost', () => {
    assert.equal(tcoYen(cloud, 5), 55_000_000);
    assert.deepEqual(cumulativeYen(cloud, 3), [10_000_000, 19_000_000, 28_000_000, 37_000_000]);
  });
});

describe('the move against the baseline', () => {
  test('savings of 6M a year and 1M of risk reduction repay 10M in 1.4 years', () => {
    const c = compare(onPrem, cloud, { years: 5, discountRatePercent: 0, riskReductionYenPerYear: 1_000_000 });
    assert.equal(c.investmentYen, 10_000_000);
    assert.equal(c.yearlyBenefitYen, 7_000_000);
    assert.equal(c.npvYen, 25_000_000);
    assert.equal(c.roiPercent, 250);
    assert.equal(c.paybackYears, 1.4);
    assert.equal(c.baselineTcoYen, 75_000_000);
    assert.equal(c.cloudTcoYen, 55_000_000);
  });
  test('a discount rate lowers the NPV: 7M a year for 5 years at 5% is worth 30,306,337 yen today', () => {
    const c = compare(onPrem, cloud, { years: 5, discountRatePercent: 5, riskReductionYenPerYear: 1_000_000 });
    assert.equal(c.npvYen, 30_306_337 - 10_000_000);
  });
  test('a move that saves nothing never pays back, and its ROI is negative', () => {
    const c = compare(onPrem, { ...cloud, runningYenPerYear: 20_000_000, reservedSharePercent: 0 }, { years: 3, discountRatePercent: 0, riskReductionYenPerYear: 0 });
    assert.equal(c.paybackYears, null);
    assert.ok(c.roiPercent! < 0);
  });
  test('payback beyond the horizon is not reported; nothing invested pays back at once', () => {
    assert.equal(compare(onPrem, { ...cloud, initialYen: 100_000_000 }, { years: 5, discountRatePercent: 0, riskReductionYenPerYear: 0 }).paybackYears, null);
    const free = compare(onPrem, { ...cloud, initialYen: 0 }, { years: 5, discountRatePercent: 0, riskReductionYenPerYear: 0 });
    assert.equal(free.paybackYears, 0);
    assert.equal(free.roiPercent, null);
  });
});
