import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInflight } from '../../src/server/platform/http/inflight.ts';

/** Shutdown waits for running handlers before it ends the database pool. */

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('settled resolves at once when nothing runs', async () => {
  assert.equal(await createInflight().settled(10), true);
});

test('settled waits for every running handler, then resolves true', async () => {
  const inflight = createInflight();
  const a = deferred();
  const b = deferred();
  const runs = [inflight.track(() => a.promise), inflight.track(() => b.promise)];
  assert.equal(inflight.count, 2);
  let settled: boolean | null = null;
  const waiting = inflight.settled(5_000).then((v) => (settled = v));
  a.resolve();
  await runs[0];
  assert.equal(settled, null, 'one handler still runs');
  b.resolve();
  await Promise.all([...runs, waiting]);
  assert.equal(settled, true);
  assert.equal(inflight.count, 0);
});

test('a failing handler is counted out too', async () => {
  const inflight = createInflight();
  await assert.rejects(
    inflight.track(async () => {
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal(inflight.count, 0);
  assert.equal(await inflight.settled(10), true);
});

test('settled gives up after its timeout and says so', async () => {
  const inflight = createInflight();
  const never = deferred();
  void inflight.track(() => never.promise);
  assert.equal(await inflight.settled(20), false);
  assert.equal(inflight.count, 1);
  never.resolve();
});
