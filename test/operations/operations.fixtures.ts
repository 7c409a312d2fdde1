import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The operations module's entities in organisation A: a quarterly inspection. */
export const fixtures: ModuleFixtures = ({ orgA }) => ({
  inspection: async () => {
    const r = await orgA.owner.client.post('/api/v1/inspections', { title: `Inspection ${randomUUID().slice(0, 8)}`, startsOn: '2026-01-31', unit: 'months', every: 3 });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id as string };
  },
});

/** An inspection names the member who is reminded. */
export const idFields: ModuleIdFields = ({ target, versionOf, name }) => ({
  'POST /api/v1/inspections body.ownerUserId': { kind: 'member', request: async (id) => ({ method: 'POST', url: '/api/v1/inspections', body: { title: name('Inspection'), startsOn: '2026-01-31', ownerUserId: id } }) },
  'PATCH /api/v1/inspections/:id body.ownerUserId': {
    kind: 'member',
    request: async (id) => {
      const inspectionId = (await target('inspection')).id!;
      return { method: 'PATCH', url: `/api/v1/inspections/${inspectionId}`, body: { ownerUserId: id, version: await versionOf('inspections', inspectionId) } };
    },
  },
});
