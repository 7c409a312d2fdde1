import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, dateIn } from '../../src/shared/platform/calendar-date.ts';
import { loadCatalog } from '../assets/portfolio-fixtures.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Corrective actions over HTTP (issue 12, seed 004 「定期点検結果のフィード
 * バック」): an inspection's findings become an action that moves through
 * plan, do, check and act one phase at a time, each move refused (with the
 * fields it still needs) until the phase before produced its part; an
 * ineffective check sends it back to Plan; it closes only with evidence and
 * an effective check, and then no longer changes.
 */

let t: TestApp;
let orgA: TestOrganisation;
let staffA: TestMember;
let auditorA: TestMember;

before(async () => {
  t = await createTestApp();
  await loadCatalog(t);
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  staffA = await addMember(t, orgA.id, 'staff');
  auditorA = await addMember(t, orgA.id, 'auditor');
});
after(() => t.close());

const move = (id: string, to: string, version: number) => orgA.owner.client.post(`/api/v1/corrective-actions/${id}/phase`, { to, version });
const missing = (body: { errors?: { path: string; code: string }[] }) => (body.errors ?? []).map((e) => `${e.path}:${e.code}`).sort();

describe('corrective actions through PDCA', () => {
  test("from an inspection's findings to closed: every move needs the phase before's part, closing needs evidence", async () => {
    const inspection = await orgA.owner.client.post('/api/v1/inspections', { title: '脆弱性スキャン', startsOn: '2026-01-31' });
    assert.equal(inspection.status, 201, inspection.raw);
    const created = await orgA.owner.client.post('/api/v1/corrective-actions', { title: 'VPN機器の脆弱性対応', origin: 'inspection', originId: inspection.body.id, ownerUserId: staffA.userId, dueOn: '2026-12-20' });
    assert.equal(created.status, 201, created.raw);
    const a = created.body;
    assert.equal(a.phase, 'plan');
    assert.equal(a.originTitle, '脆弱性スキャン');
    assert.equal(a.originPath, `/operations/${inspection.body.id}`);
    assert.deepEqual(a.moves, [{ to: 'do', missing: [{ path: 'plan', code: 'planRequired' }] }]);

    const early = await move(a.id, 'do', a.version);
    assert.equal(early.status, 400, early.raw);
    assert.deepEqual(missing(early.body), ['plan:planRequired']);
    const skip = await move(a.id, 'check', a.version);
    assert.deepEqual(missing(skip.body), ['phase:phaseMoveNotAllowed']);
    const unchanged = await orgA.owner.client.get(`/api/v1/corrective-actions/${a.id}`);
    assert.equal(unchanged.body.phase, 'plan');
    assert.equal(unchanged.body.version, a.version, 'a refused move changes nothing');

    let v = (await orgA.owner.client.patch(`/api/v1/corrective-actions/${a.id}`, { plan: 'ファームウェアを更新する', version: a.version })).body.version;
    const stale = await move(a.id, 'do', a.version);
    assert.equal(stale.status, 409, 'a move at a stale version');
    v = (await move(a.id, 'do', v)).body.version;
    v = (await orgA.owner.client.patch(`/api/v1/corrective-actions/${a.id}`, { doneNote: '12/10 更新済み', version: v })).body.version;
    v = (await move(a.id, 'check', v)).body.version;

    // The rescan still finds the hole: back to Plan, the verdict cleared.
    v = (await orgA.owner.client.patch(`/api/v1/corrective-actions/${a.id}`, { checkNote: '再スキャンで1件残存', effective: false, version: v })).body.version;
    const notYet = await move(a.id, 'act', v);
    assert.deepEqual(missing(notYet.body), ['effective:notEffective']);
    const replanned = await move(a.id, 'plan', v);
    assert.equal(replanned.status, 200, replanned.raw);
    assert.equal(replanned.body.effective, null);
    v = replanned.body.version;
    for (const to of ['do', 'check']) v = (await move(a.id, to, v)).body.version;
    v = (await orgA.owner.client.patch(`/api/v1/corrective-actions/${a.id}`, { checkNote: '再スキャンで0件', effective: true, version: v })).body.version;
    v = (await move(a.id, 'act', v)).body.version;

    v = (await orgA.owner.client.patch(`/api/v1/corrective-actions/${a.id}`, { actNote: '手順書を改訂し、次回点検項目に追加', version: v })).body.version;
    const noEvidence = await move(a.id, 'closed', v);
    assert.equal(noEvidence.status, 400);
    assert.deepEqual(missing(noEvidence.body), ['evidence:evidenceRequired']);
    const file = multipartFile('rescan.txt', '0 findings', 'text/plain');
    const up = await orgA.owner.client.request('POST', `/api/v1/corrective-actions/${a.id}/evidence`, file.body, { 'content-type': file.contentType });
    assert.equal(up.status, 201, up.raw);
    const closed = await move(a.id, 'closed', v);
    assert.equal(closed.status, 200, closed.raw);
    assert.equal(closed.body.phase, 'closed');
    assert.deepEqual(closed.body.moves, []);
    assert.equal(closed.body.evidence.length, 1);

    const edit = await orgA.owner.client.patch(`/api/v1/corrective-actions/${a.id}`, { title: 'x', version: closed.body.version });
    assert.equal(edit.status, 409, 'a closed action no longer changes');
    const takeOff = await orgA.owner.client.delete(`/api/v1/corrective-actions/${a.id}/evidence/${up.body.id}`);
    assert.equal(takeOff.status, 409, 'nor loses its evidence');

    const history = await orgA.owner.client.get(`/api/v1/corrective-actions/${a.id}/history`);
    assert.ok(history.body.items.length >= 10, history.raw);
  });

  test('unknown origins and owners are refused; staff write, auditors read', async () => {
    const noOrigin = await orgA.owner.client.post('/api/v1/corrective-actions', { title: 'x', origin: 'inspection' });
    assert.equal(noOrigin.status, 400);
    const bogus = await orgA.owner.client.post('/api/v1/corrective-actions', { title: 'x', origin: 'inspection', originId: '00000000-0000-4000-8000-000000000000' });
    assert.deepEqual(missing(bogus.body), ['originId:originUnknown']);
    const incident = await orgA.owner.client.post('/api/v1/corrective-actions', { title: 'x', origin: 'incident', originId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(incident.status, 400, "an incident's actions come from its review");
    const own = await staffA.client.post('/api/v1/corrective-actions', { title: 'バックアップ手順の見直し' });
    assert.equal(own.status, 201, own.raw);
    assert.equal(own.body.origin, 'other');
    assert.equal((await auditorA.client.post('/api/v1/corrective-actions', { title: 'y' })).status, 403);
    const list = await auditorA.client.get('/api/v1/corrective-actions');
    assert.equal(list.status, 200, list.raw);
    assert.ok(list.body.items.some((i: { id: string }) => i.id === own.body.id));
  });

  test("reminders: an open action due within a week reaches its owner's reminders; a closed or later one does not", async () => {
    const inDays = (n: number) => addDays(dateIn('Asia/Tokyo', new Date()), n);
    const soon = await orgA.owner.client.post('/api/v1/corrective-actions', { title: 'ログ保管期間の延長', ownerUserId: staffA.userId, dueOn: inDays(3) });
    const later = await orgA.owner.client.post('/api/v1/corrective-actions', { title: '来月の処置', ownerUserId: staffA.userId, dueOn: inDays(30) });
    const late = await orgA.owner.client.post('/api/v1/corrective-actions', { title: '期限切れの処置', dueOn: inDays(-2) });
    for (const r of [soon, later, late]) assert.equal(r.status, 201, r.raw);
    assert.equal(late.body.overdue, true);
    const staff = (await staffA.client.get('/api/v1/reminders')).body.items.filter((i: { kind: string }) => i.kind === 'correctiveAction');
    assert.deepEqual(staff.map((i: { title: string; standing: string; path: string }) => `${i.title} ${i.standing} ${i.path}`), [`ログ保管期間の延長 dueSoon /corrective-actions/${soon.body.id}`]);
    const owner = (await orgA.owner.client.get('/api/v1/reminders')).body.items.filter((i: { kind: string }) => i.kind === 'correctiveAction');
    assert.deepEqual(owner.map((i: { title: string; standing: string }) => `${i.title} ${i.standing}`), ['期限切れの処置 overdue'], 'unassigned: owners and managers');
  });
});

