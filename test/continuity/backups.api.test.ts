import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Backup plans, restore tests and recovery targets over HTTP (seed 004
 * 「三重バックアップ設計」; FACTS.md 5): a plan scored against 3-2-1 and
 * 3-2-1-1-0 with the reason for each missing point, the "0" proved by a
 * restore test, a workload's RTO/RPO against the measured restore, another
 * organisation's workloads refused, bad input and stale versions changing
 * nothing, the export, and a reader's limits.
 */

const NOW = '2026-12-06T03:00:00Z';
let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
const plans = (orgId: string) => count(t, `select count(*)::int as n from backup_plans where organisation_id = '${orgId}'`);

const production = { label: '本番DB', medium: 'disk', location: 'primarySite', encrypted: true };
const nas = { label: 'NAS', medium: 'nas', location: 'primarySite', encrypted: true };
const cloud = { label: 'クラウド', medium: 'objectStorage', location: 'cloud', encrypted: true };

async function workload(org: TestOrganisation, name: string): Promise<string> {
  const r = await org.owner.client.post('/api/v1/workloads', { name });
  assert.equal(r.status, 201, r.raw);
  return r.body.id;
}

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp(NOW));
});
after(() => t.close());

const score = (body: { scores: { code: string; met: boolean; missing: { measure: string; reason: string }[] }[] }, code: string) => body.scores.find((s) => s.code === code)!;

