import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { assessmentAnswers, assessments } from './diagnosis.table.ts';

/**
 * Assessment queries, every one scoped by the session's organisation id.
 * Submitted rows never change (the database refuses it, see the migration
 * `diagnosis-immutable`); drafts change one answer at a time.
 */

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof assessmentAnswers.$inferSelect;

export async function insertAssessment(db: Db, row: typeof assessments.$inferInsert): Promise<AssessmentRow> {
  const [inserted] = await db.insert(assessments).values(row).returning();
  return inserted;
}

export async function findAssessment(db: Db, organisationId: string, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await db.select().from(assessments).where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, id)));
  return row;
}

/** The assessment, locked until the transaction ends: answers, submission and discarding queue behind each other. */
export async function lockAssessment(db: Db, organisationId: string, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await db.select().from(assessments).where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, id))).for('update');
  return row;
}

export async function findDraft(db: Db, organisationId: string, checklistId: string): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.checklistId, checklistId), eq(assessments.status, 'draft')));
  return row;
}

/** Drafts first, then submitted ones, newest first. */
export async function listAssessments(db: Db, organisationId: string, checklistId?: string): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.organisationId, organisationId), checklistId === undefined ? undefined : eq(assessments.checklistId, checklistId)))
    .orderBy(sql`${assessments.submittedAt} desc nulls first`, desc(assessments.startedAt));
}

/** The newest submitted assessment of each checklist. */
export async function listLatestSubmitted(db: Db, organisationId: string): Promise<AssessmentRow[]> {
  return db
    .selectDistinctOn([assessments.checklistId])
    .from(assessments)
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.status, 'submitted')))
    .orderBy(assessments.checklistId, desc(assessments.submittedAt), desc(assessments.id));
}

/** The submitted assessment of the same checklist just before `before`. */
export async function findPreviousSubmitted(db: Db, organisationId: string, checklistId: string, before: Date): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.organisationId, organisationId),
        eq(assessments.checklistId, checklistId),
        eq(assessments.status, 'submitted'),
        isNotNull(assessments.submittedAt),
        lt(assessments.submittedAt, before),
      ),
    )
    .orderBy(desc(assessments.submittedAt))
    .limit(1);
  return row;
}

export async function listAnswers(db: Db, organisationId: string, assessmentIds: readonly string[]): Promise<AnswerRow[]> {
  if (!assessmentIds.length) return [];
  return db
    .select()
    .from(assessmentAnswers)
    .where(and(eq(assessmentAnswers.organisationId, organisationId), inArray(assessmentAnswers.assessmentId, [...assessmentIds])))
    .orderBy(asc(assessmentAnswers.answeredAt));
}

export async function findAnswer(db: Db, organisationId: string, assessmentId: string, itemId: string): Promise<AnswerRow | undefined> {
  const [row] = await db
    .select()
    .from(assessmentAnswers)
    .where(and(eq(assessmentAnswers.organisationId, organisationId), eq(assessmentAnswers.assessmentId, assessmentId), eq(assessmentAnswers.itemId, itemId)));
  return row;
}

type AnswerFields = Pick<AnswerRow, 'answer' | 'comment' | 'answeredBy' | 'answeredByLabel'>;

export async function insertAnswers(db: Db, rows: (typeof assessmentAnswers.$inferInsert)[]): Promise<AnswerRow[]> {
  if (!rows.length) return [];
  return db.insert(assessmentAnswers).values(rows).returning();
}

/** Null when the item was answered meanwhile (the caller answers 409). */
export async function insertAnswer(db: Db, row: typeof assessmentAnswers.$inferInsert): Promise<AnswerRow | null> {
  const [inserted] = await db.insert(assessmentAnswers).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function updateAnswer(db: Db, organisationId: string, id: string, version: number, fields: AnswerFields): Promise<AnswerRow | null> {
  const [row] = await db
    .update(assessmentAnswers)
    .set({ ...fields, answeredAt: new Date(), version: sql`${assessmentAnswers.version} + 1` })
    .where(and(eq(assessmentAnswers.organisationId, organisationId), eq(assessmentAnswers.id, id), eq(assessmentAnswers.version, version)))
    .returning();
  return row ?? null;
}

/** Every answer raises the draft's version: a submission names the version its submitter reviewed. */
export async function touchAssessment(db: Db, organisationId: string, id: string): Promise<number> {
  const [row] = await db
    .update(assessments)
    .set({ updatedAt: new Date(), version: sql`${assessments.version} + 1` })
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, id)))
    .returning({ version: assessments.version });
  return row.version;
}

export async function markSubmitted(db: Db, organisationId: string, id: string, version: number, by: { userId: string; label: string }): Promise<AssessmentRow | null> {
  const now = new Date();
  const [row] = await db
    .update(assessments)
    .set({ status: 'submitted', submittedAt: now, submittedBy: by.userId, submittedByLabel: by.label, updatedAt: now, version: sql`${assessments.version} + 1` })
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, id), eq(assessments.status, 'draft'), eq(assessments.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteDraft(db: Db, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(assessments)
    .where(and(eq(assessments.organisationId, organisationId), eq(assessments.id, id), eq(assessments.status, 'draft')))
    .returning({ id: assessments.id });
  return rows.length > 0;
}
