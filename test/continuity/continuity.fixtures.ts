import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { IdField, ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

const copies = [
  { label: '本番サーバー', medium: 'disk', location: 'primarySite', encrypted: true },
  { label: 'NAS', medium: 'nas', location: 'primarySite', encrypted: true },
  { label: 'クラウドストレージ', medium: 'objectStorage', location: 'cloud', immutable: true, encrypted: true },
];

/** The continuity module's entities in organisation A: a backup plan, its restore test, a workload's recovery targets, a cell of the BCP grid and a drill. */
export const fixtures: ModuleFixtures = ({ t, orgA, all }) => ({
  backupPlan: async () => {
    const r = await orgA.owner.client.post('/api/v1/backup-plans', { name: `Data ${randomUUID().slice(0, 8)}`, frequency: 'daily', retentionDays: 30, copies });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  restoreTest: async () => {
    const plan = await all.backupPlan();
    const r = await orgA.owner.client.post('/api/v1/restore-tests', { planId: plan.id, testedOn: '2026-11-01', durationMinutes: 90, errors: 0 });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  recoveryTarget: async () => {
    const workload = await all.workload();
    const r = await orgA.owner.client.post('/api/v1/recovery-targets', { workloadId: workload.id, rtoMinutes: 240, rpoMinutes: 1440 });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  // A free cell of the grid (the catalog loaded first, as the organisation's first read would); once all fifteen are planned, one of them.
  bcpScenario: async () => {
    const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
    await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
    const grid = await orgA.owner.client.get('/api/v1/bcp');
    assert.equal(grid.status, 200, grid.raw);
    const cells = grid.body.cells as { mode: string; disasterTypeId: string; scenario: { id: string } | null }[];
    const free = cells.find((c) => !c.scenario);
    if (!free) return { id: cells[0]!.scenario!.id };
    const r = await orgA.owner.client.post('/api/v1/bcp-scenarios', { mode: free.mode, disasterTypeId: free.disasterTypeId, response: 'クラウドへ切り替え、経営者とCSIRTに報告します。', ownerDepartment: '情報システム部' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  bcpDrill: async () => {
    const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
    await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
    const r = await orgA.owner.client.post('/api/v1/bcp-drills', { title: `Drill ${randomUUID().slice(0, 8)}`, heldOn: '2026-10-01', mode: 'emergency', disasterTypeId: 'urn:kumoji:seed-000:bcp-disaster-types:wide-area', findings: ['連絡網が古い'] });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
});

/** A plan names the workloads it serves, a restore test its plan and recovery targets their workload. */
export const idFields: ModuleIdFields = ({ target, versionOf, name }) => {
  const planCreated: IdField = { kind: 'workload', request: async (id) => ({ method: 'POST', url: '/api/v1/backup-plans', body: { name: name('Data'), frequency: 'daily', retentionDays: 30, copies, workloadIds: [id] } }) };
  const planChanged: IdField = {
    kind: 'workload',
    request: async (id) => {
      const planId = (await target('backupPlan')).id!;
      return { method: 'PATCH', url: `/api/v1/backup-plans/${planId}`, body: { workloadIds: [id], version: await versionOf('backup_plans', planId) } };
    },
  };
  return {
    'POST /api/v1/backup-plans body.workloadIds[]': planCreated,
    'PATCH /api/v1/backup-plans/:id body.workloadIds[]': planChanged,
    'POST /api/v1/restore-tests body.planId': { kind: 'backupPlan', request: async (id) => ({ method: 'POST', url: '/api/v1/restore-tests', body: { planId: id, testedOn: '2026-11-01', durationMinutes: 30, errors: 0 } }) },
    'POST /api/v1/recovery-targets body.workloadId': { kind: 'workload', request: async (id) => ({ method: 'POST', url: '/api/v1/recovery-targets', body: { workloadId: id, rtoMinutes: 60, rpoMinutes: 60 } }) },
  };
};
