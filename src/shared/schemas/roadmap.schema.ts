// Request and response shapes of the diagnosis module's roadmap, dashboard and report.
import { z } from 'zod';
import { businessDate, IdSchema, text, VersionOrZeroSchema, VersionSchema } from './common.schema.ts';
import { EvidenceFileSchema } from './evidence.schema.ts';
import { OrganisationProfileSchema, YenSchema } from './organisation-profile.schema.ts';
import { AssessmentSchema, DiagnosisSchema, ItemRefSchema, GateSchema, MainStageSchema, OutcomeSchema, PracticeItemSchema, ScoreSchema, StagePeriodSchema, StageSchema, StagesOverviewSchema, TextPairSchema, TimeInStageSchema, TrackSchema } from './diagnosis.schema.ts';

// ---------------------------------------------------------------------------
// The roadmap
// ---------------------------------------------------------------------------

export const TaskStatusSchema = z.enum(['todo', 'in-progress', 'done', 'not-applicable']);
export type TTaskStatus = z.infer<typeof TaskStatusSchema>;
const DateSchema = businessDate();

export const TaskSchema = z.object({
  id: IdSchema,
  stage: StageSchema,
  practiceItemId: z.string(),
  owner: z.object({ userId: IdSchema, displayName: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  status: TaskStatusSchema,
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number().int(),
  open: z.boolean(),
  overdue: z.boolean(),
  evidence: z.array(EvidenceFileSchema),
});
export type TTask = z.infer<typeof TaskSchema>;

export const BudgetSchema = z.object({
  guide: z.object({ minYen: z.number(), maxYen: z.number() }).nullable(),
  budgetYen: z.number().int().nullable(),
  status: z.enum(['no-guide', 'not-entered', 'below', 'within', 'above']),
  version: z.number().int(),
});

export const RoadmapStageSchema = z.object({
  stage: StageSchema,
  role: z.enum(['current', 'next', 'alongside']),
  name: TextPairSchema,
  detail: TextPairSchema.nullable(),
  minDurationMonths: z.number().int().nullable(),
  time: TimeInStageSchema.nullable(),
  budget: BudgetSchema,
  items: z.array(z.object({ item: PracticeItemSchema, task: TaskSchema.nullable() })),
});

export const RoadmapSchema = z.object({
  modelAvailable: z.boolean(),
  currentStage: MainStageSchema,
  stages: z.array(RoadmapStageSchema),
  summary: z.object({ total: z.number().int(), open: z.number().int(), overdue: z.number().int(), done: z.number().int(), notApplicable: z.number().int() }),
  members: z.array(z.object({ userId: IdSchema, displayName: z.string() })),
  can: z.object({ updateTasks: z.boolean(), setBudget: z.boolean() }),
});
export type TRoadmap = z.infer<typeof RoadmapSchema>;

export const CreateTaskRequestSchema = z.strictObject({
  practiceItemId: ItemRefSchema,
  ownerUserId: IdSchema.nullable().optional(),
  dueDate: DateSchema.nullable().optional(),
  status: TaskStatusSchema.optional(),
  note: text(2000, 0).nullable().optional(),
});
export const UpdateTaskRequestSchema = z.strictObject({
  ownerUserId: IdSchema.nullable().optional(),
  dueDate: DateSchema.nullable().optional(),
  status: TaskStatusSchema.optional(),
  note: text(2000, 0).nullable().optional(),
  version: VersionSchema,
});
export const TaskParamsSchema = z.strictObject({ taskId: IdSchema });
export const TaskEvidenceParamsSchema = z.strictObject({ taskId: IdSchema, evidenceId: IdSchema });

export const SetBudgetRequestSchema = z.strictObject({ stage: StageSchema, budgetYen: YenSchema, version: VersionOrZeroSchema });

// ---------------------------------------------------------------------------
// Dashboard and report
// ---------------------------------------------------------------------------

export const NextStepSchema = z.enum(['profile', 'answer', 'submit', 'evaluate', 'decide', 'tasks']);

export const DashboardSchema = z.object({
  profileComplete: z.boolean(),
  stage: z.object({
    current: MainStageSchema,
    name: TextPairSchema.nullable(),
    time: TimeInStageSchema,
    next: z.object({ stage: StageSchema, name: TextPairSchema }).nullable(),
    gate: GateSchema.nullable(),
    xActive: z.boolean(),
  }),
  diagnosis: z.object({
    /** A checklist has been answered or begun: before that, the journey's next step is to start the diagnosis. */
    started: z.boolean(),
    complete: z.boolean(),
    proposedStage: StageSchema,
    readyForStage: StageSchema.nullable(),
    highRisks: z.number().int(),
    suggestedActions: z.number().int(),
    scores: z.array(z.object({ checklistId: z.string(), name: TextPairSchema, submittedAt: z.string().nullable(), score: ScoreSchema })),
  }),
  tasks: z.object({
    summary: RoadmapSchema.shape.summary,
    open: z.array(z.object({ id: IdSchema.nullable(), practiceItemId: z.string(), stage: StageSchema, text: TextPairSchema, dueDate: z.string().nullable(), owner: z.string().nullable(), status: TaskStatusSchema, overdue: z.boolean() })),
  }),
  budget: z.object({ stage: StageSchema }).extend(BudgetSchema.shape),
  timeline: z.array(StagePeriodSchema),
  decisions: z.array(z.object({ decidedAt: z.string(), track: TrackSchema, outcome: OutcomeSchema, fromStage: StageSchema.nullable(), toStage: StageSchema.nullable() })),
  nextSteps: z.array(z.object({ step: NextStepSchema, checklistId: z.string().nullable(), name: TextPairSchema.nullable() })),
  asOf: z.string(),
});
export type TDashboard = z.infer<typeof DashboardSchema>;

export const ReportSchema = z.object({
  generatedAt: z.string(),
  organisation: z.object({ name: z.string() }),
  profile: OrganisationProfileSchema,
  diagnosis: DiagnosisSchema,
  assessments: z.array(AssessmentSchema),
  roadmap: RoadmapSchema,
  stages: StagesOverviewSchema,
  pdfAvailable: z.boolean(),
});
export type TReport = z.infer<typeof ReportSchema>;

export const ReportExportQuerySchema = z.strictObject({
  format: z.enum(['json', 'pdf']).default('json'),
  lang: z.enum(['ja', 'en']).optional(),
});
