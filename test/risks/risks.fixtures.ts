import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures } from '../helpers/route-fixtures.ts';

/** The risks module's entities in organisation A: a risk and an insurance policy. */
export const fixtures: ModuleFixtures = ({ orgA }) => ({
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
