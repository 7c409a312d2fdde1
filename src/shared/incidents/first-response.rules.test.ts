import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstResponse } from './first-response.rules.ts';
import { FIRST_RESPONSE_PHASES } from './incident.schema.ts';

const aware = new Date('2026-04-01T01:00:00Z');
const h = (n: number) => new Date(aware.getTime() + n * 3_600_000);
const all = (at: (i: number) => Date) => FIRST_RESPONSE_PHASES.map((kind, i) => ({ kind, at: at(i) }));

test('24 hours from awareness: open, due soon in the last 6 hours, overdue after', () => {
  assert.deepEqual(firstResponse(FIRST_RESPONSE_PHASES, aware, [], h(1)).targetAt, h(24));
  assert.equal(firstResponse(FIRST_RESPONSE_PHASES, aware, [], h(17.9)).state, 'open');
  assert.equal(firstResponse(FIRST_RESPONSE_PHASES, aware, [], h(18)).state, 'dueSoon');
  assert.equal(firstResponse(FIRST_RESPONSE_PHASES, aware, [{ kind: 'detected', at: h(0) }], h(24.01)).state, 'overdue');
});

test('done when all four phases are recorded, late when the last came after the target; a phase counts from its first record', () => {
  assert.equal(firstResponse(FIRST_RESPONSE_PHASES, aware, all((i) => h(i * 5)), h(40)).state, 'done');
  assert.equal(firstResponse(FIRST_RESPONSE_PHASES, aware, all((i) => h(i * 9)), h(40)).state, 'doneLate');
  const twice = firstResponse(FIRST_RESPONSE_PHASES, aware, [{ kind: 'contained', at: h(5) }, { kind: 'contained', at: h(3) }, { kind: 'note', at: h(1) }], h(6));
  assert.deepEqual(twice.phases.map((p) => p.doneAt), [null, h(3), null, null]);
});
