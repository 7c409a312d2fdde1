// The cost comparison (seed 004 「コスト最適化と財務計画」: the cost framework of
// initial, running and hidden costs and risk reduction; reserved capacity;
// the five-step plan's ROI/TCO analysis). Shared by the server, which
// answers the figures, and the web app, which charts them.

export const SCENARIO_KINDS = ['baseline', 'cloud'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];
/** The seed: 1- and 3-year plans give up to 75% off on-demand prices (check each provider's current terms). */
export const RESERVED_DISCOUNT_MAX = 75;
export const HORIZON_MAX_YEARS = 10;

export interface CostScenario {
  initialYen: number;
  runningYenPerYear: number;
  hiddenYenPerYear: number;
  /** The share of the running cost bought as reserved capacity, and its discount, in percent. */
  reservedSharePercent: number;
  reservedDiscountPercent: number;
}

/** A year's cost after the reserved-capacity discount: running × (1 − share × discount) + hidden, rounded to the yen. */
export function yearlyCostYen(s: CostScenario): number {
  return Math.round(s.runningYenPerYear * (1 - (s.reservedSharePercent / 100) * (s.reservedDiscountPercent / 100)) + s.hiddenYenPerYear);
}

/** Total cost of ownership over `years`: the initial cost and every year's cost (not discounted). */
export const tcoYen = (s: CostScenario, years: number) => s.initialYen + yearlyCostYen(s) * years;

/** Cumulative cost at the end of each year 0…years (year 0: the initial cost), for the chart. */
export function cumulativeYen(s: CostScenario, years: number): number[] {
  const yearly = yearlyCostYen(s);
  return Array.from({ length: years + 1 }, (_, y) => s.initialYen + yearly * y);
}

export interface Comparison {
  years: number;
  baselineTcoYen: number;
  cloudTcoYen: number;
  /** Year 0: what the move costs beyond the baseline's own initial cost. */
  investmentYen: number;
  /** Each year's saving against the baseline plus the risk reduction. */
  yearlyBenefitYen: number;
  /** Net present value of the move at the discount rate: −investment + Σ benefit / (1 + r)^t. */
  npvYen: number;
  /** (Σ benefit − investment) / investment; null when nothing is invested. */
  roiPercent: number | null;
  /** When the cumulative benefit first covers the investment, in years (fractional); 0 with nothing invested, null when never within the horizon. */
  paybackYears: number | null;
}

export function compare(baseline: CostScenario, cloud: CostScenario, o: { years: number; discountRatePercent: number; riskReductionYenPerYear: number }): Comparison {
  const investmentYen = cloud.initialYen - baseline.initialYen;
  const yearlyBenefitYen = yearlyCostYen(baseline) - yearlyCostYen(cloud) + o.riskReductionYenPerYear;
  const r = o.discountRatePercent / 100;
  let npv = -investmentYen;
  for (let t = 1; t <= o.years; t += 1) npv += yearlyBenefitYen / (1 + r) ** t;
  const total = yearlyBenefitYen * o.years;
  let paybackYears: number | null = null;
  if (investmentYen <= 0) paybackYears = 0;
  else if (yearlyBenefitYen > 0 && investmentYen / yearlyBenefitYen <= o.years) paybackYears = Math.round((investmentYen / yearlyBenefitYen) * 10) / 10;
  return {
    years: o.years,
    baselineTcoYen: tcoYen(baseline, o.years),
    cloudTcoYen: tcoYen(cloud, o.years),
    investmentYen,
    yearlyBenefitYen,
    npvYen: Math.round(npv),
    roiPercent: investmentYen > 0 ? Math.round(((total - investmentYen) / investmentYen) * 1000) / 10 : null,
    paybackYears,
  };
}
