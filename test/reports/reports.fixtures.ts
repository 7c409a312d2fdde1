import assert from 'node:assert/strict';
import type { ModuleFixtures } from '../helpers/route-fixtures.ts';

/** The reports module's entities in organisation A: an issued management report. */
export const fixtures: ModuleFixtures = ({ orgA }) => ({
  managementReport: async () => {
    const r = await orgA.owner.client.post('/api/v1/management-reports', {});
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
});
