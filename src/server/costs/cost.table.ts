import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, foreignKey, index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';
import { importTablePair } from '../platform/transfer/import.table.ts';

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
    /** The stage (seed 000 II.6 '1'…'4') whose budget guide the scenario's first year is checked against; null: not checked. */
    stage: text('stage'),
    /** The approved budget plan (seed 004 five-step plan, step 4): the one cloud scenario actual costs are compared with. */
    adopted: boolean('adopted').notNull().default(false),
    /** The plan's first month (the 1st of it); set on the adopted scenario. */
    planStartMonth: date('plan_start_month'),
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
    check('cost_scenarios_stage_check', sql`${t.stage} is null or ${t.stage} in ('1', '2', '3', '4')`),
    uniqueIndex('cost_scenarios_org_adopted_key').on(t.organisationId).where(sql`${t.adopted}`),
    check('cost_scenarios_adopted_check', sql`not ${t.adopted} or (${t.kind} = 'cloud' and ${t.planStartMonth} is not null)`),
    check('cost_scenarios_plan_month_check', sql`${t.planStartMonth} is null or extract(day from ${t.planStartMonth}) = 1`),
  ],
);

export const { imports: costActualImports, issues: costActualImportIssues } = importTablePair('cost_actual');

/**
 * Actual costs (seed 004 five-step plan, step 5 「定期レビュー」: 実運用コストと
 * 計画との差異分析): one line per bill or charge, by month and by the cost
 * framework's category, entered by hand or imported from CSV.
 */
export const costActuals = pgTable(
  'cost_actuals',
  {
    ...tenantColumns(),
    /** The month the cost belongs to (the 1st of it). */
    month: date('month').notNull(),
    /** initial | running | hidden */
    category: text('category').notNull(),
    amountYen: yen('amount_yen').notNull(),
    description: text('description').notNull(),
    notes: text('notes').notNull().default(''),
    createdByImportId: uuid('created_by_import_id'),
    ...authorshipColumns(),
  },
  (t) => [
    unique('cost_actuals_org_id_key').on(t.organisationId, t.id),
    index('cost_actuals_org_month_idx').on(t.organisationId, t.month),
    foreignKey({ name: 'cost_actuals_created_by_import_fk', columns: [t.organisationId, t.createdByImportId], foreignColumns: [costActualImports.organisationId, costActualImports.id] }),
    check('cost_actuals_category_check', sql`${t.category} in ('initial', 'running', 'hidden')`),
    check('cost_actuals_month_check', sql`extract(day from ${t.month}) = 1`),
    check('cost_actuals_amount_check', sql`${t.amountYen} between -10000000000000 and 10000000000000`),
    check('cost_actuals_description_check', sql`length(${t.description}) between 1 and 200`),
  ],
);
