import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sendDueReminders } from '../../src/server/operations/reminder.job.ts';
import { createMailer } from '../../src/server/platform/mail/mailer.ts';
import { connect } from '../../src/server/platform/db/database.ts';
import { dateIn, addDays } from '../../src/shared/platform/calendar-date.ts';
import { count, loadCatalog } from '../assets/portfolio-fixtures.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Operations over HTTP and the reminder job (issue 12): inspections on a
 * schedule with their next due date, a round recorded done once (a stale or
 * second completion is 409), the member's reminders, and e-mail digests that
 * a real SMTP server receives once even when two instances run the job at
 * the same moment.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let managerA: TestMember;
let staffA: TestMember;

const today = () => dateIn('Asia/Tokyo', new Date());

before(async () => {
  t = await createTestApp();
  await loadCatalog(t);
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  managerA = await addMember(t, orgA.id, 'manager', 'en');
  staffA = await addMember(t, orgA.id, 'staff');
});
after(() => t.close());

describe('inspections on a schedule', () => {
  test('quarterly from 31 January: the next due date, then the one after a round is recorded; a stale or second completion is 409', async () => {
    const r = await orgA.owner.client.post('/api/v1/inspections', { title: 'アクセス権限の見直し', startsOn: '2026-01-31', unit: 'months', every: 3, remindDaysBefore: 14 });
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.nextDueOn, '2026-01-31');
    assert.deepEqual(r.body.upcoming, ['2026-04-30', '2026-07-31', '2026-10-31']);
    assert.equal(r.body.standing, today() > '2026-01-31' ? 'overdue' : 'dueSoon');
    const done = await orgA.owner.client.post(`/api/v1/inspections/${r.body.id}/completions`, { dueOn: '2026-01-31', doneOn: '2026-02-02', result: 'findings', note: '退職者のアカウントが2件残っていた' });
    assert.equal(done.status, 201, done.raw);
    assert.equal(done.body.nextDueOn, '2026-04-30');
    assert.equal(done.body.completions[0].result, 'findings');
    const again = await orgA.owner.client.post(`/api/v1/inspections/${r.body.id}/completions`, { dueOn: '2026-01-31', doneOn: '2026-02-03', result: 'ok' });
    assert.equal(again.status, 409, again.raw);
    assert.match(again.body.title, /2026-04-30/);
    const future = await orgA.owner.client.post(`/api/v1/inspections/${r.body.id}/completions`, { dueOn: '2026-04-30', doneOn: addDays(today(), 1), result: 'ok' });
    assert.equal(future.status, 400, future.raw);
    assert.equal(future.body.errors[0].code, 'doneInFuture');
  });

  test("the guide's quarterly items are offered; an item that is not one, an owner who is not a member: 400, nothing stored", async () => {
    const templates = await orgA.owner.client.get('/api/v1/inspection-templates');
    assert.equal(templates.status, 200, templates.raw);
    assert.equal(templates.body.items.length, 5);
    assert.equal(templates.body.items[0].name.ja, 'システム脆弱性スキャン結果のレビューとパッチ適用状況の確認');
    const before = await count(t, 'select count(*)::int as n from inspections');
    const bad = await orgA.owner.client.post('/api/v1/inspections', { title: '不正な項目', startsOn: '2026-01-31', catalogItemId: 'urn:kumoji:seed-004:operations:inspection', ownerUserId: orgB.owner.userId });
    assert.equal(bad.status, 400, bad.raw);
    assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['catalogItemId', 'ownerUserId']);
    const zero = await orgA.owner.client.post('/api/v1/inspections', { title: '間隔0', startsOn: '2026-01-31', every: 0 });
    assert.equal(zero.status, 400, zero.raw);
    assert.equal(await count(t, 'select count(*)::int as n from inspections'), before);
  });

  test('reminders: the owner of an inspection, or every owner and manager; staff see theirs only; B sees nothing of A', async () => {
    const soon = addDays(today(), 3);
    const mine = await orgA.owner.client.post('/api/v1/inspections', { title: 'バックアップログの確認', startsOn: soon, ownerUserId: staffA.userId, remindDaysBefore: 7 });
    assert.equal(mine.status, 201, mine.raw);
    assert.equal(mine.body.standing, 'dueSoon');
    const staff = await staffA.client.get('/api/v1/reminders');
    assert.deepEqual(staff.body.items.map((i: { title: string }) => i.title), ['バックアップログの確認']);
    const manager = await managerA.client.get('/api/v1/reminders');
    assert.ok(!manager.body.items.some((i: { title: string }) => i.title === 'バックアップログの確認'));
    assert.ok(manager.body.items.some((i: { title: string }) => i.title === 'アクセス権限の見直し'), 'unassigned: owners and managers');
    assert.deepEqual((await orgB.owner.client.get('/api/v1/inspections')).body.items, []);
    assert.equal((await staffA.client.post('/api/v1/inspections', { title: 'x', startsOn: soon })).status, 201, 'staff write');
  });
});

