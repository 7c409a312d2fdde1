// Workloads (対象業務, seed 000 III.1-III.3): requests and responses of /api/v1/workloads.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { RANKS, SENSITIVITIES } from './asset.schema.ts';
import { IdSchema, text, uniqueList, updateRequestOf } from './common.schema.ts';

/** Seed 000 II.5.2 表4: stages 0-4 and X (as the catalog's stage model writes them). */
export const STAGES = ['0', '1', '2', '3', '4', 'x'] as const;
export const StageSchema = z.enum(STAGES);
export type TStage = z.infer<typeof StageSchema>;

/** Seed 000 III.3 ①-③: cost, convenience, continuity. */
export const MOTIVES = ['cost', 'convenience', 'continuity'] as const;
export const MotiveSchema = z.enum(MOTIVES);
/** Seed 000 II.6.6 対象業務: personal data; sales and customer information; planning, finance and accounting. */
export const STAGE_X_KINDS = ['personal', 'sales_customer', 'planning_finance'] as const;
export const StageXKindSchema = z.enum(STAGE_X_KINDS);
/** Seed 000 III.3.4 表6: 高 / 中 / 低. */
export const PRIORITIES = ['low', 'medium', 'high'] as const;
export const PrioritySchema = z.enum(PRIORITIES);

export const VERDICTS = ['suitable', 'needsStageXPlan', 'notYet'] as const;
export const TONES = ['ok', 'info', 'warning', 'blocker'] as const;
export const WORKLOAD_REASON_CODES = [
  'stageNotDiagnosed',
  'stageZeroConsiderOnly',
  'sensitiveDeclared',
  'sensitiveImpacts',
  'sensitiveAssets',
  'personalDataAssets',
  'coreBusinessDeclared',
  'coreBusinessInformation',
  'rankAAssets',
  'riskTolerable',
  'riskNotTolerable',
  'riskToleranceUnanswered',
  'riskToleranceContradicted',
  'stageTwoEffective',
  'stageThreeCandidate',
  'laterStage',
  'stageXPlanMissing',
  'stageXPlanned',
  'allowedInStage',
  'stageOneFirstChoice',
  'stageTwoFirstChoice',
  'noMotive',
  'motives',
  'noCategory',
  'noAssets',
  'futurePriorityHigh',
] as const;

const workloadFields = {
  name: text(200),
  description: text(4000, 0),
  motives: uniqueList(MotiveSchema, MOTIVES.length),
  /** III.3.1: an item of urn:kumoji:seed-000:workload-categories. */
  categoryId: CatalogItemIdSchema.max(200).nullable(),
  /** III.3.2 表5: items of urn:kumoji:seed-000:information-impacts. */
  impactIds: uniqueList(CatalogItemIdSchema.max(200), 50),
  stageXKinds: uniqueList(StageXKindSchema, STAGE_X_KINDS.length),
  riskTolerable: z.boolean().nullable(),
  coreBusiness: z.boolean(),
  /** III.3.4 表6: an item of urn:kumoji:seed-000:business-advantage-themes. */
  advantageThemeId: CatalogItemIdSchema.max(200).nullable(),
  pastPriority: PrioritySchema.nullable(),
  futurePriority: PrioritySchema.nullable(),
  /** II.6.6: the stage X plan; empty means none. */
  stageXPlan: text(4000, 0).nullable(),
  /** Assets of the organisation's inventory that the workload uses. */
  assetIds: uniqueList(IdSchema, 1000),
};

export const CreateWorkloadRequestSchema = z.strictObject({
  name: workloadFields.name,
  description: workloadFields.description.optional(),
  motives: workloadFields.motives.optional(),
  categoryId: workloadFields.categoryId.optional(),
  impactIds: workloadFields.impactIds.optional(),
  stageXKinds: workloadFields.stageXKinds.optional(),
  riskTolerable: workloadFields.riskTolerable.optional(),
  coreBusiness: workloadFields.coreBusiness.optional(),
  advantageThemeId: workloadFields.advantageThemeId.optional(),
  pastPriority: workloadFields.pastPriority.optional(),
  futurePriority: workloadFields.futurePriority.optional(),
  stageXPlan: workloadFields.stageXPlan.optional(),
  assetIds: workloadFields.assetIds.optional(),
});
export type TCreateWorkloadRequest = z.input<typeof CreateWorkloadRequestSchema>;

/** Only the fields sent change; `version` is the one the client saw (stale → 409). */
export const UpdateWorkloadRequestSchema = updateRequestOf(CreateWorkloadRequestSchema);
export type TUpdateWorkloadRequest = z.input<typeof UpdateWorkloadRequestSchema>;

