import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { addMember, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The RACI matrix over HTTP (seed 004 「RACIモデルによる責任分界」): started from
 * the seed's template, each row checked for one A and at least one R,
 * departments created by name, versioned and audited rows, bad input and
 * stale versions changing nothing, exports, and another organisation's and a
 * reader's limits.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
const tasks = (orgId: string) => count(t, `select count(*)::int as n from raci_tasks where organisation_id = '${orgId}'`);
const cells = (orgId: string) => count(t, `select count(*)::int as n from raci_assignments where organisation_id = '${orgId}'`);
type Task = { id: string; title: string; version: number; warnings: string[]; assignments: { department: string; cell: string }[]; source: string[]; templateItemId: string | null };

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp());
});
after(() => t.close());

describe('starting from the template', () => {
  test('an empty matrix offers the seed’s three tasks; adding them creates their departments and every row is complete', async () => {
    const empty = await orgA.owner.client.get('/api/v1/raci-tasks');
    assert.equal(empty.status, 200, empty.raw);
    assert.deepEqual(empty.body.summary, { tasks: 0, complete: 0, withWarnings: 0 });
    assert.equal(empty.body.template.notAdded, 3);
    assert.ok(empty.body.template.source.length > 0);

    const r = await orgA.owner.client.post('/api/v1/raci-tasks/template', {});
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.tasks.map((x: Task) => x.title), ['リスクアセスメント実施', 'クラウドサービス選定', '契約・条項確認']);
    assert.deepEqual(r.body.summary, { tasks: 3, complete: 3, withWarnings: 0 });
    assert.equal(r.body.template.notAdded, 0);
    const first = r.body.tasks[0] as Task;
    assert.deepEqual(first.assignments.map((a) => `${a.department}:${a.cell}`), ['CISO:A', '情報セキュリティ部:R', 'IT部門:C', '法務部:C', '経営層:I']);
    assert.ok(first.source.some((s) => s.includes('RACI')));
    // Columns: every department named, in the order they first appear.
    assert.deepEqual(r.body.departments.map((d: { name: string }) => d.name), ['CISO', '情報セキュリティ部', 'IT部門', '法務部', '経営層', 'CIO', '財務部', '法務部長']);
  });

  test('adding the template again adds nothing', async () => {
    const before = await tasks(orgA.id);
    const r = await orgA.owner.client.post('/api/v1/raci-tasks/template', {});
    assert.equal(r.status, 200, r.raw);
    assert.equal(await tasks(orgA.id), before);
  });

  test('an English member’s template tasks are titled in English', async () => {
    const english = await addMember(t, orgB.id, 'manager', 'en');
    const r = await english.client.post('/api/v1/raci-tasks/template', {});
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.tasks[0].title, 'Carry out the risk assessment');
  });
});

describe('a task’s row', () => {
  let task: Task;

  test('saved with its letters; what the row lacks is named', async () => {
    const r = await orgA.owner.client.post('/api/v1/raci-tasks', { title: 'バックアップの確認', assignments: [{ department: '総務部', cell: 'R' }, { department: 'IT部門', cell: 'C' }] });
    assert.equal(r.status, 201, r.raw);
    task = r.body;
    assert.deepEqual(task.warnings, ['noAccountable']);
    const matrix = await orgA.owner.client.get('/api/v1/raci-tasks');
    assert.deepEqual(matrix.body.summary, { tasks: 4, complete: 3, withWarnings: 1 });
    assert.ok(matrix.body.departments.some((d: { name: string }) => d.name === '総務部'), 'a new name became a department');
  });

  test('two accountable departments are warned; A/R is both accountable and responsible', async () => {
    const two = await orgA.owner.client.patch(`/api/v1/raci-tasks/${task.id}`, { assignments: [{ department: '総務部', cell: 'A' }, { department: 'IT部門', cell: 'AR' }], version: task.version });
    assert.equal(two.status, 200, two.raw);
    assert.deepEqual(two.body.warnings, ['manyAccountable']);
    const one = await orgA.owner.client.patch(`/api/v1/raci-tasks/${task.id}`, { assignments: [{ department: '総務部', cell: 'AR' }], version: two.body.version });
    assert.equal(one.status, 200, one.raw);
    assert.deepEqual(one.body.warnings, []);
    task = one.body;
  });

  test('one department named twice (ＩＴ部門 and IT部門 are one): 400 on the field, nothing changed', async () => {
    const beforeCells = await cells(orgA.id);
    const r = await orgA.owner.client.patch(`/api/v1/raci-tasks/${task.id}`, { assignments: [{ department: 'IT部門', cell: 'R' }, { department: 'ＩＴ部門', cell: 'A' }], version: task.version });
    assert.equal(r.status, 400, r.raw);
    assert.equal(r.body.errors[0].path, 'assignments.1.department');
    assert.match(r.body.errors[0].message, /部門/);
    assert.equal(await cells(orgA.id), beforeCells);
    assert.equal((await orgA.owner.client.get(`/api/v1/raci-tasks/${task.id}`)).body.version, task.version);
  });

  for (const [what, body] of [
    ['a letter that does not exist', { title: 'x', assignments: [{ department: 'IT部門', cell: 'X' }] }],
    ['an empty title', { title: '', assignments: [] }],
    ['a title too long', { title: 'x'.repeat(201) }],
    ['an empty department name', { title: 'x', assignments: [{ department: '', cell: 'R' }] }],
    ['an unknown field', { title: 'x', owner: 'me' }],
  ] as const) {
    test(`${what}: a translated 400, nothing stored`, async () => {
      const before = await tasks(orgA.id);
      const r = await orgA.owner.client.post('/api/v1/raci-tasks', body);
      assert.equal(r.status, 400, r.raw);
      assert.ok(r.body.errors?.length || r.body.detail, r.raw);
      assert.equal(await tasks(orgA.id), before);
    });
  }

  test('a stale version gets 409 and changes nothing; the history has every change with its row', async () => {
    const stale = await orgA.owner.client.patch(`/api/v1/raci-tasks/${task.id}`, { title: '別の名前', assignments: [], version: task.version - 1 });
    assert.equal(stale.status, 409, stale.raw);
    const now = await orgA.owner.client.get(`/api/v1/raci-tasks/${task.id}`);
    assert.equal(now.body.title, 'バックアップの確認');
    assert.deepEqual(now.body.assignments.map((a: { cell: string }) => a.cell), ['AR']);
    const history = await orgA.owner.client.get(`/api/v1/raci-tasks/${task.id}/history`);
    assert.equal(history.status, 200, history.raw);
    assert.deepEqual(history.body.items.map((e: { action: string }) => e.action), ['raciTask.update', 'raciTask.update', 'raciTask.create']);
    assert.deepEqual(history.body.items[0].after.cells, ['総務部: AR']);
  });

  test('a deleted task takes its row with it', async () => {
    const beforeCells = await cells(orgA.id);
    const r = await orgA.owner.client.delete(`/api/v1/raci-tasks/${task.id}`);
    assert.equal(r.status, 204, r.raw);
    assert.equal(await cells(orgA.id), beforeCells - 1);
    assert.equal((await orgA.owner.client.get(`/api/v1/raci-tasks/${task.id}`)).status, 404);
  });
});

