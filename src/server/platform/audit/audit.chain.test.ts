import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalJson } from '../canonical-json.ts';
import { ChainVerifier, entryHash, GENESIS_HASH, redact, type ChainEntry, type StoredEntry } from './audit.chain.ts';

const entry = (seq: number, over: Partial<ChainEntry> = {}): ChainEntry => ({
  chain: 'org:1',
  seq,
  organisationId: '1',
  actorUserId: 'u',
  actorLabel: 'u@example.jp',
  at: new Date(Date.UTC(2026, 0, seq)),
  action: 'member.add',
  entityType: 'member',
  entityId: 'm',
  before: null,
  after: { role: 'staff', b: [1, { z: 1, a: 2 }] },
  meta: null,
  ...over,
});

function chainOf(n: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = entry(i);
    const hash = entryHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonical serialisation', () => {
  test('sorts keys at every depth and drops undefined', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } }), '{"a":{"d":[2,{"x":0,"y":1}]},"b":1}');
  });
  test('key order does not change the hash (jsonb reorders keys)', () => {
    const a = entryHash(GENESIS_HASH, entry(1, { after: { x: 1, y: 2 } }));
    const b = entryHash(GENESIS_HASH, entry(1, { after: { y: 2, x: 1 } }));
    assert.equal(a, b);
  });
});

describe('chain verification', () => {
  const cases: { name: string; mutate: (c: StoredEntry[]) => void; seq: number | null; reason?: string }[] = [
    { name: 'an intact chain', mutate: () => undefined, seq: null },
    { name: 'an edited field', mutate: (c) => (c[2].after = { role: 'owner' }), seq: 3, reason: 'hash-mismatch' },
    { name: 'an edited actor', mutate: (c) => (c[0].actorUserId = 'someone-else'), seq: 1, reason: 'hash-mismatch' },
    { name: 'an edited time', mutate: (c) => (c[4].at = new Date(0)), seq: 5, reason: 'hash-mismatch' },
    { name: 'a recomputed hash without relinking', mutate: (c) => { c[1].after = { x: 1 }; c[1].hash = entryHash(c[1].prevHash, c[1]); }, seq: 3, reason: 'link-mismatch' },
    { name: 'a deleted entry', mutate: (c) => c.splice(3, 1), seq: 5, reason: 'sequence-gap' },
    { name: 'a swapped pair', mutate: (c) => { [c[1], c[2]] = [c[2], c[1]]; }, seq: 3, reason: 'sequence-gap' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const chain = chainOf(6);
      c.mutate(chain);
      const v = new ChainVerifier('org:1');
      let broken = null;
      for (const e of chain) {
        broken = v.push(e);
        if (broken) break;
      }
      assert.equal(broken?.seq ?? null, c.seq);
      if (c.reason) assert.equal(broken?.reason, c.reason);
    });
  }
});

describe('redaction', () => {
  test('secrets never enter the trail, at any depth', () => {
    assert.deepEqual(redact({ email: 'a', password: 'p', nested: { mfaSecret: 's', ok: 1, tokenHash: null }, list: [{ code: '123456' }] }), {
      email: 'a',
      password: '[redacted]',
      nested: { mfaSecret: '[redacted]', ok: 1, tokenHash: null },
      list: [{ code: '[redacted]' }],
    });
  });
});
