import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedDowntimeHours, availabilityFor, parallelAvailability, periodHours, serialAvailability, slaFindings } from './sla.rules.ts';

const near = (actual: number, expected: number, digits = 3) => assert.equal(actual.toFixed(digits), expected.toFixed(digits));

describe('availability and downtime, both ways', () => {
  test('FACTS.md 5: 99.7 % a year allows 26.28 hours; half a day a year needs 99.863 %', () => {
    near(allowedDowntimeHours(99.7, 'year'), 26.28, 2);
    near(availabilityFor(12, 'year')!, 99.863, 3);
  });
  for (const [pct, year, month] of [
    [99, 87.6, 7.3],
    [99.9, 8.76, 0.73],
    [99.95, 4.38, 0.365],
    [99.99, 0.876, 0.073],
    [100, 0, 0],
    [0, 8760, 730],
  ] as const) {
    test(`${pct} %: ${year} h a year, ${month} h a month, and back`, () => {
      near(allowedDowntimeHours(pct, 'year'), year);
      near(allowedDowntimeHours(pct, 'month'), month);
      near(availabilityFor(year, 'year')!, pct);
      near(availabilityFor(month, 'month')!, pct);
    });
  }
  test('a month is a twelfth of a 365-day year', () => {
    assert.equal(periodHours('year'), 8760);
    assert.equal(periodHours('month'), 730);
  });
  test('measured in service hours only: 11 hours on 359 days', () => {
    const hours = { hoursPerDay: 11, daysPerYear: 359 };
    assert.equal(periodHours('year', hours), 3949);
    near(allowedDowntimeHours(99.7, 'year', hours), 11.847);
  });
  test('downtime longer than the period, or negative, has no availability', () => {
    assert.equal(availabilityFor(8761, 'year'), null);
    assert.equal(availabilityFor(731, 'month'), null);
    assert.equal(availabilityFor(-1, 'year'), null);
  });
});

describe('combinations', () => {
  test('in series availabilities multiply: 99.9 % and 99.5 % give 99.40 %', () => near(serialAvailability([99.9, 99.5]), 99.4005, 4));
  test('in parallel unavailabilities multiply: two of 99 % give 99.99 %', () => near(parallelAvailability([99, 99]), 99.99, 4));
  test('one part alone is itself; none is always up in series and never in parallel', () => {
    near(serialAvailability([99.5]), 99.5);
    near(parallelAvailability([99.5]), 99.5);
    assert.equal(serialAvailability([]), 100);
    assert.equal(parallelAvailability([]), 0);
  });
});

describe('contradictions', () => {
  test("the study's example: 99.7 % and at most half a day a year disagree, with the arithmetic", () => {
    const [finding, ...rest] = slaFindings({ availabilityPercent: 99.7, maxDowntimeHours: 12, period: 'year', recoveryHours: 12 });
    assert.equal(rest.length, 0);
    assert.ok(finding?.code === 'downtimeNeedsHigherAvailability');
    near(finding!.allowedHours, 26.28, 2);
    assert.equal(finding!.statedHours, 12);
    near(finding!.requiredPercent, 99.863);
  });
  test('an availability stricter than the downtime limit is said too', () => {
    const [finding] = slaFindings({ availabilityPercent: 99.99, maxDowntimeHours: 12, period: 'year', recoveryHours: null });
    assert.equal(finding!.code, 'availabilityStricterThanDowntime');
  });
  test('agreeing figures (rounding within a minute) find nothing', () => {
    assert.deepEqual(slaFindings({ availabilityPercent: 99.863, maxDowntimeHours: 12, period: 'year', recoveryHours: 4 }), []);
    assert.deepEqual(slaFindings({ availabilityPercent: null, maxDowntimeHours: null, period: 'year', recoveryHours: 48 }), []);
  });
  test('a recovery time longer than the downtime allowed: one failure breaks the availability', () => {
    const findings = slaFindings({ availabilityPercent: 99.9, maxDowntimeHours: null, period: 'month', recoveryHours: 4 });
    assert.deepEqual(findings.map((f) => f.code), ['recoveryExceedsDowntime']);
    near(findings[0]!.allowedHours, 0.73);
  });
  test('the stricter of the two limits is the one a recovery is held to', () => {
    const findings = slaFindings({ availabilityPercent: 99.7, maxDowntimeHours: 12, period: 'year', recoveryHours: 20 });
    const recovery = findings.find((f) => f.code === 'recoveryExceedsDowntime');
    assert.equal(recovery?.allowedHours, 12);
  });
});
