import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The platform's entities in organisation A: a member, an invitation, a session and an evidence file. */
export const fixtures: ModuleFixtures = ({ t, orgA, staffA, all }) => ({
  member: async () => ({ userId: staffA.userId }),
  department: async () => {
    const { rows } = await t.database.pool.query<{ id: string }>(`insert into departments (organisation_id, name, name_key) values ($1, $2, $2) returning id`, [orgA.id, `営業課 ${randomUUID().slice(0, 4)}`]);
    return { id: rows[0].id };
  },
  invitation: async () => {
    const r = await orgA.owner.client.post('/api/v1/invitations', { email: `inv-${randomUUID().slice(0, 6)}@example.jp`, role: 'staff' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  session: async () => {
    const list = await staffA.client.get('/api/v1/account/sessions');
    return { id: list.body.items[0].id };
  },
  // Evidence files are uploaded through the record they support: an answer of the diagnosis.
  evidence: async () => ({ evidenceId: (await all['assessment-answer-evidence']()).evidenceId }),
});

/** The platform's uuid request fields: switching organisation, and the audit trail's actor filter. */
export const idFields: ModuleIdFields = () => ({
  'POST /api/v1/session/organisation body.organisationId': {
    kind: 'organisation',
    request: async (id) => ({ method: 'POST', url: '/api/v1/session/organisation', body: { organisationId: id } }),
  },
  'GET /api/v1/audit query.actorUserId': { kind: 'member', filter: true, request: async (id) => ({ method: 'GET', url: `/api/v1/audit?actorUserId=${id}` }) },
});
