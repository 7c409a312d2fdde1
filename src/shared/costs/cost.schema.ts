// Cost scenarios and their comparison (PRODUCT.md capability 10; seed 004
// 「コスト最適化と財務計画」): requests and responses of /api/v1/costs and
// /api/v1/cost-scenarios.
import { z } from 'zod';
import { IdSchema, int4, safeInteger, text, updateRequestOf } from '../schemas/common.schema.ts';
import { BUDGET_STAGES } from './cost-plan.rules.ts';
import { HORIZON_MAX_YEARS, RESERVED_DISCOUNT_MAX, SCENARIO_KINDS } from './cost.rules.ts';
import { MonthSchema } from './cost-actual.schema.ts';

/** An adopted plan needs its first month (the service also refuses adopting the baseline). */
function planChecks(v: { adopted?: boolean; planStartMonth?: string | null }, ctx: z.RefinementCtx) {
  if (v.adopted && !v.planStartMonth) ctx.addIssue({ code: 'custom', path: ['planStartMonth'], params: { i18n: 'planStartRequired' } });
}

export const RISK_REDUCTION_SOURCES = ['none', 'riskRegister', 'manual'] as const;
/** Yen amounts up to 10 trillion: more than any company's IT budget, within a double's exact integers. */
const yen = safeInteger(0, 10_000_000_000_000);

const fields = {
  name: text(200),
  kind: z.enum(SCENARIO_KINDS),
  initialYen: yen,
  runningYenPerYear: yen,
  hiddenYenPerYear: yen,
  reservedSharePercent: int4(0, 100),
  reservedDiscountPercent: int4(0, RESERVED_DISCOUNT_MAX),
  years: int4(1, HORIZON_MAX_YEARS),
  discountRatePercent: z.number().min(0).max(30),
  riskReductionSource: z.enum(RISK_REDUCTION_SOURCES),
  riskReductionYenPerYear: yen,
  notes: text(2000, 0),
  stage: z.enum(BUDGET_STAGES).nullable(),
  adopted: z.boolean(),
  planStartMonth: MonthSchema.nullable(),
};

export const CreateCostScenarioRequestSchema = z.strictObject({
  name: fields.name,
  kind: fields.kind,
  initialYen: fields.initialYen,
  runningYenPerYear: fields.runningYenPerYear,
  hiddenYenPerYear: fields.hiddenYenPerYear.default(0),
  reservedSharePercent: fields.reservedSharePercent.default(0),
  reservedDiscountPercent: fields.reservedDiscountPercent.default(0),
  years: fields.years.default(5),
  discountRatePercent: fields.discountRatePercent.default(3),
  riskReductionSource: fields.riskReductionSource.default('none'),
  riskReductionYenPerYear: fields.riskReductionYenPerYear.default(0),
  notes: fields.notes.default(''),
  stage: fields.stage.default(null),
  adopted: fields.adopted.default(false),
  planStartMonth: fields.planStartMonth.default(null),
}).superRefine(planChecks);
export type TCreateCostScenarioRequest = z.input<typeof CreateCostScenarioRequestSchema>;

/** The form sends the whole scenario; a kind is fixed once created (400 when it differs). */
export const UpdateCostScenarioRequestSchema = updateRequestOf(CreateCostScenarioRequestSchema).superRefine(planChecks);

export const ComparisonSchema = z.object({
  years: z.number().int(),
  baselineTcoYen: z.number(),
  cloudTcoYen: z.number(),
  investmentYen: z.number(),
  yearlyBenefitYen: z.number(),
  npvYen: z.number(),
  roiPercent: z.number().nullable(),
  paybackYears: z.number().nullable(),
  /** The risk reduction counted, per year, and where it came from. */
  riskReductionYenPerYear: z.number(),
  /** Cumulative cost at the end of years 0…N, for the chart: the baseline's and the scenario's. */
  baselineCumulativeYen: z.array(z.number()),
  cloudCumulativeYen: z.array(z.number()),
});

export const CostScenarioSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: z.enum(SCENARIO_KINDS),
  initialYen: z.number(),
  runningYenPerYear: z.number(),
  hiddenYenPerYear: z.number(),
  reservedSharePercent: z.number().int(),
  reservedDiscountPercent: z.number().int(),
  years: z.number().int(),
  discountRatePercent: z.number(),
  riskReductionSource: z.enum(RISK_REDUCTION_SOURCES),
  riskReductionYenPerYear: z.number(),
  yearlyCostYen: z.number(),
  stage: z.enum(BUDGET_STAGES).nullable(),
  adopted: z.boolean(),
  planStartMonth: z.string().nullable(),
  /** The first year's cost against the stage's budget guide (seed 000 II.6.2-6.3); null when no stage is set. */
  budgetCheck: z
    .object({
      stage: z.enum(BUDGET_STAGES),
      firstYearYen: z.number(),
      guide: z.object({ minYen: z.number(), maxYen: z.number() }).nullable(),
      status: z.enum(['no-guide', 'below', 'within', 'above']),
    })
    .nullable(),
  /** Against the baseline (cloud scenarios, once there is a baseline). */
  comparison: ComparisonSchema.nullable(),
  notes: z.string(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TCostScenario = z.infer<typeof CostScenarioSchema>;

export const CostOverviewSchema = z.object({
  baseline: CostScenarioSchema.nullable(),
  scenarios: z.array(CostScenarioSchema),
  /** The risk register's annual loss expected before and after treatment (what `riskRegister` counts as a benefit). */
  riskRegister: z.object({ risks: z.number().int(), inherentYen: z.number(), treatedYen: z.number(), reductionYen: z.number() }),
  source: z.array(z.string()),
});
export type TCostOverview = z.infer<typeof CostOverviewSchema>;
