import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { canonicalJson } from '../../src/server/platform/canonical-json.ts';
import { testClock } from '../../src/server/platform/clock.ts';
import { loadCatalog } from '../assets/portfolio-fixtures.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The dashboard across every module and the management report over HTTP
 * (PRODUCT.md capability 12): each section is the figure its module's own
 * page shows; a report fixes them with their SHA-256 and the audit entry's
 * hash, compares with the previous one and lists the decisions it needs.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
// 2 April 2026, noon in Tokyo.
const clock = testClock('2026-04-02T03:00:00Z');

const risk = (title: string) => ({ title, inherent: { annualFrequency: 2, lowYen: 1_000_000, highYen: 50_000_000 } });

before(async () => {
  t = await createTestApp({}, { clock });
  await loadCatalog(t);
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  auditorA = await addMember(t, orgA.id, 'auditor', 'en');
  const c = orgA.owner.client;
  assert.equal((await c.post('/api/v1/risks', risk('ランサムウェアによる業務停止'))).status, 201);
  const late = await c.post('/api/v1/inspections', { title: 'バックアップログの確認', startsOn: '2026-01-31', unit: 'months', every: 3 });
  assert.equal((await c.post(`/api/v1/inspections/${late.body.id}/completions`, { dueOn: '2026-01-31', doneOn: '2026-02-02', result: 'ok' })).status, 201);
  const monthly = await c.post('/api/v1/inspections', { title: 'アカウント棚卸し', startsOn: '2026-03-31', unit: 'months', every: 1 });
  assert.equal((await c.post(`/api/v1/inspections/${monthly.body.id}/completions`, { dueOn: '2026-03-31', doneOn: '2026-03-30', result: 'ok' })).status, 201);
  assert.equal((await c.post('/api/v1/corrective-actions', { title: 'VPN機器の更新', dueOn: '2026-03-01' })).status, 201);
  const leak = { title: '顧客の健康診断結果の誤送信', awareAt: '2026-04-01T10:00:00+09:00', sensitiveData: true, personsAffected: 12, severity: 'high' };
  assert.equal((await c.post('/api/v1/incidents', leak)).status, 201);
  assert.equal((await orgB.owner.client.post('/api/v1/risks', risk('B社のリスク'))).status, 201);
});
after(() => t.close());

describe('the dashboard', () => {
  test('each section is the figure its own module shows, for the caller organisation only', async () => {
    const o = (await auditorA.client.get('/api/v1/reports/overview')).body;
    assert.equal(o.today, '2026-04-02');
    assert.deepEqual(o.risks, (await auditorA.client.get('/api/v1/risk-analysis')).body, 'the risk picture is the risk page’s analysis');
    assert.equal(o.risks.riskCount, 1, 'organisation B’s risk is not counted');
    assert.deepEqual(o.costs, (await auditorA.client.get('/api/v1/costs/plan-review')).body);
    assert.deepEqual(o.controls.summary, (await auditorA.client.get('/api/v1/controls')).body.summary);
    assert.deepEqual(o.stage, (await auditorA.client.get('/api/v1/dashboard')).body.stage);
  });

  test('deadlines of every module in one list, overdue first; inspection compliance over twelve months', async () => {
    const o = (await orgA.owner.client.get('/api/v1/reports/overview')).body;
    const kinds = o.deadlines.items.map((d: { kind: string }) => d.kind);
    assert.equal(o.deadlines.items[0].kind, 'correctiveAction', 'the overdue action first');
    assert.equal(o.deadlines.items[0].overdue, true);
    assert.ok(kinds.includes('incidentNotice'), kinds.join());
    const notice = o.deadlines.items.find((d: { kind: string }) => d.kind === 'incidentNotice');
    assert.match(notice.path, /^\/incidents\/[0-9a-f-]{36}$/);
    assert.ok(notice.name.ja && notice.dueAt);
    assert.equal(o.deadlines.overdue, 1);
    // One round done two days late, one done the day before it was due.
    assert.deepEqual({ ...o.inspections, since: undefined }, { inspections: 2, dueSoon: o.inspections.dueSoon, overdue: 0, roundsDue: 2, roundsOnTime: 1, onTimePercent: 50, since: undefined });
    assert.deepEqual(o.actions, { open: 1, overdue: 1, byPhase: [{ phase: 'plan', count: 1 }, { phase: 'do', count: 0 }, { phase: 'check', count: 0 }, { phase: 'act', count: 0 }, { phase: 'closed', count: 0 }] });
  });
});

