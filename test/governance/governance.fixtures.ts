import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The governance module's entities in organisation A: a task of the RACI matrix with its row, and an ISMS document. */
export const fixtures: ModuleFixtures = ({ orgA }) => ({
  raciTask: async () => {
    const r = await orgA.owner.client.post('/api/v1/raci-tasks', {
      title: `Task ${randomUUID().slice(0, 8)}`,
      assignments: [
        { department: 'IT部門', cell: 'R' },
        { department: 'CIO', cell: 'A' },
      ],
    });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  ismsDocument: async () => {
    const r = await orgA.owner.client.post('/api/v1/isms-documents', { title: `Policy ${randomUUID().slice(0, 8)}`, ownerDepartment: '情報セキュリティ部', status: 'approved', approvedOn: '2026-04-01' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
});

/** The module's requests name departments by name and seed documents by catalog id, never a record by uuid. */
export const idFields: ModuleIdFields = () => ({});
