import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { JOBS } from '../../src/server/jobs.ts';
import { connect, withStartupLock, type Database } from '../../src/server/platform/db/database.ts';
import { prepareDatabase } from '../../src/server/platform/db/prepare-database.ts';
import { defineJob, type Job } from '../../src/server/platform/jobs/job.ts';
import { startJobQueue, startJobWorkers, stopJobQueue } from '../../src/server/platform/jobs/job-queue.ts';
import { testConfig } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * Scheduled jobs on two instances sharing one database: each tick of a
 * schedule runs once, on one of them, and the schedule outlives both.
 * Every instance looks for due schedules each second here (30 s in service),
 * so several rounds pass while the test waits.
 */

const TICK_QUEUE = 'schedule-check';
const FAST = { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 };

interface Handled {
  instance: string;
  jobId: string;
}

let t: TestDatabase;
const handled: Handled[] = [];
let firstHandled: () => void;
const firstRun = new Promise<void>((resolve) => (firstHandled = resolve));

// Every minute, read in Tokyo: a minute-resolution cron is due at once when the instances start.
const tickJob = (instance: string): Job =>
  defineJob<{ note: string }>({
    queue: TICK_QUEUE,
    schedule: { cron: '* * * * *', timeZone: 'Asia/Tokyo', data: { note: 'tick' } },
    options: { pollingIntervalSeconds: 0.5 },
    handler: async (data, run) => {
      assert.equal(data.note, 'tick');
      handled.push({ instance, jobId: run.jobId });
      firstHandled();
    },
  });

const prepare = (jobs: readonly Job[]) => withStartupLock(t.ownerUrl, () => prepareDatabase(t, jobs));

/** Waits until `check` holds, looking again every 100 ms. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await sleep(100);
}

const cronRound = async (db: Database) => (await db.pool.query<{ at: string | null }>('select cron_on::text as at from pgboss.version')).rows[0].at;

async function pendingJobs(db: Database, queue: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = $1 and state in ('created', 'retry', 'active')`, [queue]);
  return rows[0].n;
}

before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

describe('scheduled jobs', () => {
  test('two instances on one database: each tick of a schedule runs once', async () => {
    await prepare([...JOBS, tickJob('install')]);
    const instances = [connect(t.url, 3), connect(t.url, 3)];
    try {
      for (const [i, database] of instances.entries()) {
        const queue = await startJobQueue(database, FAST);
        await startJobWorkers(queue, [tickJob(`instance ${i + 1}`)], { config: testConfig(), database }, () => undefined);
      }
      await firstRun;
      // Three more rounds of looking for due schedules, by either instance, then until nothing is left in flight.
      for (let round = 0; round < 3; round++) {
        const seen = await cronRound(t);
        await until(async () => (await cronRound(t)) !== seen);
      }
      await until(async () => (await pendingJobs(t, '__pgboss__send-it')) === 0 && (await pendingJobs(t, TICK_QUEUE)) === 0);
    } finally {
      for (const database of instances) await stopJobQueue(database);
      for (const database of instances) await database.close();
    }
    // One sending per one-minute slot, and one run of each job sent.
    const { rows: ticks } = await t.pool.query<{ slot: string; n: number }>(
      `select singleton_on::text as slot, count(*)::int as n from pgboss.job where name = '__pgboss__send-it' and singleton_key = $1 group by 1`,
      [TICK_QUEUE],
    );
    assert.ok(ticks.length >= 1);
    assert.ok(ticks.every((tick) => tick.n === 1), JSON.stringify(ticks));
    const { rows: sent } = await t.pool.query<{ id: string }>('select id from pgboss.job where name = $1', [TICK_QUEUE]);
    assert.equal(sent.length, ticks.length);
    assert.deepEqual(handled.map((h) => h.jobId).sort(), sent.map((s) => s.id).sort());
  });

  test('the schedule outlives the instances; one dropped from the code goes at the next start', async () => {
    const later = connect(t.url, 3);
    try {
      const queue = await startJobQueue(later);
      const shown = (list: { name: string; cron: string }[]) => list.map((s) => ({ name: s.name, cron: s.cron, timezone: (s as { timezone?: string }).timezone })).sort((a, b) => a.name.localeCompare(b.name));
      // The modules' own schedules (the reminders) stay throughout; only the tick comes and goes.
      const modules = JOBS.flatMap((j) => (j.schedule ? [{ name: j.queue, cron: j.schedule.cron, timezone: j.schedule.timeZone }] : []));
      assert.deepEqual(shown(await queue.getSchedules()), shown([...modules, { name: TICK_QUEUE, cron: '* * * * *', timezone: 'Asia/Tokyo' }].map((s) => ({ ...s }))));
      await stopJobQueue(later);
      await prepare([...JOBS, defineJob({ queue: TICK_QUEUE, handler: async () => undefined })]);
      const again = await startJobQueue(later);
      assert.deepEqual(shown(await again.getSchedules()), shown(modules));
    } finally {
      await stopJobQueue(later);
      await later.close();
    }
  });

  test('a job still running when its instance stops ends without touching the closed pool', async () => {
    const SLOW_QUEUE = 'slow-end';
    let started: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slowJob = defineJob({ queue: SLOW_QUEUE, options: { pollingIntervalSeconds: 0.5 }, handler: async () => (started(), released) });
    await prepare([...JOBS, slowJob]);
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    const instance = connect(t.url, 3);
    try {
      const queue = await startJobQueue(instance);
      await startJobWorkers(queue, [slowJob], { config: testConfig(), database: instance }, () => undefined);
      await queue.send(SLOW_QUEUE, {});
      await running;
      // The stop gives up waiting after a second and the pool closes while the handler still runs.
      await stopJobQueue(instance, 1000);
      await instance.close();
      release!();
      await sleep(300);
      assert.deepEqual(unhandled.map(String), []);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });

  test('a declaration with a bad queue name or cron stops the start', () => {
    const handler = async () => undefined;
    assert.throws(() => defineJob({ queue: 'Reminders!', handler }), /lower-case/);
    assert.throws(() => defineJob({ queue: 'reminders', handler, schedule: { cron: '0 9 * *', timeZone: 'Asia/Tokyo', data: {} } }), /five cron fields/);
  });
});
