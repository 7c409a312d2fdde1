// Risks (PRODUCT.md capability 5; seed 000 II.2 and Table 5): requests and
// responses of /api/v1/risks, /api/v1/insurance-policies and /api/v1/risk-analysis.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { businessDate, IdSchema, pageOf, pageQuery, safeInteger, text, VersionSchema } from '../schemas/common.schema.ts';

/** Above a daily event the register describes an operating cost, not a risk (risk-rating.rules.ts MAX_ANNUAL_FREQUENCY). */
export const MAX_ANNUAL_FREQUENCY = 365;
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
/** ISO/IEC 27001 6.1.3: reduce (controls), accept, transfer (insurance), avoid; `none` while undecided. */
export const TREATMENTS = ['none', 'reduce', 'accept', 'transfer', 'avoid'] as const;
/** Seed 000 Table 5: who bears the damage — the provider, the user (the organisation), its customers, or shared. */
export const BEARERS = ['provider', 'user', 'customer', 'shared'] as const;
export const RISK_STATUSES = ['open', 'treated', 'accepted', 'closed'] as const;

const yen = safeInteger(0);

/** A scale has 3 to 10 bands on each side (2 to 9 upper bounds; the last band is everything above). */
export const MIN_BANDS = 3;
export const MAX_BANDS = 10;

const increasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

/**
 * The organisation's risk scale (issue 10: "default 5×5, configurable bands
 * with impact bands in yen"): upper bounds of the likelihood bands in events a
 * year and of the impact bands in yen per event, each strictly increasing; the
 * score thresholds of the levels, increasing and within the grid; months to
 * the next review per level.
 */
export const RiskScaleBodySchema = z
  .strictObject({
    likelihoodUpperPerYear: z.array(z.number().positive().max(MAX_ANNUAL_FREQUENCY)).min(MIN_BANDS - 1).max(MAX_BANDS - 1),
    impactUpperYen: z.array(safeInteger(1)).min(MIN_BANDS - 1).max(MAX_BANDS - 1),
    levelUpperScore: z.strictObject({ low: z.number().int().min(1), medium: z.number().int().min(1), high: z.number().int().min(1) }),
    reviewMonths: z.strictObject({ low: z.number().int().min(1).max(36), medium: z.number().int().min(1).max(36), high: z.number().int().min(1).max(36), critical: z.number().int().min(1).max(36) }),
  })
  .superRefine((s, ctx) => {
    if (!increasing(s.likelihoodUpperPerYear)) ctx.addIssue({ code: 'custom', path: ['likelihoodUpperPerYear'], params: { i18n: 'boundsNotIncreasing' } });
    if (!increasing(s.impactUpperYen)) ctx.addIssue({ code: 'custom', path: ['impactUpperYen'], params: { i18n: 'boundsNotIncreasing' } });
    const { low, medium, high } = s.levelUpperScore;
    const maxScore = (s.likelihoodUpperPerYear.length + 1) * (s.impactUpperYen.length + 1);
    if (!(low < medium && medium < high)) ctx.addIssue({ code: 'custom', path: ['levelUpperScore'], params: { i18n: 'levelsNotIncreasing' } });
    else if (high >= maxScore) ctx.addIssue({ code: 'custom', path: ['levelUpperScore', 'high'], params: { i18n: 'levelAboveGrid', max: maxScore - 1 } });
  });
export type TRiskScaleBody = z.infer<typeof RiskScaleBodySchema>;
/** A change of the scale: the version read (null while the organisation still uses the default). */
export const UpdateRiskScaleRequestSchema = z.strictObject({ scale: RiskScaleBodySchema, version: VersionSchema.nullable() });
export const RiskScaleSchema = z.object({
  scale: RiskScaleBodySchema,
  /** Null while the default 5×5 is in use. */
  version: z.number().int().nullable(),
  isDefault: z.boolean(),
  /** The standard 5×5, to start again from. */
  standard: RiskScaleBodySchema,
  updatedAt: z.string().nullable(),
  can: z.object({ update: z.boolean() }),
});
export type TRiskScale = z.infer<typeof RiskScaleSchema>;
/** Events a year (Poisson λ): 0 (never) to once a day. */
const frequency = z.number().min(0).max(MAX_ANNUAL_FREQUENCY);

