import { sql } from 'drizzle-orm';
import { bigint, check, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assets } from '../assets/asset.table.ts';
import { systems } from '../assets/system.table.ts';
import { workloads } from '../assets/workload.table.ts';
import { stampedAt, ts } from '../platform/db/columns.ts';
import { actorRef, authorshipColumns, organisationKey, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The risk register (PRODUCT.md capability 5): threats of the catalog's lists
 * (seed 000 II.2, IPA 10大脅威 by their true year, FACTS.md 3) or the
 * organisation's own, judged in yen. Each risk keeps a quantified estimate
 * (events a year, 90 % range of one event's loss) before and after treatment;
 * its likelihood and impact bands are computed from them on the scale
 * (risk-rating.rules.ts) and stored for sorting, so the heat map and the
 * amounts never disagree. Amounts are integer yen.
 */

const yen = (name: string) => bigint(name, { mode: 'number' });

/** Cyber insurance as a treatment (transfer): limits, 免責 and the insurer's notice deadline. */
export const insurancePolicies = pgTable(
  'insurance_policies',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    insurer: text('insurer').notNull().default(''),
    deductibleYen: yen('deductible_yen').notNull(),
    perEventLimitYen: yen('per_event_limit_yen').notNull(),
    annualAggregateLimitYen: yen('annual_aggregate_limit_yen'),
    noticeDays: integer('notice_days').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    note: text('note').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('insurance_policies_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('insurance_policies_org_name_key').on(t.organisationId, sql`lower(${t.name})`),
    check('insurance_policies_amounts_check', sql`${t.deductibleYen} >= 0 and ${t.perEventLimitYen} > ${t.deductibleYen} and (${t.annualAggregateLimitYen} is null or ${t.annualAggregateLimitYen} >= ${t.perEventLimitYen})`),
    check('insurance_policies_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('insurance_policies_notice_check', sql`${t.noticeDays} between 0 and 365`),
  ],
);

export const risks = pgTable(
  'risks',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** An item of the organisation's loaded urn:kumoji:seed-000:threats (checked by the service). */
    threatItemId: text('threat_item_id'),
    threatText: text('threat_text').notNull().default(''),
    ownerUserId: actorRef('owner_user_id'),
    /** Seed 000 Table 5: provider | user | customer | shared. */
    bearer: text('bearer').notNull().default('user'),
    inherentFrequency: doublePrecision('inherent_frequency').notNull(),
    inherentLowYen: yen('inherent_low_yen').notNull(),
    inherentHighYen: yen('inherent_high_yen').notNull(),
    /** After treatment; all three null: as inherent. */
    treatedFrequency: doublePrecision('treated_frequency'),
    treatedLowYen: yen('treated_low_yen'),
    treatedHighYen: yen('treated_high_yen'),
    /** Controls in place today, as bands; null: as inherent. */
    currentLikelihood: integer('current_likelihood'),
    currentImpact: integer('current_impact'),
    /** Computed from the estimates on the scale (risk-rating.rules.ts), stored for the list's order. */
    inherentScore: integer('inherent_score').notNull(),
    residualScore: integer('residual_score').notNull(),
    treatment: text('treatment').notNull().default('none'),
    plannedControls: text('planned_controls').notNull().default(''),
    insurancePolicyId: uuid('insurance_policy_id'),
    sublimitYen: yen('sublimit_yen'),
    status: text('status').notNull().default('open'),
    reviewedAt: ts('reviewed_at'),
    nextReviewOn: date('next_review_on').notNull(),
    /** The bands at the last review: the heat map marks a risk that moved since. */
    reviewedInherent: jsonb('reviewed_inherent').$type<{ likelihood: number; impact: number }>(),
    reviewedResidual: jsonb('reviewed_residual').$type<{ likelihood: number; impact: number }>(),
    ...authorshipColumns(),
  },
  (t) => [
    unique('risks_org_id_key').on(t.organisationId, t.id),
    index('risks_org_residual_idx').on(t.organisationId, t.residualScore, t.id),
    foreignKey({ name: 'risks_insurance_policy_fk', columns: [t.organisationId, t.insurancePolicyId], foreignColumns: [insurancePolicies.organisationId, insurancePolicies.id] }),
    check('risks_bearer_check', sql`${t.bearer} in ('provider', 'user', 'customer', 'shared')`),
    check('risks_treatment_check', sql`${t.treatment} in ('none', 'reduce', 'accept', 'transfer', 'avoid')`),
    check('risks_status_check', sql`${t.status} in ('open', 'treated', 'accepted', 'closed')`),
    check('risks_inherent_check', sql`${t.inherentFrequency} between 0 and 365 and ${t.inherentLowYen} > 0 and ${t.inherentHighYen} >= ${t.inherentLowYen}`),
    check(
      'risks_treated_check',
      sql`(${t.treatedFrequency} is null and ${t.treatedLowYen} is null and ${t.treatedHighYen} is null) or (${t.treatedFrequency} between 0 and 365 and ${t.treatedLowYen} > 0 and ${t.treatedHighYen} >= ${t.treatedLowYen})`,
    ),
    check('risks_current_check', sql`(${t.currentLikelihood} is null) = (${t.currentImpact} is null)`),
    check('risks_sublimit_check', sql`${t.sublimitYen} is null or ${t.sublimitYen} >= 0`),
  ],
);

/** What a risk concerns: assets, workloads or systems of the same organisation (one of the three per row). */
export const riskLinks = pgTable(
  'risk_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    riskId: uuid('risk_id').notNull(),
    assetId: uuid('asset_id'),
    workloadId: uuid('workload_id'),
    systemId: uuid('system_id'),
  },
  (t) => [
    foreignKey({ name: 'risk_links_risk_fk', columns: [t.organisationId, t.riskId], foreignColumns: [risks.organisationId, risks.id] }).onDelete('cascade'),
    foreignKey({ name: 'risk_links_asset_fk', columns: [t.organisationId, t.assetId], foreignColumns: [assets.organisationId, assets.id] }).onDelete('cascade'),
    foreignKey({ name: 'risk_links_workload_fk', columns: [t.organisationId, t.workloadId], foreignColumns: [workloads.organisationId, workloads.id] }).onDelete('cascade'),
    foreignKey({ name: 'risk_links_system_fk', columns: [t.organisationId, t.systemId], foreignColumns: [systems.organisationId, systems.id] }).onDelete('cascade'),
    check('risk_links_one_target_check', sql`num_nonnulls(${t.assetId}, ${t.workloadId}, ${t.systemId}) = 1`),
    uniqueIndex('risk_links_target_key').on(t.riskId, sql`coalesce(${t.assetId}, ${t.workloadId}, ${t.systemId})`),
    index('risk_links_org_risk_idx').on(t.organisationId, t.riskId),
  ],
);

/** ISO/IEC 27001 6.1.3 f: the owner's acceptance of a residual risk, with the risk as it stood then. */
export const riskAcceptances = pgTable(
  'risk_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: organisationKey(),
    riskId: uuid('risk_id').notNull(),
    acceptedBy: actorRef('accepted_by'),
    acceptedByLabel: text('accepted_by_label').notNull(),
    acceptedAt: stampedAt('accepted_at'),
    expiresOn: date('expires_on').notNull(),
    rationale: text('rationale').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    foreignKey({ name: 'risk_acceptances_risk_fk', columns: [t.organisationId, t.riskId], foreignColumns: [risks.organisationId, risks.id] }).onDelete('cascade'),
    index('risk_acceptances_org_risk_idx').on(t.organisationId, t.riskId, t.acceptedAt),
  ],
);

/**
 * The organisation's risk scale (risk-rating.rules.ts RiskScale), once it
 * changes the default 5×5: band bounds in events a year and yen per event,
 * the levels' score thresholds and the review months. Validated by
 * RiskScaleBodySchema; a change recomputes every risk's stored scores.
 */
export const riskScales = pgTable(
  'risk_scales',
  {
    ...tenantColumns(),
    likelihoodUpperPerYear: jsonb('likelihood_upper_per_year').$type<number[]>().notNull(),
    impactUpperYen: jsonb('impact_upper_yen').$type<number[]>().notNull(),
    levelUpperScore: jsonb('level_upper_score').$type<{ low: number; medium: number; high: number }>().notNull(),
    reviewMonths: jsonb('review_months').$type<{ low: number; medium: number; high: number; critical: number }>().notNull(),
    ...authorshipColumns(),
  },
  (t) => [unique('risk_scales_org_id_key').on(t.organisationId, t.id), uniqueIndex('risk_scales_org_key').on(t.organisationId)],
);
