import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import { isDatabaseUnavailable } from '../db/database-outage.rules.ts';
import { silentLogger, type Logger } from '../log.ts';
import { queueSettings, type Job, type JobDeps } from './job.ts';

/**
 * Background jobs (pg-boss) on Kumoji's own PostgreSQL, through the same
 * connection pool as everything else: any instance can send a job and any
 * instance can run it (pg-boss hands each job to one worker with
 * `FOR UPDATE SKIP LOCKED`), so several instances share the queue safely.
 * Its tables live in their own schema, `pgboss`, created and migrated by
 * pg-boss's own plans, not by Kumoji's migrations: `installJobQueue` runs them
 * as the owner role under the start-up lock (with the queues, whose tables
 * are partitions only the owner may attach, and the schedules), so the
 * serving role never changes the schema and only checks its version on start.
 *
 * Schedules: every serving instance runs pg-boss's timekeeper. Each round
 * (`cronMonitorIntervalSeconds`) one instance wins an update of
 * `pgboss.version.cron_on` and sends the due schedules as jobs keyed by the
 * queue's name in a 60-second slot, which a second sender in the same slot
 * cannot insert again: one job per tick, however many instances run.
 */

export type JobQueue = PgBoss;

const queues = new WeakMap<Database, PgBoss>();
/** This process's worker per queue, so a job sent here starts without waiting for a poll. */
const localWorkers = new WeakMap<PgBoss, Map<string, string>>();

export interface JobQueueOptions {
  logger?: Logger;
  /** How often instances look for due schedules and move them into their queues (pg-boss's defaults, 30 s and 5 s, when absent). */
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
}

const SCHEMA = 'pgboss';
/** pg-boss's own queue between a schedule and its job queue (timekeeper.js); a partition like any queue, so the owner makes it. */
const SCHEDULE_QUEUE = '__pgboss__send-it';

/**
 * pg-boss's way to the database. `stopped` is set once the queue has stopped:
 * pg-boss records a job's end without awaiting it (manager.js `onFetch`), so a
 * handler that ends after the stop would hit a pool that is about to close
 * and reject where no one listens. Such late bookkeeping is dropped instead
 * (a promise that never settles holds no handle); the job expires and runs
 * again elsewhere, as it does when an instance dies.
 */
function executorOf(database: Database, state: { stopped: boolean } = { stopped: false }) {
  return { executeSql: (text: string, values?: unknown[]) => (state.stopped ? new Promise<never>(() => undefined) : database.pool.query(text, values as unknown[])) };
}

const queueStates = new WeakMap<PgBoss, { stopped: boolean }>();

/**
 * As the owner role, under the start-up lock: pg-boss's schema at its current
 * version, every job's queue with its settings, and the schedules as the code
 * declares them now (a schedule dropped from a job is removed).
 */
export async function installJobQueue(owner: Database, jobs: readonly Job[]): Promise<void> {
  const boss = new PgBoss({ db: executorOf(owner), schema: SCHEMA, supervise: false, schedule: false, migrate: true });
  await boss.start();
  try {
    await boss.createQueue(SCHEDULE_QUEUE);
    for (const job of jobs) {
      await boss.createQueue(job.queue);
      await boss.updateQueue(job.queue, queueSettings(job));
      if (job.schedule) await boss.schedule(job.queue, job.schedule.cron, job.schedule.data, { tz: job.schedule.timeZone });
      else await boss.unschedule(job.queue);
    }
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}

export async function startJobQueue(database: Database, options: JobQueueOptions = {}): Promise<PgBoss> {
  const state = { stopped: false };
  const boss = new PgBoss({
    // The app's pool, not a second one: same database, same connection settings (embedded socket or DATABASE_URL).
    db: executorOf(database, state),
    schema: SCHEMA,
    supervise: true,
    schedule: true,
    ...(options.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {}),
    ...(options.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds } : {}),
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
  queueStates.set(boss, state);
  queues.set(database, boss);
  localWorkers.set(boss, new Map());
  return boss;
}

/** The queue started for this database in this process, if any (tests without one run jobs in-process). */
export function jobQueueOf(database: Database): PgBoss | undefined {
  return queues.get(database);
}

/**
 * A worker on this instance for each job. A handler that throws fails the
 * job, which pg-boss retries as the job's options say; one whose instance
 * dies is expired and retried elsewhere, so handlers are written to be run
 * twice safely.
 */
export async function startJobWorkers(queue: PgBoss, jobs: readonly Job[], deps: JobDeps, log: (message: string) => void): Promise<void> {
  const workers = localWorkers.get(queue) ?? new Map<string, string>();
  localWorkers.set(queue, workers);
  for (const job of jobs) {
    const workerId = await queue.work<object>(
      job.queue,
      { pollingIntervalSeconds: job.options?.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async ([sent]) => job.handler(sent.data, { deps, jobId: sent.id, log }),
    );
    workers.set(job.queue, workerId);
  }
}

/**
 * Sends a job to its queue and wakes this instance's worker for it (others
 * find it at their next poll). False when no queue runs in this process (a
 * test app), so the caller does the work itself.
 */
export async function sendJob(database: Database, queueName: string, data: object): Promise<boolean> {
  const queue = queues.get(database);
  if (!queue) return false;
  await queue.send(queueName, data);
  const local = localWorkers.get(queue)?.get(queueName);
  if (local) queue.notifyWorker(local);
  return true;
}

/** Stops taking work, waits for running jobs (up to `timeoutMs`), then forgets the queue. */
export async function stopJobQueue(database: Database, timeoutMs = 30_000): Promise<void> {
  const boss = queues.get(database);
  if (!boss) return;
  queues.delete(database);
  await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs }).catch(() => undefined);
  const state = queueStates.get(boss);
  if (state) state.stopped = true;
}
