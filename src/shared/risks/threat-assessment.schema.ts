// Threat impact assessment (PRODUCT.md capability 5; seed 000 II.2.1 表2):
// requests and responses of /api/v1/threat-assessments.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { IdSchema, int4Query, text, VersionSchema } from '../schemas/common.schema.ts';
import { ExportFormatSchema } from '../schemas/export.schema.ts';

/** How hard a threat would hit the business in one column of 表2; null while not judged. */
export const IMPACT_LEVELS = ['none', 'small', 'medium', 'large'] as const;
export type TImpactLevel = (typeof IMPACT_LEVELS)[number];

/** The three columns of seed 000 表2: 倒産の有無, 売上激減, 顧客離れ. */
export const IMPACT_COLUMNS = ['impactBankruptcy', 'impactSalesDrop', 'impactCustomerLoss'] as const;
export type TImpactColumn = (typeof IMPACT_COLUMNS)[number];

const impact = z.enum(IMPACT_LEVELS).nullable();
export const THREAT_NOTE_MAX = 2000;

const judgement = {
  impactBankruptcy: impact.optional(),
  impactSalesDrop: impact.optional(),
  impactCustomerLoss: impact.optional(),
  note: text(THREAT_NOTE_MAX, 0).optional(),
};

/** The first judgement of a threat of the organisation's loaded list; columns not sent are not judged. */
export const CreateThreatAssessmentRequestSchema = z.strictObject({
  threatItemId: CatalogItemIdSchema.max(200),
  ...judgement,
});
export type TCreateThreatAssessmentRequest = z.input<typeof CreateThreatAssessmentRequestSchema>;

/** Only the fields sent change; `version` is the one the client saw (stale → 409). */
export const UpdateThreatAssessmentRequestSchema = z.strictObject({ ...judgement, version: VersionSchema });
export type TUpdateThreatAssessmentRequest = z.input<typeof UpdateThreatAssessmentRequestSchema>;

/** A year's list; without one, the newest the organisation has loaded. */
export const ThreatAssessmentQuerySchema = z.strictObject({ year: int4Query(1900, 9999).optional() });
/** A year's list as a file (the newest loaded by default). */
export const ThreatAssessmentExportQuerySchema = ThreatAssessmentQuerySchema.extend({ format: ExportFormatSchema.default('csv') });

export const ThreatAssessmentSchema = z.object({
  id: IdSchema,
  threatItemId: z.string(),
  impactBankruptcy: impact,
  impactSalesDrop: impact,
  impactCustomerLoss: impact,
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean() }),
});
export type TThreatAssessment = z.infer<typeof ThreatAssessmentSchema>;

const TextPairSchema = z.object({ ja: z.string(), en: z.string() });

/** How far a list is judged: threats with a judgement in any column, and those with a large impact in any column. */
export const ThreatAssessmentSummarySchema = z.object({ threatCount: z.number().int(), judgedCount: z.number().int(), largeCount: z.number().int() });
export type TThreatAssessmentSummary = z.infer<typeof ThreatAssessmentSummarySchema>;

const listFields = {
  id: z.string(),
  /** The true year of IPA's list (FACTS.md 3). */
  year: z.number().int(),
  name: TextPairSchema,
  /** The year the study prints for this list, where it differs (seed 000 表2 says 2020 for the 2019 list). */
  labelledYearInStudy: z.number().int().nullable(),
  summary: ThreatAssessmentSummarySchema,
};

/** The study's worked example in 表2 (影響大 on ranks 4-6 of the 2019 list): a hint, never the organisation's answer. */
export const StudyExampleSchema = z.object({ impactBankruptcy: impact, impactSalesDrop: impact, impactCustomerLoss: impact });

export const ThreatAssessmentViewSchema = z.object({
  /** Every loaded list, newest first, for the year selector. */
  lists: z.array(z.object(listFields)),
  /** The chosen list with each threat by rank; null when the organisation has no threat list loaded. */
  list: z
    .object({
      ...listFields,
      note: TextPairSchema.nullable(),
      hasStudyExample: z.boolean(),
      items: z.array(
        z.object({
          threatItemId: z.string(),
          rank: z.number().int(),
          name: TextPairSchema,
          studyExample: StudyExampleSchema.nullable(),
          assessment: ThreatAssessmentSchema.nullable(),
        }),
      ),
    })
    .nullable(),
});
export type TThreatAssessmentView = z.infer<typeof ThreatAssessmentViewSchema>;
