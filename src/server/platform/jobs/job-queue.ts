import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';

/**
 * Background jobs (pg-boss) on Kumoji's own PostgreSQL, through the same
 * connection pool as everything else: any instance can send a job and any
 * instance can run it (pg-boss hands each job to one worker with
 * `FOR UPDATE SKIP LOCKED`), so several instances share the queue safely.
 * Its tables live in their own schema, `pgboss`, created by pg-boss itself
 * on start (under its advisory lock), not by Kumoji's migrations.
 */

export type JobQueue = PgBoss;

const queues = new WeakMap<Database, PgBoss>();

export interface JobQueueOptions {
  log?: (message: string) => void;
}

export async function startJobQueue(database: Database, options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    // The app's pool, not a second one: same database, same connection settings (embedded socket or DATABASE_URL).
    db: { executeSql: (text: string, values?: unknown[]) => database.pool.query(text, values as unknown[]) },
    schema: 'pgboss',
    supervise: true,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (e: Error) => options.log?.(`job queue: ${e.message}`));
  await boss.start();
  queues.set(database, boss);
  return boss;
}

/** The queue started for this database in this process, if any (tests without one run jobs in-process). */
export function jobQueueOf(database: Database): PgBoss | undefined {
  return queues.get(database);
}

/** Stops taking work, waits for running jobs (up to `timeoutMs`), then forgets the queue. */
export async function stopJobQueue(database: Database, timeoutMs = 30_000): Promise<void> {
  const boss = queues.get(database);
  if (!boss) return;
  queues.delete(database);
  await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs }).catch(() => undefined);
}
