// Request and response shapes of the diagnosis module: assessments, the
// diagnosis, stages and gates (the roadmap, dashboard and report: roadmap.schema.ts).
import { z } from 'zod';
import { IdSchema, plainString, text, VersionOrZeroSchema, VersionSchema } from './common.schema.ts';
import { EvidenceFileSchema } from './evidence.schema.ts';

export const TextPairSchema = z.object({ ja: z.string(), en: z.string() });
export type TTextPair = z.infer<typeof TextPairSchema>;

export const STAGES = ['0', '1', '2', '3', '4', 'x'] as const;
export const StageSchema = z.enum(STAGES);
export type TStage = z.infer<typeof StageSchema>;
export const MainStageSchema = z.enum(['0', '1', '2', '3', '4']);
export const AnswerValueSchema = z.enum(['yes', 'no', 'unknown']);
export type TAnswerValue = z.infer<typeof AnswerValueSchema>;
export const PassRuleSchema = z.enum(['majority', 'all', 'none']);

/** Catalog item ids in request bodies (validated against the catalog by the service). */
export const ItemRefSchema = plainString(300, 1);

// ---------------------------------------------------------------------------
// Checklists and assessments
// ---------------------------------------------------------------------------

export const ScoreSchema = z.object({
  yes: z.number().int(),
  no: z.number().int(),
  unknown: z.number().int(),
  unanswered: z.number().int(),
  total: z.number().int(),
  passRule: PassRuleSchema,
  passed: z.boolean(),
  /** The seed's own wording with the count, e.g. "Yes の合計 6/8". */
  text: TextPairSchema,
});
export type TScore = z.infer<typeof ScoreSchema>;

export const ChecklistRefSchema = z.object({
  id: z.string(),
  collectionId: z.string(),
  name: TextPairSchema,
  detail: TextPairSchema.nullable(),
  source: z.array(z.string()),
  placesAtStage: StageSchema.nullable(),
  readyForStage: StageSchema.nullable(),
  passRule: PassRuleSchema,
  diagnostic: z.boolean(),
});

export const ChecklistSummarySchema = ChecklistRefSchema.extend({
  collectionVersion: z.number().int(),
  questionCount: z.number().int(),
  latest: z
    .object({ id: IdSchema, submittedAt: z.string(), submittedBy: z.string().nullable(), catalogVersion: z.number().int(), score: ScoreSchema })
    .nullable(),
  draft: z.object({ id: IdSchema, startedAt: z.string(), answered: z.number().int(), total: z.number().int(), version: z.number().int() }).nullable(),
  submittedCount: z.number().int(),
});
export const ChecklistListSchema = z.object({
  items: z.array(ChecklistSummarySchema),
  can: z.object({ answer: z.boolean() }),
});
export type TChecklistSummary = z.infer<typeof ChecklistSummarySchema>;

export const AnswerSchema = z.object({
  answer: AnswerValueSchema.nullable(),
  comment: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string(),
  version: z.number().int(),
  evidence: z.array(EvidenceFileSchema),
});

export const QuestionSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  text: TextPairSchema,
  detail: TextPairSchema.nullable(),
  group: TextPairSchema.nullable(),
  source: z.array(z.string()),
  /** What to do when the answer is No (seed 000 VI.1.2), when the catalog gives it. */
  action: TextPairSchema.nullable(),
  highRiskIfNo: z.boolean(),
  zeroStageIfNo: z.boolean(),
  answer: AnswerSchema.nullable(),
});
export type TQuestion = z.infer<typeof QuestionSchema>;

export const AssessmentStatusSchema = z.enum(['draft', 'submitted']);

export const AssessmentSchema = z.object({
  id: IdSchema,
  checklist: ChecklistRefSchema,
  catalogVersion: z.number().int(),
  catalogVersionId: IdSchema,
  status: AssessmentStatusSchema,
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  version: z.number().int(),
  questions: z.array(QuestionSchema),
  score: ScoreSchema,
  /** Submitted assessments of the same checklist before this one (for a comparison). */
  previousId: IdSchema.nullable(),
  can: z.object({ answer: z.boolean(), submit: z.boolean(), discard: z.boolean() }),
});
export type TAssessment = z.infer<typeof AssessmentSchema>;

