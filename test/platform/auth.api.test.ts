import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { issueSetupToken } from '../../src/server/platform/auth/auth.service.ts';
import { createOrganisation, createTestApp, TEST_PASSWORD, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ SIGNIN_MAX_FAILURES_ACCOUNT: '3', SIGNIN_MAX_FAILURES_ADDRESS: '50' });
});
after(() => t.close());

describe('first set-up', () => {
  test('the one-time link creates the first owner and organisation, then never again', async () => {
    const anonymous = new TestClient(t.app);
    assert.equal((await anonymous.session()).needsSetup, true);
    const link = await issueSetupToken(t.database.db);
    assert.equal(link.kind, 'issued');
    const token = link.kind === 'issued' ? link.token : '';

    const bad = await anonymous.post('/api/v1/setup', { token: 'x'.repeat(20), organisationName: '雲路商事', displayName: '山田 太郎', email: 'owner@example.jp', password: TEST_PASSWORD });
    assert.equal(bad.status, 403);
    assert.equal(bad.body.code, 'setupTokenInvalid');

    const weak = await anonymous.post('/api/v1/setup', { token, organisationName: '雲路商事', displayName: '山田 太郎', email: 'owner@example.jp', password: 'password1234' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.errors[0].path, 'password');
    assert.match(weak.body.errors[0].message, /推測されやすい/);

    const ok = await anonymous.post('/api/v1/setup', { token, organisationName: '雲路商事', displayName: '山田 太郎', email: 'Owner@Example.jp', password: TEST_PASSWORD });
    assert.equal(ok.status, 201, ok.raw);
    const session = await anonymous.session();
    assert.equal(session.authenticated, true);
    assert.equal(session.user.email, 'owner@example.jp');
    assert.equal(session.organisation.role, 'owner');
    assert.equal(session.organisation.requireMfa, true);
    assert.equal(session.organisation.mfaSetupRequired, true);

    // The policy holds the owner at the MFA step until enrolled.
    const blocked = await anonymous.get('/api/v1/members');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'mfaRequired');

    const again = await new TestClient(t.app).post('/api/v1/setup', { token, organisationName: 'X', displayName: 'Y', email: 'z@example.jp', password: TEST_PASSWORD });
    assert.equal(again.status, 409);
    assert.deepEqual(await issueSetupToken(t.database.db), { kind: 'done' });
  });
});

