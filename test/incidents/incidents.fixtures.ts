import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The incidents module's entities in organisation A: an incident, and an entry of its timeline. */
export const fixtures: ModuleFixtures = ({ t, orgA }) => {
  const incident = async () => {
    // The deadline rules and holidays come from the shipped catalog, loaded as the organisation's first read would.
    const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
    await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
    const r = await orgA.owner.client.post('/api/v1/incidents', { title: `Incident ${randomUUID().slice(0, 8)}`, awareAt: '2026-04-01T10:00:00+09:00', sensitiveData: true, personsAffected: 3 });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id as string };
  };
  return {
    incident,
    incidentAction: async () => {
      const { id } = await incident();
      const r = await orgA.owner.client.post(`/api/v1/incidents/${id}/actions`, { kind: 'detected', at: '2026-04-01T10:05:00+09:00', text: '監視アラートで検知' });
      assert.equal(r.status, 201, r.raw);
      return { id, actionId: r.body.actions[0].id as string };
    },
  };
};

/** A finding of an incident's review names the owner of the corrective action it opens. */
export const idFields: ModuleIdFields = ({ target, name }) => ({
  'POST /api/v1/incidents/:id/findings body.ownerUserId': {
    kind: 'member',
    request: async (id) => ({ method: 'POST', url: `/api/v1/incidents/${(await target('incident')).id}/findings`, body: { title: name('Finding'), ownerUserId: id } }),
  },
});
