// Plan against actual (seed 004 「財務計画の5ステップ」: step 4 「予算確定と予算配分」
// gives the approved budget plan, step 5 「定期レビュー」 the analysis of how
// the running costs differ from it — "so that the actual operating cost does
// not exceed the plan"). Shared by the server, which answers the figures, and
// the web app, which charts them.
import { yearlyCostYen, type CostScenario } from './cost.rules.ts';

/** The cost framework's categories (seed 004 「コスト評価フレームワーク」): initial, running and hidden costs. */
export const COST_CATEGORIES = ['initial', 'running', 'hidden'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The stages a cloud scenario can be planned for (seed 000 II.6: stages 1-4 use the cloud; the catalog gives the guides of 1 and 2). */
export const BUDGET_STAGES = ['1', '2', '3', '4'] as const;
export type BudgetStage = (typeof BUDGET_STAGES)[number];

/** A calendar month, 'YYYY-MM'. */
export type Month = string;

export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const monthsBetween = (from: Month, to: Month): number => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return ty * 12 + tm - (fy * 12 + fm);
};

/** A yearly amount spread over twelve months in whole yen, the months summing exactly to the year. */
export function monthlyShare(yearlyYen: number, monthIndex: number): number {
  const i = monthIndex % 12;
  return Math.floor((yearlyYen * (i + 1)) / 12) - Math.floor((yearlyYen * i) / 12);
}

export interface Plan extends CostScenario {
  startMonth: Month;
  years: number;
}

/** The plan's last month: `years` whole years from its first. */
export const planEndMonth = (plan: Pick<Plan, 'startMonth' | 'years'>): Month => addMonths(plan.startMonth, plan.years * 12 - 1);

/**
 * The plan's cost of one month by category: the initial cost in the first
 * month, the year's running cost (after the reserved-capacity discount) and
 * hidden cost spread evenly over its twelve months. Zero outside the plan.
 */
export function plannedMonth(plan: Plan, month: Month): Record<CostCategory, number> {
  const index = monthsBetween(plan.startMonth, month);
  if (index < 0 || index >= plan.years * 12) return { initial: 0, running: 0, hidden: 0 };
  // The month's share of the year's whole cost, so a month reads as the year over twelve (9M a year: 750,000 a month);
  // the running cost takes its own share and the hidden cost the rest, so the categories add up to the month.
  const total = monthlyShare(yearlyCostYen(plan), index);
  const running = monthlyShare(yearlyCostYen(plan) - plan.hiddenYenPerYear, index);
  return { initial: index === 0 ? plan.initialYen : 0, running, hidden: total - running };
}

export interface ActualLine {
  month: Month;
  category: CostCategory;
  amountYen: number;
}

export interface MonthVariance {
  month: Month;
  planYen: number;
  actualYen: number;
  /** Actual − plan: positive is an overrun. */
  varianceYen: number;
  cumulativePlanYen: number;
  cumulativeActualYen: number;
  cumulativeVarianceYen: number;
}

export interface CategoryVariance {
  category: CostCategory;
  planYen: number;
  actualYen: number;
  varianceYen: number;
  /** Variance against the plan, to a tenth of a percent; null when nothing was planned. */
  variancePercent: number | null;
}

export interface PlanReview {
  /** The months reviewed: the plan's first through `through` (or the plan's last, if earlier). Empty before the plan starts. */
  months: MonthVariance[];
  categories: CategoryVariance[];
  planYen: number;
  actualYen: number;
  varianceYen: number;
  variancePercent: number | null;
  /** over: the actual costs so far exceed the plan so far; within otherwise; notStarted before the plan's first month. */
  status: 'notStarted' | 'within' | 'over';
  /** Months that overran their plan. */
  overMonths: number;
  /** Actual costs outside the plan's months (before it, or after its last or the reviewed month): shown, not compared. */
  outsideYen: number;
}

const percentOf = (variance: number, plan: number): number | null => (plan === 0 ? null : Math.round((variance / plan) * 1000) / 10);

/** The plan against the actual lines, month by month and by category, through the month under review. */
export function reviewPlan(plan: Plan, actuals: readonly ActualLine[], through: Month): PlanReview {
  const end = planEndMonth(plan);
  const last = monthsBetween(end, through) > 0 ? end : through;
  const count = Math.max(0, monthsBetween(plan.startMonth, last) + 1);
  const byMonth = new Map<Month, number>();
  const byCategory: Record<CostCategory, { plan: number; actual: number }> = { initial: { plan: 0, actual: 0 }, running: { plan: 0, actual: 0 }, hidden: { plan: 0, actual: 0 } };
  let outsideYen = 0;
  for (const line of actuals) {
    const index = monthsBetween(plan.startMonth, line.month);
    if (index < 0 || index >= count) {
      outsideYen += line.amountYen;
      continue;
    }
    byMonth.set(line.month, (byMonth.get(line.month) ?? 0) + line.amountYen);
    byCategory[line.category].actual += line.amountYen;
  }
  const months: MonthVariance[] = [];
  let cumulativePlanYen = 0;
  let cumulativeActualYen = 0;
  for (let i = 0; i < count; i += 1) {
    const month = addMonths(plan.startMonth, i);
    const planned = plannedMonth(plan, month);
    for (const c of COST_CATEGORIES) byCategory[c].plan += planned[c];
    const planYen = planned.initial + planned.running + planned.hidden;
    const actualYen = byMonth.get(month) ?? 0;
    cumulativePlanYen += planYen;
    cumulativeActualYen += actualYen;
    months.push({ month, planYen, actualYen, varianceYen: actualYen - planYen, cumulativePlanYen, cumulativeActualYen, cumulativeVarianceYen: cumulativeActualYen - cumulativePlanYen });
  }
  const varianceYen = cumulativeActualYen - cumulativePlanYen;
  return {
    months,
    categories: COST_CATEGORIES.map((category) => {
      const { plan: p, actual: a } = byCategory[category];
      return { category, planYen: p, actualYen: a, varianceYen: a - p, variancePercent: percentOf(a - p, p) };
    }),
    planYen: cumulativePlanYen,
    actualYen: cumulativeActualYen,
    varianceYen,
    variancePercent: percentOf(varianceYen, cumulativePlanYen),
    status: count === 0 ? 'notStarted' : varianceYen > 0 ? 'over' : 'within',
    overMonths: months.filter((m) => m.varianceYen > 0).length,
    outsideYen,
  };
}

/** What a scenario's stage budget guide check compares (seed 000 II.6.2-6.3 「クラウド経費は…程度」): its first year, the initial cost and one year's cost. */
export const firstYearYen = (s: CostScenario): number => s.initialYen + yearlyCostYen(s);
