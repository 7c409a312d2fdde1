import { asc, desc, eq, sql } from 'drizzle-orm';
import type { DataContext, InsertOf } from '../platform/db/data-context.ts';
import type { Stage } from './diagnosis.rules.ts';
import { gateEvaluations, stageDecisions } from './diagnosis.table.ts';
import type { DecisionRecord, Outcome, Track } from './stage.rules.ts';

/** Gate records: append-only (the database refuses updates), scoped to the organisation by the request's DataContext. */

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

export const listEvaluations = (ctx: DataContext): Promise<EvaluationRow[]> => ctx.select(gateEvaluations, { orderBy: [desc(gateEvaluations.recordedAt), desc(gateEvaluations.id)] });

export const findEvaluation = (ctx: DataContext, id: string): Promise<EvaluationRow | undefined> => ctx.findById(gateEvaluations, id);

export async function insertEvaluation(ctx: DataContext, row: InsertOf<typeof gateEvaluations>): Promise<EvaluationRow> {
  const [inserted] = await ctx.insert(gateEvaluations, row);
  return inserted;
}

/** Oldest first, per track by seq. */
export const listDecisions = (ctx: DataContext): Promise<DecisionRow[]> => ctx.select(stageDecisions, { orderBy: [asc(stageDecisions.decidedAt), asc(stageDecisions.seq)] });

export const findDecision = (ctx: DataContext, id: string): Promise<DecisionRow | undefined> => ctx.findById(stageDecisions, id);

/** A track's newest seq (0 without decisions). */
export async function trackVersion(ctx: DataContext, track: string): Promise<number> {
  const [row] = await ctx.db
    .select({ seq: sql<number>`coalesce(max(${stageDecisions.seq}), 0)::int` })
    .from(stageDecisions)
    .where(ctx.scoped(stageDecisions, eq(stageDecisions.track, track)));
  return row.seq;
}

/** The next decision of a track; two at once collide on (organisation, track, seq) and one of them gets 409. */
export async function insertDecision(ctx: DataContext, row: InsertOf<typeof stageDecisions>): Promise<DecisionRow> {
  const [inserted] = await ctx.insert(stageDecisions, row);
  return inserted;
}
