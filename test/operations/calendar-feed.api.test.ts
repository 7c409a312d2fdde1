import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, dateIn } from '../../src/shared/platform/calendar-date.ts';
import { lastNoticeDay, termEnd } from '../../src/shared/providers/contract-term.rules.ts';
import { loadCatalog } from '../assets/portfolio-fixtures.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * A member's iCalendar feed (issue 12): a secret address shown once, read
 * without signing in, carrying the inspections' due dates and the open
 * corrective actions' deadlines as all-day events; a new address replaces
 * the old, revoking ends it, and it stops answering when the member leaves.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let staffA: TestMember;

before(async () => {
  t = await createTestApp();
  await loadCatalog(t);
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  staffA = await addMember(t, orgA.id, 'staff', 'en');
});
after(() => t.close());

/** The feed as a calendar application reads it, long lines unfolded (RFC 5545 3.1). */
const read = async (url: string) => {
  const r = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
  return { statusCode: r.statusCode, headers: r.headers, body: r.body.replace(/\r\n[ \t]/g, '') };
};

describe('iCalendar feed', () => {
  test('made once, read without a session, replaced, revoked', async () => {
    assert.equal((await orgA.owner.client.post('/api/v1/inspections', { title: 'バックアップログの確認', startsOn: '2027-01-31', unit: 'months', every: 3 })).status, 201);
    assert.equal((await orgA.owner.client.post('/api/v1/corrective-actions', { title: 'VPN機器の更新', dueOn: '2027-02-15' })).status, 201);
    assert.equal((await orgB.owner.client.post('/api/v1/inspections', { title: 'B社の点検', startsOn: '2027-01-31' })).status, 201);
    assert.deepEqual((await orgA.owner.client.get('/api/v1/calendar-feed')).body, { active: false, createdAt: null, lastReadAt: null });

    const made = await orgA.owner.client.post('/api/v1/calendar-feed', {});
    assert.equal(made.status, 201, made.raw);
    assert.match(made.body.url, /^http.*\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const r = await read(made.body.url);
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers['content-type']), /^text\/calendar/);
    assert.match(r.body, /^BEGIN:VCALENDAR/);
    assert.match(r.body, /SUMMARY:定期点検: バックアップログの確認/);
    assert.match(r.body, /DTSTART;VALUE=DATE:20270131/);
    assert.match(r.body, /DTSTART;VALUE=DATE:20270430/, 'the dates after the next one');
    assert.match(r.body, /SUMMARY:是正処置の期限: VPN機器の更新/);
    assert.match(r.body, /DTSTART;VALUE=DATE:20270215/);
    assert.doesNotMatch(r.body, /B社の点検/, "another organisation's inspections never appear");
    const status = await orgA.owner.client.get('/api/v1/calendar-feed');
    assert.equal(status.body.active, true);
    assert.ok(status.body.lastReadAt);
    assert.equal(JSON.stringify(status.body).includes(made.body.url), false, 'the address is not shown again');

    const staffFeed = await staffA.client.post('/api/v1/calendar-feed', {});
    const staffCal = await read(staffFeed.body.url);
    assert.match(staffCal.body, /SUMMARY:Inspection: バックアップログの確認/, "in the member's own language");

    const again = await orgA.owner.client.post('/api/v1/calendar-feed', {});
    assert.notEqual(again.body.url, made.body.url);
    assert.equal((await read(made.body.url)).statusCode, 404, 'the replaced address stops answering');
    assert.equal((await read(again.body.url)).statusCode, 200);
    assert.equal((await orgA.owner.client.delete('/api/v1/calendar-feed')).status, 204);
    assert.equal((await read(again.body.url)).statusCode, 404, 'revoked');
    assert.equal((await orgA.owner.client.delete('/api/v1/calendar-feed')).status, 404);

    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/calendar/not-a-token.ics' })).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/calendar/${'A'.repeat(43)}.ics` })).statusCode, 404);

    await t.database.pool.query('delete from memberships where user_id = $1 and organisation_id = $2', [staffA.userId, orgA.id]);
    assert.equal((await read(staffFeed.body.url)).statusCode, 404, 'a member who left reads nothing');
  });

  test("the calendar: inspections, open actions, a contract's last notice day, a certification's expiry", async () => {
    const today = dateIn('Asia/Tokyo', new Date());
    const expiresOn = addDays(today, 30);
    const provider = await orgA.owner.client.post('/api/v1/providers', { name: '雲路クラウド', serviceTypes: ['saas'], dataLocations: [{ country: 'JP', region: 'Tokyo' }], certifications: [{ name: 'ISO/IEC 27001', expiresOn }] });
    assert.equal(provider.status, 201, provider.raw);
    const startsOn = addDays(today, 1);
    const contract = await orgA.owner.client.post('/api/v1/contracts', { providerId: provider.body.id, title: '基幹システム保守契約', startsOn, termMonths: 12, autoRenew: true, noticeAmount: 3, noticeUnit: 'months' });
    assert.equal(contract.status, 201, contract.raw);
    const noticeOn = lastNoticeDay(termEnd(startsOn, 12), 3, 'months');

    assert.equal((await orgA.owner.client.get('/api/v1/calendar-entries?days=4000')).status, 400, 'at most 400 days');
    const year = await orgA.owner.client.get('/api/v1/calendar-entries?days=400');
    assert.equal(year.status, 200, year.raw);
    const line = (e: { kind: string; date: string; title: string; path: string }) => `${e.kind} ${e.date} ${e.title} ${e.path}`;
    const lines = year.body.items.map(line);
    assert.ok(lines.includes(`certificationExpiry ${expiresOn} 雲路クラウド /providers/${provider.body.id}`), lines.join('\n'));
    assert.ok(lines.includes(`contractNotice ${noticeOn} 基幹システム保守契約 /providers/contracts/${contract.body.id}`), lines.join('\n'));
    assert.ok(lines.some((l: string) => l.startsWith('inspection 2027-01-31 バックアップログの確認')));
    const soon = await orgA.owner.client.get('/api/v1/calendar-entries?days=29');
    assert.ok(!soon.body.items.some((e: { kind: string }) => e.kind === 'certificationExpiry'), 'beyond the span asked for');
    assert.ok(!(await orgB.owner.client.get('/api/v1/calendar-entries?days=400')).body.items.some((e: { title: string }) => e.title === '雲路クラウド'), "another organisation's dates never appear");

    const ics = (await read((await orgA.owner.client.post('/api/v1/calendar-feed', {})).body.url)).body;
    assert.ok(ics.includes('SUMMARY:認証の有効期限: 雲路クラウド(ISO/IEC 27001)'), ics);
    assert.ok(ics.includes('SUMMARY:契約の解約通知期限: 基幹システム保守契約'), ics);
    assert.ok(ics.includes(`DTSTART;VALUE=DATE:${noticeOn.replaceAll('-', '')}`), ics);
  });
});
