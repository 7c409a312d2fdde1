import type pg from 'pg';
import type { ChainEntry } from './audit.chain.ts';
import { toVerified, type RawRow } from './audit-verify.repository.ts';

/** One line of the audit export: an entry as stored, with the hashes that chain it. */
export type ExportedEntry = Omit<ChainEntry, 'at'> & { at: string; prevHash: string; hash: string };

export interface ChainExport {
  entries: ExportedEntry[];
  /** The sealed head as `audit_heads` holds it (seq 0 and no hash for a chain without one). */
  head: { seq: number; hash: string | null };
}

/**
 * A chain as the export gives it: the entries reached by walking back from
 * the sealed head (each entry names the one before it, `prev_seq`, or the seq
 * just below when the entry predates that column), oldest first, and the head
 * itself. A row written around Kumoji past the head, or stepped over by a
 * later real entry, is not on the chain and is left out, as `audit verify`
 * reports it; the closing head line is the head the database keeps, never the
 * newest row. One statement, so the entries and the head are one snapshot.
 */
export async function chainForExport(pool: pg.Pool, chain: string): Promise<ChainExport> {
  const { rows } = await pool.query<RawRow & { head_seq: string | null; head_hash: string | null }>(
    `with recursive head as (select seq, hash from audit_heads where chain = $1),
     walk as (
       select l.* from audit_log l join head h on l.chain = $1 and l.seq = h.seq
       union all
       select p.* from walk w join audit_log p on p.chain = $1 and p.seq = coalesce(w.prev_seq, w.seq - 1)
     )
     select h.seq as head_seq, h.hash as head_hash, w.id, w.chain, w.seq, w.at, w.organisation_id, w.actor_user_id, w.actor_label,
            w.action, w.entity_type, w.entity_id, w.before, w.after, w.meta, w.prev_seq, w.prev_hash, w.hash
       from (select 1) one
       left join head h on true
       left join walk w on true
      order by w.seq`,
    [chain],
  );
  const head = rows[0]?.head_seq == null ? { seq: 0, hash: null } : { seq: Number(rows[0].head_seq), hash: rows[0].head_hash };
  const entries = rows
    .filter((r) => r.seq != null)
    .map((r): ExportedEntry => {
      const { id: _id, prevSeq: _prevSeq, at, ...entry } = toVerified(r);
      return { ...entry, seq: Number(entry.seq), at: at.toISOString() };
    });
  return { entries, head };
}
