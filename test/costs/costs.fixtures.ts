import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures } from '../helpers/route-fixtures.ts';

/** The costs module's entities in organisation A: a cloud scenario (the baseline is one per organisation, so fixtures make cloud ones). */
export const fixtures: ModuleFixtures = ({ orgA }) => ({
  costScenario: async () => {
    const r = await orgA.owner.client.post('/api/v1/cost-scenarios', { name: `Cloud ${randomUUID().slice(0, 8)}`, kind: 'cloud', initialYen: 1_000_000, runningYenPerYear: 2_000_000 });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
});
