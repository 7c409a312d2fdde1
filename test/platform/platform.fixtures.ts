import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures } from '../helpers/route-fixtures.ts';

/** The platform's entities in organisation A: a member, an invitation, a session and an evidence file. */
export const fixtures: ModuleFixtures = ({ orgA, staffA, all }) => ({
  member: async () => ({ userId: staffA.userId }),
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
