import { and, desc, eq, max, sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../db/database.ts';
import { auditHeads, auditLog } from '../db/platform.table.ts';
import { auditKey } from './audit-key.ts';
import { entryHash, GENESIS_HASH, redact, type StoredEntry } from './audit.chain.ts';
import { headSeal, sealMatches } from './audit.seal.ts';

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

/** The entry's own fields, as hashed and stored (secrets redacted), before it has a place on the chain. */
function entryFields(chain: string, event: AuditEvent) {
  return {
    chain,
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
}

/**
 * Appends one entry, in the caller's transaction, so the entry exists if and
 * only if the change does. The chain's head row is locked for the rest of the
 * transaction: entries of one chain are strictly ordered. The head is sealed
 * again with the audit key (`audit.seal.ts`), unless its seal was already
 * wrong: sealing a head someone else moved would vouch for their entries.
 */
export async function appendAudit(tx: Db, event: AuditEvent): Promise<StoredEntry> {
  const key = auditKey();
  const chain = chainOf(event.organisationId);
  const genesis = { chain, seq: 0, hash: GENESIS_HASH };
  await tx.insert(auditHeads).values({ ...genesis, seal: headSeal(key, genesis) }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chain)).for('update');
  const sealed = sealMatches(key, head, head.seal);
  const fields = entryFields(chain, event);
  const insertAt = async (seq: number) => {
    const entry = { ...fields, seq };
    const hash = entryHash(head.hash, entry);
    const inserted = await tx
      .insert(auditLog)
      .values({ ...entry, prevSeq: head.seq, prevHash: head.hash, hash })
      .onConflictDoNothing()
      .returning({ id: auditLog.id });
    return inserted.length ? { ...entry, prevHash: head.hash, hash } : null;
  };
  let stored = await insertAt(head.seq + 1);
  if (!stored) {
    // A row past the head that no append wrote (every append moves the head in its own transaction): refusing would
    // block the chain for good, so the entry goes after the newest row, naming the head as its predecessor
    // (prev_seq), and `kumoji audit verify` reports the row it stepped over.
    const [{ newest }] = await tx.select({ newest: max(auditLog.seq) }).from(auditLog).where(eq(auditLog.chain, chain));
    stored = await insertAt(Number(newest ?? head.seq) + 1);
    if (!stored) throw new Error(`audit chain ${chain}: rows keep appearing past the head`);
  }
  const next = { chain, seq: stored.seq, hash: stored.hash };
  await tx
    .update(auditHeads)
    .set(sealed ? { seq: next.seq, hash: next.hash, seal: headSeal(key, next) } : { seq: next.seq, hash: next.hash })
    .where(eq(auditHeads.chain, chain));
  return stored;
}

/** A chain's head as one read saw it, seal included, with no lock held. */
export type HeadRead = typeof auditHeads.$inferSelect;

/** The head of an organisation's chain, for `appendInStatement`; undefined while the chain has none. */
export async function readHead(db: Db, organisationId: string | null): Promise<HeadRead | undefined> {
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.chain, chainOf(organisationId)));
  return head;
}

/** The unique key a row already past the head collides with: the append goes through `appendAudit` instead. */
export const CHAIN_SEQ_KEY = 'audit_log_chain_seq_key';

/** A jsonb parameter: SQL null for null, as the query builder stores it, not the JSON value `null`. */
const jsonb = (value: unknown) => (value === null ? sql`null::jsonb` : sql`${JSON.stringify(value)}::jsonb`);

export interface StatementAppend {
  /** The body of a CTE that yields (and locks) the head only while it is still the head `head` was. */
  lockHead: SQL;
  /** CTEs (`audit_entry`, `audit_head`) writing the entry and moving the head, only if `change` yields a row. */
  writes(change: string): SQL;
}

/**
 * One entry appended by the very statement that makes the change it records,
 * for a change that is one statement of its own (no transaction: no BEGIN and
 * COMMIT round trips). Instead of holding the head's lock for a transaction,
 * the statement locks the head only if it is still the one `head` read (same
 * seq, hash and seal); the change is to require that row, and the entry and
 * the new head require the change, so all three are written or none is.
 * The entry names the head as its predecessor and the head is sealed again
 * only if its seal was right, exactly as `appendAudit` does.
 *
 * When nothing was written because the head moved meanwhile, or the statement
 * failed on `CHAIN_SEQ_KEY` (a row past the head that no append wrote), the
 * caller makes the change again in a transaction with `appendAudit`, which
 * waits for the head and steps over such a row.
 */
export function appendInStatement(head: HeadRead, event: AuditEvent): StatementAppend {
  const key = auditKey();
  const chain = chainOf(event.organisationId);
  const entry = { ...entryFields(chain, event), seq: head.seq + 1 };
  const hash = entryHash(head.hash, entry);
  const seal = sealMatches(key, head, head.seal) ? headSeal(key, { chain, seq: entry.seq, hash }) : head.seal;
  return {
    lockHead: sql`select chain from audit_heads
      where chain = ${chain} and seq = ${head.seq} and hash = ${head.hash} and seal is not distinct from ${head.seal}::text for update`,
    writes: (change) => sql`audit_entry as (
        insert into audit_log (chain, seq, organisation_id, actor_user_id, actor_label, at, action, entity_type, entity_id, before, after, meta, prev_seq, prev_hash, hash)
        select ${chain}::text, ${entry.seq}::bigint, ${entry.organisationId}::uuid, ${entry.actorUserId}::uuid, ${entry.actorLabel}::text, ${entry.at.toISOString()}::timestamptz,
               ${entry.action}::text, ${entry.entityType}::text, ${entry.entityId}::text, ${jsonb(entry.before)}, ${jsonb(entry.after)}, ${jsonb(entry.meta)},
               ${head.seq}::bigint, ${head.hash}::text, ${hash}::text
         where exists (select 1 from ${sql.identifier(change)})
        returning seq),
      audit_head as (
        update audit_heads set seq = ${entry.seq}, hash = ${hash}, seal = ${seal}::text
         where chain = ${chain} and exists (select 1 from ${sql.identifier(change)})
        returning seq)`,
  };
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

/** One entry as a list shows it: the columns it names, not the chain's internals. */
export interface AuditEntryRow {
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

/** One row of a page of the trail, its before and after still the JSON text stored (never parsed on the way out). */
export interface AuditPageRow extends Omit<AuditEntryRow, 'before' | 'after'> {
  beforeJson: string | null;
  afterJson: string | null;
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
 * Before and after come as the text PostgreSQL stores them in, so the route
 * writes them into its JSON as they are (`auditPageJson`).
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
                      a.entity_type as "entityType", a.entity_id as "entityId",
                      a.before::text as "beforeJson", a.after::text as "afterJson", a.hash
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
