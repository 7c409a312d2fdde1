import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The staffing matrix over HTTP (seed 004 「人材確保と資格」): the seed's roles
 * with their certifications, people holding them, each role's gaps (two
 * holders for a critical role, a valid required certification) judged on a
 * frozen day, expiries on the operations calendar, bad input and stale
 * versions changing nothing, another organisation's role refused, exports.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
// 10:00 on 6 December 2026 in Tokyo.
const NOW = new Date('2026-12-06T01:00:00Z');
const people = (orgId: string) => count(t, `select count(*)::int as n from staffing_people where organisation_id = '${orgId}'`);
const holds = (orgId: string) => count(t, `select count(*)::int as n from staffing_assignments where organisation_id = '${orgId}'`);
type Role = { id: string; title: string; version: number; critical: boolean; gaps: string[]; holders: { name: string }[]; requiredCertifications: string[] };

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp(NOW));
});
after(() => t.close());

describe('roles and who holds them', () => {
  let ciso: Role;
  let tanaka = { id: '', version: 0 };

  test('the template’s four roles with the seed’s certifications, none held yet', async () => {
    const r = await orgA.owner.client.post('/api/v1/staffing/template', {});
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.roles.length, 4);
    ciso = r.body.roles[0];
    assert.equal(ciso.title, 'CISO(最高情報セキュリティ責任者)');
    assert.deepEqual(ciso.requiredCertifications, ['情報処理安全確保支援士(RISS)', 'CISSP']);
    assert.ok(r.body.roles.every((x: Role) => x.gaps.includes('noHolder') && !x.critical));
    assert.equal(r.body.template.notAdded, 0);
    assert.equal((await orgA.owner.client.post('/api/v1/staffing/template', {})).body.roles.length, 4, 'added once');
  });

  test('a critical role held by one certified person lacks a second holder', async () => {
    const critical = await orgA.owner.client.patch(`/api/v1/staffing-roles/${ciso.id}`, { critical: true, version: ciso.version });
    assert.equal(critical.status, 200, critical.raw);
    const p = await orgA.owner.client.post('/api/v1/staffing-people', { name: '田中 一郎', roleIds: [ciso.id], certifications: [{ name: 'ＣＩＳＳＰ', expiresOn: '2028-03-31' }] });
    assert.equal(p.status, 201, p.raw);
    tanaka = p.body;
    assert.deepEqual(p.body.certifications, [{ name: 'ＣＩＳＳＰ', expiresOn: '2028-03-31', standing: 'valid' }]);
    const role = (await orgA.owner.client.get(`/api/v1/staffing-roles/${ciso.id}`)).body as Role;
    assert.deepEqual(role.gaps, ['tooFewHolders'], 'ＣＩＳＳＰ is CISSP');
    assert.deepEqual(role.holders.map((h) => h.name), ['田中 一郎']);
  });

  test('a second holder without the certification closes the gap; when the only certification nears its expiry it is warned', async () => {
    const second = await orgA.owner.client.post('/api/v1/staffing-people', { name: '佐藤 花子', affiliation: 'external', roleIds: [ciso.id] });
    assert.equal(second.status, 201, second.raw);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/staffing-roles/${ciso.id}`)).body.gaps, []);
    const soon = await orgA.owner.client.patch(`/api/v1/staffing-people/${tanaka.id}`, { certifications: [{ name: 'CISSP', expiresOn: '2027-03-06' }], version: tanaka.version });
    assert.equal(soon.status, 200, soon.raw);
    assert.equal(soon.body.certifications[0].standing, 'expiringSoon');
    tanaka = soon.body;
    const matrix = (await orgA.owner.client.get('/api/v1/staffing')).body;
    assert.deepEqual(matrix.roles.find((x: Role) => x.id === ciso.id).gaps, ['certificationExpiring']);
    assert.equal(matrix.summary.certificationsExpiring, 1);
    assert.equal(matrix.summary.rolesWithGaps, 4);
  });

  test('the certification’s expiry is on the operations calendar', async () => {
    const r = await orgA.owner.client.get('/api/v1/calendar-entries?days=120');
    const entry = r.body.items.find((e: { kind: string }) => e.kind === 'qualificationExpiry');
    assert.deepEqual({ date: entry.date, title: entry.title, detail: entry.detail }, { date: '2027-03-06', title: '田中 一郎', detail: 'CISSP' });
  });

  test('another organisation’s role, an unknown field, a bad date or a name twice: 400, nothing stored', async () => {
    const theirs = await orgB.owner.client.post('/api/v1/staffing-roles', { title: '他社の役割' });
    assert.equal(theirs.status, 201, theirs.raw);
    const beforePeople = await people(orgA.id);
    const beforeHolds = await holds(orgA.id);
    const cases = [
      [{ name: '山田', roleIds: [theirs.body.id] }, 'roleIds.0'],
      [{ name: '山田', certifications: [{ name: 'CISSP', expiresOn: '2027-02-30' }] }, 'certifications.0.expiresOn'],
      [{ name: '', roleIds: [] }, 'name'],
      [{ name: '山田', affiliation: 'contractor' }, 'affiliation'],
      [{ name: '山田', roleIds: [ciso.id, ciso.id] }, 'roleIds'],
    ] as const;
    for (const [body, path] of cases) {
      const r = await orgA.owner.client.post('/api/v1/staffing-people', body);
      assert.equal(r.status, 400, r.raw);
      assert.equal(r.body.errors[0].path, path, r.raw);
      assert.ok(r.body.errors[0].message);
    }
    const patch = await orgA.owner.client.patch(`/api/v1/staffing-people/${tanaka.id}`, { roleIds: [theirs.body.id], version: tanaka.version });
    assert.equal(patch.status, 400, patch.raw);
    assert.equal(await people(orgA.id), beforePeople);
    assert.equal(await holds(orgA.id), beforeHolds);
  });

  test('a stale version gets 409 and changes nothing; the history keeps the roles held', async () => {
    const stale = await orgA.owner.client.patch(`/api/v1/staffing-people/${tanaka.id}`, { roleIds: [], version: tanaka.version + 1 });
    assert.equal(stale.status, 409, stale.raw);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/staffing-people/${tanaka.id}`)).body.roleIds, [ciso.id]);
    const moved = await orgA.owner.client.patch(`/api/v1/staffing-people/${tanaka.id}`, { roleIds: [], version: tanaka.version });
    assert.equal(moved.status, 200, moved.raw);
    const history = (await orgA.owner.client.get(`/api/v1/staffing-people/${tanaka.id}/history`)).body.items;
    assert.deepEqual(history[0].before.roleIds, [ciso.id]);
    assert.deepEqual(history[0].after.roleIds, []);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/staffing-roles/${ciso.id}`)).body.gaps, ['tooFewHolders', 'noCertifiedHolder']);
  });

  test('a deleted role takes who held it with it', async () => {
    const extra = await orgA.owner.client.post('/api/v1/staffing-roles', { title: '臨時の役割' });
    const holder = await orgA.owner.client.post('/api/v1/staffing-people', { name: '臨時 担当', roleIds: [extra.body.id] });
    assert.equal(holder.status, 201, holder.raw);
    const before = await holds(orgA.id);
    assert.equal((await orgA.owner.client.delete(`/api/v1/staffing-roles/${extra.body.id}`)).status, 204);
    assert.equal(await holds(orgA.id), before - 1);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/staffing-people/${holder.body.id}`)).body.roleIds, []);
  });
});

