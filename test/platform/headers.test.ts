import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createOrganisation, createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

/**
 * Browser security headers on every kind of answer (JSON, problem
 * documents, HTML, files), and what a proxy's X-Forwarded-Proto may change:
 * Secure cookies and HSTS, only when the hop that says HTTPS is a proxy
 * TRUST_PROXY names.
 */

const PROXY = '10.0.0.5';
const STRANGER = '192.0.2.40';

let direct: TestApp;
let proxied: TestApp;
before(async () => {
  direct = await createTestApp();
  // The proxy is named by address, so a request from any other address is a client's own claim.
  proxied = await createTestApp({ TRUST_PROXY: PROXY });
});
after(async () => {
  await direct.close();
  await proxied.close();
});

type Hop = { from: string; proto?: 'https' | 'http' };

function inject(t: TestApp, method: 'GET' | 'POST', url: string, hop: Hop, body?: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method,
    url,
    remoteAddress: hop.from,
    headers: { ...(hop.proto ? { 'x-forwarded-proto': hop.proto } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
}

const cookiesOf = (r: LightMyRequestResponse) => [r.headers['set-cookie'] ?? []].flat();
const cookie = (r: LightMyRequestResponse, name: string) => cookiesOf(r).find((c) => c.startsWith(`${name}=`));

/** Signs in through `hop`; the answer carries the session cookie. */
async function signIn(t: TestApp, hop: Hop) {
  const org = await createOrganisation(t);
  const session = await inject(t, 'GET', '/api/v1/session', hop);
  const csrf = JSON.parse(session.body).csrfToken as string;
  const csrfCookie = cookie(session, 'kumoji_csrf')!.split(';')[0];
  const r = await inject(t, 'POST', '/api/v1/auth/sign-in', hop, { email: org.owner.email, password: TEST_PASSWORD }, { cookie: csrfCookie, 'x-csrf-token': csrf });
  assert.equal(r.statusCode, 200, r.body);
  return r;
}

describe('behind the proxy TRUST_PROXY names', () => {
  test('HTTPS at the proxy makes the session and CSRF cookies Secure and sends HSTS', async () => {
    const hop = { from: PROXY, proto: 'https' } as const;
    const r = await signIn(proxied, hop);
    assert.match(String(cookie(r, 'kumoji_session')), /; Secure/);
    assert.match(String(r.headers['strict-transport-security']), /^max-age=31536000; includeSubDomains$/);
    const session = await inject(proxied, 'GET', '/api/v1/session', hop);
    assert.match(String(cookie(session, 'kumoji_csrf')), /; Secure/);
    assert.ok(session.headers['strict-transport-security']);
  });

  test('plain HTTP at the proxy: no Secure cookie, and no HSTS (RFC 6797 7.2: never over an insecure transport)', async () => {
    const r = await signIn(proxied, { from: PROXY, proto: 'http' });
    assert.doesNotMatch(String(cookie(r, 'kumoji_session')), /Secure/);
    assert.equal(r.headers['strict-transport-security'], undefined);
  });

  test('a forged X-Forwarded-Proto from an address that is not the proxy does not count', async () => {
    const r = await signIn(proxied, { from: STRANGER, proto: 'https' });
    assert.doesNotMatch(String(cookie(r, 'kumoji_session')), /Secure/);
    assert.equal(r.headers['strict-transport-security'], undefined);
  });
});

describe('without TRUST_PROXY', () => {
  test('X-Forwarded-Proto is ignored from any address: no Secure cookie, no HSTS', async () => {
    for (const from of ['127.0.0.1', PROXY]) {
      const r = await signIn(direct, { from, proto: 'https' });
      assert.doesNotMatch(cookiesOf(r).join('\n'), /Secure/, from);
      assert.equal(r.headers['strict-transport-security'], undefined, from);
    }
  });
});

describe('framing and referrers', () => {
  function assertBrowserHeaders(r: LightMyRequestResponse, label: string) {
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /(^|;\s*)frame-ancestors 'none'(;|$)/, `${label}: ${csp}`);
    assert.doesNotMatch(csp, /frame-ancestors (?!'none')/, `${label}: ${csp}`);
    assert.equal(r.headers['x-frame-options'], 'DENY', label);
    assert.equal(r.headers['referrer-policy'], 'same-origin', label);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', label);
  }

  test('JSON answers, problem documents, the API documentation page and its document', async () => {
    const hop = { from: '127.0.0.1' };
    const answers: [string, string, number, RegExp][] = [
      ['JSON', '/api/v1/session', 200, /application\/json/],
      ['problem document', '/api/v1/organisation', 401, /application\/problem\+json/],
      ['unknown API path', '/api/v1/no-such-thing', 404, /application\/problem\+json/],
      ['OpenAPI document', '/api/openapi.json', 200, /application\/json/],
      ['API documentation (HTML)', '/api/docs/', 200, /text\/html/],
    ];
    for (const [label, url, status, type] of answers) {
      const r = await inject(direct, 'GET', url, hop);
      assert.equal(r.statusCode, status, `${label}: ${r.statusCode}`);
      assert.match(String(r.headers['content-type']), type, label);
      assertBrowserHeaders(r, label);
    }
  });

  test('an evidence file download', async () => {
    const org = await createOrganisation(direct);
    const c = org.owner.client;
    const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
    await loadShippedCatalog(direct.database, direct.config.CATALOG_DIR);
    const checklists = await c.get('/api/v1/diagnosis/checklists');
    const pre = checklists.body.items.find((x: { id: string }) => x.id.endsWith(':prerequisite'));
    const draft = await c.post('/api/v1/diagnosis/assessments', { checklistId: pre.id });
    const body = `--b0\r\nContent-Disposition: form-data; name="file"; filename="memo.txt"\r\nContent-Type: text/plain\r\n\r\nmemo\r\n--b0--\r\n`;
    const item = encodeURIComponent(`${pre.id}:1.1`);
    const up = await c.request('POST', `/api/v1/diagnosis/assessments/${draft.body.id}/answers/${item}/evidence`, Buffer.from(body), { 'content-type': 'multipart/form-data; boundary=b0' });
    assert.equal(up.status, 201, up.raw);
    const file = await c.get(`/api/v1/evidence/${up.body.id}`);
    assert.equal(file.status, 200);
    assert.match(String(file.headers['content-security-policy']), /sandbox/);
    assertBrowserHeaders({ headers: file.headers } as LightMyRequestResponse, 'evidence file');
  });
});
