import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import type { Stage } from './diagnosis.rules.ts';
import { gateEvaluations, stageDecisions } from './diagnosis.table.ts';
import type { DecisionRecord, Outcome, Track } from './stage.rules.ts';

/** Gate records: append-only (the database refuses updates), scoped by the session's organisation. */

export type EvaluationRow = typeof gateEvaluations.$inferSelect;
export type DecisionRow = typeof stageDecisions.$inferSelect;

/** A stored decision as the stage rules read it. */
export const decisionRecord = (d: DecisionRow): DecisionRecord => ({
  track: d.track as Track,
  seq: d.seq,
  fromStage: d.fromStage as Stage | null,
  toStage: d.toStage as Stage | null,
  outcome: d.outcome as Outcome,
  decidedAt: d.decidedAt,
});

export async function listEvaluations(db: Db, organisationId: string): Promise<EvaluationRow[]> {
  return db.select().from(gateEvaluations).where(eq(gateEvaluations.organisationId, organisationId)).orderBy(desc(gateEvaluations.recordedAt), desc(gateEvaluations.id));
}

export async function findEvaluation(db: Db, organisationId: string, id: string): Promise<EvaluationRow | undefined> {
  const [row] = await db.select().from(gateEvaluations).where(and(eq(gateEvaluations.organisationId, organisationId), eq(gateEvaluations.id, id)));
  return row;
}

export async function insertEvaluation(db: Db, row: typeof gateEvaluations.$inferInsert): Promise<EvaluationRow> {
  const [inserted] = await db.insert(gateEvaluations).values(row).returning();
  return inserted;
}

/** Oldest first, per track by seq. */
export async function listDecisions(db: Db, organisationId: string): Promise<DecisionRow[]> {
  return db.select().from(stageDecisions).where(eq(stageDecisions.organisationId, organisationId)).orderBy(asc(stageDecisions.decidedAt), asc(stageDecisions.seq));
}

export async function findDecision(db: Db, organisationId: string, id: string): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(stageDecisions).where(and(eq(stageDecisions.organisationId, organisationId), eq(stageDecisions.id, id)));
  return row;
}

/** A track's newest seq (0 without decisions). */
export async function trackVersion(db: Db, organisationId: string, track: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${stageDecisions.seq}), 0)::int` })
    .from(stageDecisions)
    .where(and(eq(stageDecisions.organisationId, organisationId), eq(stageDecisions.track, track)));
  return row.seq;
}

/** The next decision of a track; two at once collide on (organisation, track, seq) and one of them gets 409. */
export async function insertDecision(db: Db, row: typeof stageDecisions.$inferInsert): Promise<DecisionRow> {
  const [inserted] = await db.insert(stageDecisions).values(row).returning();
  return inserted;
}
