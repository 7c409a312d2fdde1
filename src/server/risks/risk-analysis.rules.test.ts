import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { heatMap, movedSinceReview, ratingsOf, simulationInput, topRisks, treatedEstimate, type StoredRisk } from './risk-analysis.rules.ts';

const risk = (over: Partial<StoredRisk> = {}): StoredRisk => ({
  id: 'r1',
  title: 'ランサムウェア',
  treatment: 'none',
  inherent: { annualFrequency: 2, lowYen: 10_000_000, highYen: 90_000_000 },
  treated: null,
  current: null,
  insurancePolicyId: null,
  sublimitYen: null,
  reviewedResidual: null,
  ...over,
});

describe('treatedEstimate and ratingsOf', () => {
  test('untreated: residual and current as inherent', () => {
    const r = ratingsOf(risk());
    // 2 a year: band 4 (≤ 3); median 30M yen: band 4 (≤ 100M): 16, high.
    assert.deepEqual(r.inherent, { likelihood: 4, impact: 4, score: 16, level: 'high' });
    assert.deepEqual(r.residual, r.inherent);
    assert.deepEqual(r.current, r.inherent);
  });
  test('avoid removes the events whatever the treated estimate says', () => {
    assert.equal(treatedEstimate(risk({ treatment: 'avoid', treated: { annualFrequency: 1, lowYen: 1, highYen: 2 } })).annualFrequency, 0);
    assert.equal(ratingsOf(risk({ treatment: 'avoid' })).residual.likelihood, 1);
  });
  test('current bands recorded above inherent are a contradiction', () => {
    assert.deepEqual(ratingsOf(risk({ current: { likelihood: 5, impact: 5 } })).contradictions, ['current-above-inherent']);
  });
});

describe('heatMap', () => {
  test('25 cells on the default scale, each risk counted in its cell', () => {
    const cells = heatMap([
      { likelihood: 4, impact: 4 },
      { likelihood: 4, impact: 4 },
      { likelihood: 1, impact: 5 },
    ]);
    assert.equal(cells.length, 25);
    assert.equal(cells.find((c) => c.likelihood === 4 && c.impact === 4)!.count, 2);
    assert.equal(cells.find((c) => c.likelihood === 1 && c.impact === 5)!.count, 1);
    assert.equal(cells.reduce((s, c) => s + c.count, 0), 3);
    assert.equal(cells.find((c) => c.likelihood === 5 && c.impact === 5)!.level, 'critical');
  });
});

describe('movedSinceReview', () => {
  test('no marker without a review or when the cell is unchanged; up, down and sideways otherwise', () => {
    assert.deepEqual(movedSinceReview([risk(), risk({ reviewedResidual: { likelihood: 4, impact: 4 } })]), []);
    const [down] = movedSinceReview([risk({ reviewedResidual: { likelihood: 5, impact: 4 } })]);
    assert.equal(down!.direction, 'down');
    const [up] = movedSinceReview([risk({ reviewedResidual: { likelihood: 2, impact: 2 } })]);
    assert.equal(up!.direction, 'up');
    const [side] = movedSinceReview([risk({ reviewedResidual: { likelihood: 2, impact: 8 } })]);
    assert.equal(side!.direction, 'sideways');
  });
});

describe('topRisks and simulationInput', () => {
  test('highest residual first, then the larger expected loss', () => {
    const top = topRisks([risk({ id: 'small', inherent: { annualFrequency: 2, lowYen: 10_000_000, highYen: 20_000_000 } }), risk({ id: 'big' }), risk({ id: 'low', treatment: 'avoid' })]);
    assert.deepEqual(top.map((r) => r.riskId), ['big', 'small', 'low']);
  });
  test('only a transfer to a known policy is insured; avoid and treated estimates carry over', () => {
    const input = simulationInput(
      [risk({ id: 'a', treatment: 'transfer', insurancePolicyId: 'p', sublimitYen: 5 }), risk({ id: 'b', treatment: 'reduce', insurancePolicyId: 'p' }), risk({ id: 'c', treatment: 'transfer', insurancePolicyId: 'gone' }), risk({ id: 'd', treatment: 'avoid' })],
      [{ id: 'p', deductibleYen: 1, perEventLimitYen: 10, annualAggregateLimitYen: null }],
    );
    assert.deepEqual(input.map((r) => r.cover), [{ policyId: 'p', sublimitYen: 5 }, null, null, null]);
    assert.equal(input[3]!.treated!.annualFrequency, 0);
    assert.equal(input[1]!.treated, null);
  });
});