export const AssessmentListItemSchema = z.object({
  id: IdSchema,
  checklistId: z.string(),
  checklistName: TextPairSchema,
  status: AssessmentStatusSchema,
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  catalogVersion: z.number().int(),
  score: ScoreSchema,
});
export const AssessmentListSchema = z.object({ items: z.array(AssessmentListItemSchema) });
export const AssessmentListQuerySchema = z.strictObject({ checklistId: plainString(300).optional() });

export const StartAssessmentRequestSchema = z.strictObject({ checklistId: ItemRefSchema });
export const AssessmentParamsSchema = z.strictObject({ assessmentId: IdSchema });
export const AnswerParamsSchema = z.strictObject({ assessmentId: IdSchema, itemId: ItemRefSchema });
export const AnswerEvidenceParamsSchema = AnswerParamsSchema.extend({ evidenceId: IdSchema });

/** Fields left out stay; `version` is the answer's (0 before the item's first answer). */
export const AnswerRequestSchema = z.strictObject({
  answer: AnswerValueSchema.nullable().optional(),
  comment: text(2000, 0).nullable().optional(),
  version: VersionOrZeroSchema,
});
export const AnswerResultSchema = z.object({ question: QuestionSchema, assessmentVersion: z.number().int(), score: ScoreSchema });

export const SubmitAssessmentRequestSchema = z.strictObject({ version: VersionSchema });

export const ComparisonQuerySchema = z.strictObject({ with: IdSchema.optional() });
export const ComparisonSchema = z.object({
  checklist: ChecklistRefSchema,
  /** The older of the two. */
  left: AssessmentListItemSchema,
  right: AssessmentListItemSchema,
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      text: TextPairSchema,
      left: AnswerValueSchema.nullable(),
      right: AnswerValueSchema.nullable(),
      leftComment: z.string().nullable(),
      rightComment: z.string().nullable(),
      change: z.enum(['improved', 'worsened', 'changed', 'same']),
    }),
  ),
  improved: z.number().int(),
  worsened: z.number().int(),
  changed: z.number().int(),
});

// ---------------------------------------------------------------------------
// The diagnosis
// ---------------------------------------------------------------------------

export const ReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('zeroStageIfNo'), itemIds: z.array(z.string()) }),
  z.object({ code: z.literal('passRuleMet'), checklistId: z.string(), passRule: PassRuleSchema, yes: z.number(), total: z.number(), stage: StageSchema }),
  z.object({ code: z.literal('passRuleNotMet'), checklistId: z.string(), passRule: PassRuleSchema, yes: z.number(), total: z.number(), stage: StageSchema }),
  z.object({ code: z.literal('readyFor'), checklistId: z.string(), stage: StageSchema }),
  z.object({ code: z.literal('notReadyFor'), checklistId: z.string(), stage: StageSchema, missing: z.array(z.string()) }),
  z.object({ code: z.literal('readyForNeedsPreviousStage'), checklistId: z.string(), stage: StageSchema, requires: StageSchema }),
  z.object({ code: z.literal('unanswered'), checklistId: z.string(), itemIds: z.array(z.string()) }),
  /** A screening question (zeroStageIfNo) is Don't know or unanswered: the organisation cannot be placed until it is answered. */
  z.object({ code: z.literal('screeningUnanswered'), itemIds: z.array(z.string()) }),
]);
export type TReason = z.infer<typeof ReasonSchema>;

export const ItemLabelSchema = z.object({ checklistId: z.string(), number: z.string().nullable(), text: TextPairSchema });

