// Actual costs and the plan review (seed 004 「財務計画の5ステップ」 steps 4-5):
// requests and responses of /api/v1/cost-actuals and /api/v1/costs/plan-review.
import { z } from 'zod';
import { IdSchema, safeInteger, text, updateRequestOf } from '../schemas/common.schema.ts';
import { ExportFormatSchema } from '../schemas/export.schema.ts';
import { COST_CATEGORIES } from './cost-plan.rules.ts';

/** The fields a file of actual costs can fill, in the order the import matches headers; the first four are required. */
export const ACTUAL_IMPORT_FIELDS = ['month', 'category', 'amountYen', 'description', 'notes'] as const;
export type TActualImportField = (typeof ACTUAL_IMPORT_FIELDS)[number];
export const REQUIRED_ACTUAL_IMPORT_FIELDS: readonly TActualImportField[] = ['month', 'category', 'amountYen', 'description'];
/** Largest file of actual costs accepted (a few years of bills fit in far less). */
export const COST_ACTUAL_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A calendar month, 'YYYY-MM', from 1900 to 9999. */
export const MonthSchema = z
  .string()
  .max(7)
  .refine((s) => /^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])$/.test(s), { params: { i18n: 'invalidMonth' } })
  .meta({ description: 'A month, YYYY-MM' });

/** Credits and refunds are negative lines; up to 10 trillion yen either way. */
const amountYen = safeInteger(-10_000_000_000_000, 10_000_000_000_000);

export const CreateCostActualRequestSchema = z.strictObject({
  month: MonthSchema,
  category: z.enum(COST_CATEGORIES),
  amountYen,
  description: text(200),
  notes: text(2000, 0).default(''),
});
export type TCreateCostActualRequest = z.input<typeof CreateCostActualRequestSchema>;

export const UpdateCostActualRequestSchema = updateRequestOf(CreateCostActualRequestSchema);

export const CostActualSchema = z.object({
  id: IdSchema,
  month: z.string(),
  category: z.enum(COST_CATEGORIES),
  amountYen: z.number(),
  description: z.string(),
  notes: z.string(),
  /** Whether the line came from a CSV import. */
  imported: z.boolean(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TCostActual = z.infer<typeof CostActualSchema>;

export const CostActualQuerySchema = z.strictObject({ from: MonthSchema.optional(), to: MonthSchema.optional() });
/** The actual cost lines as a file, for the same months as the list. */
export const CostActualExportQuerySchema = CostActualQuerySchema.extend({ format: ExportFormatSchema.default('csv') });
export const CostActualListSchema = z.object({ items: z.array(CostActualSchema) });

const MonthVarianceSchema = z.object({
  month: z.string(),
  planYen: z.number(),
  actualYen: z.number(),
  varianceYen: z.number(),
  cumulativePlanYen: z.number(),
  cumulativeActualYen: z.number(),
  cumulativeVarianceYen: z.number(),
});

export const PlanReviewSchema = z.object({
  /** The adopted scenario (the approved budget plan), or null when none is adopted. */
  plan: z.object({ scenarioId: IdSchema, name: z.string(), startMonth: z.string(), endMonth: z.string(), years: z.number().int() }).nullable(),
  /** The month under review: the current month in Japan. */
  through: z.string(),
  review: z
    .object({
      months: z.array(MonthVarianceSchema),
      categories: z.array(
        z.object({ category: z.enum(COST_CATEGORIES), planYen: z.number(), actualYen: z.number(), varianceYen: z.number(), variancePercent: z.number().nullable() }),
      ),
      planYen: z.number(),
      actualYen: z.number(),
      varianceYen: z.number(),
      variancePercent: z.number().nullable(),
      status: z.enum(['notStarted', 'within', 'over']),
      overMonths: z.number().int(),
      outsideYen: z.number(),
    })
    .nullable(),
});
export type TPlanReview = z.infer<typeof PlanReviewSchema>;
