import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { IdField, ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The governance module's entities in organisation A: a task of the RACI matrix with its row, an ISMS document, a staffing role and a person holding it. */
export const fixtures: ModuleFixtures = ({ orgA, all }) => ({
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
  staffingRole: async () => {
    const r = await orgA.owner.client.post('/api/v1/staffing-roles', { title: `Role ${randomUUID().slice(0, 8)}`, critical: true, requiredCertifications: ['CISSP'] });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  staffingPerson: async () => {
    const role = await all.staffingRole();
    const r = await orgA.owner.client.post('/api/v1/staffing-people', { name: `Person ${randomUUID().slice(0, 8)}`, roleIds: [role.id], certifications: [{ name: 'CISSP', expiresOn: '2030-01-01' }] });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
});

/** A person names the roles they hold; everything else names departments by name and seed items by catalog id. */
export const idFields: ModuleIdFields = ({ target, versionOf, name }) => {
  const created: IdField = { kind: 'staffingRole', request: async (id) => ({ method: 'POST', url: '/api/v1/staffing-people', body: { name: name('Person'), roleIds: [id] } }) };
  const changed: IdField = {
    kind: 'staffingRole',
    request: async (id) => {
      const personId = (await target('staffingPerson')).id!;
      return { method: 'PATCH', url: `/api/v1/staffing-people/${personId}`, body: { roleIds: [id], version: await versionOf('staffing_people', personId) } };
    },
  };
  return { 'POST /api/v1/staffing-people body.roleIds[]': created, 'PATCH /api/v1/staffing-people/:id body.roleIds[]': changed };
};
