import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../shared/policy.ts';
import type { AnswerRequestSchema, TAssessment, TChecklistSummary } from '../../shared/schemas/diagnosis.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { linkEvidence, listLinks, unlinkSubjects } from '../platform/evidence/evidence.repository.ts';
import { attachEvidence, detachEvidence, evidenceBySubject, readEvidenceUpload } from '../platform/evidence/evidence.service.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import {
  deleteDraft,
  findAnswer,
  findAssessment,
  findDraft,
  findPreviousSubmitted,
  insertAnswer,
  insertAnswers,
  insertAssessment,
  listAnswers,
  listAssessments,
  listLatestSubmitted,
  lockAssessment,
  markSubmitted,
  touchAssessment,
  updateAnswer,
  type AnswerRow,
  type AssessmentRow,
} from './assessment.repository.ts';
import { answerMap, presentAssessmentListItem, presentChecklistRef, presentQuestion, presentScore } from './diagnosis.presenters.ts';
import { compareAnswers, isDiagnostic, scoreChecklist, type ChecklistModel } from './diagnosis.rules.ts';
import { methodologyReader, type Methodology } from './methodology.repository.ts';

/** Evidence files of an answer are linked to the answer row. */
export const ANSWER_SUBJECT = 'assessment-answer';

/** The checklist an assessment answers, from the catalog version it was started on. */
async function modelOf(methodology: Methodology, row: AssessmentRow): Promise<ChecklistModel> {
  const model = (await methodology.checklistsOfVersion(row.catalogVersionId)).get(row.checklistId);
  // A stored version never changes, so this only happens if the catalog store was tampered with.
  if (!model) throw new HttpProblem(404, 'notFound');
  return model;
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** The checklists the organisation has loaded, each with its newest submitted score and any draft. */
export async function listChecklists(ctx: DataContext): Promise<{ items: TChecklistSummary[]; can: { answer: boolean } }> {
  const methodology = methodologyReader(ctx);
  const [loaded, all] = await ctx.sideBySide(() => methodology.checklists(), () => listAssessments(ctx));
  const answers = await listAnswers(ctx, all.map((a) => a.id));
  const answersOf = (id: string) => answers.filter((r) => r.assessmentId === id);
  const items: TChecklistSummary[] = [];
  for (const { model, collection } of loaded) {
    const mine = all.filter((a) => a.checklistId === model.id);
    const submitted = mine.filter((a) => a.status === 'submitted');
    const latest = submitted[0];
    const draft = mine.find((a) => a.status === 'draft');
    items.push({
      ...presentChecklistRef(model, collection.collectionId, isDiagnostic(model)),
      collectionVersion: collection.version,
      questionCount: model.questions.length,
      latest: latest
        ? {
            id: latest.id,
            submittedAt: latest.submittedAt!.toISOString(),
            submittedBy: latest.submittedByLabel,
            catalogVersion: latest.catalogVersion,
            score: presentScore(await modelOf(methodology, latest), answerMap(answersOf(latest.id))),
          }
        : null,
      draft: draft
        ? {
            id: draft.id,
            startedAt: draft.startedAt.toISOString(),
            answered: answersOf(draft.id).filter((r) => r.answer !== null).length,
            total: (await modelOf(methodology, draft)).questions.length,
            version: draft.version,
          }
        : null,
      submittedCount: submitted.length,
    });
  }
  return { items, can: { answer: can(ctx.role, 'diagnosis.answer') } };
}

async function presentAssessment(ctx: DataContext, methodology: Methodology, row: AssessmentRow): Promise<TAssessment> {
  const model = await modelOf(methodology, row);
  const [answers, previous] = await ctx.sideBySide(() => listAnswers(ctx, [row.id]), () => findPreviousSubmitted(ctx, row.checklistId, row.submittedAt ?? new Date('9999-12-31')));
  const evidence = await evidenceBySubject(ctx.db, ctx.organisationId, ANSWER_SUBJECT, answers.map((a) => a.id));
  const byItem = new Map(answers.map((a) => [a.itemId, a]));
  const answerable = can(ctx.role, 'assessment.answer', row);
  return {
    id: row.id,
    checklist: presentChecklistRef(model, row.collectionId, isDiagnostic(model)),
    catalogVersion: row.catalogVersion,
    catalogVersionId: row.catalogVersionId,
    status: row.status as 'draft' | 'submitted',
    startedAt: row.startedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: row.submittedByLabel,
    version: row.version,
    questions: model.questions.map((q) => {
      const answer = byItem.get(q.id);
      return presentQuestion(q, answer, answer ? (evidence.get(answer.id) ?? []) : []);
    }),
    score: presentScore(model, answerMap(answers)),
    previousId: previous?.id ?? null,
    can: { answer: answerable, submit: answerable, discard: answerable },
  };
}

export async function getAssessment(ctx: DataContext, assessmentId: string): Promise<TAssessment> {
  const row = await findAssessment(ctx, assessmentId);
  if (!row) throw new HttpProblem(404, 'notFound');
  return presentAssessment(ctx, methodologyReader(ctx), row);
}

/** The history: drafts, then submitted assessments newest first; of one checklist when asked. */
export async function assessmentHistory(ctx: DataContext, checklistId?: string) {
  const methodology = methodologyReader(ctx);
  const rows = await listAssessments(ctx, checklistId);
  const answers = await listAnswers(ctx, rows.map((r) => r.id));
  const items = [];
  for (const row of rows) {
    items.push(presentAssessmentListItem(row, await modelOf(methodology, row), answers.filter((a) => a.assessmentId === row.id)));
  }
  return { items };
}

/**
 * Two submitted assessments of one checklist, item by item, the older on the
 * left. Without `with`, the one submitted just before.
 */
export async function compareAssessments(ctx: DataContext, assessmentId: string, withId?: string) {
  const row = await findAssessment(ctx, assessmentId);
  if (!row) throw new HttpProblem(404, 'notFound');
  const other = withId ? await findAssessment(ctx, withId) : await findPreviousSubmitted(ctx, row.checklistId, row.submittedAt ?? new Date('9999-12-31'));
  if (withId && !other) throw new HttpProblem(404, 'notFound');
  if (!other) throw new HttpProblem(409, 'assessmentNothingToCompare');
  if (other.checklistId !== row.checklistId) throw new HttpProblem(400, 'assessmentsNotComparable');
  const time = (a: AssessmentRow) => (a.submittedAt ?? a.startedAt).getTime();
  const [left, right] = time(other) <= time(row) ? [other, row] : [row, other];
  const methodology = methodologyReader(ctx);
  const [leftModel, rightModel] = [await modelOf(methodology, left), await modelOf(methodology, right)];
  const answers = await listAnswers(ctx, [left.id, right.id]);
  const leftAnswers = answers.filter((a) => a.assessmentId === left.id);
  const rightAnswers = answers.filter((a) => a.assessmentId === right.id);
  // The newer version's questions first, then any the older one had and the newer dropped.
  const questions = [...rightModel.questions, ...leftModel.questions.filter((q) => !rightModel.questions.some((r) => r.id === q.id))];
  const result = compareAnswers(
    questions.map((q) => q.id),
    answerMap(leftAnswers),
    answerMap(rightAnswers),
  );
  const comment = (rows: AnswerRow[], itemId: string) => rows.find((r) => r.itemId === itemId)?.comment ?? null;
  return {
    checklist: presentChecklistRef(rightModel, right.collectionId, isDiagnostic(rightModel)),
    left: presentAssessmentListItem(left, leftModel, leftAnswers),
    right: presentAssessmentListItem(right, rightModel, rightAnswers),
    items: result.items.map((i, index) => ({
      id: i.itemId,
      number: questions[index].number ?? null,
      text: questions[index].text,
      left: i.left,
      right: i.right,
      leftComment: comment(leftAnswers, i.itemId),
      rightComment: comment(rightAnswers, i.itemId),
      change: i.change,
    })),
    improved: result.improved,
    worsened: result.worsened,
    changed: result.changed,
  };
}

// ---------------------------------------------------------------------------
// Changing
// ---------------------------------------------------------------------------

/**
 * A new draft of a checklist the organisation has loaded, on the version it
 * has loaded now. Answers, comments and evidence of the newest submitted
 * assessment are carried over for the questions the version still asks
 * (keeping who answered them and when), unless `carryOver` is false.
 */
export async function startAssessment(ctx: DataContext, checklistId: string, carryOver = true): Promise<TAssessment> {
  return ctx.transaction(async (tx) => {
    const methodology = methodologyReader(tx);
    const loaded = (await methodology.checklists()).find((c) => c.model.id === checklistId);
    if (!loaded) throw new HttpProblem(400, 'validation', {}, [{ path: 'checklistId', code: 'checklistUnknown' }]);
    if (await findDraft(tx, checklistId)) throw new HttpProblem(409, 'assessmentDraftExists');
    const row = await insertAssessment(tx, {
      checklistId,
      collectionId: loaded.collection.collectionId,
      catalogVersionId: loaded.collection.id,
      catalogVersion: loaded.collection.version,
      startedBy: tx.userId,
    });
    let carried = 0;
    const previous = carryOver ? (await listLatestSubmitted(tx)).find((a) => a.checklistId === checklistId) : undefined;
    if (previous) {
      const asked = new Set(loaded.model.questions.map((q) => q.id));
      const old = (await listAnswers(tx, [previous.id])).filter((a) => asked.has(a.itemId));
      const copies = await insertAnswers(
        tx,
        old.map((a) => ({ assessmentId: row.id, itemId: a.itemId, answer: a.answer, comment: a.comment, answeredBy: a.answeredBy, answeredByLabel: a.answeredByLabel, answeredAt: a.answeredAt })),
      );
      const newIdOf = new Map(copies.map((c) => [c.itemId, c.id]));
      const oldItemOf = new Map(old.map((a) => [a.id, a.itemId]));
      for (const link of await listLinks(tx.db, tx.organisationId, ANSWER_SUBJECT, old.map((a) => a.id))) {
        await linkEvidence(tx.db, tx.organisationId, [link.evidenceId], { type: ANSWER_SUBJECT, id: newIdOf.get(oldItemOf.get(link.subjectId)!)! }, tx.userId);
      }
      carried = copies.length;
    }
    await tx.audit({
      action: 'assessment.start',
      entityType: 'assessment',
      entityId: row.id,
      after: { checklistId, catalogVersion: row.catalogVersion, carriedOverFrom: previous?.id ?? null, carriedAnswers: carried },
    });
    return presentAssessment(tx, methodology, row);
  });
}

/** A draft, locked, or the 4xx that says why it cannot change. */
async function lockedDraft(tx: DataContext, assessmentId: string): Promise<AssessmentRow> {
  const row = await lockAssessment(tx, assessmentId);
  if (!row) throw new HttpProblem(404, 'notFound');
  if (row.status !== 'draft') throw new HttpProblem(409, 'assessmentSubmitted');
  return row;
}

async function questionOf(methodology: Methodology, row: AssessmentRow, itemId: string) {
  const question = (await modelOf(methodology, row)).questions.find((q) => q.id === itemId);
  if (!question) throw new HttpProblem(400, 'itemNotInChecklist');
  return question;
}

/**
 * Saves one answer of a draft (Yes, No, Don't know, or none yet) and its
 * comment. `version` is the answer's: 0 before the item's first answer.
 */
export async function answerQuestion(ctx: DataContext, auth: OrgAuthContext, assessmentId: string, itemId: string, input: z.output<typeof AnswerRequestSchema>) {
  return ctx.transaction(async (tx) => {
    const methodology = methodologyReader(tx);
    const row = await lockedDraft(tx, assessmentId);
    const question = await questionOf(methodology, row, itemId);
    const before = await findAnswer(tx, assessmentId, itemId);
    if ((before?.version ?? 0) !== input.version) throw new HttpProblem(409, 'conflict');
    const fields = {
      answer: input.answer === undefined ? (before?.answer ?? null) : input.answer,
      comment: input.comment === undefined ? (before?.comment ?? null) : input.comment || null,
      answeredBy: tx.userId,
      answeredByLabel: auth.user.displayName,
    };
    const saved = before ? await updateAnswer(tx, before.id, input.version, fields) : await insertAnswer(tx, { assessmentId, itemId, ...fields });
    if (!saved) throw new HttpProblem(409, 'conflict');
    const assessmentVersion = await touchAssessment(tx, assessmentId);
    await tx.audit({
      action: 'assessment.answer',
      entityType: 'assessment',
      entityId: assessmentId,
      before: before ? { itemId, answer: before.answer, comment: before.comment } : null,
      after: { itemId, answer: saved.answer, comment: saved.comment },
    });
    const evidence = await evidenceBySubject(tx.db, tx.organisationId, ANSWER_SUBJECT, [saved.id]);
    const answers = await listAnswers(tx, [assessmentId]);
    return {
      question: presentQuestion(question, saved, evidence.get(saved.id) ?? []),
      assessmentVersion,
      score: presentScore(await modelOf(methodology, row), answerMap(answers)),
    };
  });
}

/**
 * Submitting freezes the draft into an assessment: every question must have
 * Yes, No or Don't know, and `version` must be the one the submitter saw.
 */
export async function submitAssessment(ctx: DataContext, auth: OrgAuthContext, assessmentId: string, version: number): Promise<TAssessment> {
  return ctx.transaction(async (tx) => {
    const methodology = methodologyReader(tx);
    const row = await lockedDraft(tx, assessmentId);
    if (row.version !== version) throw new HttpProblem(409, 'conflict');
    const model = await modelOf(methodology, row);
    const answers = await listAnswers(tx, [assessmentId]);
    const score = scoreChecklist(model, answerMap(answers));
    if (score.unanswered.length) {
      const numbers = model.questions.filter((q) => score.unanswered.includes(q.id)).map((q, i) => q.number ?? String(i + 1));
      throw new HttpProblem(400, 'assessmentIncomplete', { count: score.unanswered.length, items: numbers.join(', ') });
    }
    const submitted = await markSubmitted(tx, assessmentId, version, { userId: auth.user.id, label: auth.user.displayName });
    if (!submitted) throw new HttpProblem(409, 'conflict');
    await tx.audit({
      action: 'assessment.submit',
      entityType: 'assessment',
      entityId: assessmentId,
      before: { status: 'draft' },
      after: { status: 'submitted', checklistId: row.checklistId, catalogVersion: row.catalogVersion, yes: score.yes, total: score.total, no: score.no.length, unknown: score.unknown.length },
    });
    return presentAssessment(tx, methodology, submitted);
  });
}

/** A draft can be thrown away (its own evidence files go with it); a submitted assessment never. */
export async function discardAssessment(ctx: DataContext, assessmentId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const row = await lockedDraft(tx, assessmentId);
    const answers = await listAnswers(tx, [assessmentId]);
    const deletedFiles = await unlinkSubjects(tx.db, tx.organisationId, ANSWER_SUBJECT, answers.map((a) => a.id));
    await deleteDraft(tx, assessmentId);
    await tx.audit({
      action: 'assessment.discard',
      entityType: 'assessment',
      entityId: assessmentId,
      before: { status: 'draft', checklistId: row.checklistId, answers: answers.filter((a) => a.answer !== null).length, evidenceFilesDeleted: deletedFiles.length },
    });
  });
}

