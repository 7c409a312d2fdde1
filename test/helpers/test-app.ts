import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import type { Role } from '../../src/shared/policy.ts';
import { appendAudit } from '../../src/server/platform/audit/audit.repository.ts';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import { loadConfig, type Config } from '../../src/server/platform/config.ts';
import type { Clock } from '../../src/server/platform/clock.ts';
import { buildApp } from '../../src/server/platform/http/app.ts';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';
import { insertUser, forceUpdateUser } from '../../src/server/platform/auth/user.repository.ts';
import { insertMembership, insertOrganisation } from '../../src/server/platform/orgs/organisation.repository.ts';
import { allRoutes } from '../../src/server/routes.ts';
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from './test-database.ts';

export const TEST_PASSWORD = 'Kumoji-Test-Passphrase-2026!';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  routes: AnyRoute[];
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-app-'));
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PUBLIC_URL: 'http://kumoji.test', KUMOJI_AUDIT_KEY: TEST_AUDIT_KEY, ...overrides });
}

/** A test app on a fresh database; `clock` stands every rule that counts time at a chosen instant. */
export async function createTestApp(overrides: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const deps = { config, database, ...(options.clock ? { clock: options.clock } : {}) };
  const routes = allRoutes(deps);
  const app = await buildApp(deps, routes);
  await app.ready();
  return {
    app,
    database,
    config,
    routes,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface Reply {
  status: number;
  body: any;
  headers: LightMyRequestResponse['headers'];
  raw: string;
}

/** A browser-like client: keeps cookies, sends the CSRF token on every state-changing request. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(
    readonly app: FastifyInstance,
    readonly lang: 'ja' | 'en' = 'ja',
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    if (!this.csrf && method !== 'GET') await this.session();
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        cookie: this.cookieHeader(),
        'accept-language': this.lang,
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: parsed, headers: res.headers, raw: res.body };
  }

  async session() {
    const r = await this.request('GET', '/api/v1/session');
    this.csrf = r.body.csrfToken;
    return r.body;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body: unknown = {}) {
    return this.request('POST', url, body);
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  async signIn(email: string, password = TEST_PASSWORD, totpSecret?: string) {
    const r = await this.post('/api/v1/auth/sign-in', { email, password });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.raw}`);
    if (r.body.mfaRequired) {
      if (!totpSecret) throw new Error('MFA required but no secret given');
      const m = await this.post('/api/v1/auth/mfa', { code: await generate({ secret: totpSecret }) });
      if (m.status !== 200) throw new Error(`mfa failed: ${m.status} ${m.raw}`);
    }
    return this.session();
  }
}

let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));
let counter = 0;

export interface TestMember {
  userId: string;
  email: string;
  client: TestClient;
}

export interface TestOrganisation {
  id: string;
  name: string;
  owner: TestMember;
}

/**
 * An organisation with a signed-in owner. MFA policy is off unless asked for,
 * so tests that are not about MFA stay short.
 */
export async function createOrganisation(t: TestApp, opts: { requireMfa?: boolean; name?: string } = {}): Promise<TestOrganisation> {
  const { db } = t.database;
  const n = ++counter;
  const org = await insertOrganisation(db, opts.name ?? `Org ${n} ${Math.random().toString(36).slice(2, 7)}`);
  if (!opts.requireMfa) await db.execute(sql`update organisations set require_mfa = false where id = ${org.id}`);
  const owner = await addMember(t, org.id, 'owner');
  return { id: org.id, name: org.name, owner };
}

export async function addMember(t: TestApp, organisationId: string, role: Role, lang: 'ja' | 'en' = 'ja'): Promise<TestMember> {
  const { db } = t.database;
  const email = `${role}-${++counter}-${Math.random().toString(36).slice(2, 8)}@example.jp`;
  const user = await insertUser(db, { email, displayName: `${role} ${counter}`, passwordHash: await passwordHash(), locale: lang });
  await insertMembership(db, organisationId, user.id, role);
  await forceUpdateUser(db, user.id, { lastOrganisationId: organisationId });
  await db.transaction((tx) =>
    appendAudit(tx, { organisationId, actorUserId: user.id, actorLabel: email, action: 'member.add', entityType: 'member', entityId: user.id, after: { role } }),
  );
  const client = new TestClient(t.app, lang);
  await client.signIn(email);
  return { userId: user.id, email, client };
}