export const WorkloadReasonSchema = z.object({
  code: z.enum(WORKLOAD_REASON_CODES),
  tone: z.enum(TONES),
  source: z.string(),
  stage: StageSchema.optional(),
  kinds: z.array(StageXKindSchema).optional(),
  motives: z.array(MotiveSchema).optional(),
  refs: z.array(z.string()).optional(),
  assetIds: z.array(z.string()).optional(),
});
export type TWorkloadReason = z.infer<typeof WorkloadReasonSchema>;

export const WorkloadAssessmentSchema = z.object({
  verdict: z.enum(VERDICTS),
  /** The stage the assessment was made against; null when the organisation has no stage yet. */
  currentStage: StageSchema.nullable(),
  earliestStage: StageSchema,
  sensitive: z.boolean(),
  stageXKinds: z.array(StageXKindSchema),
  core: z.boolean(),
  riskTolerable: z.boolean().nullable(),
  recommendedNow: z.boolean(),
  reasons: z.array(WorkloadReasonSchema),
});
export type TWorkloadAssessment = z.infer<typeof WorkloadAssessmentSchema>;

/** III.3.3: the ISMS view, derived from the linked assets. */
export const IsmsAssetViewSchema = z.object({
  assetCount: z.number().int(),
  rankCounts: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int() }),
  highestRank: z.enum(RANKS).nullable(),
  sensitivityCounts: z.object({ basic: z.number().int(), sensitive: z.number().int(), exceptional: z.number().int(), unclassified: z.number().int() }),
  personalDataCount: z.number().int(),
  /** Exact yen as a decimal string. */
  totalValueYen: z.string(),
  shareOfInventoryPercent: z.number().nullable(),
});

export const LinkedAssetSchema = z.object({
  id: IdSchema,
  name: z.string(),
  rank: z.enum(RANKS),
  sensitivity: z.enum(SENSITIVITIES).nullable(),
  riskCategoryId: z.string().nullable(),
  containsPersonalData: z.boolean(),
  totalValueYen: z.string().nullable(),
});
export type TLinkedAsset = z.infer<typeof LinkedAssetSchema>;

export const WorkloadSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  motives: z.array(MotiveSchema),
  categoryId: z.string().nullable(),
  impactIds: z.array(z.string()),
  stageXKinds: z.array(StageXKindSchema),
  riskTolerable: z.boolean().nullable(),
  coreBusiness: z.boolean(),
  advantageThemeId: z.string().nullable(),
  pastPriority: PrioritySchema.nullable(),
  futurePriority: PrioritySchema.nullable(),
  stageXPlan: z.string().nullable(),
  assets: z.array(LinkedAssetSchema),
  isms: IsmsAssetViewSchema,
  assessment: WorkloadAssessmentSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TWorkload = z.infer<typeof WorkloadSchema>;

export const WorkloadListSchema = z.object({
  items: z.array(WorkloadSchema),
  currentStage: StageSchema.nullable(),
});

const TextPair = z.object({ ja: z.string(), en: z.string() });

/**
 * The catalog content the workload screens show, from the organisation's
 * loaded collections: the III.3.1 categories, Table 5, Table 6, Table 7's
 * risk categories, the stage names and the organisation's current stage.
 */
export const WorkloadReferenceSchema = z.object({
  currentStage: StageSchema.nullable(),
  stages: z.array(z.object({ id: z.string(), stage: StageSchema, name: TextPair, source: z.array(z.string()) })),
  categories: z.array(z.object({ id: z.string(), number: z.number().int().nullable(), name: TextPair, examples: z.array(TextPair), source: z.array(z.string()) })),
  impacts: z.array(
    z.object({
      id: z.string(),
      name: TextPair,
      provider: TextPair.nullable(),
      user: TextPair.nullable(),
      customer: TextPair.nullable(),
      /** The stage X kind the row brings (personal and customer information), if any. */
      stageXKind: StageXKindSchema.nullable(),
      core: z.boolean(),
      source: z.array(z.string()),
    }),
  ),
  advantageThemes: z.array(
    z.object({
      id: z.string(),
      name: TextPair,
      detail: TextPair.nullable(),
      examples: TextPair.nullable(),
      pastPriority: TextPair.nullable(),
      futurePriority: TextPair.nullable(),
      source: z.array(z.string()),
    }),
  ),
  riskCategories: z.array(z.object({ id: z.string(), name: TextPair })),
  /** Where each table comes from: collection id, name, version and citation. */
  collections: z.array(z.object({ id: z.string(), name: TextPair, version: z.number().int(), source: z.array(z.string()) })),
});
export type TWorkloadReference = z.infer<typeof WorkloadReferenceSchema>;