export const DiagnosisChecklistSchema = ChecklistRefSchema.extend({
  assessment: z.object({ id: IdSchema, submittedAt: z.string(), submittedBy: z.string().nullable(), catalogVersion: z.number().int() }).nullable(),
  score: ScoreSchema,
  questions: z.array(z.object({ id: z.string(), number: z.string().nullable(), text: TextPairSchema, answer: AnswerValueSchema.nullable(), comment: z.string().nullable() })),
});

export const StageXReasonSchema = z.enum(['personalData', 'sensitivePersonalData', 'euResidentsData', 'financialSector']);

export const DiagnosisSchema = z.object({
  /** Every diagnostic checklist has a submitted assessment. */
  complete: z.boolean(),
  proposedStage: StageSchema,
  readyForStage: StageSchema.nullable(),
  checklists: z.array(DiagnosisChecklistSchema),
  reasons: z.array(ReasonSchema),
  /** Labels of every item a reason, risk or action names. */
  items: z.record(z.string(), ItemLabelSchema),
  highRisks: z.array(z.object({ itemId: z.string(), text: TextPairSchema, detail: TextPairSchema.nullable(), action: TextPairSchema.nullable() })),
  suggestedActions: z.array(z.object({ itemId: z.string(), number: z.string().nullable(), question: TextPairSchema, action: TextPairSchema, detail: TextPairSchema.nullable() })),
  /** The Don't know answers: counted as not Yes, listed so they can be found out. */
  unknownItems: z.array(z.string()),
  currentStage: MainStageSchema,
  stageXActive: z.boolean(),
  stageXReasons: z.array(StageXReasonSchema),
  industry: z.object({ id: z.string(), name: TextPairSchema, usingPct: z.number().nullable(), source: z.array(z.string()) }).nullable(),
});
export type TDiagnosis = z.infer<typeof DiagnosisSchema>;

// ---------------------------------------------------------------------------
// Stages and gates
// ---------------------------------------------------------------------------

export const TrackSchema = z.enum(['main', 'x']);
export const OutcomeSchema = z.enum(['advance', 'stay', 'step-back']);
export const EvaluationResultSchema = z.enum(['satisfactory', 'concerns', 'unsatisfactory']);

export const PracticeItemSchema = z.object({
  id: z.string(),
  stage: StageSchema,
  practice: z.string(),
  actor: z.string().nullable(),
  gateKind: z.enum(['evaluation', 'third-party', 'decision']).nullable(),
  optional: z.boolean(),
  text: TextPairSchema,
  detail: TextPairSchema.nullable(),
  source: z.array(z.string()),
});
export type TPracticeItem = z.infer<typeof PracticeItemSchema>;

export const StageDefSchema = z.object({
  id: z.string(),
  stage: StageSchema,
  name: TextPairSchema,
  detail: TextPairSchema.nullable(),
  remarks: TextPairSchema.nullable(),
  minDurationMonths: z.number().int().nullable(),
  budget: z.object({ minYen: z.number(), maxYen: z.number() }).nullable(),
  nextStage: StageSchema.nullable(),
  runsAlongside: z.array(StageSchema),
  source: z.array(z.string()),
  practices: z.array(PracticeItemSchema),
  gateItems: z.array(PracticeItemSchema),
});
export type TStageDef = z.infer<typeof StageDefSchema>;

export const TimeInStageSchema = z.object({
  enteredAt: z.string(),
  daysSpent: z.number().int(),
  minimumMonths: z.number().int().nullable(),
  minimumReachedAt: z.string().nullable(),
  minimumMet: z.boolean(),
  progress: z.number(),
});

export const EvaluationSchema = z.object({
  id: IdSchema,
  stage: StageSchema,
  gateItemId: z.string(),
  result: EvaluationResultSchema,
  summary: z.string(),
  evaluators: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  evidence: z.array(EvidenceFileSchema),
});
export type TEvaluation = z.infer<typeof EvaluationSchema>;

