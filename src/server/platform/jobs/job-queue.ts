import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import { isDatabaseUnavailable } from '../db/database-outage.rules.ts';
import { silentLogger, type Logger } from '../log.ts';

/**
 * Background jobs (pg-boss) on Kumoji's own PostgreSQL, through the same
 * connection pool as everything else: any instance can send a job and any
 * instance can run it (pg-boss hands each job to one worker with
 * `FOR UPDATE SKIP LOCKED`), so several instances share the queue safely.
 * Its tables live in their own schema, `pgboss`, created and migrated by
 * pg-boss's own plans, not by Kumoji's migrations: `installJobQueue` runs them
 * as the owner role under the start-up lock (with the queues, whose tables
 * are partitions only the owner may attach), so the serving role never
 * changes the schema and only checks its version on start.
 */

export type JobQueue = PgBoss;

const queues = new WeakMap<Database, PgBoss>();

export interface JobQueueOptions {
  logger?: Logger;
}

const SCHEMA = 'pgboss';

function executorOf(database: Database) {
  return { executeSql: (text: string, values?: unknown[]) => database.pool.query(text, values as unknown[]) };
}

/** As the owner role, under the start-up lock: pg-boss's schema at its current version, and every queue. */
export async function installJobQueue(owner: Database, queues: readonly string[]): Promise<void> {
  const boss = new PgBoss({ db: executorOf(owner), schema: SCHEMA, supervise: false, schedule: false, migrate: true });
  await boss.start();
  try {
    for (const queue of queues) await boss.createQueue(queue);
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}

export async function startJobQueue(database: Database, options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    // The app's pool, not a second one: same database, same connection settings (embedded socket or DATABASE_URL).
    db: executorOf(database),
    schema: SCHEMA,
    supervise: true,
    schedule: false,
    // Installed by `installJobQueue`; here pg-boss only checks the schema's version.
    migrate: false,
  });
  // pg-boss keeps polling while the database is away and reports each failed round here.
  const logger = options.logger ?? silentLogger;
  boss.on('error', (err: Error) => {
    if (isDatabaseUnavailable(err)) logger.warn({ err }, 'job queue: database unavailable');
    else logger.error({ err }, 'job queue error');
  });
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
