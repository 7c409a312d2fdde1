/**
 * The risk register's scale and checks, for the risks module (PRODUCT.md
 * capability 5, issue 10): likelihood × impact on a configurable scale
 * (default 5×5) whose impact bands are in yen and likelihood bands in events a
 * year, so the heat map and the Monte Carlo amounts agree; inherent, current
 * and residual ratings; the next review date set by the level; and per-field
 * error codes for bad estimates.
 *
 * Sources: seed 000 II.2 (threats judged by their impact on the business);
 * ISO/IEC 27001 6.1.2 (risk assessment criteria kept consistent) and 6.1.3
 * (treatment, residual risk accepted by the owner).
 */
import type { LossEstimate } from './loss-simulation.rules.ts';

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export interface RiskScale {
  /** Upper bounds (inclusive) of likelihood bands 1..n-1 in events a year; band n is everything above. */
  likelihoodUpperPerYear: number[];
  /** Upper bounds (inclusive) of impact bands 1..n-1 in yen per event; band n is everything above. */
  impactUpperYen: number[];
  /** Upper bounds (inclusive) of the score likelihood × impact for low, medium, high; above is critical. */
  levelUpperScore: { low: number; medium: number; high: number };
  /** Months to the next review, per level. */
  reviewMonths: Record<RiskLevel, number>;
}

/** Default 5×5: rare (≤ once in 10 years) … almost certain (> 3 a year); impact from ≤ 1 million yen to > 100 million yen. */
export const DEFAULT_RISK_SCALE: RiskScale = {
  likelihoodUpperPerYear: [0.1, 0.3, 1, 3],
  impactUpperYen: [1_000_000, 5_000_000, 20_000_000, 100_000_000],
  levelUpperScore: { low: 4, medium: 9, high: 16 },
  reviewMonths: { low: 12, medium: 6, high: 3, critical: 1 },
};

/** How many bands each side of the grid has. */
export function bandCounts(scale: RiskScale): { likelihood: number; impact: number } {
  return { likelihood: scale.likelihoodUpperPerYear.length + 1, impact: scale.impactUpperYen.length + 1 };
}

/** Whether two scales put every estimate in the same cell (levels and review months aside). */
export function sameBands(a: RiskScale, b: RiskScale): boolean {
  const same = (x: number[], y: number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.likelihoodUpperPerYear, b.likelihoodUpperPerYear) && same(a.impactUpperYen, b.impactUpperYen);
}

export interface RiskRating {
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
}

function band(value: number, uppers: number[]): number {
  const i = uppers.findIndex((u) => value <= u);
  return i === -1 ? uppers.length + 1 : i + 1;
}

export function levelOf(score: number, scale: RiskScale = DEFAULT_RISK_SCALE): RiskLevel {
  const { low, medium, high } = scale.levelUpperScore;
  if (score <= low) return 'low';
  if (score <= medium) return 'medium';
  if (score <= high) return 'high';
  return 'critical';
}

/**
 * A rating from the quantified estimate: the likelihood band of the annual
 * frequency and the impact band of the median event loss (√(low·high)), so a
 * cell on the heat map holds the amounts its bands name.
 */
export function ratingFromEstimate(estimate: LossEstimate, scale: RiskScale = DEFAULT_RISK_SCALE): RiskRating {
  const likelihood = band(estimate.annualFrequency, scale.likelihoodUpperPerYear);
  const impact = band(Math.sqrt(estimate.lowYen * estimate.highYen), scale.impactUpperYen);
  return ratingFromBands(likelihood, impact, scale);
}

export function ratingFromBands(likelihood: number, impact: number, scale: RiskScale = DEFAULT_RISK_SCALE): RiskRating {
  const score = likelihood * impact;
  return { likelihood, impact, score, level: levelOf(score, scale) };
}

export interface RegisterRatings {
  inherent: RiskRating;
  current: RiskRating;
  residual: RiskRating;
  /** Residual above current or current above inherent: the treatment record contradicts itself. */
  contradictions: ('current-above-inherent' | 'residual-above-current')[];
}

/** Inherent (no controls), current (controls in place), residual (after planned treatment). */
export function registerRatings(inherent: RiskRating, current: RiskRating, residual: RiskRating): RegisterRatings {
  const contradictions: RegisterRatings['contradictions'] = [];
  if (current.score > inherent.score) contradictions.push('current-above-inherent');
  if (residual.score > current.score) contradictions.push('residual-above-current');
  return { inherent, current, residual, contradictions };
}

/** Next review: the level's months after the last review, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function nextReviewDate(lastReviewed: Date, level: RiskLevel, scale: RiskScale = DEFAULT_RISK_SCALE): Date {
  const months = scale.reviewMonths[level];
  const y = lastReviewed.getUTCFullYear();
  const m = lastReviewed.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(lastReviewed.getUTCDate(), lastDay)));
}

export type EstimateErrorCode = 'required' | 'not-finite' | 'negative' | 'not-positive' | 'low-above-high' | 'frequency-too-high';

export interface FieldError {
  field: keyof LossEstimate;
  code: EstimateErrorCode;
}

/** Above a daily event the register is describing an operational cost, not a risk; the simulation also counts events one by one. */
export const MAX_ANNUAL_FREQUENCY = 365;

/** Per-field error codes for an estimate as entered (the form translates the codes). */
export function estimateErrors(input: Partial<Record<keyof LossEstimate, unknown>>): FieldError[] {
  const errors: FieldError[] = [];
  const num = (field: keyof LossEstimate): number | null => {
    const v = input[field];
    if (v === undefined || v === null || v === '') {
      errors.push({ field, code: 'required' });
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors.push({ field, code: 'not-finite' });
      return null;
    }
    return v;
  };
  const freq = num('annualFrequency');
  const low = num('lowYen');
  const high = num('highYen');
  if (freq !== null) {
    if (freq < 0) errors.push({ field: 'annualFrequency', code: 'negative' });
    else if (freq > MAX_ANNUAL_FREQUENCY) errors.push({ field: 'annualFrequency', code: 'frequency-too-high' });
  }
  // A lognormal needs a positive 5th percentile.
  if (low !== null && low <= 0) errors.push({ field: 'lowYen', code: low < 0 ? 'negative' : 'not-positive' });
  if (high !== null && high <= 0) errors.push({ field: 'highYen', code: high < 0 ? 'negative' : 'not-positive' });
  if (low !== null && high !== null && low > 0 && high > 0 && low > high) errors.push({ field: 'lowYen', code: 'low-above-high' });
  return errors;
}
