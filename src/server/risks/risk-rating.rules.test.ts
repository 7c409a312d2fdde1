import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bandCounts,
  DEFAULT_RISK_SCALE,
  estimateErrors,
  levelOf,
  nextReviewDate,
  ratingFromBands,
  ratingFromEstimate,
  registerRatings,
  sameBands,
  type RiskScale,
} from './risk-rating.rules.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('ratingFromEstimate on the default 5×5 (bands in events a year and yen)', () => {
  const rows: [string, number, number, number, number, number, string][] = [
    ['rare and small', 0.05, 100_000, 500_000, 1, 1, 'low'],
    ['band edges are inclusive', 0.1, 1_000_000, 1_000_000, 1, 1, 'low'],
    ['just above the edges', 0.11, 1_000_001, 1_000_001, 2, 2, 'low'],
    ['yearly, tens of millions', 1, 5_000_000, 80_000_000, 3, 3, 'medium'],
    ['several a year, large', 2, 20_000_000, 200_000_000, 4, 4, 'high'],
    ['almost certain, ruinous', 12, 100_000_000, 1_000_000_000, 5, 5, 'critical'],
  ];
  for (const [name, f, low, high, l, i, level] of rows) {
    test(name, () => {
      const r = ratingFromEstimate({ annualFrequency: f, lowYen: low, highYen: high });
      assert.deepEqual([r.likelihood, r.impact, r.level], [l, i, level]);
    });
  }
  test('a configured 3×3 scale uses its own bands and levels', () => {
    const scale: RiskScale = { likelihoodUpperPerYear: [0.5, 2], impactUpperYen: [10e6, 50e6], levelUpperScore: { low: 2, medium: 4, high: 6 }, reviewMonths: { low: 24, medium: 12, high: 6, critical: 3 } };
    const r = ratingFromEstimate({ annualFrequency: 3, lowYen: 60e6, highYen: 90e6 }, scale);
    assert.deepEqual([r.likelihood, r.impact, r.score, r.level], [3, 3, 9, 'critical']);
  });
});

describe('levelOf', () => {
  for (const [score, level] of [[1, 'low'], [4, 'low'], [5, 'medium'], [9, 'medium'], [10, 'high'], [16, 'high'], [20, 'critical'], [25, 'critical']] as const) {
    test(`score ${score} is ${level}`, () => assert.equal(levelOf(score), level));
  }
});

describe('registerRatings', () => {
  test('a consistent record has no contradictions', () => {
    assert.deepEqual(registerRatings(ratingFromBands(5, 5), ratingFromBands(3, 5), ratingFromBands(2, 3)).contradictions, []);
  });
  test('a residual above the current rating and a current above the inherent are flagged', () => {
    assert.deepEqual(registerRatings(ratingFromBands(2, 2), ratingFromBands(3, 3), ratingFromBands(4, 4)).contradictions, ['current-above-inherent', 'residual-above-current']);
  });
});

describe('nextReviewDate by level (default: critical 1, high 3, medium 6, low 12 months)', () => {
  const rows: [string, string, 'low' | 'medium' | 'high' | 'critical', string][] = [
    ['critical, a month', '2026-03-15', 'critical', '2026-04-15'],
    ['high, across the year end', '2026-11-30', 'high', '2027-02-28'],
    ['critical from 31 Jan lands on 29 Feb in a leap year', '2028-01-31', 'critical', '2028-02-29'],
    ['medium', '2026-08-31', 'medium', '2027-02-28'],
    ['low, a year', '2028-02-29', 'low', '2029-02-28'],
  ];
  for (const [name, from, level, to] of rows) test(name, () => assert.equal(nextReviewDate(d(from), level).toISOString().slice(0, 10), to));
  test('the default review months are those of the scale', () => assert.deepEqual(DEFAULT_RISK_SCALE.reviewMonths, { low: 12, medium: 6, high: 3, critical: 1 }));
});

describe('estimateErrors (per-field codes)', () => {
  const rows: [string, Record<string, unknown>, [string, string][]][] = [
    ['a good estimate', { annualFrequency: 0.5, lowYen: 1e6, highYen: 1e7 }, []],
    ['a point estimate is allowed', { annualFrequency: 0, lowYen: 1e6, highYen: 1e6 }, []],
    ['low above high', { annualFrequency: 1, lowYen: 2e7, highYen: 1e7 }, [['lowYen', 'low-above-high']]],
    ['negative amounts', { annualFrequency: 1, lowYen: -1, highYen: -5 }, [['lowYen', 'negative'], ['highYen', 'negative']]],
    ['a zero low bound', { annualFrequency: 1, lowYen: 0, highYen: 5 }, [['lowYen', 'not-positive']]],
    ['negative frequency', { annualFrequency: -0.1, lowYen: 1, highYen: 2 }, [['annualFrequency', 'negative']]],
    ['frequency above the sane bound', { annualFrequency: 366, lowYen: 1, highYen: 2 }, [['annualFrequency', 'frequency-too-high']]],
    ['missing and non-numeric', { lowYen: 'abc', highYen: Number.NaN }, [['annualFrequency', 'required'], ['lowYen', 'not-finite'], ['highYen', 'not-finite']]],
  ];
  for (const [name, input, expected] of rows) {
    test(name, () => assert.deepEqual(estimateErrors(input).map((e) => [e.field, e.code]), expected));
  }
});

describe('a scale of the organisation’s own', () => {
  const threeByThree: RiskScale = { likelihoodUpperPerYear: [0.2, 1], impactUpperYen: [10_000_000, 50_000_000], levelUpperScore: { low: 2, medium: 4, high: 6 }, reviewMonths: { low: 12, medium: 6, high: 3, critical: 1 } };

  test('bands, scores and levels come from its bounds and thresholds', () => {
    assert.deepEqual(bandCounts(threeByThree), { likelihood: 3, impact: 3 });
    assert.deepEqual(ratingFromEstimate({ annualFrequency: 0.5, lowYen: 2_000_000, highYen: 80_000_000 }, threeByThree), { likelihood: 2, impact: 2, score: 4, level: 'medium' });
    assert.deepEqual(ratingFromEstimate({ annualFrequency: 5, lowYen: 60_000_000, highYen: 90_000_000 }, threeByThree), { likelihood: 3, impact: 3, score: 9, level: 'critical' });
    assert.equal(levelOf(6, threeByThree), 'high');
    assert.equal(levelOf(7, threeByThree), 'critical');
  });

  test('sameBands: only the bounds matter, not the levels or review months', () => {
    assert.equal(sameBands(DEFAULT_RISK_SCALE, { ...DEFAULT_RISK_SCALE, levelUpperScore: { low: 3, medium: 8, high: 15 }, reviewMonths: { low: 24, medium: 12, high: 6, critical: 1 } }), true);
    assert.equal(sameBands(DEFAULT_RISK_SCALE, { ...DEFAULT_RISK_SCALE, impactUpperYen: [1_000_000, 5_000_000, 20_000_000, 200_000_000] }), false);
    assert.equal(sameBands(DEFAULT_RISK_SCALE, threeByThree), false);
  });
});
