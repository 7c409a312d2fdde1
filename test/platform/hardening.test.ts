import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { issueSetupToken } from '../../src/server/platform/auth/auth.service.ts';
import { createOrganisation, createTestApp, TEST_PASSWORD, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ SIGNIN_MAX_FAILURES_ACCOUNT: '3', SIGNIN_MAX_FAILURES_ADDRESS: '50' });
});
after(() => t.close());

describe('password and second-factor re-checks share the sign-in throttle', () => {
  test('wrong current passwords lock the account with a translated 429, and the password stays', async () => {
    const org = await createOrganisation(t);
    const c = org.owner.client;
    for (let i = 0; i < 3; i++) {
      const r = await c.post('/api/v1/account/password', { currentPassword: `wrong guess number ${i}`, newPassword: 'Another-Long-Passphrase-2026!' });
      assert.equal(r.status, 400, r.raw);
      assert.equal(r.body.errors[0].code, 'passwordCurrentWrong');
    }
    const locked = await c.post('/api/v1/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'Another-Long-Passphrase-2026!' });
    assert.equal(locked.status, 429, locked.raw);
    assert.equal(locked.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(locked.body.code, 'signinLocked');
    assert.match(locked.body.title, /ロック/);
    // The same lock holds at sign-in: one budget of guesses, not one per route.
    const signIn = await new TestClient(t.app, 'en').post('/api/v1/auth/sign-in', { email: org.owner.email, password: TEST_PASSWORD });
    assert.equal(signIn.status, 429);
    assert.match(signIn.body.title, /locked/);
  });

  test('switching MFA off and new recovery codes count their wrong passwords too', async () => {
    for (const url of ['/api/v1/account/mfa/disable', '/api/v1/account/mfa/recovery-codes']) {
      const org = await createOrganisation(t);
      const c = org.owner.client;
      await t.database.pool.query(`update users set mfa_secret = 'JBSWY3DPEHPK3PXP', mfa_enabled_at = now() where id = $1`, [org.owner.userId]);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await c.post(url, { password: `wrong guess number ${i}` })).status);
      assert.deepEqual(statuses, [400, 400, 400, 429], url);
      const { rows } = await t.database.pool.query(`select mfa_enabled_at from users where id = $1`, [org.owner.userId]);
      assert.ok(rows[0].mfa_enabled_at, 'MFA is still on');
    }
  });

  test('wrong codes at MFA enrolment count as second-factor failures', async () => {
    const org = await createOrganisation(t);
    const c = org.owner.client;
    assert.equal((await c.post('/api/v1/account/mfa/enrolment')).status, 200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await c.post('/api/v1/account/mfa/confirm', { code: '000000' })).status);
    assert.deepEqual(statuses, [400, 400, 400, 429]);
  });
});

describe('the set-up link', () => {
  test('a second start keeps the unused link working; only an explicit new link replaces it', async () => {
    // A fresh database with no account: the suite's own app has members already.
    const fresh = await createTestApp();
    try {
      const first = await issueSetupToken(fresh.database.db);
      assert.equal(first.kind, 'issued');
      assert.deepEqual(await issueSetupToken(fresh.database.db), { kind: 'alreadyIssued' });
      const replaced = await issueSetupToken(fresh.database.db, { replace: true });
      assert.equal(replaced.kind, 'issued');
      const setup = (token: string) =>
        new TestClient(fresh.app).post('/api/v1/setup', { token, organisationName: '雲路商事', displayName: '山田 太郎', email: 'owner@example.jp', password: TEST_PASSWORD });
      assert.equal((await setup(first.kind === 'issued' ? first.token : '')).status, 403, 'the replaced link stops working');
      assert.equal((await setup(replaced.kind === 'issued' ? replaced.token : '')).status, 201);
    } finally {
      await fresh.close();
    }
  });
});

describe('responses carrying a secret are not cached', () => {
  test('the session (CSRF token), the TOTP secret and recovery codes answer Cache-Control: no-store', async () => {
    const anonymous = await new TestClient(t.app).get('/api/v1/session');
    assert.equal(anonymous.headers['cache-control'], 'no-store');
    const org = await createOrganisation(t);
    const signedIn = await org.owner.client.get('/api/v1/session');
    assert.equal(signedIn.headers['cache-control'], 'no-store');
    const enrolment = await org.owner.client.post('/api/v1/account/mfa/enrolment');
    assert.equal(enrolment.status, 200);
    assert.equal(enrolment.headers['cache-control'], 'no-store');
  });
});

// Secure cookies, HSTS and the other browser headers behind a proxy: test/platform/headers.test.ts.
describe('behind one trusted proxy (TRUST_PROXY=true)', () => {
  let p: TestApp;
  before(async () => {
    p = await createTestApp({ TRUST_PROXY: 'true', SIGNIN_MAX_FAILURES_ACCOUNT: '1000', SIGNIN_MAX_FAILURES_ADDRESS: '5' });
  });
  after(() => p.close());
  // The proxy (here 127.0.0.1, the injected peer) appends the address it saw; anything before it is the client's own claim.
  const viaProxy = (client: TestClient, body: unknown, forwardedFor: string) =>
    client.request('POST', '/api/v1/auth/sign-in', body, { 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'https' });

  test('forged X-Forwarded-For addresses do not dodge the per-address limit', async () => {
    const attacker = new TestClient(p.app, 'en');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await viaProxy(attacker, { email: `nobody-${i}@example.jp`, password: 'a wrong password here' }, `192.0.2.${i + 1}, 203.0.113.7`);
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
  });

  test("forging a victim's address does not lock the victim out", async () => {
    const org = await createOrganisation(p);
    const attacker = new TestClient(p.app);
    for (let i = 0; i < 8; i++) await viaProxy(attacker, { email: `other-${i}@example.jp`, password: 'a wrong password here' }, `198.51.100.9, 203.0.113.8`);
    const victim = new TestClient(p.app);
    const r = await viaProxy(victim, { email: org.owner.email, password: TEST_PASSWORD }, '198.51.100.9');
    assert.equal(r.status, 200, r.raw);
  });
});

describe("errors from Node's HTTP parser", () => {
  const rawRequest = (port: number, request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
      let answer = '';
      socket.on('data', (d) => (answer += d.toString('utf8')));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });

  test('malformed requests and too-large headers get problem documents', async () => {
    const app = await createTestApp();
    try {
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.app.server.address() as net.AddressInfo).port;
      const huge = await rawRequest(port, `GET /api/v1/session HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      assert.match(huge, /^HTTP\/1.1 431 /);
      assert.match(huge, /content-type: application\/problem\+json; charset=utf-8/i);
      const hugeBody = JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4));
      assert.equal(hugeBody.code, 'headersTooLarge');
      assert.equal(hugeBody.status, 431);
      const malformed = await rawRequest(port, 'NOT A REQUEST\r\n\r\n');
      assert.match(malformed, /^HTTP\/1.1 400 /);
      assert.equal(JSON.parse(malformed.slice(malformed.indexOf('\r\n\r\n') + 4)).code, 'badRequest');
    } finally {
      await app.close();
    }
  });
});
