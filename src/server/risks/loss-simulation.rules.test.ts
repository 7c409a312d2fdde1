import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyticAleYen,
  eventRecoveryYen,
  lognormalFromRange,
  lossDistribution,
  meanEventLossYen,
  simulatePortfolio,
  Z95,
  type InsurancePolicy,
  type QuantifiedRisk,
} from './loss-simulation.rules.ts';

const close = (actual: number, expected: number, rel: number, label: string) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${label}: ${actual} vs ${expected}`);

describe('lognormalFromRange (the 90 % range is the 5th-95th percentile)', () => {
  for (const [low, high] of [
    [1_000_000, 10_000_000],
    [50_000, 50_000_000],
    [3_000_000, 3_000_000],
  ] as const) {
    test(`${low}-${high} yen comes back from μ ± z95·σ`, () => {
      const { mu, sigma } = lognormalFromRange({ lowYen: low, highYen: high });
      close(Math.exp(mu - Z95 * sigma), low, 1e-9, 'p5');
      close(Math.exp(mu + Z95 * sigma), high, 1e-9, 'p95');
      close(Math.exp(mu), Math.sqrt(low * high), 1e-9, 'median is the geometric mean');
    });
  }
  test('a point estimate has σ = 0 and a mean equal to it', () => {
    assert.equal(lognormalFromRange({ lowYen: 2e6, highYen: 2e6 }).sigma, 0);
    close(meanEventLossYen({ lowYen: 2e6, highYen: 2e6 }), 2e6, 1e-12, 'mean');
  });
});

describe('eventRecoveryYen (免責, limit, sublimit)', () => {
  const policy: InsurancePolicy = { id: 'cyber', deductibleYen: 1_000_000, perEventLimitYen: 50_000_000, annualAggregateLimitYen: null };
  const rows: [string, number, number | null, number][] = [
    ['below the deductible pays nothing', 800_000, null, 0],
    ['at the deductible pays nothing', 1_000_000, null, 0],
    ['above it pays the excess', 6_000_000, null, 5_000_000],
    ['the per-event limit caps it', 200_000_000, null, 50_000_000],
    ['a sublimit lower than the limit caps it', 30_000_000, 10_000_000, 10_000_000],
    ['a sublimit above the limit does not raise it', 200_000_000, 90_000_000, 50_000_000],
  ];
  for (const [name, loss, sub, paid] of rows) test(name, () => assert.equal(eventRecoveryYen(loss, policy, sub), paid));
});

describe('lossDistribution', () => {
  test('mean, nearest-rank VaR and the exceedance curve of a known sample', () => {
    const losses = Float64Array.from({ length: 100 }, (_, i) => (i + 1) * 1000);
    const d = lossDistribution(losses, [1000, 50_500, 100_000, 100_001]);
    assert.equal(d.aleYen, 50_500);
    assert.equal(d.var95Yen, 95_000);
    assert.equal(d.var99Yen, 99_000);
    assert.equal(d.maxYen, 100_000);
    assert.deepEqual(
      d.exceedance.map((e) => e.probability),
      [1, 0.5, 0.01, 0],
    );
  });
});

describe('simulatePortfolio', () => {
  const risks: QuantifiedRisk[] = [
    { id: 'ransomware', inherent: { annualFrequency: 0.3, lowYen: 2_000_000, highYen: 80_000_000 }, treated: { annualFrequency: 0.1, lowYen: 1_000_000, highYen: 40_000_000 }, cover: { policyId: 'cyber', sublimitYen: null } },
    { id: 'phishing', inherent: { annualFrequency: 4, lowYen: 50_000, highYen: 2_000_000 }, treated: null, cover: null },
    { id: 'outage', inherent: { annualFrequency: 1.5, lowYen: 300_000, highYen: 10_000_000 }, treated: { annualFrequency: 1.5, lowYen: 100_000, highYen: 3_000_000 }, cover: { policyId: 'cyber', sublimitYen: 1_000_000 } },
  ];
  const policies: InsurancePolicy[] = [{ id: 'cyber', deductibleYen: 500_000, perEventLimitYen: 30_000_000, annualAggregateLimitYen: 40_000_000 }];
  const sim = simulatePortfolio(risks, policies, { years: 400_000, seed: 20260401 });

  test('the simulated inherent and treated ALE lie within 1 % of λ·exp(μ+σ²/2)', () => {
    const inherent = risks.reduce((s, r) => s + analyticAleYen(r.inherent), 0);
    const treated = risks.reduce((s, r) => s + analyticAleYen(r.treated ?? r.inherent), 0);
    close(sim.inherent.aleYen, inherent, 0.01, 'inherent ALE');
    close(sim.treated.aleYen, treated, 0.01, 'treated ALE');
  });

  test('several events in one year occur (Poisson, not Bernoulli)', () => {
    const many = simulatePortfolio([{ id: 'x', inherent: { annualFrequency: 3, lowYen: 1e6, highYen: 1e6 }, treated: null, cover: null }], [], { years: 20_000, seed: 1 });
    assert.ok(many.inherent.maxYen >= 8e6, `max ${many.inherent.maxYen}`);
    close(many.inherent.aleYen, 3e6, 0.02, 'mean count × fixed loss');
  });

  test('treatment and insurance move the curve down, and VaR 99 ≥ VaR 95 ≥ 0', () => {
    for (const d of [sim.inherent, sim.treated, sim.netOfInsurance]) assert.ok(d.var99Yen >= d.var95Yen && d.var95Yen >= 0);
    assert.ok(sim.treated.aleYen < sim.inherent.aleYen);
    assert.ok(sim.netOfInsurance.aleYen < sim.treated.aleYen);
    close(sim.treated.aleYen - sim.netOfInsurance.aleYen, sim.meanRecoveryYen, 1e-9, 'net = treated - recoveries');
    sim.netOfInsurance.exceedance.forEach((e, i) => assert.ok(e.probability <= sim.treated.exceedance[i]!.probability));
  });

  test('the annual aggregate limit caps what a policy pays in a year', () => {
    const sure: QuantifiedRisk = { id: 'r', inherent: { annualFrequency: 5, lowYen: 10e6, highYen: 10e6 }, treated: null, cover: { policyId: 'p', sublimitYen: null } };
    const withAgg = simulatePortfolio([sure], [{ id: 'p', deductibleYen: 0, perEventLimitYen: 10e6, annualAggregateLimitYen: 15e6 }], { years: 5000, seed: 7 });
    const noAgg = simulatePortfolio([sure], [{ id: 'p', deductibleYen: 0, perEventLimitYen: 10e6, annualAggregateLimitYen: null }], { years: 5000, seed: 7 });
    assert.ok(withAgg.meanRecoveryYen <= 15e6);
    assert.ok(noAgg.netOfInsurance.maxYen < 1, `${noAgg.netOfInsurance.maxYen}`);
    assert.ok(withAgg.netOfInsurance.aleYen > 0);
  });

  test('the same seed gives the same result; another seed a different one', () => {
    const a = simulatePortfolio(risks, policies, { years: 2000, seed: 42 });
    assert.deepEqual(simulatePortfolio(risks, policies, { years: 2000, seed: 42 }), a);
    assert.notEqual(simulatePortfolio(risks, policies, { years: 2000, seed: 43 }).inherent.aleYen, a.inherent.aleYen);
  });

  test('a cover naming an unknown policy is refused', () => {
    assert.throws(() => simulatePortfolio([{ ...risks[0]!, cover: { policyId: 'none', sublimitYen: null } }], policies, { years: 10, seed: 1 }), /unknown policy/);
  });
});

test('the same seed gives identical results and a different seed differs', () => {
  const risks: QuantifiedRisk[] = [
    { id: 'a', inherent: { annualFrequency: 2, lowYen: 100_000, highYen: 5_000_000 }, treated: { annualFrequency: 1, lowYen: 100_000, highYen: 2_000_000 }, cover: { policyId: 'p', sublimitYen: null } },
    { id: 'b', inherent: { annualFrequency: 0.1, lowYen: 1_000_000, highYen: 50_000_000 }, treated: null, cover: null },
  ];
  const policies: InsurancePolicy[] = [{ id: 'p', deductibleYen: 200_000, perEventLimitYen: 1_000_000, annualAggregateLimitYen: 2_000_000 }];
  const one = simulatePortfolio(risks, policies, { years: 5000, seed: 7 });
  const again = simulatePortfolio(risks, policies, { years: 5000, seed: 7 });
  const other = simulatePortfolio(risks, policies, { years: 5000, seed: 8 });
  assert.deepEqual(again, one);
  assert.notEqual(other.treated.aleYen, one.treated.aleYen);
  assert.notEqual(other.netOfInsurance.var99Yen, one.netOfInsurance.var99Yen);
});

test('an untreated, uninsured portfolio has the same years before and after treatment (common random numbers)', () => {
  const risks: QuantifiedRisk[] = [
    { id: 'a', inherent: { annualFrequency: 0.7, lowYen: 1e6, highYen: 5e7 }, treated: null, cover: null },
    { id: 'b', inherent: { annualFrequency: 3, lowYen: 1e5, highYen: 2e6 }, treated: null, cover: null },
  ];
  const sim = simulatePortfolio(risks, [], { years: 5000, seed: 7 });
  assert.deepEqual(sim.treated, sim.inherent);
  assert.deepEqual(sim.netOfInsurance, sim.inherent);
});