/**
 * A quantified estimate: expected events a year and the 90 % range of one
 * event's loss (5th and 95th percentile, yen). The low end must be above 0
 * (a lognormal) and not above the high end: the messages name the field.
 */
export const LossEstimateSchema = z
  .strictObject({ annualFrequency: frequency, lowYen: safeInteger(1), highYen: safeInteger(1) })
  .superRefine((e, ctx) => {
    if (e.lowYen > e.highYen) ctx.addIssue({ code: 'custom', path: ['lowYen'], params: { i18n: 'lowAboveHigh' } });
  });
export type TLossEstimate = z.infer<typeof LossEstimateSchema>;

/** A band of the organisation's scale (3 to 10 bands a side; the service checks it against the scale in use). */
const band = z.number().int().min(1).max(MAX_BANDS);
export const BandsSchema = z.strictObject({ likelihood: band, impact: band });

const riskFields = {
  title: text(200),
  description: text(4000, 0),
  /** An item of the organisation's loaded threat list (urn:kumoji:seed-000:threats). */
  threatItemId: CatalogItemIdSchema.max(200).nullable(),
  /** A threat the lists do not name, in the organisation's words. */
  threatText: text(400, 0),
  ownerUserId: IdSchema.nullable(),
  bearer: z.enum(BEARERS),
  inherent: LossEstimateSchema,
  /** After the planned treatment; null: as inherent. */
  treated: LossEstimateSchema.nullable(),
  /** Controls in place today, on the scale's bands; null: as inherent. */
  current: BandsSchema.nullable(),
  treatment: z.enum(TREATMENTS),
  plannedControls: text(4000, 0),
  insurancePolicyId: IdSchema.nullable(),
  /** A lower per-event limit for this risk under the policy (yen). */
  sublimitYen: yen.nullable(),
  status: z.enum(RISK_STATUSES),
  assetIds: z.array(IdSchema).max(200),
  workloadIds: z.array(IdSchema).max(200),
  systemIds: z.array(IdSchema).max(200),
};

/** A transfer names its policy: a new risk must send one; a change may not remove it (the service checks the result too). */
const withCover = <T extends z.ZodType<{ treatment?: string; insurancePolicyId?: string | null }>>(schema: T, isNew = false) =>
  schema.superRefine((r, ctx) => {
    if (r.treatment === 'transfer' && (isNew ? !r.insurancePolicyId : r.insurancePolicyId === null)) ctx.addIssue({ code: 'custom', path: ['insurancePolicyId'], params: { i18n: 'transferNeedsPolicy' } });
  });

/** A new risk: a title and its inherent estimate; everything else has a default. */
const RiskBodySchema = z.strictObject({
  ...Object.fromEntries(Object.entries(riskFields).map(([k, v]) => [k, v.optional()])),
  title: riskFields.title,
  inherent: riskFields.inherent,
} as { [K in keyof typeof riskFields]: K extends 'title' | 'inherent' ? (typeof riskFields)[K] : z.ZodOptional<(typeof riskFields)[K]> });

export const CreateRiskRequestSchema = withCover(RiskBodySchema, true);
export type TCreateRiskRequest = z.input<typeof CreateRiskRequestSchema>;

/** Only the fields sent change; `version` is the one the client saw (stale → 409). */
export const UpdateRiskRequestSchema = withCover(RiskBodySchema.partial().extend({ version: VersionSchema }));
export type TUpdateRiskRequest = z.input<typeof UpdateRiskRequestSchema>;

