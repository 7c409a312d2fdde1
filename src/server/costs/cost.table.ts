import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, integer, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

const yen = (name: string) => bigint(name, { mode: 'number' });

/**
 * The cost scenarios (seed 004 「コスト評価フレームワーク」): one on-premises
 * baseline per organisation and the cloud scenarios compared with it, each
 * with its initial, running and hidden costs and its reserved capacity; a
 * cloud scenario also names its horizon, its discount rate and where its
 * risk reduction comes from (cost.rules.ts).
 */
export const costScenarios = pgTable(
  'cost_scenarios',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    /** baseline | cloud */
    kind: text('kind').notNull(),
    initialYen: yen('initial_yen').notNull(),
    runningYenPerYear: yen('running_yen_per_year').notNull(),
    hiddenYenPerYear: yen('hidden_yen_per_year').notNull(),
    reservedSharePercent: integer('reserved_share_percent').notNull().default(0),
    reservedDiscountPercent: integer('reserved_discount_percent').notNull().default(0),
    years: integer('years').notNull().default(5),
    discountRatePercent: doublePrecision('discount_rate_percent').notNull().default(3),
    /** none | riskRegister | manual */
    riskReductionSource: text('risk_reduction_source').notNull().default('none'),
    riskReductionYenPerYear: yen('risk_reduction_yen_per_year').notNull().default(0),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('cost_scenarios_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('cost_scenarios_org_baseline_key').on(t.organisationId).where(sql`${t.kind} = 'baseline'`),
    check('cost_scenarios_kind_check', sql`${t.kind} in ('baseline', 'cloud')`),
    check('cost_scenarios_name_check', sql`length(${t.name}) between 1 and 200`),
    check('cost_scenarios_yen_check', sql`${t.initialYen} >= 0 and ${t.runningYenPerYear} >= 0 and ${t.hiddenYenPerYear} >= 0 and ${t.riskReductionYenPerYear} >= 0`),
    check('cost_scenarios_reserved_check', sql`${t.reservedSharePercent} between 0 and 100 and ${t.reservedDiscountPercent} between 0 and 75`),
    check('cost_scenarios_horizon_check', sql`${t.years} between 1 and 10 and ${t.discountRatePercent} between 0 and 30`),
    check('cost_scenarios_risk_source_check', sql`${t.riskReductionSource} in ('none', 'riskRegister', 'manual')`),
  ],
);
