import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Control sets and the statement of applicability over HTTP: the catalog's
 * sets with their controls, each judged applicable or left out with its
 * reason, followed to implementation with an owner, a due date judged on a
 * frozen day and evidence files; bad input and stale versions change
 * nothing; exports; another organisation's and a reader's limits.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
const NOW = new Date('2026-12-06T01:00:00Z');
const rows = (orgId: string) => count(t, `select count(*)::int as n from control_assessments where organisation_id = '${orgId}'`);
const FSA_ENCRYPTION = 'urn:kumoji:seed-004:government-controls:fsa-data-protection';
const CLD_SEGREGATION = 'urn:kumoji:public:iso27017:cld-9.5.1';

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp(NOW));
});
after(() => t.close());

describe('the sets', () => {
  test('six sets from the catalog, their controls without groups or principles, nothing judged yet', async () => {
    const r = await orgA.owner.client.get('/api/v1/controls');
    assert.equal(r.status, 200, r.raw);
    const sets = r.body.sets as { key: string; controls: { itemId: string; code: string | null }[]; summary: { controls: number; assessed: number } }[];
    assert.deepEqual(sets.map((s) => s.key), ['fsa', 'ppc', 'ipa', 'iso27017', 'meti', 'flow']);
    assert.equal(sets[0]!.controls.length, 5, 'the FSA guideline’s five items');
    assert.equal(sets[3]!.controls.length, 7, 'ISO/IEC 27017’s seven cloud controls');
    assert.equal(sets[3]!.controls.find((c) => c.itemId === CLD_SEGREGATION)!.code, 'CLD.9.5.1');
    assert.equal(sets[4]!.controls.length, 10, 'the ten key items, not the principles');
    assert.equal(sets[5]!.controls.length, 6);
    assert.ok(sets.every((s) => s.summary.assessed === 0 && s.summary.controls === s.controls.length));
  });
});

