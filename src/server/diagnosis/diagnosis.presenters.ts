import type { TEvidenceFile } from '../../shared/schemas/evidence.schema.ts';
import type { TAnswerValue, TQuestion, TScore } from '../../shared/schemas/diagnosis.schema.ts';
import type { AnswerRow, AssessmentRow } from './assessment.repository.ts';
import { scoreChecklist, scoreText, type Answer, type ChecklistModel, type QuestionModel } from './diagnosis.rules.ts';

/** Rows and rule results to API shapes, explicitly (nothing goes out as it is stored). */

export const answerMap = (rows: readonly AnswerRow[]): Record<string, Answer | undefined> =>
  Object.fromEntries(rows.filter((r) => r.answer !== null).map((r) => [r.itemId, r.answer as Answer]));

export function presentScore(model: ChecklistModel, answers: Readonly<Record<string, Answer | undefined>>): TScore {
  const s = scoreChecklist(model, answers);
  return {
    yes: s.yes,
    no: s.no.length,
    unknown: s.unknown.length,
    unanswered: s.unanswered.length,
    total: s.total,
    passRule: s.passRule,
    passed: s.passed,
    text: scoreText(model.scoreLabel, s.yes, s.total),
  };
}

export function presentChecklistRef(model: ChecklistModel, collectionId: string, diagnostic: boolean) {
  return {
    id: model.id,
    collectionId,
    name: model.name,
    detail: model.detail,
    source: model.source,
    placesAtStage: model.placesAtStage ?? null,
    readyForStage: model.readyForStage ?? null,
    passRule: model.passRule,
    diagnostic,
  };
}

export function presentQuestion(q: QuestionModel, answer: AnswerRow | undefined, evidence: TEvidenceFile[]): TQuestion {
  return {
    id: q.id,
    number: q.number ?? null,
    text: q.text,
    detail: q.detail,
    group: q.group,
    source: q.source,
    action: q.action ?? null,
    highRiskIfNo: !!q.highRiskIfNo,
    zeroStageIfNo: !!q.zeroStageIfNo,
    answer: answer
      ? {
          answer: answer.answer as TAnswerValue | null,
          comment: answer.comment,
          answeredBy: answer.answeredByLabel,
          answeredAt: answer.answeredAt.toISOString(),
          version: answer.version,
          evidence,
        }
      : null,
  };
}

export function presentAssessmentListItem(row: AssessmentRow, model: ChecklistModel, answers: readonly AnswerRow[]) {
  return {
    id: row.id,
    checklistId: row.checklistId,
    checklistName: model.name,
    status: row.status as 'draft' | 'submitted',
    startedAt: row.startedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: row.submittedByLabel,
    catalogVersion: row.catalogVersion,
    score: presentScore(model, answerMap(answers)),
  };
}