describe('a backup plan against 3-2-1 and 3-2-1-1-0', () => {
  let id = '';
  let version = 0;
  let sales = '';

  test('two copies on site: each missing point of both rules is named', async () => {
    sales = await workload(orgA, '販売管理');
    const r = await orgA.owner.client.post('/api/v1/backup-plans', { name: '販売データ', frequency: 'daily', retentionDays: 30, copies: [production, { ...production, label: '別ディスク' }], workloadIds: [sales] });
    assert.equal(r.status, 201, r.raw);
    ({ id, version } = r.body);
    assert.deepEqual(score(r.body, '3-2-1').missing.map((m) => m.measure), ['copies', 'media', 'offsite']);
    assert.deepEqual(score(r.body, '3-2-1-1-0').missing.map((m) => `${m.measure}:${m.reason}`), ['copies:tooFew', 'media:tooFew', 'offsite:tooFew', 'offline-or-immutable:tooFew', 'restore-errors:noRestoreTest']);
    assert.deepEqual(r.body.workloads, [{ id: sales, name: '販売管理' }]);
  });

  test('a NAS and an unencrypted cloud copy meet 3-2-1 and are warned about; 3-2-1-1-0 still lacks the offline copy and the test', async () => {
    const r = await orgA.owner.client.patch(`/api/v1/backup-plans/${id}`, { copies: [production, nas, { ...cloud, encrypted: false }], version });
    assert.equal(r.status, 200, r.raw);
    version = r.body.version;
    assert.equal(score(r.body, '3-2-1').met, true);
    assert.deepEqual(r.body.warnings, ['offsiteUnencrypted']);
    assert.deepEqual(score(r.body, '3-2-1-1-0').missing.map((m) => m.measure), ['offline-or-immutable', 'restore-errors']);
  });

  test('an immutable copy and a restore test with errors: only the "0" is missing; a clean retest meets the rule', async () => {
    const p = await orgA.owner.client.patch(`/api/v1/backup-plans/${id}`, { copies: [production, nas, { ...cloud, immutable: true }], version });
    assert.equal(p.status, 200, p.raw);
    version = p.body.version;
    const bad = await orgA.owner.client.post('/api/v1/restore-tests', { planId: id, testedOn: '2026-11-20', durationMinutes: 200, errors: 3 });
    assert.equal(bad.status, 201, bad.raw);
    let plan = (await orgA.owner.client.get(`/api/v1/backup-plans/${id}`)).body;
    assert.deepEqual(score(plan, '3-2-1-1-0').missing, [{ measure: 'restore-errors', required: 0, actual: 3, reason: 'restoreErrors' }]);
    const good = await orgA.owner.client.post('/api/v1/restore-tests', { planId: id, testedOn: '2026-12-01', durationMinutes: 180, errors: 0 });
    assert.equal(good.status, 201, good.raw);
    plan = (await orgA.owner.client.get(`/api/v1/backup-plans/${id}`)).body;
    assert.equal(score(plan, '3-2-1-1-0').met, true);
    assert.deepEqual(plan.latestRestore, { testedOn: '2026-12-01', durationMinutes: 180, errors: 0 });
    assert.equal(plan.restoreTests.length, 2);
    const list = (await orgA.owner.client.get('/api/v1/backup-plans')).body;
    assert.deepEqual(list.summary, { plans: 1, rules: [{ code: '3-2-1', met: 1 }, { code: '3-2-1-1-0', met: 1 }] });
    assert.ok(list.source.length >= 2);
  });

  test('the workload’s RTO is held against the measured restore and its RPO against the daily backups', async () => {
    const set = await orgA.owner.client.post('/api/v1/recovery-targets', { workloadId: sales, rtoMinutes: 120, rpoMinutes: 60 });
    assert.equal(set.status, 201, set.raw);
    let row = (await orgA.owner.client.get('/api/v1/recovery')).body.items.find((i: { workload: { id: string } }) => i.workload.id === sales);
    assert.equal(row.measuredRestoreMinutes, 180);
    assert.equal(row.backupIntervalMinutes, 1440);
    assert.deepEqual(row.gaps, ['restoreSlowerThanRto', 'intervalLongerThanRpo']);
    const again = await orgA.owner.client.post('/api/v1/recovery-targets', { workloadId: sales, rtoMinutes: 1, rpoMinutes: 1 });
    assert.equal(again.status, 409, again.raw);
    assert.equal(again.body.code, 'recoveryTargetSet');
    const eased = await orgA.owner.client.patch(`/api/v1/recovery-targets/${set.body.id}`, { rtoMinutes: 240, rpoMinutes: 1440, version: set.body.version });
    assert.equal(eased.status, 200, eased.raw);
    row = (await orgA.owner.client.get('/api/v1/recovery')).body.items.find((i: { workload: { id: string } }) => i.workload.id === sales);
    assert.deepEqual(row.gaps, []);
    assert.deepEqual((await orgA.owner.client.get('/api/v1/recovery')).body.summary, { workloads: 1, withTargets: 1, met: 1 });
  });

  test('a stale version gets 409 and changes nothing; the history keeps each change', async () => {
    const stale = await orgA.owner.client.patch(`/api/v1/backup-plans/${id}`, { name: '別名', version: version - 1 });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/backup-plans/${id}`)).body.name, '販売データ');
    const history = await orgA.owner.client.get(`/api/v1/backup-plans/${id}/history`);
    assert.equal(history.status, 200, history.raw);
    assert.deepEqual(history.body.items.map((e: { action: string }) => e.action), ['backupPlan.update', 'backupPlan.update', 'backupPlan.create']);
  });

  test('the export carries the scores and the missing points in the member’s language', async () => {
    const r = await orgA.owner.client.request('GET', '/api/v1/backup-plans/export?format=csv');
    assert.equal(r.status, 200);
    assert.match(r.raw, /販売データ/);
    assert.match(r.raw, /5\/5/);
    const json = await auditorA.client.request('GET', '/api/v1/backup-plans/export?format=json');
    assert.equal(json.status, 200);
    assert.equal(JSON.parse(json.raw)[0]['rule:3-2-1'], '3/3');
  });
});

describe('what is refused, and changes nothing', () => {
  test('another organisation’s workload, no copies, an unknown medium, a test in the future or of an unknown plan', async () => {
    const before = await plans(orgA.id);
    const theirs = await workload(orgB, 'B の業務');
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/v1/backup-plans', { name: 'X', frequency: 'daily', retentionDays: 7, copies: [production], workloadIds: [theirs] }, 'workloadIds.0'],
      ['/api/v1/backup-plans', { name: 'X', frequency: 'daily', retentionDays: 7, copies: [] }, 'copies'],
      ['/api/v1/backup-plans', { name: 'X', frequency: 'daily', retentionDays: 7, copies: [{ ...production, medium: 'floppy' }] }, 'copies.0.medium'],
      ['/api/v1/backup-plans', { name: 'X', frequency: 'yearly', retentionDays: 7, copies: [production] }, 'frequency'],
    ];
    for (const [url, body, path] of cases) {
      const r = await orgA.owner.client.post(url, body);
      assert.equal(r.status, 400, `${path}: ${r.raw}`);
      assert.ok(r.body.errors.some((e: { path: string }) => e.path === path), `${path}: ${r.raw}`);
    }
    assert.equal(await plans(orgA.id), before);
    const plan = (await orgA.owner.client.get('/api/v1/backup-plans')).body.items[0].id;
    const future = await orgA.owner.client.post('/api/v1/restore-tests', { planId: plan, testedOn: '2026-12-07', durationMinutes: 1, errors: 0 });
    assert.equal(future.status, 400, future.raw);
    const theirPlan = await orgB.owner.client.post('/api/v1/backup-plans', { name: 'B', frequency: 'weekly', retentionDays: 7, copies: [production] });
    const foreign = await orgA.owner.client.post('/api/v1/restore-tests', { planId: theirPlan.body.id, testedOn: '2026-12-01', durationMinutes: 1, errors: 0 });
    assert.equal(foreign.status, 400, foreign.raw);
    assert.equal(await count(t, `select count(*)::int as n from restore_tests where organisation_id = '${orgA.id}'`), 2);
    const targetForeign = await orgA.owner.client.post('/api/v1/recovery-targets', { workloadId: theirs, rtoMinutes: 1, rpoMinutes: 1 });
    assert.equal(targetForeign.status, 400, targetForeign.raw);
  });

  test('an auditor reads but may not write', async () => {
    assert.equal((await auditorA.client.get('/api/v1/backup-plans')).status, 200);
    assert.equal((await auditorA.client.get('/api/v1/recovery')).status, 200);
    const r = await auditorA.client.post('/api/v1/backup-plans', { name: 'X', frequency: 'daily', retentionDays: 7, copies: [production] });
    assert.equal(r.status, 403, r.raw);
    const list = (await auditorA.client.get('/api/v1/backup-plans')).body;
    assert.equal(list.items[0].can.update, false);
  });

  test('deleting a plan takes its restore tests with it; the workload then has no plan', async () => {
    const [plan] = (await orgA.owner.client.get('/api/v1/backup-plans')).body.items;
    const r = await orgA.owner.client.delete(`/api/v1/backup-plans/${plan.id}`);
    assert.equal(r.status, 204, r.raw);
    assert.equal(await count(t, `select count(*)::int as n from restore_tests where organisation_id = '${orgA.id}'`), 0);
    const [row] = (await orgA.owner.client.get('/api/v1/recovery')).body.items;
    assert.deepEqual(row.gaps, ['noBackupPlan']);
  });
});
