import { and, desc, eq } from 'drizzle-orm';
import type { DataContext } from '../db/data-context.ts';
import { auditLog } from '../db/platform.table.ts';

/** One entry of a record's history, as the audit trail keeps it. */
export interface HistoryEntry {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  before: unknown;
  after: unknown;
  meta: unknown;
}

/** How many entries a record's history shows, newest first. */
export const HISTORY_LIMIT = 200;

/**
 * The organisation's audit entries about one entity, newest first: a
 * record's history is read from the trail, never kept twice.
 */
export async function auditEntriesOf(ctx: DataContext, entity: { type: string; id: string }, limit = HISTORY_LIMIT): Promise<HistoryEntry[]> {
  return ctx.db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      meta: auditLog.meta,
    })
    .from(auditLog)
    .where(ctx.scoped(auditLog, and(eq(auditLog.entityType, entity.type), eq(auditLog.entityId, entity.id))))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
