import type { TDiagnosis } from '../../shared/schemas/diagnosis.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { findProfile } from '../platform/orgs/organisation-profile.repository.ts';
import { listAnswers, listLatestSubmitted, type AnswerRow, type AssessmentRow } from './assessment.repository.ts';
import { answerMap, presentChecklistRef, presentScore } from './diagnosis.presenters.ts';
import { diagnose, isDiagnostic, type Answer, type ChecklistModel, type Diagnosis } from './diagnosis.rules.ts';
import { methodologyReader, type Methodology } from './methodology.repository.ts';
import { stageXReasons, type MainStage } from './stage.rules.ts';

/**
 * The diagnosis: the rules of diagnosis.rules.ts over the newest submitted
 * assessment of every checklist that takes part (each read on the catalog
 * version it was answered on), explained item by item. Nothing is stored:
 * the same assessments always give the same diagnosis, and a gate decision
 * keeps a copy of what it relied on (stage_decisions.basis).
 */

export interface DiagnosisInputs {
  lists: { model: ChecklistModel; collectionId: string; assessment: AssessmentRow | null; answers: AnswerRow[] }[];
  result: Diagnosis;
  /** The reader they were read with: what else the screen reads of the methodology comes from it too. */
  methodology: Methodology;
  /** The organisation profile, read once for every part of the screen that shows it (and only when one does). */
  profile(): Promise<ProfileRow | null>;
}

type ProfileRow = Awaited<ReturnType<typeof findProfile>>;

export async function diagnosisInputs(ctx: DataContext, methodology: Methodology = methodologyReader(ctx)): Promise<DiagnosisInputs> {
  const [loaded, latest] = await ctx.sideBySide(() => methodology.checklists(), () => listLatestSubmitted(ctx));
  const answers = await listAnswers(ctx, latest.map((a) => a.id));
  const lists: DiagnosisInputs['lists'] = [];
  for (const { model, collection } of loaded) {
    const assessment = latest.find((a) => a.checklistId === model.id) ?? null;
    if (!assessment && !isDiagnostic(model)) continue;
    // The questions as they were asked: the assessment's own catalog version.
    const asked = assessment ? ((await methodology.checklistsOfVersion(assessment.catalogVersionId)).get(model.id) ?? model) : model;
    lists.push({ model: asked, collectionId: collection.collectionId, assessment, answers: assessment ? answers.filter((a) => a.assessmentId === assessment.id) : [] });
  }
  const all: Record<string, Answer | undefined> = Object.assign({}, ...lists.map((l) => answerMap(l.answers)));
  let profile: Promise<ProfileRow | null> | null = null;
  return { lists, result: diagnose(lists.map((l) => l.model), all), methodology, profile: () => (profile ??= findProfile(ctx.db, ctx.organisationId)) };
}

export async function getDiagnosis(ctx: DataContext, stage: { current: MainStage; xActive: boolean }, inputs: DiagnosisInputs): Promise<TDiagnosis> {
  const { lists, result, methodology } = inputs;
  const [profile, industries] = await ctx.sideBySide(() => inputs.profile(), () => methodology.industries());
  const questions = lists.flatMap((l) => l.model.questions.map((q) => ({ q, list: l })));
  const items = Object.fromEntries(questions.map(({ q, list }) => [q.id, { checklistId: list.model.id, number: q.number ?? null, text: q.text }]));
  const industry = profile?.industryId ? industries.options.find((o) => o.id === profile.industryId) : undefined;
  return {
    complete: lists.filter((l) => isDiagnostic(l.model)).every((l) => l.assessment !== null),
    proposedStage: result.proposedStage,
    readyForStage: result.readyForStage,
    checklists: lists.map((l) => {
      const byItem = new Map(l.answers.map((a) => [a.itemId, a]));
      return {
        ...presentChecklistRef(l.model, l.collectionId, isDiagnostic(l.model)),
        assessment: l.assessment
          ? { id: l.assessment.id, submittedAt: l.assessment.submittedAt!.toISOString(), submittedBy: l.assessment.submittedByLabel, catalogVersion: l.assessment.catalogVersion }
          : null,
        score: presentScore(l.model, answerMap(l.answers)),
        questions: l.model.questions.map((q) => ({
          id: q.id,
          number: q.number ?? null,
          text: q.text,
          answer: (byItem.get(q.id)?.answer ?? null) as Answer | null,
          comment: byItem.get(q.id)?.comment ?? null,
        })),
      };
    }),
    reasons: result.reasons,
    items,
    highRisks: result.highRisks.map((itemId) => {
      const q = questions.find((x) => x.q.id === itemId)!.q;
      return { itemId, text: q.text, detail: q.detail, action: q.action ?? null };
    }),
    suggestedActions: result.suggestedActions.map(({ itemId, action }) => {
      const q = questions.find((x) => x.q.id === itemId)!.q;
      return { itemId, number: q.number ?? null, question: q.text, action, detail: q.detail };
    }),
    unknownItems: result.scores.flatMap((s) => s.unknown),
    currentStage: stage.current,
    stageXActive: stage.xActive,
    stageXReasons: stageXReasons(profile ?? null),
    industry: industry ? { id: industry.id, name: industry.name, usingPct: industry.usingPct, source: industries.source } : null,
  };
}
