import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { testConfig } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * Several instances started at the same moment on one database, as an
 * operator scaling out would: the start-up work that changes the database
 * (migrations, the job queue's schema and queues, grants, the catalog, the
 * set-up token) runs under one advisory lock, so every instance comes up on a
 * new database and again on the same, already prepared one.
 */

const TRIALS = 10;
const INSTANCES = 3;

async function startTogether(database: TestDatabase): Promise<{ servers: RunningServer[]; failures: string[] }> {
  const config = testConfig({ DATABASE_URL: database.url, DATABASE_OWNER_URL: database.ownerUrl, PORT: '0', HOST: '127.0.0.1' });
  const logs: string[][] = Array.from({ length: INSTANCES }, () => []);
  const results = await Promise.allSettled(logs.map((log) => startServer(config, (line) => log.push(line))));
  const servers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`instance ${i}: ${(r.reason as Error).stack}\n${logs[i].join('\n')}`] : []));
  return { servers, failures };
}

async function ready(server: RunningServer): Promise<number> {
  const res = await server.app.inject({ method: 'GET', url: '/readyz' });
  return res.statusCode;
}

describe(`${INSTANCES} instances starting at once`, () => {
  test(`all come up, ${TRIALS} times on a fresh database, and again on a prepared one`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const database = await createTestDatabase({ migrate: false });
      try {
        const first = await startTogether(database);
        const statuses = await Promise.all(first.servers.map(ready));
        await Promise.all(first.servers.map((s) => s.stop()));
        assert.deepEqual(first.failures, [], `trial ${trial}: an instance failed to start`);
        assert.deepEqual(statuses, Array(INSTANCES).fill(200), `trial ${trial}: /readyz`);
        if (trial === TRIALS - 1) {
          const again = await startTogether(database);
          await Promise.all(again.servers.map((s) => s.stop()));
          assert.deepEqual(again.failures, [], 'restart on the prepared database');
        }
      } finally {
        await database.drop();
      }
    }
  });
});
