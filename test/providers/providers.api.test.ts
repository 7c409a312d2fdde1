import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { lastNoticeDay, termEnd, termStanding } from '../../src/shared/providers/contract-term.rules.ts';
import { dateIn } from '../../src/shared/platform/calendar-date.ts';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Providers and contracts over HTTP (issue 11): profiles with per-field
 * errors and nothing stored, copies of the study's profiles, the evaluation's
 * score and knock-outs, the 17-item review with the last day to give notice,
 * a workload's fit matrix, stale versions refused, and the exports.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;

const providerCount = () => count(t, 'select count(*)::int as n from providers');
const contractCount = () => count(t, 'select count(*)::int as n from contracts');
const cloudA = { name: 'クラウドA', serviceTypes: ['saas', 'iaas'], dataLocations: [{ country: 'JP', region: '東京' }], slaAvailabilityPercent: 99.95, recoveryTimeHours: 4, supportHours: 'always' };
const cloudB = { name: 'Cloud B', serviceTypes: ['saas'], dataLocations: [{ country: 'US', region: 'Oregon' }], slaAvailabilityPercent: 99.5, recoveryTimeHours: 24, supportHours: 'business' };
const fieldError = (body: { errors: { path: string; code: string; message: string }[] }, path: string) => body.errors.find((e) => e.path === path);

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp());
});
after(() => t.close());

