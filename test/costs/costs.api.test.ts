import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The cost comparison over HTTP (seed 004 「コスト最適化と財務計画」): one
 * baseline per organisation, a cloud scenario's TCO, NPV, ROI and payback
 * against it, the risk reduction taken from the risk register's ALE, bad
 * input changing nothing, and a reader's limits.
 */

let t: TestApp;
let orgA: TestOrganisation;
let auditorA: TestMember;

before(async () => {
  ({ t, orgA, auditorA } = await twoOrganisationsApp());
});
after(() => t.close());

describe('the baseline and a cloud scenario', () => {
  let cloud = { id: '', version: 0 };

  test('a scenario before a baseline has no comparison; a second baseline is refused', async () => {
    const c = await orgA.owner.client.post('/api/v1/cost-scenarios', { name: 'IaaS移行', kind: 'cloud', initialYen: 10_000_000, runningYenPerYear: 10_000_000, hiddenYenPerYear: 1_000_000, reservedSharePercent: 50, reservedDiscountPercent: 40, years: 5, discountRatePercent: 0 });
    assert.equal(c.status, 201, c.raw);
    assert.equal(c.body.comparison, null);
    assert.equal(c.body.yearlyCostYen, 9_000_000);
    cloud = c.body;
    const b = await orgA.owner.client.post('/api/v1/cost-scenarios', { name: '現行オンプレミス', kind: 'baseline', initialYen: 0, runningYenPerYear: 12_000_000, hiddenYenPerYear: 3_000_000 });
    assert.equal(b.status, 201, b.raw);
    const again = await orgA.owner.client.post('/api/v1/cost-scenarios', { name: '別の現状', kind: 'baseline', initialYen: 0, runningYenPerYear: 1 });
    assert.equal(again.status, 409, again.raw);
    assert.equal(again.body.code, 'costBaselineExists');
  });

  test('against the baseline: TCO, investment, NPV, ROI, payback and the curves', async () => {
    const o = (await orgA.owner.client.get('/api/v1/costs')).body;
    assert.equal(o.baseline.name, '現行オンプレミス');
    const [s] = o.scenarios;
    assert.deepEqual({ ...s.comparison, baselineCumulativeYen: undefined, cloudCumulativeYen: undefined }, {
      years: 5, baselineTcoYen: 75_000_000, cloudTcoYen: 55_000_000, investmentYen: 10_000_000, yearlyBenefitYen: 6_000_000, npvYen: 20_000_000, roiPercent: 200, paybackYears: 1.7, riskReductionYenPerYear: 0, baselineCumulativeYen: undefined, cloudCumulativeYen: undefined,
    });
    assert.deepEqual(s.comparison.cloudCumulativeYen, [10_000_000, 19_000_000, 28_000_000, 37_000_000, 46_000_000, 55_000_000]);
    assert.ok(o.source.length > 0);
  });

  test('the risk register’s ALE reduction counts as a benefit when asked', async () => {
    const risk = await orgA.owner.client.post('/api/v1/risks', { title: 'ランサムウェア', inherent: { annualFrequency: 0.5, lowYen: 1_000_000, highYen: 20_000_000 }, treatment: 'reduce', treated: { annualFrequency: 0.1, lowYen: 1_000_000, highYen: 20_000_000 } });
    assert.equal(risk.status, 201, risk.raw);
    const o = (await orgA.owner.client.get('/api/v1/costs')).body;
    assert.ok(o.riskRegister.reductionYen > 0);
    const r = await orgA.owner.client.patch(`/api/v1/cost-scenarios/${cloud.id}`, { riskReductionSource: 'riskRegister', version: cloud.version });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.comparison.riskReductionYenPerYear, o.riskRegister.reductionYen);
    assert.equal(r.body.comparison.yearlyBenefitYen, 6_000_000 + o.riskRegister.reductionYen);
    const stale = await orgA.owner.client.patch(`/api/v1/cost-scenarios/${cloud.id}`, { years: 3, version: cloud.version });
    assert.equal(stale.status, 409, stale.raw);
  });
});

describe('what is refused', () => {
  test('a discount above 75%, a negative cost, a horizon of 11 years; an auditor may not write', async () => {
    for (const [body, path] of [
      [{ reservedDiscountPercent: 80 }, 'reservedDiscountPercent'],
      [{ initialYen: -1 }, 'initialYen'],
      [{ years: 11 }, 'years'],
    ] as const) {
      const r = await orgA.owner.client.post('/api/v1/cost-scenarios', { name: 'X', kind: 'cloud', initialYen: 1, runningYenPerYear: 1, ...body });
      assert.equal(r.status, 400, r.raw);
      assert.equal(r.body.errors[0].path, path);
    }
    assert.equal((await auditorA.client.get('/api/v1/costs')).status, 200);
    const w = await auditorA.client.post('/api/v1/cost-scenarios', { name: 'X', kind: 'cloud', initialYen: 1, runningYenPerYear: 1 });
    assert.equal(w.status, 403, w.raw);
  });
});