describe('exports and whose matrix', () => {
  test('CSV: people as rows, roles as columns; the workbook and JSON', async () => {
    const csv = await orgA.owner.client.get('/api/v1/staffing/export?format=csv');
    assert.equal(csv.status, 200, csv.raw);
    const lines = csv.raw.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0]!, /^氏名,所属,CISO\(最高情報セキュリティ責任者\),セキュリティアナリスト,/);
    assert.ok(lines.some((l) => l.startsWith('佐藤 花子,社外,●,')), lines.join('\n'));
    const json = await auditorA.client.get('/api/v1/staffing/export?format=json');
    assert.equal(json.status, 200);
    assert.equal(json.body.find((p: { name: string }) => p.name === '佐藤 花子').affiliation, 'Outside');
    const xlsx = await orgA.owner.client.get('/api/v1/staffing/export?format=xlsx');
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  });

  test('another organisation sees none of it; an auditor reads but does not write', async () => {
    const mine = (await orgA.owner.client.get('/api/v1/staffing')).body;
    const theirs = (await orgB.owner.client.get('/api/v1/staffing')).body;
    assert.ok(!theirs.people.some((p: { id: string }) => mine.people.some((m: { id: string }) => m.id === p.id)));
    assert.equal((await orgB.owner.client.get(`/api/v1/staffing-people/${mine.people[0].id}`)).status, 404);
    assert.equal((await orgB.owner.client.patch(`/api/v1/staffing-roles/${mine.roles[0].id}`, { critical: false, version: mine.roles[0].version })).status, 404);
    assert.equal((await auditorA.client.get('/api/v1/staffing')).body.roles[0].can.update, false);
    assert.equal((await auditorA.client.post('/api/v1/staffing-people', { name: 'x' })).status, 403);
    assert.equal((await auditorA.client.post('/api/v1/staffing/template', {})).status, 403);
  });
});
