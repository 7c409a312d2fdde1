import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { silentLogger, type Logger } from '../log.ts';
import { isDatabaseUnavailable } from './database-outage.rules.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

// Timestamps and bigints come back as JS values; numeric stays a string (exact yen amounts).
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = NodePgDatabase<Record<string, never>>;

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/**
 * How long to wait for a connection (a new one, or a free one from the pool)
 * before the request is answered 503 rather than left hanging while the
 * database is unreachable.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A pool that outlives its database: a failed connection is logged and
 * dropped, never an unhandled `error` event that would end the process, and
 * the next query opens a new connection once the server is back.
 */
export function connect(url: string, poolSize = 10, log: Logger = silentLogger): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // pg-pool listens to its idle clients only and re-emits their errors here; the listener below logs them.
  pool.on('error', () => undefined);
  // A client checked out (a transaction between statements) has no listener of pg-pool's: this one is always there.
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err }, 'database connection lost'));
  });
  const db = drizzle(pool) as Db;
  db.transaction = transactionOn(pool);
  return { pool, db, close: () => pool.end() };
}

/**
 * `db.transaction` on a client this function checks out and always gives
 * back. Drizzle's own, on a pool, sends BEGIN before the `try` whose
 * `finally` releases the client: when the connection is lost right then (a
 * database going away under load), the client is never given back and
 * `pool.end()` waits for it forever, so stopping the server never reaches
 * the database.
 */
export function transactionOn(pool: pg.Pool): Db['transaction'] {
  // Pooled clients are reused: one drizzle instance each.
  const onClient = new WeakMap<pg.PoolClient, Db>();
  return async (work, config) => {
    const client = await pool.connect();
    let failure: unknown;
    try {
      let db = onClient.get(client);
      if (!db) onClient.set(client, (db = drizzle(client) as unknown as Db));
      return await db.transaction(work, config);
    } catch (e) {
      failure = e;
      throw e;
    } finally {
      // With the error, a client whose connection broke is dropped rather than reused.
      client.release(failure instanceof Error && isDatabaseUnavailable(failure) ? failure : undefined);
    }
  };
}

/**
 * Arbitrary constant for pg_advisory_lock: one instance at a time does the
 * start-up work that changes the database (the value migrations alone used
 * to lock with, so an older instance starting beside a newer one waits too).
 */
const STARTUP_LOCK = 74_656_001;

/**
 * Runs `work` while this session holds the start-up lock, on a connection of
 * its own: the work itself uses other connections, which begin their
 * transactions after the lock is granted and so see everything the previous
 * holder committed (a statement that merely waited for a lock would not:
 * pg-boss's `CREATE SCHEMA IF NOT EXISTS` after its own lock still collided).
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    // Ending the session releases the lock, also when the unlock itself fails.
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** Applies pending migrations as the connected (owner) role. Call it under `withStartupLock`. */
export async function runMigrations(database: Database): Promise<number> {
  const before = await appliedMigrationCount(database);
  await migrate(database.db, { migrationsFolder: MIGRATIONS_DIR });
  const after = await appliedMigrationCount(database);
  return after - before;
}

export function shippedMigrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrationCount(database: Database): Promise<number> {
  const exists = await database.pool.query<{ t: string | null }>(`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists.rows[0].t) return 0;
  const { rows } = await database.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  return rows[0].n;
}
