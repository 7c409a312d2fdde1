import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type pg from 'pg';
import { connect } from './database.ts';

/** A pooled client whose connection is cut when BEGIN is sent, as when the database goes away under load. */
function cutClient() {
  const released: unknown[] = [];
  const client = {
    query: () => Promise.reject(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
    release: (err?: unknown) => released.push(err ?? null),
  };
  return { client: client as unknown as pg.PoolClient, released };
}

describe('transactions on the pool', () => {
  test('a BEGIN that fails still gives its client back, dropped as broken', async () => {
    const database = connect('postgres://nobody@127.0.0.1:1/none', 1);
    const { client, released } = cutClient();
    database.pool.connect = (() => Promise.resolve(client)) as never;
    await assert.rejects(database.db.transaction(async () => 'never runs'));
    assert.equal(released.length, 1, 'the client was given back once');
    assert.ok(released[0] instanceof Error, 'with the error, so the pool drops it');
    await database.close();
  });
});
