import { hash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';

/**
 * The hash chain of the audit trail, as pure functions.
 *
 * Each entry's hash is SHA-256 over `prevHash` and a canonical serialisation
 * of the entry (keys sorted at every depth, no white space, timestamps as
 * ISO 8601 with milliseconds). Verification recomputes every hash in order
 * and names the first entry whose stored hash, or link to the previous one,
 * does not match.
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

export type ChainBreak =
  | { seq: number; reason: 'hash-mismatch' | 'link-mismatch' | 'sequence-gap'; expected: string; found: string };

/** Verifies one chain's entries given in seq order; returns the first break or null. */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  count = 0;

  constructor(readonly chain: string) {}

  push(entry: StoredEntry): ChainBreak | null {
    if (entry.seq !== this.expectedSeq) {
      return { seq: entry.seq, reason: 'sequence-gap', expected: String(this.expectedSeq), found: String(entry.seq) };
    }
    if (entry.prevHash !== this.prevHash) {
      return { seq: entry.seq, reason: 'link-mismatch', expected: this.prevHash, found: entry.prevHash };
    }
    const computed = entryHash(entry.prevHash, entry);
    if (computed !== entry.hash) {
      return { seq: entry.seq, reason: 'hash-mismatch', expected: computed, found: entry.hash };
    }
    this.prevHash = entry.hash;
    this.expectedSeq++;
    this.count++;
    return null;
  }

  get headHash(): string {
    return this.prevHash;
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
