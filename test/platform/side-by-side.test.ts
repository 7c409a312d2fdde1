import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { mapSideBySide, sideBySide } from '../../src/server/platform/db/side-by-side.ts';

/** On the pool reads overlap; on a transaction (one connection) they take turns. */

function recorder() {
  const events: string[] = [];
  const work = (name: string) => async () => {
    events.push(`start ${name}`);
    await new Promise((r) => setTimeout(r, 5));
    events.push(`end ${name}`);
    return name;
  };
  return { events, work };
}

const pool = {};
const transaction = Object.create(PgTransaction.prototype) as unknown;

test('on the pool the reads overlap, results in order', async () => {
  const { events, work } = recorder();
  assert.deepEqual(await sideBySide(pool, work('a'), work('b')), ['a', 'b']);
  assert.deepEqual(events.slice(0, 2), ['start a', 'start b']);
});

test('on a transaction each read waits for the one before', async () => {
  const { events, work } = recorder();
  assert.deepEqual(await sideBySide(transaction, work('a'), work('b')), ['a', 'b']);
  assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b']);
});

test('mapSideBySide follows the same rule', async () => {
  const on = async (db: unknown) => {
    const { events, work } = recorder();
    const out = await mapSideBySide(db, ['x', 'y'], (n) => work(n)());
    return { out, events };
  };
  const p = await on(pool);
  assert.deepEqual(p.out, ['x', 'y']);
  assert.deepEqual(p.events.slice(0, 2), ['start x', 'start y']);
  const t = await on(transaction);
  assert.deepEqual(t.events, ['start x', 'end x', 'start y', 'end y']);
});
