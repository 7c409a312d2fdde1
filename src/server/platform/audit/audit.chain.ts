import { hash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';

/**
 * The hash chain of the audit trail, as pure functions.
 *
 * Each entry's hash is SHA-256 over `prevHash` and a canonical serialisation
 * of the entry (keys sorted at every depth, no white space, timestamps as
 * ISO 8601 with milliseconds). Verification walks from the chain's head back
 * to the first entry, recomputing every hash and checking every link, and
 * names every entry that is wrong, missing or not on the chain.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  chain: string;
  seq: number;
  organisationId: string | null;
  actorUserId: string | null;
  actorLabel: string | null;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
}

/** The entry's fields in canonical (sorted) key order. */
const ENTRY_KEYS = [
  'action',
  'actorLabel',
  'actorUserId',
  'after',
  'at',
  'before',
  'chain',
  'entityId',
  'entityType',
  'meta',
  'organisationId',
  'seq',
] as const;

/**
 * SHA-256 of `prevHash`, a new line and the canonical serialisation of the
 * entry. Written out for speed (the keys are known and already sorted), it
 * produces exactly the bytes `canonicalJson` gives for the same object.
 */
export function entryHash(prevHash: string, entry: ChainEntry): string {
  const fields: Record<(typeof ENTRY_KEYS)[number], unknown> = {
    action: entry.action,
    actorLabel: entry.actorLabel,
    actorUserId: entry.actorUserId,
    after: entry.after ?? null,
    at: entry.at.toISOString(),
    before: entry.before ?? null,
    chain: entry.chain,
    entityId: entry.entityId,
    entityType: entry.entityType,
    meta: entry.meta ?? null,
    organisationId: entry.organisationId,
    seq: entry.seq,
  };
  let body = '{';
  for (const key of ENTRY_KEYS) {
    const v = fields[key];
    if (v === undefined) continue;
    if (body.length > 1) body += ',';
    body += `"${key}":${canonicalJson(v)}`;
  }
  return hash('sha256', `${prevHash}\n${body}}`, 'hex');
}

export interface StoredEntry extends ChainEntry {
  prevHash: string;
  hash: string;
}

/** A stored entry as verification reads it: its row id and the seq its `prevHash` names. */
export interface VerifiedRow extends StoredEntry {
  id: number;
  /** Null on entries older than the column: they follow `seq - 1`. */
  prevSeq: number | null;
}

/** One thing wrong with a chain. Seqs and row ids name the entries; hashes are hex. */
export type AuditProblem =
  /** Entries exist, or the organisation does, but the chain has no head. */
  | { kind: 'head-missing' }
  /** An organisation with neither entries nor a head: its whole chain was deleted. */
  | { kind: 'chain-missing' }
  /** The head's seal is missing or was not made with this key: the head was moved without it. */
  | { kind: 'seal-mismatch'; seq: number }
  /** Entries the chain leads to are gone: the newest ones (after `fromSeq - 1`) when `toSeq` is the head's seq. */
  | { kind: 'entries-missing'; fromSeq: number; toSeq: number }
  /** A row the chain does not lead to: written around Kumoji, past the head (`pastHead`) or stepped over since. */
  | { kind: 'entry-off-chain'; seq: number; id: number; pastHead: boolean }
  /** The entry's content no longer gives its stored hash: it was edited. */
  | { kind: 'hash-mismatch'; seq: number; id: number; expected: string; found: string }
  /** The entry is self-consistent but is not the one the next entry (or the head) names: it was replaced. */
  | { kind: 'link-mismatch'; seq: number; id: number; expected: string; found: string };

/** Problems kept per chain; past that they are only counted, so a wrecked chain cannot exhaust memory. */
export const MAX_PROBLEMS_PER_CHAIN = 100;

/**
 * Verifies one chain from its head back to the first entry, given its rows
 * in descending seq order. Walking back from the head, rather than forward
 * from the first entry, is what lets the head decide which rows belong: a row
 * past the head, or one a later entry stepped over (`prevSeq`), is reported
 * and the walk goes on; so is a gap, after which the walk picks up at the next
 * row it finds. Every problem is collected, not just the first.
 */
export class ChainWalker {
  readonly problems: AuditProblem[] = [];
  omitted = 0;
  /** Rows read, on the chain or not. */
  count = 0;
  /** The entry the walk expects next; `hash` null when nothing vouches for it (no head, or after a gap). */
  private expected: { seq: number; hash: string | null; namedBy: { seq: number; id: number } | null } | null;

  /** `head` null: the chain has no head, so the newest row is taken as the tip, unanchored. */
  constructor(private readonly head: { seq: number; hash: string } | null) {
    this.expected = head ? { seq: head.seq, hash: head.hash, namedBy: null } : null;
  }

  private report(problem: AuditProblem) {
    if (this.problems.length < MAX_PROBLEMS_PER_CHAIN) this.problems.push(problem);
    else this.omitted++;
  }

  push(row: VerifiedRow): void {
    this.count++;
    this.expected ??= { seq: row.seq, hash: null, namedBy: null };
    const expected = this.expected;
    if (row.seq > expected.seq || row.seq < 1) {
      this.report({ kind: 'entry-off-chain', seq: row.seq, id: row.id, pastHead: this.head !== null && row.seq > this.head.seq });
      return;
    }
    if (row.seq < expected.seq) {
      this.report({ kind: 'entries-missing', fromSeq: row.seq + 1, toSeq: expected.seq });
      expected.hash = null;
    }
    const computed = entryHash(row.prevHash, row);
    if (computed !== row.hash) {
      this.report({ kind: 'hash-mismatch', seq: row.seq, id: row.id, expected: computed, found: row.hash });
    } else if (expected.hash !== null && row.hash !== expected.hash) {
      this.report({ kind: 'link-mismatch', seq: row.seq, id: row.id, expected: expected.hash, found: row.hash });
    }
    let prevSeq = row.prevSeq ?? row.seq - 1;
    if (prevSeq >= row.seq || prevSeq < 0) {
      this.report({ kind: 'link-mismatch', seq: row.seq, id: row.id, expected: `prev_seq below ${row.seq}`, found: `prev_seq ${prevSeq}` });
      prevSeq = row.seq - 1;
    }
    this.expected = { seq: prevSeq, hash: row.prevHash, namedBy: { seq: row.seq, id: row.id } };
  }

  /** After the last (oldest) row: the walk must have arrived at the genesis. */
  finish(): AuditProblem[] {
    const expected = this.expected;
    if (expected && expected.seq > 0) this.report({ kind: 'entries-missing', fromSeq: 1, toSeq: expected.seq });
    else if (expected?.namedBy && expected.hash !== null && expected.hash !== GENESIS_HASH) {
      this.report({ kind: 'link-mismatch', seq: expected.namedBy.seq, id: expected.namedBy.id, expected: GENESIS_HASH, found: expected.hash });
    }
    return this.problems;
  }
}

/** Secrets never enter the trail: these keys are replaced wherever they appear. */
const SECRET_KEYS = /^(password|passwordHash|newPassword|currentPassword|mfaSecret|mfaPendingSecret|secret|token|tokenHash|codeHash|recoveryCodes|code)$/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, SECRET_KEYS.test(k) ? (v === null ? null : '[redacted]') : redact(v)]),
    );
  }
  return value;
}
