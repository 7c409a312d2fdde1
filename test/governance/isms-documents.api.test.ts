import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The ISMS document registry over HTTP (seed 000 III.5.2 表11・表12): seed
 * documents registered once, owners by department name, the next review
 * computed from the approval or the last review and judged against a frozen
 * day, the tables' coverage, review dates on the operations calendar, bad
 * input and stale versions changing nothing, exports, and another
 * organisation's and a reader's limits.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
// 10:00 on 6 December 2026 in Tokyo.
const NOW = new Date('2026-12-06T01:00:00Z');
const rows = (orgId: string) => count(t, `select count(*)::int as n from isms_documents where organisation_id = '${orgId}'`);
const POLICY = 'urn:kumoji:seed-000:isms-documents:table-11.01';
const CLOUD_INVENTORY = 'urn:kumoji:seed-000:isms-documents:table-12.02';

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp(NOW));
});
after(() => t.close());

type Doc = { id: string; title: string; version: number; status: string; nextReviewOn: string | null; standing: string; ownerDepartment: { name: string } | null; catalogItem: { code: string | null; table: { ja: string } } | null };

describe('registering documents', () => {
  let doc: Doc;

  test('an empty registry shows the two tables with nothing registered', async () => {
    const r = await orgA.owner.client.get('/api/v1/isms-documents');
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.items, []);
    const tables = r.body.coverage.tables as { total: number; registered: number; missing: { itemId: string }[] }[];
    assert.equal(tables.length, 2);
    assert.ok(tables.every((x) => x.registered === 0 && x.total === x.missing.length && x.total > 0));
    assert.ok(tables[1]!.missing.some((m) => m.itemId === CLOUD_INVENTORY));
  });

  test('a seed document, approved, owned by a new department: its next review a year on, counted in its table', async () => {
    const r = await orgA.owner.client.post('/api/v1/isms-documents', { title: 'クラウド資産目録', catalogItemId: CLOUD_INVENTORY, ownerDepartment: 'IT部門', documentVersion: '第1版', status: 'approved', approvedOn: '2026-01-10' });
    assert.equal(r.status, 201, r.raw);
    doc = r.body;
    assert.equal(doc.nextReviewOn, '2027-01-10');
    assert.equal(doc.standing, 'current', 'the review is 35 days away');
    assert.equal(doc.ownerDepartment?.name, 'IT部門');
    assert.equal(doc.catalogItem?.code, 'A080101');
    assert.equal(doc.catalogItem?.table.ja, 'クラウド導入で追加される文書');
    const list = await orgA.owner.client.get('/api/v1/isms-documents');
    assert.equal(list.body.coverage.tables[1].registered, 1);
    assert.ok(!list.body.coverage.tables[1].missing.some((m: { itemId: string }) => m.itemId === CLOUD_INVENTORY));
    assert.ok(list.body.departments.some((d: { name: string }) => d.name === 'IT部門'));
  });

  test('the same seed document again: 409, nothing added', async () => {
    const before = await rows(orgA.id);
    const r = await orgA.owner.client.post('/api/v1/isms-documents', { title: '別名', catalogItemId: CLOUD_INVENTORY });
    assert.equal(r.status, 409, r.raw);
    assert.match(r.body.detail ?? r.body.title, /登録されています/);
    assert.equal(await rows(orgA.id), before);
  });

  test('a review recorded moves the next one; within 30 days it is due soon, past it overdue', async () => {
    const reviewed = await orgA.owner.client.patch(`/api/v1/isms-documents/${doc.id}`, { lastReviewedOn: '2026-01-06', reviewIntervalMonths: 11, version: doc.version });
    assert.equal(reviewed.status, 200, reviewed.raw);
    assert.equal(reviewed.body.nextReviewOn, '2026-12-10', 'eleven months from the later of the approval (10 January) and the review (6 January)');
    assert.equal(reviewed.body.standing, 'dueSoon');
    const overdue = await orgA.owner.client.patch(`/api/v1/isms-documents/${doc.id}`, { reviewIntervalMonths: 10, version: reviewed.body.version });
    assert.equal(overdue.body.nextReviewOn, '2026-11-10');
    assert.equal(overdue.body.standing, 'overdue');
    doc = overdue.body;
    const summary = (await orgA.owner.client.get('/api/v1/isms-documents')).body.summary;
    assert.deepEqual(summary, { documents: 1, approved: 1, dueSoon: 0, overdue: 1 });
  });

  test('an approved document’s review date is on the operations calendar, overdue', async () => {
    const r = await orgA.owner.client.get('/api/v1/calendar-entries');
    assert.equal(r.status, 200, r.raw);
    const entry = r.body.items.find((e: { kind: string }) => e.kind === 'documentReview');
    assert.deepEqual({ date: entry.date, title: entry.title, overdue: entry.overdue, path: entry.path }, { date: '2026-11-10', title: 'クラウド資産目録', overdue: true, path: `/governance/documents/${doc.id}` });
  });

  for (const [what, body, path] of [
    ['an approval after today', { title: '基本方針', status: 'approved', approvedOn: '2026-12-07' }, 'approvedOn'],
    ['approved with no approval date', { title: '基本方針', status: 'approved' }, 'approvedOn'],
    ['a review after today', { title: '基本方針', lastReviewedOn: '2027-01-01' }, 'lastReviewedOn'],
    ['a catalog item that is a table, not a document', { title: '表', catalogItemId: 'urn:kumoji:seed-000:isms-documents:table-11' }, 'catalogItemId'],
    ['an item of another collection', { title: '脅威', catalogItemId: 'urn:kumoji:seed-000:threats:2019:5' }, 'catalogItemId'],
    ['an interval of 0 months', { title: '基本方針', reviewIntervalMonths: 0 }, 'reviewIntervalMonths'],
    ['a status that does not exist', { title: '基本方針', status: 'final' }, 'status'],
    ['an unknown field', { title: '基本方針', owner: 'me' }, ''],
  ] as const) {
    test(`${what}: a translated 400 on the field, nothing stored`, async () => {
      const before = await rows(orgA.id);
      const r = await orgA.owner.client.post('/api/v1/isms-documents', body);
      assert.equal(r.status, 400, r.raw);
      if (path) assert.equal(r.body.errors[0].path, path, r.raw);
      assert.ok(r.body.errors[0].message.length > 0);
      assert.equal(await rows(orgA.id), before);
    });
  }

  test('a stale version gets 409 and changes nothing; the history has every change', async () => {
    const stale = await orgA.owner.client.patch(`/api/v1/isms-documents/${doc.id}`, { status: 'retired', version: doc.version - 1 });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/isms-documents/${doc.id}`)).body.status, 'approved');
    const history = await orgA.owner.client.get(`/api/v1/isms-documents/${doc.id}/history`);
    assert.deepEqual(history.body.items.map((e: { action: string }) => e.action), ['ismsDocument.update', 'ismsDocument.update', 'ismsDocument.create']);
    assert.deepEqual(history.body.items[0].after, { reviewIntervalMonths: 10, nextReviewOn: '2026-11-10' });
  });

  test('retired: no review, off the calendar, still counted as written', async () => {
    const r = await orgA.owner.client.patch(`/api/v1/isms-documents/${doc.id}`, { status: 'retired', version: doc.version });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.standing, 'retired');
    assert.equal(r.body.nextReviewOn, null);
    const calendar = await orgA.owner.client.get('/api/v1/calendar-entries');
    assert.ok(!calendar.body.items.some((e: { kind: string }) => e.kind === 'documentReview'));
    assert.equal((await orgA.owner.client.get('/api/v1/isms-documents')).body.coverage.tables[1].registered, 1);
    doc = r.body;
  });
});

describe('exports and whose registry', () => {
  test('CSV with BOM in the member’s language; JSON for the auditor', async () => {
    await orgA.owner.client.post('/api/v1/isms-documents', { title: 'ISMS マニュアル', catalogItemId: POLICY, ownerDepartment: '情報セキュリティ部', status: 'draft' });
    const csv = await orgA.owner.client.get('/api/v1/isms-documents/export?format=csv');
    assert.equal(csv.status, 200, csv.raw);
    assert.ok(csv.raw.startsWith('\uFEFF'));
    const lines = csv.raw.slice(1).trim().split(/\r?\n/);
    assert.match(lines[0]!, /^文書名,文書番号,表,責任者\(部門・役割\),版,状態,/);
    assert.equal(lines.length, 3);
    assert.ok(lines.some((l) => l.startsWith('ISMS マニュアル,') && l.includes(',作成中,')), lines.join('\n'));
    const json = await auditorA.client.get('/api/v1/isms-documents/export?format=json');
    assert.equal(json.status, 200);
    assert.ok(json.body.some((d: { status: string }) => d.status === 'Retired'));
  });

  test('another organisation sees none of it and cannot change it; an auditor reads but does not write', async () => {
    const theirs = await orgB.owner.client.get('/api/v1/isms-documents');
    assert.deepEqual(theirs.body.items, []);
    assert.equal(theirs.body.coverage.tables[1].registered, 0);
    assert.equal((await orgB.owner.client.get(`/api/v1/isms-documents/${(await orgA.owner.client.get('/api/v1/isms-documents')).body.items[0].id}`)).status, 404);
    const mine = (await auditorA.client.get('/api/v1/isms-documents')).body.items[0];
    assert.equal(mine.can.update, false);
    assert.equal((await auditorA.client.post('/api/v1/isms-documents', { title: 'x' })).status, 403);
    assert.equal((await auditorA.client.patch(`/api/v1/isms-documents/${mine.id}`, { title: 'x', version: mine.version })).status, 403);
    assert.equal((await orgB.owner.client.patch(`/api/v1/isms-documents/${mine.id}`, { title: 'x', version: mine.version })).status, 404);
    assert.equal((await orgB.owner.client.delete(`/api/v1/isms-documents/${mine.id}`)).status, 404);
    assert.equal((await orgA.owner.client.delete(`/api/v1/isms-documents/${mine.id}`)).status, 204);
  });
});