describe('sign-in, MFA and sessions', () => {
  test('wrong password is refused with a translated message and audited', async () => {
    const org = await createOrganisation(t);
    const c = new TestClient(t.app, 'en');
    const r = await c.post('/api/v1/auth/sign-in', { email: org.owner.email, password: 'not the password at all' });
    assert.equal(r.status, 401);
    assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(r.body.title, 'The e-mail address or password is not correct.');
    const { rows } = await t.database.pool.query(`select action from audit_log where chain = 'platform' and actor_label = $1`, [org.owner.email]);
    assert.ok(rows.some((r2) => r2.action === 'signin.failed'));
  });

  test('repeated failures lock the account for a while, even for the right password', async () => {
    const org = await createOrganisation(t);
    const c = new TestClient(t.app);
    for (let i = 0; i < 3; i++) {
      const r = await c.post('/api/v1/auth/sign-in', { email: org.owner.email, password: 'wrong password here' });
      assert.equal(r.status, 401);
    }
    const locked = await c.post('/api/v1/auth/sign-in', { email: org.owner.email, password: TEST_PASSWORD });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.code, 'signinLocked');
    assert.match(locked.body.title, /15 分後/);
    // Other accounts are not affected.
    const other = await createOrganisation(t);
    assert.equal((await new TestClient(t.app).post('/api/v1/auth/sign-in', { email: other.owner.email, password: TEST_PASSWORD })).status, 200);
  });

  test('MFA enrolment, sign-in with a code, recovery code once only, disable', async () => {
    const org = await createOrganisation(t, { requireMfa: true });
    const c = org.owner.client;
    const start = await c.post('/api/v1/account/mfa/enrolment');
    assert.equal(start.status, 200);
    assert.match(start.body.otpauthUrl, /^otpauth:\/\/totp\//);
    assert.match(start.body.qrSvg, /^<svg/);
    const wrong = await c.post('/api/v1/account/mfa/confirm', { code: '000000' });
    assert.equal(wrong.status, 400);
    const confirm = await c.post('/api/v1/account/mfa/confirm', { code: await generate({ secret: start.body.secret }) });
    assert.equal(confirm.status, 200);
    assert.equal(confirm.body.recoveryCodes.length, 10);
    assert.equal((await c.get('/api/v1/members')).status, 200);

    const fresh = new TestClient(t.app);
    const step1 = await fresh.post('/api/v1/auth/sign-in', { email: org.owner.email, password: TEST_PASSWORD });
    assert.equal(step1.body.mfaRequired, true);
    assert.equal((await fresh.get('/api/v1/members')).status, 401, 'nothing is readable before the second step');
    assert.equal((await fresh.post('/api/v1/auth/mfa', { code: '123456' })).status, 401);
    assert.equal((await fresh.post('/api/v1/auth/mfa', { code: confirm.body.recoveryCodes[0] })).status, 200);
    assert.equal((await fresh.get('/api/v1/members')).status, 200);

    const again = new TestClient(t.app);
    await again.post('/api/v1/auth/sign-in', { email: org.owner.email, password: TEST_PASSWORD });
    assert.equal((await again.post('/api/v1/auth/mfa', { code: confirm.body.recoveryCodes[0] })).status, 401, 'a recovery code works once');

    // The code that confirmed the enrolment cannot be replayed to sign in (ASVS 2.8.4).
    const replay = new TestClient(t.app);
    await replay.post('/api/v1/auth/sign-in', { email: org.owner.email, password: TEST_PASSWORD });
    const { rows: stepRows } = await t.database.pool.query('select mfa_last_step from users where id = $1', [org.owner.userId]);
    assert.ok(stepRows[0].mfa_last_step > 0);
    const usedCode = await generate({ secret: start.body.secret, epoch: stepRows[0].mfa_last_step * 30 });
    assert.equal((await replay.post('/api/v1/auth/mfa', { code: usedCode })).status, 401);

    // The organisation requires MFA of its owner: turning it off would lock the owner out.
    const refused = await c.post('/api/v1/account/mfa/disable', { password: TEST_PASSWORD });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'mfaRequiredByOrganisation');
    await t.database.pool.query('update organisations set require_mfa = false where id = $1', [org.id]);
    const off = await c.post('/api/v1/account/mfa/disable', { password: TEST_PASSWORD });
    assert.equal(off.status, 200);
    const { rows } = await t.database.pool.query(`select action, after from audit_log where chain = 'platform' and actor_user_id = $1 order by seq`, [org.owner.userId]);
    const actions = rows.map((r) => r.action);
    assert.ok(actions.includes('user.mfa-enable') && actions.includes('user.mfa-disable'));
    assert.ok(!JSON.stringify(rows).includes(start.body.secret), 'the secret never enters the trail');
  });

  test('sessions are listed and revocable; a password change ends the others', async () => {
    const org = await createOrganisation(t);
    const second = new TestClient(t.app);
    await second.signIn(org.owner.email);
    const list = await org.owner.client.get('/api/v1/account/sessions');
    assert.equal(list.body.items.length, 2);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    assert.equal((await org.owner.client.delete(`/api/v1/account/sessions/${list.body.items.find((s: { current: boolean }) => s.current).id}`)).status, 409);
    assert.equal((await org.owner.client.delete(`/api/v1/account/sessions/${other.id}`)).status, 204);
    assert.equal((await second.get('/api/v1/members')).status, 401);

    const third = new TestClient(t.app);
    await third.signIn(org.owner.email);
    const weak = await org.owner.client.post('/api/v1/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaaaa' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.errors[0].path, 'newPassword');
    const wrongCurrent = await org.owner.client.post('/api/v1/account/password', { currentPassword: 'nope nope nope', newPassword: 'Another-Long-Passphrase-77' });
    assert.equal(wrongCurrent.status, 400);
    const changed = await org.owner.client.post('/api/v1/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'Another-Long-Passphrase-77' });
    assert.equal(changed.status, 200);
    assert.equal((await third.get('/api/v1/members')).status, 401);
    assert.equal((await org.owner.client.get('/api/v1/members')).status, 200);
  });

  test('an idle session expires', async () => {
    const org = await createOrganisation(t);
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '2 hours' where user_id = ${org.owner.userId}`);
    assert.equal((await org.owner.client.get('/api/v1/members')).status, 401);
  });

  test('the session cookie is HttpOnly and SameSite=Lax; security headers are set', async () => {
    const org = await createOrganisation(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { cookie: `kumoji_csrf=${'a'.repeat(43)}`, 'x-csrf-token': 'a'.repeat(43), 'content-type': 'application/json' },
      payload: JSON.stringify({ email: org.owner.email, password: TEST_PASSWORD }),
    });
    const sessionCookie = String(signIn.headers['set-cookie']);
    assert.match(sessionCookie, /kumoji_session=.*HttpOnly/);
    assert.match(sessionCookie, /SameSite=Lax/);
  });

  test('a request without the CSRF token changes nothing', async () => {
    const org = await createOrganisation(t);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/account',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ displayName: 'Evil', version: 1 }),
    });
    assert.equal(res.statusCode, 403);
    const { rows } = await t.database.pool.query('select display_name from users where id = $1', [org.owner.userId]);
    assert.notEqual(rows[0].display_name, 'Evil');
  });

  test('profile edits are versioned: a stale version gets 409 in the user language', async () => {
    const org = await createOrganisation(t);
    const me = await org.owner.client.session();
    const ok = await org.owner.client.patch('/api/v1/account', { locale: 'en', version: me.user.version });
    assert.equal(ok.status, 200);
    const stale = await org.owner.client.patch('/api/v1/account', { displayName: 'Late', version: me.user.version });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.title, 'Someone else changed this first. Reload the latest version and try again.');
  });
});
