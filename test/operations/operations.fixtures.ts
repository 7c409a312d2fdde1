import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { multipartFile } from '../helpers/multipart.ts';
import type { ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The operations module's entities in organisation A: a quarterly inspection, a corrective action and a file on it. */
export const fixtures: ModuleFixtures = ({ orgA }) => ({
  inspection: async () => {
    const r = await orgA.owner.client.post('/api/v1/inspections', { title: `Inspection ${randomUUID().slice(0, 8)}`, startsOn: '2026-01-31', unit: 'months', every: 3 });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id as string };
  },
  correctiveAction: async () => {
    const r = await orgA.owner.client.post('/api/v1/corrective-actions', { title: `Action ${randomUUID().slice(0, 8)}`, plan: 'Patch the VPN appliance' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id as string };
  },
  correctiveActionEvidence: async () => {
    const r = await orgA.owner.client.post('/api/v1/corrective-actions', { title: `Action ${randomUUID().slice(0, 8)}` });
    assert.equal(r.status, 201, r.raw);
    const file = multipartFile('rescan.txt', 'rescan: 0 findings', 'text/plain');
    const up = await orgA.owner.client.request('POST', `/api/v1/corrective-actions/${r.body.id}/evidence`, file.body, { 'content-type': file.contentType });
    assert.equal(up.status, 201, up.raw);
    return { id: r.body.id as string, evidenceId: up.body.id as string };
  },
});

/** An inspection names the member who is reminded; an action its owner and the inspection it came from. */
export const idFields: ModuleIdFields = ({ target, versionOf, name }) => ({
  'POST /api/v1/corrective-actions body.ownerUserId': { kind: 'member', request: async (id) => ({ method: 'POST', url: '/api/v1/corrective-actions', body: { title: name('Action'), ownerUserId: id } }) },
  'POST /api/v1/corrective-actions body.originId': { kind: 'inspection', request: async (id) => ({ method: 'POST', url: '/api/v1/corrective-actions', body: { title: name('Action'), origin: 'inspection', originId: id } }) },
  'PATCH /api/v1/corrective-actions/:id body.ownerUserId': {
    kind: 'member',
    request: async (id) => {
      const actionId = (await target('correctiveAction')).id!;
      return { method: 'PATCH', url: `/api/v1/corrective-actions/${actionId}`, body: { ownerUserId: id, version: await versionOf('corrective_actions', actionId) } };
    },
  },
  'POST /api/v1/inspections body.ownerUserId': { kind: 'member', request: async (id) => ({ method: 'POST', url: '/api/v1/inspections', body: { title: name('Inspection'), startsOn: '2026-01-31', ownerUserId: id } }) },
  'PATCH /api/v1/inspections/:id body.ownerUserId': {
    kind: 'member',
    request: async (id) => {
      const inspectionId = (await target('inspection')).id!;
      return { method: 'PATCH', url: `/api/v1/inspections/${inspectionId}`, body: { ownerUserId: id, version: await versionOf('inspections', inspectionId) } };
    },
  },
});