export const DecisionSchema = z.object({
  id: IdSchema,
  track: TrackSchema,
  seq: z.number().int(),
  fromStage: StageSchema.nullable(),
  toStage: StageSchema.nullable(),
  outcome: OutcomeSchema,
  reason: z.string(),
  thirdPartyName: z.string().nullable(),
  thirdPartyOpinion: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.string(),
  basis: z.object({
    proposedStage: StageSchema.nullable(),
    diagnosisComplete: z.boolean(),
    gateComplete: z.boolean().nullable(),
    gateMissing: z.array(z.string()),
    minimumMet: z.boolean().nullable(),
    daysInStage: z.number().int().nullable(),
    assessments: z.array(z.object({ id: z.string(), checklistId: z.string(), yes: z.number(), total: z.number() })),
    stageModelVersion: z.number().int().nullable(),
  }),
  evidence: z.array(EvidenceFileSchema),
});
export type TDecision = z.infer<typeof DecisionSchema>;

export const GateItemStatusSchema = z.object({ item: PracticeItemSchema, required: z.boolean(), latest: EvaluationSchema.nullable() });
export const GateSchema = z.object({
  stage: StageSchema,
  items: z.array(GateItemStatusSchema),
  missing: z.array(z.string()),
  unfavourable: z.array(z.string()),
  complete: z.boolean(),
});
export type TGate = z.infer<typeof GateSchema>;

export const DecisionOptionSchema = z.object({ possible: z.boolean(), code: z.string().nullable(), toStage: StageSchema.nullable() });

export const StagePeriodSchema = z.object({ track: TrackSchema, stage: StageSchema, from: z.string(), to: z.string().nullable() });

export const StagesOverviewSchema = z.object({
  modelAvailable: z.boolean(),
  stageModel: z.object({ collectionId: z.string(), version: z.number().int(), source: z.array(z.string()) }).nullable(),
  stages: z.array(StageDefSchema),
  current: z.object({ stage: MainStageSchema, enteredAt: z.string(), time: TimeInStageSchema, version: z.number().int() }),
  x: z.object({
    active: z.boolean(),
    enteredAt: z.string().nullable(),
    version: z.number().int(),
    /** Stage X may start now (the main stage is one it runs alongside). */
    available: z.boolean(),
    runsAlongside: z.array(StageSchema),
    reasons: z.array(StageXReasonSchema),
    time: TimeInStageSchema.nullable(),
  }),
  gate: GateSchema.nullable(),
  xGate: GateSchema.nullable(),
  diagnosis: z.object({ proposedStage: StageSchema, readyForStage: StageSchema.nullable(), complete: z.boolean() }),
  advanceTargets: z.array(MainStageSchema),
  options: z.object({ main: z.record(OutcomeSchema, DecisionOptionSchema), x: z.record(OutcomeSchema, DecisionOptionSchema) }),
  evaluations: z.array(EvaluationSchema),
  decisions: z.array(DecisionSchema),
  timeline: z.array(StagePeriodSchema),
  can: z.object({ evaluate: z.boolean(), decide: z.boolean() }),
});
export type TStagesOverview = z.infer<typeof StagesOverviewSchema>;

export const RecordEvaluationRequestSchema = z.strictObject({
  gateItemId: ItemRefSchema,
  result: EvaluationResultSchema,
  summary: text(4000),
  evaluators: text(500),
});

export const RecordDecisionRequestSchema = z.strictObject({
  track: TrackSchema,
  outcome: OutcomeSchema,
  /** An advance past the next stage (up to the proposed one) or a step back of more than one. */
  toStage: StageSchema.nullable().optional(),
  reason: text(4000),
  thirdPartyName: text(200).nullable().optional(),
  thirdPartyOpinion: text(4000).nullable().optional(),
  /** The track's version from GET /api/v1/stages (the newest decision's seq, 0 before the first). */
  version: VersionOrZeroSchema,
});

export const EvaluationParamsSchema = z.strictObject({ evaluationId: IdSchema });
export const DecisionParamsSchema = z.strictObject({ decisionId: IdSchema });
