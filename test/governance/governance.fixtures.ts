import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { multipartFile } from '../helpers/multipart.ts';
import type { IdField, ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** The governance module's entities in organisation A: a task of the RACI matrix with its row, a control's judgement and its evidence, an ISMS document, a staffing role and a person holding it. */
export const fixtures: ModuleFixtures = ({ t, orgA, all }) => ({
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
  // A judgement of a shipped control (the catalog is loaded first, as the organisation's first read would); one per test run and control.
  controlAssessment: async () => {
    const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
    await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
    const sets = await orgA.owner.client.get('/api/v1/controls');
    assert.equal(sets.status, 200, sets.raw);
    const free = sets.body.sets.flatMap((s: { controls: { itemId: string; assessment: unknown }[] }) => s.controls).find((c: { assessment: unknown }) => !c.assessment);
    const r = await orgA.owner.client.post('/api/v1/control-assessments', { itemId: free.itemId, status: 'inProgress' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  controlAssessmentEvidence: async () => {
    const { id } = await all.controlAssessment();
    const file = multipartFile('settings.txt', 'MFA: on', 'text/plain');
    const up = await orgA.owner.client.request('POST', `/api/v1/control-assessments/${id}/evidence`, file.body, { 'content-type': file.contentType });
    assert.equal(up.status, 201, up.raw);
    return { id: id as string, evidenceId: up.body.id as string };
  },
  dataStore: async () => {
    const r = await orgA.owner.client.post('/api/v1/data-stores', { name: `Store ${randomUUID().slice(0, 8)}`, classification: 'high', atRest: 'aes256', tlsMinimum: '1.2', keyManagement: 'provider' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  iamAccount: async () => {
    const r = await orgA.owner.client.post('/api/v1/iam-accounts', { system: 'クラウド管理コンソール', account: `admin-${randomUUID().slice(0, 8)}`, kind: 'admin', mfa: true });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  logSource: async () => {
    const r = await orgA.owner.client.post('/api/v1/log-sources', { name: `Log ${randomUUID().slice(0, 8)}`, kind: 'access', retentionMonths: 12 });
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

/** A person names the roles they hold and a data store the assets it holds; everything else names departments by name and seed items by catalog id. */
export const idFields: ModuleIdFields = ({ target, versionOf, name }) => {
  const created: IdField = { kind: 'staffingRole', request: async (id) => ({ method: 'POST', url: '/api/v1/staffing-people', body: { name: name('Person'), roleIds: [id] } }) };
  const changed: IdField = {
    kind: 'staffingRole',
    request: async (id) => {
      const personId = (await target('staffingPerson')).id!;
      return { method: 'PATCH', url: `/api/v1/staffing-people/${personId}`, body: { roleIds: [id], version: await versionOf('staffing_people', personId) } };
    },
  };
  const storeCreated: IdField = { kind: 'asset', request: async (id) => ({ method: 'POST', url: '/api/v1/data-stores', body: { name: name('Store'), assetIds: [id] } }) };
  const storeChanged: IdField = {
    kind: 'asset',
    request: async (id) => {
      const storeId = (await target('dataStore')).id!;
      return { method: 'PATCH', url: `/api/v1/data-stores/${storeId}`, body: { assetIds: [id], version: await versionOf('data_stores', storeId) } };
    },
  };
  return {
    'POST /api/v1/staffing-people body.roleIds[]': created,
    'PATCH /api/v1/staffing-people/:id body.roleIds[]': changed,
    'POST /api/v1/data-stores body.assetIds[]': storeCreated,
    'PATCH /api/v1/data-stores/:id body.assetIds[]': storeChanged,
  };
};
