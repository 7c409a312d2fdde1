import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { installAuditKey } from '../../src/server/platform/audit/audit-key.ts';
import { connect, withStartupLock, type Database } from '../../src/server/platform/db/database.ts';
import { ensureRoles, type DatabaseRoles } from '../../src/server/platform/db/database-roles.ts';
import { prepareDatabase } from '../../src/server/platform/db/prepare-database.ts';
import { JOBS } from '../../src/server/jobs.ts';

/**
 * A fresh, migrated database for one test file, on the server the test run
 * uses (embedded, or DATABASE_URL). Dropped again by `drop()`.
 *
 * Like a production install it has two roles: the database is owned (and
 * migrated) by `kumoji_test_owner`, and the pool serves as `kumoji_test_app`,
 * which has only the grants Kumoji gives a serving role, so a missing grant
 * fails the suite. Roles belong to the whole server, so every test database
 * shares these two (created idempotently; never dropped).
 */
export interface TestDatabase extends Database {
  /** The serving role's URL. */
  url: string;
  /** The owner role's URL (DATABASE_OWNER_URL of a server started on this database). */
  ownerUrl: string;
  name: string;
  /** One statement as the owner, which (unlike the serving role) may go around audit_log's trigger. */
  queryAsOwner<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  drop(): Promise<void>;
}

/**
 * The audit key of every test (KUMOJI_AUDIT_KEY of `testConfig`, and of a CLI
 * the tests run), so the apps and tools of one test file agree on the seals.
 */
export const TEST_AUDIT_KEY = 'a1'.repeat(32);

export const TEST_ROLES: DatabaseRoles = { owner: 'kumoji_test_owner', serving: 'kumoji_test_app' };
// For servers that ask for passwords; the embedded one and CI trust local connections.
const TEST_ROLE_PASSWORD = 'kumoji-test';

function adminUrl(): string {
  const url = process.env.KUMOJI_TEST_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Run the tests with `npm test` (it provides a database), or set DATABASE_URL.');
  return url;
}

function urlOf(base: string, database: string, role: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  u.username = role;
  u.password = TEST_ROLE_PASSWORD;
  return u.toString();
}

/** `migrate: false` leaves the database empty, for tests of the start-up itself. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  installAuditKey(Buffer.from(TEST_AUDIT_KEY, 'hex'));
  const base = adminUrl();
  const baseName = new URL(base).pathname.replace(/^\//, '') || 'postgres';
  const name = `${baseName}_t_${randomBytes(5).toString('hex')}`.slice(0, 60);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await ensureRoles(admin, TEST_ROLES, TEST_ROLE_PASSWORD);
    await admin.query(`create database "${name}" owner ${pg.escapeIdentifier(TEST_ROLES.owner)}`);
  } finally {
    await admin.end();
  }
  const url = urlOf(base, name, TEST_ROLES.serving);
  const ownerUrl = urlOf(base, name, TEST_ROLES.owner);
  if (options.migrate !== false) await withStartupLock(ownerUrl, () => prepareDatabase({ url, ownerUrl }, JOBS));
  const database = connect(url, 10);
  return {
    ...database,
    url,
    ownerUrl,
    name,
    async queryAsOwner(text, values) {
      const owner = new pg.Client({ connectionString: ownerUrl });
      await owner.connect();
      try {
        return await owner.query(text, values);
      } finally {
        await owner.end();
      }
    },
    async drop() {
      await database.close().catch(() => undefined);
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}
