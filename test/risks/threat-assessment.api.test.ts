import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The threat impact assessment over HTTP (issue 10; seed 000 II.2.1 表2): a
 * year's list by its true year with the study's worked example as a hint,
 * each threat judged on bankruptcy, sales and customers, versioned and
 * audited; bad input and stale versions change nothing; another
 * organisation and a reader cannot change it.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
const rows = () => count(t, 'select count(*)::int as n from threat_assessments');
const RANK_5_OF_2019 = 'urn:kumoji:seed-000:threats:2019:5';

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp());
});
after(() => t.close());

describe('the lists', () => {
  test('the newest list by default; every list by its true year; the 2019 list says the study labels it 2020 and carries its worked example', async () => {
    const r = await orgA.owner.client.get('/api/v1/threat-assessments');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.list.year, r.body.lists[0].year);
    assert.deepEqual(r.body.lists.map((l: { year: number }) => l.year), [...r.body.lists.map((l: { year: number }) => l.year)].sort((a: number, b: number) => b - a));
    assert.ok(r.body.lists.some((l: { year: number }) => l.year === 2019));
    assert.ok(!r.body.lists.some((l: { year: number; labelledYearInStudy: number | null }) => l.year === 2020 && l.labelledYearInStudy), 'no list is the study’s “2020”');
    const y2019 = await orgA.owner.client.get('/api/v1/threat-assessments?year=2019');
    assert.equal(y2019.body.list.labelledYearInStudy, 2020);
    assert.equal(y2019.body.list.hasStudyExample, true);
    const examples = y2019.body.list.items.filter((i: { studyExample: unknown }) => i.studyExample).map((i: { rank: number }) => i.rank);
    assert.deepEqual(examples, [4, 5, 6]);
    assert.ok(y2019.body.list.items.every((i: { assessment: unknown }) => i.assessment === null), 'the example is no answer');
    assert.deepEqual(y2019.body.list.summary, { threatCount: 10, judgedCount: 0, largeCount: 0 });
  });

  test('a year with no list: a translated 400 on the field', async () => {
    const r = await orgA.owner.client.get('/api/v1/threat-assessments?year=1999');
    assert.equal(r.status, 400, r.raw);
    assert.equal(r.body.errors[0].path, 'year');
    assert.match(r.body.errors[0].message, /1999/);
    assert.equal((await orgA.owner.client.get('/api/v1/threat-assessments?year=abc')).status, 400);
  });
});

describe('judging a threat', () => {
  let id = '';
  let version = 0;

  test('saved, read back in the list and counted in its summary', async () => {
    const r = await orgA.owner.client.post('/api/v1/threat-assessments', { threatItemId: RANK_5_OF_2019, impactSalesDrop: 'large', impactCustomerLoss: 'medium', note: '顧客台帳の持ち出し' });
    assert.equal(r.status, 201, r.raw);
    ({ id, version } = r.body);
    assert.equal(r.body.impactBankruptcy, null);
    const view = await orgA.owner.client.get('/api/v1/threat-assessments?year=2019');
    const item = view.body.list.items.find((i: { threatItemId: string }) => i.threatItemId === RANK_5_OF_2019);
    assert.equal(item.assessment.impactSalesDrop, 'large');
    assert.deepEqual(view.body.list.summary, { threatCount: 10, judgedCount: 1, largeCount: 1 });
  });

  test('a second first judgement of the same threat is 409, nothing added', async () => {
    const before = await rows();
    const r = await orgA.owner.client.post('/api/v1/threat-assessments', { threatItemId: RANK_5_OF_2019, impactSalesDrop: 'small' });
    assert.equal(r.status, 409);
    assert.equal(await rows(), before);
  });

  for (const [what, body, path] of [
    ['a threat no loaded list has', { threatItemId: 'urn:kumoji:seed-000:threats:2019:99' }, 'threatItemId'],
    ['a list, not a threat', { threatItemId: 'urn:kumoji:seed-000:threats:2019' }, 'threatItemId'],
    ['an item of another collection', { threatItemId: 'urn:kumoji:seed-000:stages:1' }, 'threatItemId'],
    ['a level that does not exist', { threatItemId: 'urn:kumoji:seed-000:threats:2019:6', impactBankruptcy: 'huge' }, 'impactBankruptcy'],
    ['an unknown field', { threatItemId: 'urn:kumoji:seed-000:threats:2019:6', impact: 'large' }, ''],
  ] as const) {
    test(`${what}: 400 on the field, nothing saved`, async () => {
      const before = await rows();
      const r = await orgA.owner.client.post('/api/v1/threat-assessments', body);
      assert.equal(r.status, 400, r.raw);
      assert.ok(r.body.errors.some((e: { path: string; message: string }) => e.path === path && e.message), r.raw);
      assert.equal(await rows(), before);
    });
  }

  test('a change at the version read; a stale version gets 409 and changes nothing; the history has both', async () => {
    const changed = await orgA.owner.client.patch(`/api/v1/threat-assessments/${id}`, { impactBankruptcy: 'small', version });
    assert.equal(changed.status, 200, changed.raw);
    assert.equal(changed.body.impactSalesDrop, 'large', 'fields not sent stay');
    const stale = await orgA.owner.client.patch(`/api/v1/threat-assessments/${id}`, { impactBankruptcy: 'large', version });
    assert.equal(stale.status, 409);
    const history = await orgA.owner.client.get(`/api/v1/threat-assessments/${id}/history`);
    assert.deepEqual(history.body.items.map((e: { action: string }) => e.action), ['threatAssessment.update', 'threatAssessment.create']);
    const now = await orgA.owner.client.get('/api/v1/threat-assessments?year=2019');
    assert.equal(now.body.list.items.find((i: { threatItemId: string }) => i.threatItemId === RANK_5_OF_2019).assessment.impactBankruptcy, 'small');
  });

  test('another organisation sees none of it and cannot change it; a reader reads but does not save', async () => {
    const b = await orgB.owner.client.get('/api/v1/threat-assessments?year=2019');
    assert.ok(b.body.list.items.every((i: { assessment: unknown }) => i.assessment === null));
    const current = await orgA.owner.client.get('/api/v1/threat-assessments?year=2019');
    const v = current.body.list.items.find((i: { threatItemId: string }) => i.threatItemId === RANK_5_OF_2019).assessment.version;
    assert.equal((await orgB.owner.client.patch(`/api/v1/threat-assessments/${id}`, { impactBankruptcy: 'large', version: v })).status, 404);
    const read = await auditorA.client.get('/api/v1/threat-assessments?year=2019');
    assert.equal(read.status, 200);
    assert.equal(read.body.list.items.find((i: { threatItemId: string }) => i.threatItemId === RANK_5_OF_2019).assessment.can.update, false);
    const before = await rows();
    assert.equal((await auditorA.client.post('/api/v1/threat-assessments', { threatItemId: 'urn:kumoji:seed-000:threats:2019:1', impactBankruptcy: 'large' })).status, 403);
    assert.equal(await rows(), before);
  });
});
