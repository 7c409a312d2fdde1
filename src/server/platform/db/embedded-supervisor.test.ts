import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { silentLogger } from '../log.ts';
import { restartDelayMs, superviseEmbeddedServer } from './embedded-supervisor.ts';

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 30_000;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.ok(condition(), 'condition met before the deadline');
};

describe('embedded database supervisor', () => {
  const delays: [number, number][] = [
    [0, 1000],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16_000],
    [6, 30_000],
    [50, 30_000],
  ];
  for (const [failed, ms] of delays) {
    test(`after ${failed} failed restart(s) it waits ${ms} ms`, () => assert.equal(restartDelayMs(failed), ms));
  }

  test('starts a stopped server again, retrying a failed start, and leaves a running one alone', async () => {
    let up = false;
    let starts = 0;
    const supervisor = superviseEmbeddedServer(
      {
        dataDir: '/nowhere',
        running: () => up,
        async start() {
          starts++;
          if (starts === 1) throw new Error('the database system is shutting down');
          up = true;
        },
      },
      silentLogger,
    );
    try {
      await until(() => up);
      assert.equal(starts, 2, 'one failed start, then one that worked');
    } finally {
      await supervisor.stop();
    }
  });

  test('once stopped it starts nothing', async () => {
    let starts = 0;
    const supervisor = superviseEmbeddedServer({ dataDir: '/nowhere', running: () => false, start: async () => void starts++ }, silentLogger);
    await supervisor.stop();
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(starts, 0);
  });
});