export const VersionBodySchema = z.strictObject({ version: VersionSchema });

/** ISO/IEC 27001 6.1.3 f: the owner accepts the residual risk, until a date, for a reason. */
export const AcceptRiskRequestSchema = z.strictObject({ version: VersionSchema, rationale: text(2000), expiresOn: businessDate() });

export const RatingSchema = z.object({ likelihood: z.number().int(), impact: z.number().int(), score: z.number().int(), level: z.enum(RISK_LEVELS) });
export type TRating = z.infer<typeof RatingSchema>;

export const RiskAcceptanceSchema = z.object({
  id: IdSchema,
  acceptedBy: z.string(),
  acceptedAt: z.string(),
  expiresOn: z.string(),
  rationale: z.string(),
  expired: z.boolean(),
});

export const RiskSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  threatItemId: z.string().nullable(),
  /** The threat's name from the loaded list (or the free text), in the member's language where the list has it. */
  threat: z.object({ ja: z.string(), en: z.string() }).nullable(),
  threatText: z.string(),
  ownerUserId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  bearer: z.enum(BEARERS),
  inherent: LossEstimateSchema,
  treated: LossEstimateSchema.nullable(),
  current: BandsSchema.nullable(),
  treatment: z.enum(TREATMENTS),
  plannedControls: z.string(),
  insurancePolicyId: IdSchema.nullable(),
  sublimitYen: z.number().nullable(),
  status: z.enum(RISK_STATUSES),
  assetIds: z.array(IdSchema),
  workloadIds: z.array(IdSchema),
  systemIds: z.array(IdSchema),
  ratings: z.object({ inherent: RatingSchema, current: RatingSchema, residual: RatingSchema, contradictions: z.array(z.string()) }),
  /** Annual loss expectancy (λ·E[loss]) before and after treatment, yen, analytic. */
  aleYen: z.object({ inherent: z.number(), treated: z.number() }),
  reviewedAt: z.string().nullable(),
  nextReviewOn: z.string(),
  reviewOverdue: z.boolean(),
  acceptance: RiskAcceptanceSchema.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), accept: z.boolean() }),
});
export type TRisk = z.infer<typeof RiskSchema>;

export const RISK_SORTS = ['residual', 'title', 'updated'] as const;
export const RiskListQuerySchema = pageQuery(RISK_SORTS).extend({ level: z.enum(RISK_LEVELS).optional(), treatment: z.enum(TREATMENTS).optional() });
export const RiskPageSchema = pageOf(RiskSchema);

// Insurance policies: cyber insurance as a treatment (transfer).
const policyFields = {
  name: text(200),
  insurer: text(200, 0),
  /** 免責: the part of each event the insured bears. */
  deductibleYen: yen,
  perEventLimitYen: safeInteger(1),
  annualAggregateLimitYen: safeInteger(1).nullable(),
  /** Days from becoming aware of an event within which the insurer must be told. */
  noticeDays: z.number().int().min(0).max(365),
  startsOn: businessDate(),
  endsOn: businessDate(),
  note: text(2000, 0),
};

function policyChecks(p: { deductibleYen?: number; perEventLimitYen?: number; annualAggregateLimitYen?: number | null; startsOn?: string; endsOn?: string }, ctx: z.RefinementCtx) {
  if (p.deductibleYen !== undefined && p.perEventLimitYen !== undefined && p.deductibleYen >= p.perEventLimitYen)
    ctx.addIssue({ code: 'custom', path: ['deductibleYen'], params: { i18n: 'deductibleAboveLimit' } });
  if (p.annualAggregateLimitYen != null && p.perEventLimitYen !== undefined && p.annualAggregateLimitYen < p.perEventLimitYen)
    ctx.addIssue({ code: 'custom', path: ['annualAggregateLimitYen'], params: { i18n: 'aggregateBelowLimit' } });
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], params: { i18n: 'endBeforeStart' } });
}