describe('provider profiles', () => {
  test('a profile is stored with its locations, certifications and ISMAP registration; an expired certification is marked', async () => {
    const r = await orgA.owner.client.post('/api/v1/providers', {
      ...cloudA,
      certifications: [{ name: 'ISO/IEC 27017', expiresOn: '2020-01-31' }, { name: 'ISO/IEC 27001', expiresOn: null }],
      ismap: 'ismap',
      ismapRegisteredOn: '2021-03-12',
      ismapListCheckedOn: '2026-11-30',
      msp: true,
    });
    assert.equal(r.status, 201, r.raw);
    assert.deepEqual(r.body.dataLocations, [{ country: 'JP', region: '東京' }]);
    assert.deepEqual(r.body.certifications.map((c: { expired: boolean }) => c.expired), [true, false]);
    assert.equal(r.body.ismap, 'ismap');
    assert.equal(r.body.evaluation, null);
    const list = await orgA.owner.client.get('/api/v1/providers');
    assert.deepEqual(list.body.items.map((p: { name: string }) => p.name), ['クラウドA']);
    assert.deepEqual((await orgB.owner.client.get('/api/v1/providers')).body.items, [], "B sees none of A's providers");
  });

  for (const [what, body, path, code] of [
    ['availability above 100', { slaAvailabilityPercent: 100.5 }, 'slaAvailabilityPercent', 'tooBigNumber'],
    ['availability below 0', { slaAvailabilityPercent: -1 }, 'slaAvailabilityPercent', 'tooSmallNumber'],
    ['a country not as a code', { dataLocations: [{ country: 'jp', region: '' }] }, 'dataLocations.0.country', 'countryCode'],
    ['ISMAP without its dates', { ismap: 'ismap_liu' }, 'ismapRegisteredOn', 'ismapNeedsDates'],
    ['the list checked before the registration', { ismap: 'ismap', ismapRegisteredOn: '2024-05-01', ismapListCheckedOn: '2024-04-30' }, 'ismapListCheckedOn', 'checkedBeforeRegistered'],
  ] as const) {
    test(`${what}: a translated 400 on the field, nothing stored`, async () => {
      const before = await providerCount();
      const r = await orgA.owner.client.post('/api/v1/providers', { name: `Bad ${what}`, ...body });
      assert.equal(r.status, 400, r.raw);
      const e = fieldError(r.body, path);
      assert.ok(e, `${path} in ${r.raw}`);
      assert.equal(e.code, code);
      assert.ok(e.message && !e.message.includes('errors.'), e.message);
      assert.equal(await providerCount(), before);
    });
  }

  test('a change checks the registration as it will stand; a stale version gets 409 and changes nothing', async () => {
    const created = await orgA.owner.client.post('/api/v1/providers', { ...cloudB });
    assert.equal(created.status, 201, created.raw);
    const { id, version } = created.body;
    const half = await orgA.owner.client.patch(`/api/v1/providers/${id}`, { ismap: 'ismap', ismapRegisteredOn: '2023-01-10', version });
    assert.equal(half.status, 400, half.raw);
    assert.equal(fieldError(half.body, 'ismapListCheckedOn')?.code, 'ismapNeedsDates');
    const ok = await orgA.owner.client.patch(`/api/v1/providers/${id}`, { slaAvailabilityPercent: 99.9, version });
    assert.equal(ok.status, 200, ok.raw);
    const stale = await orgA.owner.client.patch(`/api/v1/providers/${id}`, { slaAvailabilityPercent: 50, version });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/providers/${id}`)).body.slaAvailabilityPercent, 99.9);
  });

  test("the study's nine profiles are read-only references; a copy starts from one and is marked on it", async () => {
    const refs = await orgA.owner.client.get('/api/v1/provider-references');
    assert.equal(refs.status, 200, refs.raw);
    assert.equal(refs.body.items.length, 9, 'seed 000 表13 lists nine');
    const ref = refs.body.items[0];
    const copy = await orgA.owner.client.post('/api/v1/providers', { name: ref.name.ja, referenceItemId: ref.itemId });
    assert.equal(copy.status, 201, copy.raw);
    assert.deepEqual(copy.body.services, ref.services);
    assert.equal(copy.body.reference.ja, ref.name.ja);
    const again = await orgA.owner.client.get('/api/v1/provider-references');
    assert.equal(again.body.items[0].copiedAs, copy.body.id);
    assert.equal((await orgB.owner.client.get('/api/v1/provider-references')).body.items[0].copiedAs, null, "A's copy is not B's");
  });

  test('an auditor reads but cannot write', async () => {
    assert.equal((await auditorA.client.get('/api/v1/providers')).status, 200);
    assert.equal((await auditorA.client.post('/api/v1/providers', { name: 'Auditor' })).status, 403);
  });
});

describe('the evaluation', () => {
  test('weighted score over the rated items, a knock-out below adequate, the next due date; a stale save gets 409', async () => {
    const p = await orgA.owner.client.post('/api/v1/providers', { name: '評価する事業者' });
    const first = await orgA.owner.client.get(`/api/v1/providers/${p.body.id}/evaluation`);
    assert.equal(first.status, 200, first.raw);
    assert.equal(first.body.id, null);
    const groups = first.body.items.map((i: { group: string }) => i.group);
    assert.equal(groups.filter((g: string) => g === 'company').length, 9, 'a) to i)');
    assert.equal(groups.filter((g: string) => g === 'selection').length, 9, 'the nine checks');
    const [a, b, c] = first.body.items;
    const items = [
      { itemId: a.itemId, rating: 4, weight: 3 },
      { itemId: b.itemId, rating: 2, weight: 1 },
      { itemId: c.itemId, rating: 1, weight: 1, knockOut: true },
    ];
    const saved = await orgA.owner.client.patch(`/api/v1/providers/${p.body.id}/evaluation`, { version: null, evaluatedOn: '2026-06-30', reevaluateMonths: 12, items });
    assert.equal(saved.status, 200, saved.raw);
    // (4·3 + 2·1 + 1·1) / (4·5) = 15/20.
    assert.equal(saved.body.score, 75);
    assert.equal(saved.body.rated, 3);
    assert.deepEqual(saved.body.knockOuts, [c.itemId]);
    assert.equal(saved.body.dueOn, '2027-06-30');
    const listed = (await orgA.owner.client.get('/api/v1/providers')).body.items.find((x: { id: string }) => x.id === p.body.id);
    assert.deepEqual({ ...listed.evaluation, overdue: undefined }, { score: 75, knockedOut: true, dueOn: '2027-06-30', overdue: undefined });
    const stale = await orgA.owner.client.patch(`/api/v1/providers/${p.body.id}/evaluation`, { version: null, evaluatedOn: '2026-07-01', reevaluateMonths: 6, items: [] });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/providers/${p.body.id}/evaluation`)).body.evaluatedOn, '2026-06-30');
  });
});

