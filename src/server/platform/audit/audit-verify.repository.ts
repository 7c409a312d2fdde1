import type pg from 'pg';
import { ChainWalker, type AuditProblem, type VerifiedRow } from './audit.chain.ts';
import { sealMatches, type ChainHead } from './audit.seal.ts';

export type ChainProblem = AuditProblem & { chain: string };

export interface VerifyReport {
  chains: number;
  /** Rows read and hashed, on their chain or not. */
  entries: number;
  /** Every problem found, chain by chain; empty when the trail verifies. */
  problems: ChainProblem[];
  /** Problems past the per-chain limit, counted but not listed. */
  omittedProblems: number;
  /** The head of every chain that has one. */
  heads: ChainHead[];
}

const VERIFY_PAGE = 5000;
/** Larger than any seq: the first page of a walk from the newest row. */
const BEYOND_ANY_SEQ = '9223372036854775807';

/** An `audit_log` row as `select *`-like queries return it. */
export type RawRow = {
  id: number;
  chain: string;
  seq: number;
  organisation_id: string | null;
  actor_user_id: string | null;
  actor_label: string | null;
  at: Date;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
  prev_seq: number | null;
  prev_hash: string;
  hash: string;
};

export const toVerified = (r: RawRow): VerifiedRow => ({
  id: r.id,
  chain: r.chain,
  seq: r.seq,
  organisationId: r.organisation_id,
  actorUserId: r.actor_user_id,
  actorLabel: r.actor_label,
  at: r.at,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  before: r.before,
  after: r.after,
  meta: r.meta,
  prevSeq: r.prev_seq,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * Every chain there should be: those with entries, those with a head, and one
 * per organisation, so a chain deleted with its head still shows. An
 * organisation's chain always has entries: it is created with them.
 */
async function chainsToVerify(client: pg.PoolClient, onlyChain: string | undefined) {
  const where = onlyChain ? 'where chain = $1' : '';
  const values = onlyChain ? [onlyChain] : [];
  const heads = await client.query<ChainHead & { seal: string | null }>(`select chain, seq, hash, seal from audit_heads ${where}`, values);
  const logged = await client.query<{ chain: string }>(`select distinct chain from audit_log ${where}`, values);
  const organisations = await client.query<{ chain: string }>(
    `select chain from (select 'org:' || id as chain from organisations) o ${where}`,
    values,
  );
  const withRows = new Set(logged.rows.map((r) => r.chain));
  const required = new Set(organisations.rows.map((r) => r.chain));
  const headOf = new Map(heads.rows.map((h) => [h.chain, h]));
  const chains = [...new Set([...withRows, ...headOf.keys(), ...required])].sort();
  return chains.map((chain) => ({ chain, head: headOf.get(chain) ?? null, hasRows: withRows.has(chain), required: required.has(chain) }));
}

/**
 * Verifies every chain (or one) against its sealed head and the list of
 * organisations, collecting every problem. Rows are read newest first in
 * keyset pages, so memory stays flat at any size (two pages at most: the one
 * being verified and the next, read ahead).
 */
export async function verifyAudit(pool: pg.Pool, key: Buffer, onlyChain?: string): Promise<VerifyReport> {
  const client = await pool.connect();
  const report: VerifyReport = { chains: 0, entries: 0, problems: [], omittedProblems: 0, heads: [] };
  try {
    for (const { chain, head, hasRows, required } of await chainsToVerify(client, onlyChain)) {
      report.chains++;
      const problems: AuditProblem[] = [];
      if (head) {
        report.heads.push({ chain, seq: head.seq, hash: head.hash });
        if (!sealMatches(key, head, head.seal)) problems.push({ kind: 'seal-mismatch', seq: head.seq });
      } else if (hasRows || required) {
        problems.push({ kind: hasRows ? 'head-missing' : 'chain-missing' });
      }
      const walker = new ChainWalker(head);
      const page = (belowSeq: number | string) =>
        client.query<RawRow>(
          `select id, chain, seq, organisation_id, actor_user_id, actor_label, at, action, entity_type, entity_id,
                  before, after, meta, prev_seq, prev_hash, hash
             from audit_log where chain = $1 and seq < $2 order by seq desc limit ${VERIFY_PAGE}`,
          [chain, belowSeq],
        );
      let next: Promise<pg.QueryResult<RawRow>> | null = hasRows ? page(BEYOND_ANY_SEQ) : null;
      try {
        while (next) {
          const { rows }: pg.QueryResult<RawRow> = await next;
          // Ask for the following page before hashing this one: PostgreSQL reads it meanwhile.
          next = rows.length === VERIFY_PAGE ? page(rows[rows.length - 1].seq) : null;
          for (const row of rows) walker.push(toVerified(row));
        }
      } finally {
        // A page still in flight when verification stops must finish before the client goes back to the pool.
        await next?.catch(() => undefined);
      }
      problems.push(...walker.finish());
      report.entries += walker.count;
      report.omittedProblems += walker.omitted;
      report.problems.push(...problems.map((p) => ({ ...p, chain })));
    }
    return report;
  } finally {
    client.release();
  }
}
