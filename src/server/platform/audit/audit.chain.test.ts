import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalJson } from '../canonical-json.ts';
import {
  ChainWalker,
  entryHash,
  GENESIS_HASH,
  MAX_PROBLEMS_PER_CHAIN,
  redact,
  type AuditProblem,
  type ChainEntry,
  type StoredEntry,
  type VerifiedRow,
} from './audit.chain.ts';

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

/** Walks `rows` (in any order) back from `head` as verification does: newest first. */
function walk(rows: VerifiedRow[], head: { seq: number; hash: string } | null): AuditProblem[] {
  const walker = new ChainWalker(head);
  for (const row of [...rows].sort((a, b) => b.seq - a.seq)) walker.push(row);
  return walker.finish();
}

const rowsOf = (n: number): VerifiedRow[] => chainOf(n).map((e) => ({ ...e, id: e.seq * 10, prevSeq: e.seq - 1 }));
const headOf = (rows: VerifiedRow[]) => ({ seq: rows[rows.length - 1].seq, hash: rows[rows.length - 1].hash });

/** A row someone with the database's rights appends after `prev`, hashed the way Kumoji hashes. */
function forgedAfter(prev: VerifiedRow, seq = prev.seq + 1): VerifiedRow {
  const e = entry(seq, { action: 'member.add', after: { role: 'owner' } });
  return { ...e, id: seq * 10 + 1, prevSeq: prev.seq, prevHash: prev.hash, hash: entryHash(prev.hash, e) };
}

describe('chain verification, from the head back', () => {
  const cases: { name: string; tamper: (rows: VerifiedRow[]) => { rows: VerifiedRow[]; head?: { seq: number; hash: string } | null }; problems: unknown[] }[] = [
    { name: 'an intact chain', tamper: (rows) => ({ rows }), problems: [] },
    {
      name: 'entries written before prev_seq existed (null) follow seq - 1',
      tamper: (rows) => ({ rows: rows.map((r) => ({ ...r, prevSeq: null })) }),
      problems: [],
    },
    { name: 'an edited field', tamper: (rows) => ((rows[2].after = { role: 'owner' }), { rows }), problems: [{ kind: 'hash-mismatch', seq: 3 }] },
    { name: 'an edited actor', tamper: (rows) => ((rows[0].actorUserId = 'someone-else'), { rows }), problems: [{ kind: 'hash-mismatch', seq: 1 }] },
    { name: 'an edited time', tamper: (rows) => ((rows[4].at = new Date(0)), { rows }), problems: [{ kind: 'hash-mismatch', seq: 5 }] },
    {
      name: 'a recomputed hash without relinking names the replaced entry',
      tamper: (rows) => {
        rows[1].after = { x: 1 };
        rows[1].hash = entryHash(rows[1].prevHash, rows[1]);
        return { rows };
      },
      problems: [{ kind: 'link-mismatch', seq: 2 }],
    },
    { name: 'a deleted entry in the middle', tamper: (rows) => ({ rows: rows.filter((r) => r.seq !== 4) }), problems: [{ kind: 'entries-missing', fromSeq: 4, toSeq: 4 }] },
    { name: 'the newest entry deleted', tamper: (rows) => ({ rows: rows.slice(0, -1) }), problems: [{ kind: 'entries-missing', fromSeq: 6, toSeq: 6 }] },
    { name: 'the oldest entries deleted', tamper: (rows) => ({ rows: rows.slice(2) }), problems: [{ kind: 'entries-missing', fromSeq: 1, toSeq: 2 }] },
    { name: 'every entry deleted, the head kept', tamper: () => ({ rows: [] }), problems: [{ kind: 'entries-missing', fromSeq: 1, toSeq: 6 }] },
    {
      name: 'a first entry that does not start at the genesis',
      tamper: (rows) => {
        rows[0].prevHash = 'f'.repeat(64);
        rows[0].hash = entryHash(rows[0].prevHash, rows[0]);
        rows[1].prevHash = rows[0].hash;
        for (let i = 1; i < rows.length; i++) {
          rows[i].prevHash = rows[i - 1].hash;
          rows[i].hash = entryHash(rows[i].prevHash, rows[i]);
        }
        return { rows, head: headOf(rows) };
      },
      problems: [{ kind: 'link-mismatch', seq: 1 }],
    },
    {
      name: 'a forged row past the head',
      tamper: (rows) => ({ rows: [...rows, forgedAfter(rows[5])] }),
      problems: [{ kind: 'entry-off-chain', seq: 7, pastHead: true }],
    },
    {
      name: 'a forged row the next append stepped over (prev_seq)',
      tamper: (rows) => {
        const forged = forgedAfter(rows[5]);
        const real = { ...entry(8), prevSeq: 6 };
        return { rows: [...rows, forged, { ...real, id: 80, prevHash: rows[5].hash, hash: entryHash(rows[5].hash, real) }], head: { seq: 8, hash: entryHash(rows[5].hash, real) } };
      },
      problems: [{ kind: 'entry-off-chain', seq: 7, pastHead: false }],
    },
    {
      name: 'a prev_seq pointing forward is a broken link, and the walk goes on',
      tamper: (rows) => ((rows[3].prevSeq = 9), { rows }),
      problems: [{ kind: 'link-mismatch', seq: 4 }],
    },
    { name: 'no head: the newest row is the tip', tamper: (rows) => ({ rows, head: null }), problems: [] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const rows = rowsOf(6);
      const head = headOf(rows);
      const tampered = c.tamper(rows);
      const problems = walk(tampered.rows, tampered.head === undefined ? head : tampered.head);
      assert.deepEqual(
        problems.map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => ['kind', 'seq', 'fromSeq', 'toSeq', 'pastHead'].includes(k)))),
        c.problems,
      );
    });
  }

  test('a wrecked chain keeps the first problems and counts the rest', () => {
    const rows = rowsOf(3);
    const walker = new ChainWalker({ seq: 0, hash: GENESIS_HASH });
    for (let i = 0; i < MAX_PROBLEMS_PER_CHAIN + 5; i++) walker.push({ ...rows[0], seq: 1000 - i });
    assert.equal(walker.finish().length, MAX_PROBLEMS_PER_CHAIN);
    assert.equal(walker.omitted, 5);
  });
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