describe('exports', () => {
  test('CSV with BOM: a row per task, a column per department, the letters and what a row lacks', async () => {
    await orgA.owner.client.post('/api/v1/raci-tasks', { title: '=HYPERLINK("x")', assignments: [{ department: 'IT部門', cell: 'R' }] });
    const r = await orgA.owner.client.get('/api/v1/raci-tasks/export?format=csv');
    assert.equal(r.status, 200, r.raw);
    assert.match(String(r.headers['content-type']), /text\/csv/);
    assert.ok(r.raw.startsWith('\uFEFF'));
    const lines = r.raw.slice(1).trim().split(/\r?\n/);
    assert.match(lines[0]!, /^タスク,CISO,情報セキュリティ部,IT部門,/);
    assert.match(lines[0]!, /確認事項$/);
    assert.match(lines[1]!, /^リスクアセスメント実施,A,R,C,C,I,/);
    assert.equal(lines.length, 5);
    assert.ok(!lines[4]!.startsWith('='), 'a formula is neutralised');
    assert.match(lines[4]!, /最終責任者\(A\)がいません/);
  });

  test('JSON and XLSX', async () => {
    const json = await auditorA.client.get('/api/v1/raci-tasks/export?format=json');
    assert.equal(json.status, 200, json.raw);
    assert.equal(json.body[0].task, 'リスクアセスメント実施');
    assert.equal(json.body[0].CISO, 'A');
    assert.match(json.body[3].warnings, /No one is accountable/);
    const xlsx = await orgA.owner.client.get('/api/v1/raci-tasks/export?format=xlsx');
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.equal((await orgA.owner.client.get('/api/v1/raci-tasks/export?format=pdf')).status, 400);
  });
});

describe('whose matrix', () => {
  test('another organisation sees none of it and cannot change it; an auditor reads but does not write', async () => {
    const mine = (await orgA.owner.client.get('/api/v1/raci-tasks')).body.tasks[0] as Task;
    const theirs = await orgB.owner.client.get('/api/v1/raci-tasks');
    assert.ok(!theirs.body.tasks.some((x: Task) => x.id === mine.id));
    assert.equal((await orgB.owner.client.get(`/api/v1/raci-tasks/${mine.id}`)).status, 404);
    assert.equal((await orgB.owner.client.patch(`/api/v1/raci-tasks/${mine.id}`, { title: 'x', version: mine.version })).status, 404);
    assert.equal((await orgB.owner.client.delete(`/api/v1/raci-tasks/${mine.id}`)).status, 404);
    const read = await auditorA.client.get('/api/v1/raci-tasks');
    assert.equal(read.status, 200);
    assert.equal(read.body.tasks[0].can.update, false);
    assert.equal((await auditorA.client.post('/api/v1/raci-tasks', { title: 'x' })).status, 403);
    assert.equal((await auditorA.client.patch(`/api/v1/raci-tasks/${mine.id}`, { title: 'x', version: mine.version })).status, 403);
    assert.equal((await auditorA.client.post('/api/v1/raci-tasks/template', {})).status, 403);
    assert.equal((await orgA.owner.client.get(`/api/v1/raci-tasks/${mine.id}`)).body.title, mine.title);
  });
});
