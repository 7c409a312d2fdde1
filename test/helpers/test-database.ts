import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, runMigrations, type Database } from '../../src/server/platform/db/database.ts';

/**
 * A fresh, migrated database for one test file, on the server the test run
 * uses (embedded, or DATABASE_URL). Dropped again by `drop()`.
 */
export interface TestDatabase extends Database {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.KUMOJI_TEST_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Run the tests with `npm test` (it provides a database), or set DATABASE_URL.');
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = adminUrl();
  const baseName = new URL(base).pathname.replace(/^\//, '') || 'postgres';
  const name = `${baseName}_t_${randomBytes(5).toString('hex')}`.slice(0, 60);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(base, name);
  const database = connect(url, 10);
  await runMigrations(database);
  return {
    ...database,
    url,
    name,
    async drop() {
      await database.close().catch(() => undefined);
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}
