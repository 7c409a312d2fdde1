import type PgBoss from 'pg-boss';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';

/**
 * A background job as a module declares it: its queue, the handler that does
 * the work, the queue's retry and expiry settings, and, for work that recurs
 * (reminders, review dates), a cron schedule. The module lists its `defineJob`
 * values; start-up creates the queues and stores the schedules as the owner
 * (`installJobQueue`) and every instance runs a worker for each
 * (`startJobWorkers`).
 */

/** What a handler may use: the server's config, database, logger and clock. */
export interface JobDeps {
  config: Config;
  database: Database;
  logger?: Logger;
  clock?: Clock;
}

export interface JobRun {
  deps: JobDeps;
  /** pg-boss's id of the job, for messages. */
  jobId: string;
  /** Writes a line to the process's log (the server prints it with its other messages). */
  log: (message: string) => void;
}

/** Queue settings, stored with the queue (so scheduled jobs get them too), and how often an idle worker looks for work. */
export interface JobOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  pollingIntervalSeconds?: number;
}

/**
 * A cron expression (five fields, minute resolution) read in `timeZone`, e.g.
 * `{ cron: '0 9 * * 1-5', timeZone: 'Asia/Tokyo' }` for 09:00 on weekdays in
 * Japan. Stored in pg-boss's schedule table, so it survives restarts; each
 * tick sends one job across all instances.
 */
export interface JobSchedule<Data> {
  cron: string;
  timeZone: string;
  data: Data;
}

export interface JobDefinition<Data extends object> {
  queue: string;
  handler(data: Data, run: JobRun): Promise<void>;
  options?: JobOptions;
  schedule?: JobSchedule<Data>;
}

/** A declared job; any `Job<Data>` fits in a module's list of `Job`s. */
export interface Job<Data extends object = object> extends JobDefinition<Data> {
  readonly kind: 'job';
}

const QUEUE_NAME = /^[a-z][a-z0-9-]{1,48}$/;

/** Checks the declaration once, when the module loads, so a bad queue name or cron stops the start instead of a tick. */
export function defineJob<Data extends object>(definition: JobDefinition<Data>): Job<Data> {
  if (!QUEUE_NAME.test(definition.queue)) throw new Error(`Job queue "${definition.queue}": lower-case letters, digits and hyphens only`);
  if (definition.schedule && definition.schedule.cron.trim().split(/\s+/).length !== 5) {
    throw new Error(`Job queue "${definition.queue}": a schedule has five cron fields (minute hour day month weekday)`);
  }
  return Object.freeze({ ...definition, kind: 'job' as const });
}

/** The queue's stored settings in pg-boss's words. */
export function queueSettings(job: Job): PgBoss.Queue {
  const o = job.options ?? {};
  return {
    name: job.queue,
    ...(o.retryLimit !== undefined ? { retryLimit: o.retryLimit } : {}),
    ...(o.retryDelaySeconds !== undefined ? { retryDelay: o.retryDelaySeconds } : {}),
    ...(o.expireInSeconds !== undefined ? { expireInSeconds: o.expireInSeconds } : {}),
  };
}