describe('the management report', () => {
  let first: { id: string; number: number; contentSha256: string; auditHeadHash: string; content: { figures: Record<string, unknown> } };

  test('issued with the SHA-256 of its contents and the hash of the audit entry that records it', async () => {
    const r = await orgA.owner.client.post('/api/v1/management-reports', {});
    assert.equal(r.status, 201, r.raw);
    first = r.body;
    assert.equal(r.body.number, 1);
    assert.equal(r.body.intact, true);
    assert.equal(r.body.contentSha256, createHash('sha256').update(canonicalJson(r.body.content)).digest('hex'));
    assert.deepEqual(r.body.content.changes, [], 'a first report has nothing to compare with');
    assert.equal(r.body.content.previous, null);
    const kinds = r.body.content.decisions.map((d: { kind: string }) => d.kind);
    assert.ok(kinds.includes('actionsOverdue'), kinds.join());
    assert.equal(r.body.content.figures.risks, 1);
    assert.equal(r.body.content.figures.inspectionOnTimePercent, 50);
    const trail = (await orgA.owner.client.get('/api/v1/audit?entityType=managementReport')).body.items;
    assert.equal(trail[0].action, 'managementReport.issue');
    assert.equal(trail[0].hash, r.body.auditHeadHash);
    assert.deepEqual(trail[0].after, { number: 1, contentSha256: r.body.contentSha256 });
  });

  test('the next report says what changed since the previous one', async () => {
    assert.equal((await orgA.owner.client.post('/api/v1/risks', risk('基幹システムの長時間停止'))).status, 201);
    const r = await orgA.owner.client.post('/api/v1/management-reports', {});
    assert.equal(r.body.number, 2);
    assert.deepEqual(r.body.content.previous, { id: first.id, number: 1, issuedAt: r.body.content.previous.issuedAt });
    const risks = r.body.content.changes.find((c: { figure: string }) => c.figure === 'risks');
    assert.deepEqual(risks, { figure: 'risks', before: 1, after: 2 });
    const list = (await auditorA.client.get('/api/v1/management-reports')).body;
    assert.deepEqual(list.items.map((i: { number: number }) => i.number), [2, 1]);
    assert.deepEqual(list.can, { issue: false });
  });

  test('two issued at once get numbers one after the other', async () => {
    const [a, b] = await Promise.all([orgA.owner.client.post('/api/v1/management-reports', {}), orgA.owner.client.post('/api/v1/management-reports', {})]);
    assert.deepEqual([a.status, b.status], [201, 201]);
    assert.deepEqual([a.body.number, b.body.number].sort(), [3, 4]);
    const later = a.body.number === 4 ? a.body : b.body;
    assert.equal(later.content.previous.number, 3);
  });

  test('stored contents that no longer match their hash read as not intact', async () => {
    await t.database.pool.query(`update management_reports set content = jsonb_set(content, '{figures,risks}', '7') where id = $1`, [first.id]);
    const r = await auditorA.client.get(`/api/v1/management-reports/${first.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.intact, false);
  });

  test('an auditor reads but does not issue; another organisation sees none of them', async () => {
    const refused = await auditorA.client.post('/api/v1/management-reports', {});
    assert.equal(refused.status, 403, refused.raw);
    assert.equal((await orgB.owner.client.get(`/api/v1/management-reports/${first.id}`)).status, 404);
    assert.deepEqual((await orgB.owner.client.get('/api/v1/management-reports')).body.items, []);
    assert.equal((await orgA.owner.client.get('/api/v1/management-reports/00000000-0000-4000-8000-000000000000')).status, 404);
  });
});
