import { and, desc, eq } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../db/database.ts';
import { auditHeads, auditLog } from '../db/platform.table.ts';
import { ChainVerifier, entryHash, GENESIS_HASH, redact, type ChainBreak, type StoredEntry } from './audit.chain.ts';

export interface AuditEvent {
  organisationId: string | null;
  actorUserId: string | null;
  actorLabel?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: unknown;
}

export const chainOf = (organisationId: string | null) => (organisationId ? `org:${organisationId}` : 'platform');

/**
 * Appends one entry, in the caller's transaction, so the entry exists if and
 * only if the change does. The chain's head row is locked for the rest of the
 * transaction: entries of one chain are strictly ordered.
 */
export async function appendAudit(tx: Db, event: AuditEvent): Promise<StoredEntry> {
  const chain = chainOf(event.organisationId);
  await tx.insert(auditHeads).values({ chain, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chain)).for('update');
  const entry = {
    chain,
    seq: head.seq + 1,
    organisationId: event.organisationId,
    actorUserId: event.actorUserId,
    actorLabel: event.actorLabel ?? null,
    at: new Date(),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: redact(event.before ?? null),
    after: redact(event.after ?? null),
    meta: redact(event.meta ?? null),
  };
  const hash = entryHash(head.hash, entry);
  await tx.insert(auditLog).values({ ...entry, prevHash: head.hash, hash });
  await tx.update(auditHeads).set({ seq: entry.seq, hash }).where(eq(auditHeads.chain, chain));
  return { ...entry, prevHash: head.hash, hash };
}

export interface AuditFilter {
  organisationId: string;
  actorUserId?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** One row of a page of the trail: the columns the list shows, not the chain's internals. */
export interface AuditPageRow {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditPage {
  rows: AuditPageRow[];
  head: { seq: number; hash: string };
}

/**
 * A page of an organisation's trail, newest first, and the head of its chain,
 * in one statement: one round trip and one snapshot, so the head is never
 * older than the page. This is the audit screen's hot path, so it is plain
 * SQL sent as a named prepared statement (one per combination of filters):
 * PostgreSQL parses and plans it once per connection, and no query builder
 * runs per request. Keyset paging on (chain, seq) walks the unique index.
 */
export async function listAuditPage(pool: pg.Pool, f: AuditFilter): Promise<AuditPage> {
  const values: unknown[] = [chainOf(f.organisationId), f.limit];
  const conditions = ['a.chain = c.chain'];
  let shape = '';
  const filter = (flag: string, condition: (param: string) => string, value: unknown) => {
    if (!value) return;
    values.push(value);
    conditions.push(condition(`$${values.length}`));
    shape += flag;
  };
  filter('u', (p) => `a.actor_user_id = ${p}`, f.actorUserId);
  filter('e', (p) => `a.entity_type = ${p}`, f.entityType);
  filter('f', (p) => `a.at >= ${p}`, f.from);
  filter('t', (p) => `a.at <= ${p}`, f.to);
  filter('c', (p) => `a.seq < ${p}`, f.beforeSeq);
  const { rows } = await pool.query<AuditPageRow & { headSeq: number | null; headHash: string | null }>({
    name: `kumoji_audit_page_${shape}`,
    text: `select h.seq as "headSeq", h.hash as "headHash", e.*
             from (select $1::text as chain) c
             left join audit_heads h on h.chain = c.chain
             left join lateral (
               select a.seq, a.at, a.actor_user_id as "actorUserId", a.actor_label as "actorLabel", a.action,
                      a.entity_type as "entityType", a.entity_id as "entityId", a.before, a.after, a.hash
                 from audit_log a
                where ${conditions.join(' and ')}
                order by a.seq desc
                limit $2) e on true
            order by e.seq desc`,
    values,
  });
  const first = rows[0];
  return {
    rows: first?.seq == null ? [] : rows,
    head: first?.headSeq == null ? { seq: 0, hash: GENESIS_HASH } : { seq: first.headSeq, hash: first.headHash ?? GENESIS_HASH },
  };
}

export async function chainHead(db: Db, organisationId: string | null) {
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.chain, chainOf(organisationId)));
  return head ?? { chain: chainOf(organisationId), seq: 0, hash: GENESIS_HASH };
}

export async function listAccountEvents(db: Db, userId: string, limit = 50) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, 'platform'), eq(auditLog.actorUserId, userId)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

type RawRow = {
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
  prev_hash: string;
  hash: string;
};

const toStored = (r: RawRow): StoredEntry => ({
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
  prevHash: r.prev_hash,
  hash: r.hash,
});

export interface VerifyReport {
  chains: number;
  entries: number;
  firstBreak: (ChainBreak & { chain: string; id: number }) | null;
  heads: { chain: string; seq: number; hash: string }[];
}

const VERIFY_PAGE = 5000;
type VerifyRow = RawRow & { id: number };

/**
 * Recomputes every chain from its first entry, reading in keyset pages so
 * memory stays flat at any size (two pages at most: the one being verified
 * and the next, read ahead). Stops at the first break.
 */
export async function verifyAudit(pool: pg.Pool, onlyChain?: string): Promise<VerifyReport> {
  const client = await pool.connect();
  const report: VerifyReport = { chains: 0, entries: 0, firstBreak: null, heads: [] };
  try {
    const chains = onlyChain
      ? [onlyChain]
      : (await client.query<{ chain: string }>('select distinct chain from audit_log order by chain')).rows.map((r) => r.chain);
    for (const chain of chains) {
      report.chains++;
      const verifier = new ChainVerifier(chain);
      const page = (afterSeq: number) =>
        client.query<VerifyRow>(
          `select id, chain, seq, organisation_id, actor_user_id, actor_label, at, action, entity_type, entity_id,
                  before, after, meta, prev_hash, hash
             from audit_log where chain = $1 and seq > $2 order by seq limit ${VERIFY_PAGE}`,
          [chain, afterSeq],
        );
      let next: Promise<pg.QueryResult<VerifyRow>> | null = page(0);
      try {
        while (next) {
          const { rows }: pg.QueryResult<VerifyRow> = await next;
          // Ask for the following page before hashing this one: PostgreSQL reads it meanwhile.
          next = rows.length === VERIFY_PAGE ? page(rows[rows.length - 1].seq) : null;
          for (const row of rows) {
            const problem = verifier.push(toStored(row));
            if (problem) {
              report.entries += verifier.count;
              report.firstBreak = { ...problem, chain, id: row.id };
              return report;
            }
          }
        }
      } finally {
        // A page still in flight when verification stops must finish before the client goes back to the pool.
        await next?.catch(() => undefined);
      }
      report.entries += verifier.count;
      report.heads.push({ chain, seq: verifier.count, hash: verifier.headHash });
    }
    return report;
  } finally {
    client.release();
  }
}

