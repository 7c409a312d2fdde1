import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The BCP grid and drills over HTTP (seed 004 「BCP:緊急時・無電化時・停止時の
 * 3段階運用」; seed 000 V.6.2): three modes × five disaster types from the
 * catalog, a cell planned once, approved, then exercised by a drill; a
 * drill's findings opened as corrective actions once each; bad input and a
 * reader's limits.
 */

const NOW = '2026-12-06T03:00:00Z';
const WIDE = 'urn:kumoji:seed-000:bcp-disaster-types:wide-area';
let t: TestApp;
let orgA: TestOrganisation;
let auditorA: TestMember;

before(async () => {
  ({ t, orgA, auditorA } = await twoOrganisationsApp(NOW));
});
after(() => t.close());

const cell = async (mode: string, disasterTypeId: string) => (await orgA.owner.client.get('/api/v1/bcp')).body.cells.find((c: { mode: string; disasterTypeId: string }) => c.mode === mode && c.disasterTypeId === disasterTypeId);

describe('the BCP grid', () => {
  let scenario = { id: '', version: 0 };

  test('three modes with the seed’s actions, five disaster types in the seed’s order, fifteen unplanned cells', async () => {
    const r = await orgA.owner.client.get('/api/v1/bcp');
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.modes.map((m: { mode: string }) => m.mode), ['emergency', 'power-loss', 'full-stop']);
    assert.deepEqual(r.body.modes.map((m: { actions: unknown[] }) => m.actions.length), [4, 4, 4]);
    assert.deepEqual(r.body.disasterTypes.map((d: { number: number }) => d.number), [1, 2, 3, 4, 5]);
    assert.equal(r.body.cells.length, 15);
    assert.deepEqual(r.body.summary, { cells: 15, approved: 0, exercised: 0, openFindings: 0 });
  });

  test('a cell is planned once (409 for a second), with its owner department; approving it counts it', async () => {
    const r = await orgA.owner.client.post('/api/v1/bcp-scenarios', { mode: 'emergency', disasterTypeId: WIDE, response: 'クラウドへフェールオーバーします。', ownerDepartment: '情報システム部' });
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.ownerDepartment.name, '情報システム部');
    scenario = r.body;
    const twice = await orgA.owner.client.post('/api/v1/bcp-scenarios', { mode: 'emergency', disasterTypeId: WIDE, response: '別案' });
    assert.equal(twice.status, 409, twice.raw);
    assert.equal(twice.body.code, 'bcpScenarioExists');
    assert.equal((await cell('emergency', WIDE)).standing, 'draft');
    const approved = await orgA.owner.client.patch(`/api/v1/bcp-scenarios/${scenario.id}`, { status: 'approved', version: scenario.version });
    assert.equal(approved.status, 200, approved.raw);
    assert.equal((await cell('emergency', WIDE)).standing, 'approved');
  });

  test('a drill of that cell exercises it; its findings open as corrective actions once each', async () => {
    const d = await orgA.owner.client.post('/api/v1/bcp-drills', { title: '地震想定訓練', heldOn: '2026-11-15', mode: 'emergency', disasterTypeId: WIDE, participants: 12, recoveryMinutes: 150, findings: ['連絡網が古い', '手順書の所在が不明'] });
    assert.equal(d.status, 201, d.raw);
    const c = await cell('emergency', WIDE);
    assert.equal(c.standing, 'exercised');
    assert.equal(c.lastDrillOn, '2026-11-15');
    let grid = (await orgA.owner.client.get('/api/v1/bcp')).body;
    assert.equal(grid.summary.openFindings, 2);
    const opened = await orgA.owner.client.post(`/api/v1/bcp-drills/${d.body.id}/findings`, { version: d.body.version });
    assert.equal(opened.status, 200, opened.raw);
    assert.deepEqual(opened.body.actions.map((a: { title: string; phase: string }) => `${a.title}:${a.phase}`).sort(), ['手順書の所在が不明:plan', '連絡網が古い:plan']);
    const again = await orgA.owner.client.post(`/api/v1/bcp-drills/${d.body.id}/findings`, { version: d.body.version });
    assert.equal(again.status, 200, again.raw);
    assert.equal(again.body.actions.length, 2);
    const actions = await count(t, `select count(*)::int as n from corrective_actions where organisation_id = '${orgA.id}' and origin = 'drill' and origin_id = '${d.body.id}'`);
    assert.equal(actions, 2);
    const action = await orgA.owner.client.get(`/api/v1/corrective-actions/${opened.body.actions[0].id}`);
    assert.equal(action.status, 200, action.raw);
    assert.equal(action.body.originTitle, '地震想定訓練');
    grid = (await orgA.owner.client.get('/api/v1/bcp')).body;
    assert.equal(grid.summary.openFindings, 0);
    assert.equal(grid.summary.exercised, 1);
  });

  test('a stale version of a drill gets 409 and opens nothing', async () => {
    const [drill] = (await orgA.owner.client.get('/api/v1/bcp')).body.drills;
    const changed = await orgA.owner.client.patch(`/api/v1/bcp-drills/${drill.id}`, { findings: [...drill.findings, 'UPSの点検記録がない'], version: drill.version });
    assert.equal(changed.status, 200, changed.raw);
    const stale = await orgA.owner.client.post(`/api/v1/bcp-drills/${drill.id}/findings`, { version: drill.version });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal(await count(t, `select count(*)::int as n from corrective_actions where organisation_id = '${orgA.id}' and origin = 'drill'`), 2);
  });
});

describe('what is refused', () => {
  test('an unknown disaster type, a drill in the future, an unknown mode', async () => {
    const before = await count(t, `select count(*)::int as n from bcp_drills where organisation_id = '${orgA.id}'`);
    const unknown = await orgA.owner.client.post('/api/v1/bcp-scenarios', { mode: 'full-stop', disasterTypeId: 'urn:kumoji:seed-000:bcp-disaster-types:meteor', response: 'x' });
    assert.equal(unknown.status, 400, unknown.raw);
    assert.equal(unknown.body.errors[0].path, 'disasterTypeId');
    const future = await orgA.owner.client.post('/api/v1/bcp-drills', { title: 'x', heldOn: '2026-12-07', mode: 'emergency', disasterTypeId: WIDE });
    assert.equal(future.status, 400, future.raw);
    const mode = await orgA.owner.client.post('/api/v1/bcp-drills', { title: 'x', heldOn: '2026-12-01', mode: 'flood', disasterTypeId: WIDE });
    assert.equal(mode.status, 400, mode.raw);
    assert.equal(await count(t, `select count(*)::int as n from bcp_drills where organisation_id = '${orgA.id}'`), before);
  });

  test('an auditor reads the grid but may not plan or open findings', async () => {
    const grid = await auditorA.client.get('/api/v1/bcp');
    assert.equal(grid.status, 200);
    assert.equal(grid.body.drills[0].can.update, false);
    const r = await auditorA.client.post('/api/v1/bcp-scenarios', { mode: 'full-stop', disasterTypeId: WIDE, response: 'x' });
    assert.equal(r.status, 403, r.raw);
    const f = await auditorA.client.post(`/api/v1/bcp-drills/${grid.body.drills[0].id}/findings`, { version: grid.body.drills[0].version });
    assert.equal(f.status, 403, f.raw);
  });
});