describe('contracts', () => {
  let providerId: string;
  before(async () => {
    providerId = (await orgA.owner.client.post('/api/v1/providers', { name: '契約先' })).body.id;
  });

  test('the term, its end and the last day to give notice, computed across a leap day', async () => {
    const r = await orgA.owner.client.post('/api/v1/contracts', { providerId, title: '基幹SaaS利用契約', startsOn: '2028-02-29', termMonths: 12, autoRenew: true, noticeAmount: 2, noticeUnit: 'months' });
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.review.length, 17, 'the 17 items of seed 000 III.6.1');
    assert.equal(r.body.summary.unreviewed, 17);
    assert.equal(r.body.summary.readyToSign, false);
    // Feb 29 2028 + 12 months: the next term starts 2029-03-01; notice of 2 months is due the day before 2029-01-01.
    assert.equal(r.body.standing.termEndsOn, '2029-02-28');
    assert.equal(r.body.standing.lastNoticeOn, '2028-12-31');
    assert.equal(r.body.standing.termEndsOn, termEnd('2028-02-29', 12));
    assert.equal(r.body.standing.lastNoticeOn, lastNoticeDay('2029-02-28', 2, 'months'));
    const today = dateIn('Asia/Tokyo', new Date());
    assert.deepEqual(r.body.standing, termStanding({ startsOn: '2028-02-29', termMonths: 12, autoRenew: true, renewalMonths: null, noticeAmount: 2, noticeUnit: 'months' }, today));
  });

  test('a notice period as long as the term, dates that are not dates, a foreign provider: 400 per field, nothing stored', async () => {
    const before = await contractCount();
    const long = await orgA.owner.client.post('/api/v1/contracts', { providerId, title: '長すぎる予告', startsOn: '2027-04-01', termMonths: 3, noticeAmount: 3, noticeUnit: 'months' });
    assert.equal(long.status, 400, long.raw);
    assert.equal(fieldError(long.body, 'noticeAmount')?.code, 'noticeLongerThanTerm');
    assert.ok(!fieldError(long.body, 'noticeAmount')!.message.includes('errors.'));
    const days = await orgA.owner.client.post('/api/v1/contracts', { providerId, title: '日数', startsOn: '2027-04-01', termMonths: 1, noticeAmount: 31, noticeUnit: 'days' });
    assert.equal(days.status, 400, days.raw);
    const badDate = await orgA.owner.client.post('/api/v1/contracts', { providerId, title: '日付', startsOn: '2027-02-30', termMonths: 12 });
    assert.equal(badDate.status, 400, badDate.raw);
    assert.ok(fieldError(badDate.body, 'startsOn'));
    const foreignProvider = (await orgB.owner.client.post('/api/v1/providers', { name: 'B の事業者' })).body.id;
    const foreign = await orgA.owner.client.post('/api/v1/contracts', { providerId: foreignProvider, title: '他組織', startsOn: '2027-04-01', termMonths: 12 });
    assert.ok(foreign.status >= 400 && foreign.status < 500, foreign.raw);
    assert.equal(await contractCount(), before);
  });

  test('a review with a blocking item missing is not ready to sign; exit terms are checked; a stale save gets 409', async () => {
    const c = await orgA.owner.client.post('/api/v1/contracts', { providerId, title: 'レビューする契約', startsOn: '2027-04-01', termMonths: 24 });
    const items = c.body.review;
    const exit = items.find((i: { number: number }) => i.number === 16);
    const review = items.map((i: { itemId: string }) => ({ itemId: i.itemId, status: 'present', clause: '第5条' }));
    review[0] = { itemId: items[0].itemId, status: 'missing', clause: '', blocking: true };
    review[1] = { itemId: items[1].itemId, status: 'negotiate', clause: '別紙2' };
    const saved = await orgA.owner.client.patch(`/api/v1/contracts/${c.body.id}`, { review, exitDataFormat: 'CSV', version: c.body.version });
    assert.equal(saved.status, 200, saved.raw);
    assert.deepEqual({ ...saved.body.summary, exitFindings: undefined }, { present: 15, missing: 1, negotiate: 1, unreviewed: 0, blocking: [items[0].itemId], exitFindings: undefined, readyToSign: false });
    assert.deepEqual(saved.body.summary.exitFindings, ['noReturnPeriod', 'noDeletionCertificate']);
    assert.ok(exit, 'item 16 is the exit clause');
    const stale = await orgA.owner.client.patch(`/api/v1/contracts/${c.body.id}`, { title: '古い版', version: c.body.version });
    assert.equal(stale.status, 409, stale.raw);
    const noticeTooLong = await orgA.owner.client.patch(`/api/v1/contracts/${c.body.id}`, { termMonths: 1, noticeAmount: 2, noticeUnit: 'months', version: saved.body.version });
    assert.equal(noticeTooLong.status, 400, noticeTooLong.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/contracts/${c.body.id}`)).body.termMonths, 24);
  });

  test('a provider with contracts cannot be deleted', async () => {
    const p = (await orgA.owner.client.get(`/api/v1/providers/${providerId}`)).body;
    const r = await orgA.owner.client.request('DELETE', `/api/v1/providers/${providerId}?version=${p.version}`);
    assert.equal(r.status, 409, r.raw);
  });
});

describe('a workload compared against providers', () => {
  test('the profile, its contradictions with the arithmetic, and the matrix of two providers', async () => {
    const w = await orgA.owner.client.post('/api/v1/workloads', { name: '販売管理' });
    assert.equal(w.status, 201, w.raw);
    const a = (await orgA.owner.client.post('/api/v1/providers', { ...cloudA, name: 'Fit A' })).body.id;
    const b = (await orgA.owner.client.post('/api/v1/providers', { ...cloudB, name: 'Fit B' })).body.id;
    const start = await orgA.owner.client.get(`/api/v1/workloads/${w.body.id}/requirements`);
    assert.equal(start.status, 200, start.raw);
    assert.equal(start.body.version, null);
    // The study's example: 99.7 % and at most half a day a year, recovery within half a day.
    const body = { ...start.body.profile, version: null, serviceType: 'saas', dataInJapan: true, availabilityPercent: 99.7, maxDowntimeHours: 12, downtimePeriod: 'year', recoveryHours: 12, support: 'some', interfaces: '会計システムとCSV連携', providerIds: [a, b], judgements: [{ providerId: a, key: 'interfaces', fit: 'fits' }] };
    const r = await orgA.owner.client.patch(`/api/v1/workloads/${w.body.id}/requirements`, body);
    assert.equal(r.status, 200, r.raw);
    const finding = r.body.slaFindings.find((f: { code: string }) => f.code === 'downtimeNeedsHigherAvailability');
    assert.ok(finding, r.raw);
    assert.ok(Math.abs(finding.allowedHours - 26.28) < 1e-9, '99.7 % allows 26.28 hours a year');
    assert.ok(Math.abs(finding.requiredPercent - 99.863) < 0.001, 'half a day needs 99.863 %');
    assert.ok(Math.abs(r.body.requiredAvailabilityPercent - 99.863) < 0.001);
    const [ma, mb] = r.body.matrix;
    assert.deepEqual([ma.providerName, mb.providerName], ['Fit A', 'Fit B']);
    const state = (m: { cells: { key: string; state: string }[] }, key: string) => m.cells.find((c) => c.key === key)?.state;
    assert.equal(state(ma, 'dataLocation'), 'fits');
    assert.equal(state(mb, 'dataLocation'), 'knockOut');
    assert.equal(state(ma, 'availability'), 'fits');
    assert.equal(state(mb, 'availability'), 'gap');
    assert.equal(state(ma, 'interfaces'), 'fits');
    assert.equal(state(mb, 'interfaces'), 'unknown');
    assert.equal(ma.eligible, true);
    assert.equal(mb.eligible, false);
    const stale = await orgA.owner.client.patch(`/api/v1/workloads/${w.body.id}/requirements`, { ...body, availabilityPercent: 99 });
    assert.equal(stale.status, 409, stale.raw);
    const judgedOther = await orgA.owner.client.patch(`/api/v1/workloads/${w.body.id}/requirements`, { ...body, version: r.body.version, providerIds: [a], judgements: [{ providerId: b, key: 'migration', fit: 'gap' }] });
    assert.equal(judgedOther.status, 400, judgedOther.raw);
    assert.equal(fieldError(judgedOther.body, 'judgements.0.providerId')?.code, 'judgedProviderNotCompared');
    const tooLong = await orgA.owner.client.patch(`/api/v1/workloads/${w.body.id}/requirements`, { ...body, version: r.body.version, maxDowntimeHours: 800, downtimePeriod: 'month' });
    assert.equal(tooLong.status, 400, tooLong.raw);
    assert.equal(fieldError(tooLong.body, 'maxDowntimeHours')?.code, 'downtimeLongerThanPeriod');
    assert.equal((await orgA.owner.client.get(`/api/v1/workloads/${w.body.id}/requirements`)).body.version, r.body.version, 'nothing saved');
  });
});

describe('exports', () => {
  const download = (org: TestOrganisation, query: string, lang = 'ja') =>
    t.app.inject({ method: 'GET', url: `/api/v1/providers/export?${query}`, headers: { cookie: (org.owner.client as unknown as { cookieHeader(): string }).cookieHeader(), 'accept-language': lang } });

  test("CSV of providers and of contract reviews in the member's language; B exports only its own", async () => {
    const providers = await download(orgA, 'format=csv&table=providers');
    assert.equal(providers.statusCode, 200, providers.body);
    assert.equal(providers.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
    const lines = providers.body.slice(1).trim().split('\r\n');
    assert.equal(lines.length - 1, await count(t, `select count(*)::int as n from providers where organisation_id = '${orgA.id}'`));
    assert.ok(lines.some((l) => l.startsWith('クラウドA')));
    const contracts = await download(orgA, 'format=csv&table=contracts', 'en');
    assert.equal(contracts.statusCode, 200, contracts.body);
    assert.ok(contracts.body.includes('レビューする契約'));
    const b = await download(orgB, 'format=csv&table=providers');
    assert.ok(!b.body.includes('クラウドA'));
    assert.equal((await download(orgA, 'format=pdf')).statusCode, 400);
  });

  test("the workbook has the providers, the evaluations and the contract reviews, named in the member's language", async () => {
    const r = await download(orgA, 'format=xlsx');
    assert.equal(r.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((s) => s.name), ['事業者', '評価', '契約の確認']);
  });
});