/**
 * An evidence file for one answer of a draft. The draft and the item are
 * checked before the upload is read (another organisation's id: 404 and
 * nothing read); an item without an answer yet gets an empty answer row.
 */
export async function uploadAnswerEvidence(ctx: DataContext, auth: OrgAuthContext, assessmentId: string, itemId: string, req: FastifyRequest, maxBytes: number) {
  const existing = await findAssessment(ctx, assessmentId);
  if (!existing) throw new HttpProblem(404, 'notFound');
  if (existing.status !== 'draft') throw new HttpProblem(409, 'assessmentSubmitted');
  await questionOf(methodologyReader(ctx), existing, itemId);
  const upload = await readEvidenceUpload(req, maxBytes);
  return ctx.transaction(async (tx) => {
    await lockedDraft(tx, assessmentId);
    let answer = await findAnswer(tx, assessmentId, itemId);
    answer ??= (await insertAnswer(tx, { assessmentId, itemId, answer: null, comment: null, answeredBy: tx.userId, answeredByLabel: auth.user.displayName })) ?? undefined;
    if (!answer) throw new HttpProblem(409, 'conflict');
    const file = await attachEvidence(tx.db, auth, { type: ANSWER_SUBJECT, id: answer.id }, upload);
    await touchAssessment(tx, assessmentId);
    return file;
  });
}

export async function removeAnswerEvidence(ctx: DataContext, auth: OrgAuthContext, assessmentId: string, itemId: string, evidenceId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const row = await lockedDraft(tx, assessmentId);
    await questionOf(methodologyReader(tx), row, itemId);
    const answer = await findAnswer(tx, assessmentId, itemId);
    if (!answer) throw new HttpProblem(404, 'notFound');
    await detachEvidence(tx.db, auth, { type: ANSWER_SUBJECT, id: answer.id }, evidenceId);
    await touchAssessment(tx, assessmentId);
  });
}
