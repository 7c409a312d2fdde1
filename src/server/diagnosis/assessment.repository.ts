import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { nextVersion } from '../platform/db/columns.ts';
import type { DataContext, InsertOf } from '../platform/db/data-context.ts';
import { assessmentAnswers, assessments } from './diagnosis.table.ts';

/**
 * Assessment queries, through the request's DataContext: every statement is
 * scoped to its organisation, so an id of another organisation finds nothing.
 * Submitted rows never change (the database refuses it, see the migration
 * `diagnosis-immutable`); drafts change one answer at a time.
 */

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof assessmentAnswers.$inferSelect;

export async function insertAssessment(ctx: DataContext, row: InsertOf<typeof assessments>): Promise<AssessmentRow> {
  const [inserted] = await ctx.insert(assessments, row);
  return inserted;
}

export const findAssessment = (ctx: DataContext, id: string): Promise<AssessmentRow | undefined> => ctx.findById(assessments, id);

/** The assessment, locked until the transaction ends: answers, submission and discarding queue behind each other. */
export const lockAssessment = (ctx: DataContext, id: string): Promise<AssessmentRow | undefined> => ctx.findById(assessments, id, 'update');

export async function findDraft(ctx: DataContext, checklistId: string): Promise<AssessmentRow | undefined> {
  const [row] = await ctx.select(assessments, { where: and(eq(assessments.checklistId, checklistId), eq(assessments.status, 'draft')) });
  return row;
}

/** Drafts first, then submitted ones, newest first. */
export function listAssessments(ctx: DataContext, checklistId?: string): Promise<AssessmentRow[]> {
  return ctx.select(assessments, {
    where: checklistId === undefined ? undefined : eq(assessments.checklistId, checklistId),
    orderBy: [sql`${assessments.submittedAt} desc nulls first`, desc(assessments.startedAt)],
  });
}

/** The newest submitted assessment of each checklist. */
export async function listLatestSubmitted(ctx: DataContext): Promise<AssessmentRow[]> {
  return ctx.db
    .selectDistinctOn([assessments.checklistId])
    .from(assessments)
    .where(ctx.scoped(assessments, eq(assessments.status, 'submitted')))
    .orderBy(assessments.checklistId, desc(assessments.submittedAt), desc(assessments.id));
}

/** The submitted assessment of the same checklist just before `before`. */
export async function findPreviousSubmitted(ctx: DataContext, checklistId: string, before: Date): Promise<AssessmentRow | undefined> {
  const [row] = await ctx.select(assessments, {
    where: and(eq(assessments.checklistId, checklistId), eq(assessments.status, 'submitted'), isNotNull(assessments.submittedAt), lt(assessments.submittedAt, before)),
    orderBy: [desc(assessments.submittedAt)],
    limit: 1,
  });
  return row;
}

export async function listAnswers(ctx: DataContext, assessmentIds: readonly string[]): Promise<AnswerRow[]> {
  if (!assessmentIds.length) return [];
  return ctx.select(assessmentAnswers, { where: inArray(assessmentAnswers.assessmentId, [...assessmentIds]), orderBy: [asc(assessmentAnswers.answeredAt)] });
}

export async function findAnswer(ctx: DataContext, assessmentId: string, itemId: string): Promise<AnswerRow | undefined> {
  const [row] = await ctx.select(assessmentAnswers, { where: and(eq(assessmentAnswers.assessmentId, assessmentId), eq(assessmentAnswers.itemId, itemId)) });
  return row;
}

type AnswerFields = Pick<AnswerRow, 'answer' | 'comment' | 'answeredBy' | 'answeredByLabel'>;

export const insertAnswers = (ctx: DataContext, rows: InsertOf<typeof assessmentAnswers>[]): Promise<AnswerRow[]> => ctx.insert(assessmentAnswers, rows);

/** Null when the item was answered meanwhile (the caller answers 409). */
export async function insertAnswer(ctx: DataContext, row: InsertOf<typeof assessmentAnswers>): Promise<AnswerRow | null> {
  const [inserted] = await ctx.db
    .insert(assessmentAnswers)
    .values({ ...row, organisationId: ctx.organisationId })
    .onConflictDoNothing()
    .returning();
  return inserted ?? null;
}

export async function updateAnswer(ctx: DataContext, id: string, version: number, fields: AnswerFields): Promise<AnswerRow | null> {
  const [row] = await ctx.db
    .update(assessmentAnswers)
    .set({ ...fields, answeredAt: new Date(), version: sql`${assessmentAnswers.version} + 1` })
    .where(ctx.scoped(assessmentAnswers, eq(assessmentAnswers.id, id), eq(assessmentAnswers.version, version)))
    .returning();
  return row ?? null;
}

/** Every answer raises the draft's version: a submission names the version its submitter reviewed. */
export async function touchAssessment(ctx: DataContext, id: string): Promise<number> {
  const [row] = await ctx.db
    .update(assessments)
    .set(nextVersion(assessments))
    .where(ctx.scoped(assessments, eq(assessments.id, id)))
    .returning({ version: assessments.version });
  return row.version;
}

export async function markSubmitted(ctx: DataContext, id: string, version: number, by: { userId: string; label: string }): Promise<AssessmentRow | null> {
  const now = new Date();
  const [row] = await ctx.db
    .update(assessments)
    .set({ status: 'submitted', submittedAt: now, submittedBy: by.userId, submittedByLabel: by.label, updatedAt: now, version: sql`${assessments.version} + 1` })
    .where(ctx.scoped(assessments, eq(assessments.id, id), eq(assessments.status, 'draft'), eq(assessments.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteDraft(ctx: DataContext, id: string): Promise<boolean> {
  const rows = await ctx.db
    .delete(assessments)
    .where(ctx.scoped(assessments, eq(assessments.id, id), eq(assessments.status, 'draft')))
    .returning({ id: assessments.id });
  return rows.length > 0;
}