describe('reminder e-mails', () => {
  test('two instances run the job at once: each member gets one digest, and a second run sends nothing', async () => {
    const sink = await startSmtpSink();
    const mailer = createMailer({ SMTP_URL: sink.url, MAIL_FROM: 'Kumoji <kumoji@example.jp>' });
    const other = connect(t.database.url, 3);
    try {
      const before = await count(t, 'select count(*)::int as n from reminder_digests');
      const now = new Date();
      const [a, b] = await Promise.all([sendDueReminders({ database: t.database }, mailer, now, 'http://kumoji.test'), sendDueReminders({ database: other }, mailer, now, 'http://kumoji.test')]);
      // Organisation A: the staff member (their inspection), the owner and the manager (the unassigned ones).
      assert.equal(a.digests + b.digests, 3, JSON.stringify({ a, b }));
      assert.equal(sink.received.length, 3);
      assert.equal(new Set(sink.received.map((m) => m.to[0])).size, 3, 'one each, none twice');
      const staffMail = sink.received.find((m) => m.body.includes('=E3=83=90') || m.body.includes('バックアップログ'))!;
      assert.ok(staffMail, 'the staff member is reminded of their inspection');
      const manager = sink.received.find((m) => /inspection\(s\) due/.test(m.body));
      assert.ok(manager, 'the English-speaking manager gets the digest in English');
      assert.equal(await count(t, 'select count(*)::int as n from reminder_digests') - before, 3);
      const again = await sendDueReminders({ database: other }, mailer, new Date(), 'http://kumoji.test');
      assert.deepEqual(again, { digests: 0, mailed: 0 });
      assert.equal(sink.received.length, 3, 'nothing more the same day');
    } finally {
      mailer?.close();
      await other.close();
      await sink.close();
    }
  });

  test('a member who turns e-mail off is reminded in the app only; a stale setting from another tab gets 409', async () => {
    const org = await createOrganisation(t, { name: 'Organisation D' });
    const r = await org.owner.client.post('/api/v1/inspections', { title: 'ログの整合性チェック', startsOn: addDays(today(), 2) });
    assert.equal(r.status, 201, r.raw);
    assert.deepEqual((await org.owner.client.get('/api/v1/reminder-settings')).body, { email: true, version: null });
    const off = await org.owner.client.patch('/api/v1/reminder-settings', { email: false, version: null });
    assert.deepEqual(off.body, { email: false, version: 1 });
    const stale = await org.owner.client.patch('/api/v1/reminder-settings', { email: true, version: null });
    assert.equal(stale.status, 409, stale.raw);
    const sink = await startSmtpSink();
    const mailer = createMailer({ SMTP_URL: sink.url, MAIL_FROM: 'Kumoji <kumoji@example.jp>' });
    try {
      await sendDueReminders({ database: t.database }, mailer, new Date(), 'http://kumoji.test');
      assert.ok(!sink.received.some((m) => m.to.includes(org.owner.email)), 'no e-mail');
      assert.equal((await org.owner.client.get('/api/v1/reminders')).body.items.length, 1, 'still in the app');
      await org.owner.client.patch('/api/v1/reminder-settings', { email: true, version: 1 });
      await sendDueReminders({ database: t.database }, mailer, new Date(), 'http://kumoji.test');
      assert.ok(sink.received.some((m) => m.to.includes(org.owner.email)), 'on again: what is due is sent');
    } finally {
      mailer?.close();
      await sink.close();
    }
  });

  test('an SMTP server that refuses the mail leaves no claim behind, so the next run sends it', async () => {
    const soon = addDays(today(), 1);
    const org = await createOrganisation(t, { name: 'Organisation C' });
    const r = await org.owner.client.post('/api/v1/inspections', { title: 'コストアラートの確認', startsOn: soon });
    assert.equal(r.status, 201, r.raw);
    const down = createMailer({ SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'Kumoji <kumoji@example.jp>' });
    await assert.rejects(sendDueReminders({ database: t.database }, down, new Date(), 'http://kumoji.test'));
    down?.close();
    assert.equal(await count(t, `select count(*)::int as n from reminder_digests where organisation_id = '${org.id}'`), 0);
    const sink = await startSmtpSink();
    const up = createMailer({ SMTP_URL: sink.url, MAIL_FROM: 'Kumoji <kumoji@example.jp>' });
    try {
      const sent = await sendDueReminders({ database: t.database }, up, new Date(), 'http://kumoji.test');
      assert.equal(sent.digests, 1);
      assert.equal(sink.received.length, 1);
    } finally {
      up?.close();
      await sink.close();
    }
  });
});
