import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { IdField, ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The risks module's entities in organisation A: a threat's judgement, a risk and an insurance policy. */
export const fixtures: ModuleFixtures = ({ t, orgA }) => ({
  // A judgement of a threat of the shipped 2019 list (the catalog is loaded first, as the organisation's first read would).
  threatAssessment: async () => {
    const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
    await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
    const view = await orgA.owner.client.get('/api/v1/threat-assessments?year=2019');
    assert.equal(view.status, 200, view.raw);
    const free = view.body.list.items.find((i: { assessment: unknown }) => !i.assessment);
    const r = await orgA.owner.client.post('/api/v1/threat-assessments', { threatItemId: free.threatItemId, impactSalesDrop: 'medium' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  risk: async () => {
    const r = await orgA.owner.client.post('/api/v1/risks', { title: `Risk ${randomUUID().slice(0, 8)}`, inherent: { annualFrequency: 0.5, lowYen: 1_000_000, highYen: 20_000_000 } });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  insurancePolicy: async () => {
    const r = await orgA.owner.client.post('/api/v1/insurance-policies', {
      name: `Cyber ${randomUUID().slice(0, 8)}`,
      deductibleYen: 1_000_000,
      perEventLimitYen: 100_000_000,
      noticeDays: 30,
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
    });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
});

/** A risk names its owner, its insurance policy and what it concerns. */
export const idFields: ModuleIdFields = ({ target, versionOf, name }) => {
  const risk = { inherent: { annualFrequency: 1, lowYen: 100_000, highYen: 1_000_000 } };
  return Object.fromEntries(
    ([
      ['ownerUserId', 'member', (id: string) => id],
      ['insurancePolicyId', 'insurancePolicy', (id: string) => id],
      ['assetIds[]', 'asset', (id: string) => [id]],
      ['workloadIds[]', 'workload', (id: string) => [id]],
      ['systemIds[]', 'system', (id: string) => [id]],
    ] as const).flatMap(([field, kind, value]) => {
      const key = field.replace('[]', '');
      const created: IdField = { kind, request: async (id) => ({ method: 'POST', url: '/api/v1/risks', body: { ...risk, title: name('Risk'), [key]: value(id) } }) };
      const changed: IdField = {
        kind,
        request: async (id) => {
          const riskId = (await target('risk')).id!;
          return { method: 'PATCH', url: `/api/v1/risks/${riskId}`, body: { [key]: value(id), version: await versionOf('risks', riskId) } };
        },
      };
      return [[`POST /api/v1/risks body.${field}`, created], [`PATCH /api/v1/risks/:id body.${field}`, changed]];
    }),
  );
};
