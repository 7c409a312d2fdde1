import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, firstYearYen, monthlyShare, planEndMonth, plannedMonth, reviewPlan, type Plan } from './cost-plan.rules.ts';

// 12M running with half reserved at 50% off → 9M a year; 1.2M hidden; 3M initial.
const plan: Plan = { initialYen: 3_000_000, runningYenPerYear: 12_000_000, hiddenYenPerYear: 1_200_000, reservedSharePercent: 50, reservedDiscountPercent: 50, startMonth: '2026-04', years: 2 };

describe('months', () => {
  test('adding months crosses years both ways', () => {
    assert.equal(addMonths('2026-11', 3), '2027-02');
    assert.equal(addMonths('2026-01', -1), '2025-12');
    assert.equal(planEndMonth(plan), '2028-03');
  });
  test('a year spread over months sums exactly to the year, in whole yen', () => {
    const shares = Array.from({ length: 12 }, (_, i) => monthlyShare(1_000_001, i));
    assert.equal(shares.reduce((a, b) => a + b, 0), 1_000_001);
    assert.ok(shares.every((s) => s === 83_333 || s === 83_334));
  });
});

describe('the plan of a month', () => {
  test('the initial cost falls in the first month; running after the reserved discount and hidden spread monthly', () => {
    assert.deepEqual(plannedMonth(plan, '2026-04'), { initial: 3_000_000, running: 750_000, hidden: 100_000 });
    assert.deepEqual(plannedMonth(plan, '2026-05'), { initial: 0, running: 750_000, hidden: 100_000 });
  });
  test('a month is the year over twelve even when a category does not divide: 8M running and 1M hidden still make 750,000 a month', () => {
    const odd = { ...plan, runningYenPerYear: 8_000_000, reservedSharePercent: 0, hiddenYenPerYear: 1_000_000 };
    const months = Array.from({ length: 12 }, (_, i) => plannedMonth(odd, addMonths(odd.startMonth, i)));
    assert.deepEqual(new Set(months.map((m) => m.running + m.hidden)), new Set([750_000]));
    assert.equal(months.reduce((sum, m) => sum + m.hidden, 0), 1_000_000);
    assert.equal(months.reduce((sum, m) => sum + m.running, 0), 8_000_000);
  });
  test('nothing is planned before the plan or after its last month', () => {
    assert.deepEqual(plannedMonth(plan, '2026-03'), { initial: 0, running: 0, hidden: 0 });
    assert.deepEqual(plannedMonth(plan, '2028-04'), { initial: 0, running: 0, hidden: 0 });
    assert.equal(plannedMonth(plan, '2028-03').running, 750_000);
  });
});

describe('plan against actual', () => {
  const actuals = [
    { month: '2026-04', category: 'initial' as const, amountYen: 3_200_000 },
    { month: '2026-04', category: 'running' as const, amountYen: 700_000 },
    { month: '2026-05', category: 'running' as const, amountYen: 900_000 },
    { month: '2026-05', category: 'hidden' as const, amountYen: 100_000 },
    { month: '2026-03', category: 'running' as const, amountYen: 50_000 },
    { month: '2026-07', category: 'running' as const, amountYen: 10_000 },
  ];
  test('each month and the running totals compare actual with plan through the month reviewed', () => {
    const r = reviewPlan(plan, actuals, '2026-06');
    assert.deepEqual(
      r.months.map((m) => [m.month, m.planYen, m.actualYen, m.varianceYen, m.cumulativeVarianceYen]),
      [
        ['2026-04', 3_850_000, 3_900_000, 50_000, 50_000],
        ['2026-05', 850_000, 1_000_000, 150_000, 200_000],
        ['2026-06', 850_000, 0, -850_000, -650_000],
      ],
    );
    assert.equal(r.status, 'within');
    assert.equal(r.overMonths, 2);
    assert.equal(r.variancePercent, -11.7);
  });
  test('by category: the initial cost overran by 200,000 yen (6.7%)', () => {
    const r = reviewPlan(plan, actuals, '2026-05');
    const initial = r.categories.find((c) => c.category === 'initial')!;
    assert.deepEqual([initial.planYen, initial.actualYen, initial.varianceYen, initial.variancePercent], [3_000_000, 3_200_000, 200_000, 6.7]);
    assert.equal(r.status, 'over');
    assert.equal(r.varianceYen, 200_000);
  });
  test('lines before the plan or after the month reviewed are kept apart, not compared', () => {
    assert.equal(reviewPlan(plan, actuals, '2026-06').outsideYen, 60_000);
  });
  test('before its first month the plan has not started; after its last, the review stops at the last', () => {
    const before = reviewPlan(plan, actuals, '2026-03');
    assert.equal(before.status, 'notStarted');
    assert.equal(before.months.length, 0);
    assert.equal(reviewPlan(plan, [], '2030-01').months.length, 24);
  });
  test('a category with nothing planned has no percentage', () => {
    const r = reviewPlan({ ...plan, hiddenYenPerYear: 0 }, actuals, '2026-05');
    assert.equal(r.categories.find((c) => c.category === 'hidden')!.variancePercent, null);
  });
});

test('the budget guide looks at the first year: the initial cost and a year of running and hidden costs', () => {
  assert.equal(firstYearYen(plan), 3_000_000 + 9_000_000 + 1_200_000);
});
