import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
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

export async function listAudit(db: Db, f: AuditFilter) {
  const chain = chainOf(f.organisationId);
  const conditions = [eq(auditLog.chain, chain)];
  if (f.actorUserId) conditions.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.entityType) conditions.push(eq(auditLog.entityType, f.entityType));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lte(auditLog.at, f.to));
  if (f.beforeSeq) conditions.push(lt(auditLog.seq, f.beforeSeq));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(f.limit);
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

/**
 * Recomputes every chain from its first entry, reading in keyset pages so
 * memory stays flat at any size. Stops at the first break.
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
      let afterSeq = 0;
      for (;;) {
        const { rows } = await client.query<RawRow & { id: number }>(
          `select id, chain, seq, organisation_id, actor_user_id, actor_label, at, action, entity_type, entity_id,
                  before, after, meta, prev_hash, hash
             from audit_log where chain = $1 and seq > $2 order by seq limit 5000`,
          [chain, afterSeq],
        );
        if (!rows.length) break;
        for (const row of rows) {
          const problem = verifier.push(toStored(row));
          if (problem) {
            report.entries += verifier.count;
            report.firstBreak = { ...problem, chain, id: row.id };
            return report;
          }
        }
        afterSeq = rows[rows.length - 1].seq;
      }
      report.entries += verifier.count;
      report.heads.push({ chain, seq: verifier.count, hash: verifier.headHash });
    }
    return report;
  } finally {
    client.release();
  }
}