const PolicyBodySchema = z.strictObject({ ...policyFields, insurer: policyFields.insurer.optional(), annualAggregateLimitYen: policyFields.annualAggregateLimitYen.optional(), note: policyFields.note.optional() });

export const CreateInsurancePolicyRequestSchema = PolicyBodySchema.superRefine(policyChecks);
export type TCreateInsurancePolicyRequest = z.input<typeof CreateInsurancePolicyRequestSchema>;

/** Amounts and dates are checked against each other after the change is applied (the service), as well as within the request. */
export const UpdateInsurancePolicyRequestSchema = PolicyBodySchema.partial().extend({ version: VersionSchema }).superRefine(policyChecks);
export type TUpdateInsurancePolicyRequest = z.input<typeof UpdateInsurancePolicyRequestSchema>;

export const InsurancePolicySchema = z.object({
  id: IdSchema,
  name: z.string(),
  insurer: z.string(),
  deductibleYen: z.number(),
  perEventLimitYen: z.number(),
  annualAggregateLimitYen: z.number().nullable(),
  noticeDays: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string(),
  /** Risks this policy covers. */
  riskCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TInsurancePolicy = z.infer<typeof InsurancePolicySchema>;
export const InsurancePolicyListSchema = z.object({ items: z.array(InsurancePolicySchema) });

// The analysis: heat map, top risks, and the portfolio's Monte Carlo.
export const HeatCellSchema = z.object({ likelihood: z.number().int(), impact: z.number().int(), count: z.number().int(), level: z.enum(RISK_LEVELS) });
export const MovedSchema = z.object({
  riskId: IdSchema,
  title: z.string(),
  from: z.object({ likelihood: z.number().int(), impact: z.number().int() }),
  to: z.object({ likelihood: z.number().int(), impact: z.number().int() }),
  direction: z.enum(['up', 'down', 'sideways']),
});
export const DistributionSchema = z.object({
  aleYen: z.number(),
  var95Yen: z.number(),
  var99Yen: z.number(),
  maxYen: z.number(),
  exceedance: z.array(z.object({ thresholdYen: z.number(), probability: z.number() })),
});
/** The register as a file: CSV (UTF-8 with BOM), XLSX with the heat map's matrix as a second sheet, or JSON. */
export const RiskExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') });
export const RiskAnalysisQuerySchema = z.strictObject({ years: z.coerce.number().int().min(1000).max(100_000).optional() });
export const RiskAnalysisSchema = z.object({
  riskCount: z.number().int(),
  scale: z.object({ likelihoodUpperPerYear: z.array(z.number()), impactUpperYen: z.array(z.number()) }),
  heatMap: z.object({ inherent: z.array(HeatCellSchema), residual: z.array(HeatCellSchema) }),
  moved: z.array(MovedSchema),
  top: z.array(z.object({ riskId: IdSchema, title: z.string(), residual: RatingSchema, aleYen: z.number() })),
  simulation: z.object({
    years: z.number().int(),
    seed: z.number().int(),
    inherent: DistributionSchema,
    treated: DistributionSchema,
    netOfInsurance: DistributionSchema,
    meanRecoveryYen: z.number(),
    /** The sum of each risk's λ·E[loss] after treatment: what the simulated treated ALE estimates. */
    analyticTreatedAleYen: z.number(),
  }),
});
export type TRiskAnalysis = z.infer<typeof RiskAnalysisSchema>;



const TextPairSchema = z.object({ ja: z.string(), en: z.string() });
/** The loaded threat lists (IPA 10大脅威, by their true year), newest first, to pick a risk's threat from. */
export const ThreatListsSchema = z.object({
  lists: z.array(z.object({ id: z.string(), year: z.number().int(), name: TextPairSchema, items: z.array(z.object({ id: z.string(), rank: z.number().int(), name: TextPairSchema })) })),
});
export type TThreatLists = z.infer<typeof ThreatListsSchema>;
