import { after, before } from 'node:test';
import type pg from 'pg';
import { createOrganisation, createTestApp, type TestApp, type TestOrganisation } from './test-app.ts';

/**
 * Counts the SQL statements a piece of work sends through a pool: every
 * `query` of every client the pool hands out, transaction control (BEGIN,
 * COMMIT) included, since each is a round trip to the database like any other.
 * Clients are wrapped as the pool hands them out (`acquire`), which covers
 * `pool.query`, drizzle's queries and transactions alike.
 *
 * Nothing else may use the pool while `measure` runs (no job workers, no
 * requests side by side): statements are not told apart by who sent them.
 */
export interface StatementCounter {
  /** Runs `work` and returns its result with the statements it sent, in order. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
  /** Stops recording; clients already wrapped pass their queries straight on. */
  stop(): void;
}

type Query = pg.PoolClient['query'];

/** The statement's text as sent: a string, or the `text` of a query config (named prepared statements). */
function statementText(first: unknown): string {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first) return String((first as { text: unknown }).text);
  return String(first);
}

export function countStatements(pool: pg.Pool): StatementCounter {
  const wrapped = new WeakSet<pg.PoolClient>();
  let recording: string[] | null = null;
  let stopped = false;
  const wrap = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      if (!stopped && recording) recording.push(statementText(args[0]).replace(/\s+/g, ' ').trim());
      return original(...args);
    }) as Query;
  };
  pool.on('acquire', wrap);
  return {
    async measure(work) {
      if (recording) throw new Error('measure() calls may not overlap');
      const statements: string[] = [];
      recording = statements;
      try {
        return { result: await work(), statements };
      } finally {
        recording = null;
      }
    },
    stop() {
      stopped = true;
      pool.off('acquire', wrap);
    },
  };
}

/**
 * For a file of statement counts: a test app with one organisation and a
 * counter on its pool, made before the file's tests and closed after them.
 */
export function countedOrganisation(): { t: TestApp; org: TestOrganisation; counter: StatementCounter } {
  const world = {} as { t: TestApp; org: TestOrganisation; counter: StatementCounter };
  before(async () => {
    world.t = await createTestApp();
    world.org = await createOrganisation(world.t);
    world.counter = countStatements(world.t.database.pool);
  });
  after(async () => {
    world.counter.stop();
    await world.t.close();
  });
  return world;
}