describe('judging a control', () => {
  let id = '';
  let version = 0;

  test('applicable, in progress, owned, due: counted in its set', async () => {
    const r = await orgA.owner.client.post('/api/v1/control-assessments', { itemId: FSA_ENCRYPTION, status: 'inProgress', ownerDepartment: '情報システム部', dueOn: '2026-12-31', reason: '顧客の個人データを扱うため' });
    assert.equal(r.status, 201, r.raw);
    ({ id, version } = r.body);
    assert.equal(r.body.control.set, 'fsa');
    assert.equal(r.body.ownerDepartment.name, '情報システム部');
    assert.equal(r.body.overdue, false);
    const fsa = (await orgA.owner.client.get('/api/v1/controls')).body.sets[0];
    assert.deepEqual(fsa.summary, { controls: 5, assessed: 1, applicable: 1, implemented: 0, overdue: 0, implementedPercent: 0 });
  });

  test('past its due date it is overdue; implemented it is not, and the share moves', async () => {
    const late = await orgA.owner.client.patch(`/api/v1/control-assessments/${id}`, { dueOn: '2026-12-05', version });
    assert.equal(late.status, 200, late.raw);
    assert.equal(late.body.overdue, true);
    const done = await orgA.owner.client.patch(`/api/v1/control-assessments/${id}`, { status: 'implemented', version: late.body.version });
    assert.equal(done.body.overdue, false);
    version = done.body.version;
    const fsa = (await orgA.owner.client.get('/api/v1/controls')).body.sets[0];
    assert.equal(fsa.summary.implementedPercent, 100);
  });

  test('left out: only with its reason, and never implemented (400 on the field, nothing changed)', async () => {
    const noReason = await orgA.owner.client.post('/api/v1/control-assessments', { itemId: CLD_SEGREGATION, applicable: false });
    assert.equal(noReason.status, 400, noReason.raw);
    assert.equal(noReason.body.errors[0].path, 'reason');
    assert.match(noReason.body.errors[0].message, /理由/);
    const implemented = await orgA.owner.client.patch(`/api/v1/control-assessments/${id}`, { applicable: false, reason: '対象外', version });
    assert.equal(implemented.status, 400, implemented.raw);
    assert.equal(implemented.body.errors[0].path, 'status');
    assert.equal((await orgA.owner.client.get(`/api/v1/control-assessments/${id}`)).body.applicable, true);
    const excluded = await orgA.owner.client.post('/api/v1/control-assessments', { itemId: CLD_SEGREGATION, applicable: false, reason: '仮想環境を自社で運用しないため' });
    assert.equal(excluded.status, 201, excluded.raw);
  });

  for (const [what, body, path] of [
    ['a control no set has', { itemId: 'urn:kumoji:seed-000:threats:2019:5' }, 'itemId'],
    ['a group, not a control', { itemId: 'urn:kumoji:seed-004:government-controls:fsa' }, 'itemId'],
    ['a METI principle, not one of the ten items', { itemId: 'urn:kumoji:public:meti-guideline:principle-1' }, 'itemId'],
    ['a status that does not exist', { itemId: FSA_ENCRYPTION, status: 'done' }, 'status'],
    ['a date that does not exist', { itemId: FSA_ENCRYPTION, dueOn: '2026-02-30' }, 'dueOn'],
  ] as const) {
    test(`${what}: 400 on the field, nothing stored`, async () => {
      const before = await rows(orgA.id);
      const r = await orgA.owner.client.post('/api/v1/control-assessments', body);
      assert.equal(r.status, 400, r.raw);
      assert.equal(r.body.errors[0].path, path, r.raw);
      assert.equal(await rows(orgA.id), before);
    });
  }

  test('the same control twice: 409; a stale version: 409; the history has each change', async () => {
    assert.equal((await orgA.owner.client.post('/api/v1/control-assessments', { itemId: FSA_ENCRYPTION })).status, 409);
    assert.equal((await orgA.owner.client.patch(`/api/v1/control-assessments/${id}`, { notes: 'x', version: version + 1 })).status, 409);
    const history = (await orgA.owner.client.get(`/api/v1/control-assessments/${id}/history`)).body.items;
    assert.deepEqual(history.map((e: { action: string }) => e.action), ['controlAssessment.update', 'controlAssessment.update', 'controlAssessment.create']);
    assert.deepEqual(history[0].after, { status: 'implemented' });
  });

  test('evidence: attached, listed with the judgement and in the export, then removed', async () => {
    const file = multipartFile('暗号化設定.txt', 'AES-256: on', 'text/plain');
    const up = await orgA.owner.client.request('POST', `/api/v1/control-assessments/${id}/evidence`, file.body, { 'content-type': file.contentType });
    assert.equal(up.status, 201, up.raw);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/control-assessments/${id}`)).body.evidence.map((e: { fileName: string }) => e.fileName), ['暗号化設定.txt']);
    const csv = await orgA.owner.client.get('/api/v1/controls/export?format=csv');
    assert.equal(csv.status, 200, csv.raw);
    const lines = csv.raw.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0]!, /^管理策の区分,番号,管理策,適用,理由,実施状況,/);
    assert.ok(lines.some((l) => l.includes('データ保護') && l.includes(',適用する,') && l.includes(',実施済み,') && l.endsWith('暗号化設定.txt')), lines.join('\n'));
    assert.ok(lines.some((l) => l.includes(',CLD.9.5.1,') && l.includes(',適用しない,')));
    assert.equal(lines.length, 1 + 5 + 4 + 6 + 7 + 10 + 6, 'every control, judged or not');
    assert.equal((await orgA.owner.client.delete(`/api/v1/control-assessments/${id}/evidence/${up.body.id}`)).status, 204);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/control-assessments/${id}`)).body.evidence, []);
  });

  test('another organisation sees none of it and cannot change it; an auditor reads but does not write', async () => {
    const theirs = (await orgB.owner.client.get('/api/v1/controls')).body;
    assert.equal(theirs.summary.assessed, 0);
    assert.equal((await orgB.owner.client.get(`/api/v1/control-assessments/${id}`)).status, 404);
    assert.equal((await orgB.owner.client.patch(`/api/v1/control-assessments/${id}`, { notes: 'x', version })).status, 404);
    const read = (await auditorA.client.get('/api/v1/controls')).body;
    assert.equal(read.sets[0].controls.find((c: { itemId: string }) => c.itemId === FSA_ENCRYPTION).assessment.can.update, false);
    assert.equal((await auditorA.client.patch(`/api/v1/control-assessments/${id}`, { notes: 'x', version })).status, 403);
    assert.equal((await auditorA.client.post('/api/v1/control-assessments', { itemId: FSA_ENCRYPTION })).status, 403);
    const json = await auditorA.client.get('/api/v1/controls/export?format=json');
    assert.ok(json.body.some((l: { applicable: string }) => l.applicable === 'Left out'));
  });
});
