/**
 * From stored risks to what the register and the analysis show (issue 10):
 * each risk's inherent, current and residual rating on the scale, the heat
 * map's cells, the risks that moved since their last review, the top risks,
 * and the Monte Carlo's input (loss-simulation.rules.ts). Treatment decides
 * the "after" estimate: avoid removes the events, reduce and transfer use the
 * treated estimate when one is recorded, and transfer with a policy is
 * insured (seed 000 II.2: threats judged by their impact on the business;
 * ISO/IEC 27001 6.1.3 for the treatment options).
 */
import { analyticAleYen, type InsurancePolicy, type LossEstimate, type QuantifiedRisk } from './loss-simulation.rules.ts';
import { DEFAULT_RISK_SCALE, levelOf, ratingFromBands, ratingFromEstimate, registerRatings, type RegisterRatings, type RiskLevel, type RiskScale } from './risk-rating.rules.ts';

export type Treatment = 'none' | 'reduce' | 'accept' | 'transfer' | 'avoid';

export interface StoredRisk {
  id: string;
  title: string;
  treatment: Treatment;
  inherent: LossEstimate;
  treated: LossEstimate | null;
  current: { likelihood: number; impact: number } | null;
  insurancePolicyId: string | null;
  sublimitYen: number | null;
  reviewedResidual: { likelihood: number; impact: number } | null;
}

/** The estimate after treatment: no events when the risk is avoided; otherwise the treated one, or the inherent one when none is recorded. */
export function treatedEstimate(r: Pick<StoredRisk, 'treatment' | 'inherent' | 'treated'>): LossEstimate {
  if (r.treatment === 'avoid') return { ...(r.treated ?? r.inherent), annualFrequency: 0 };
  return r.treated ?? r.inherent;
}

/** Inherent and residual from the estimates, current from the bands recorded (or as inherent). */
export function ratingsOf(r: Pick<StoredRisk, 'treatment' | 'inherent' | 'treated' | 'current'>, scale: RiskScale = DEFAULT_RISK_SCALE): RegisterRatings {
  const inherent = ratingFromEstimate(r.inherent, scale);
  const residual = ratingFromEstimate(treatedEstimate(r), scale);
  const current = r.current ? ratingFromBands(r.current.likelihood, r.current.impact, scale) : inherent;
  return registerRatings(inherent, current, residual);
}

export function aleOf(r: Pick<StoredRisk, 'treatment' | 'inherent' | 'treated'>): { inherent: number; treated: number } {
  return { inherent: analyticAleYen(r.inherent), treated: analyticAleYen(treatedEstimate(r)) };
}

export interface HeatCell {
  likelihood: number;
  impact: number;
  count: number;
  level: RiskLevel;
}

/** Every cell of the scale's grid, with how many risks sit in it. */
export function heatMap(points: readonly { likelihood: number; impact: number }[], scale: RiskScale = DEFAULT_RISK_SCALE): HeatCell[] {
  const nL = scale.likelihoodUpperPerYear.length + 1;
  const nI = scale.impactUpperYen.length + 1;
  const cells: HeatCell[] = [];
  for (let likelihood = 1; likelihood <= nL; likelihood++)
    for (let impact = 1; impact <= nI; impact++) cells.push({ likelihood, impact, count: 0, level: levelOf(likelihood * impact, scale) });
  for (const p of points) cells[(p.likelihood - 1) * nI + (p.impact - 1)]!.count++;
  return cells;
}

export interface Moved {
  riskId: string;
  title: string;
  from: { likelihood: number; impact: number };
  to: { likelihood: number; impact: number };
  direction: 'up' | 'down' | 'sideways';
}

/** Risks whose residual cell is not where their last review left it; never-reviewed risks have no marker. */
export function movedSinceReview(rs: readonly StoredRisk[], scale: RiskScale = DEFAULT_RISK_SCALE): Moved[] {
  return rs.flatMap((r) => {
    const from = r.reviewedResidual;
    if (!from) return [];
    const now = ratingsOf(r, scale).residual;
    if (now.likelihood === from.likelihood && now.impact === from.impact) return [];
    const before = from.likelihood * from.impact;
    const direction = now.score > before ? 'up' : now.score < before ? 'down' : 'sideways';
    return [{ riskId: r.id, title: r.title, from, to: { likelihood: now.likelihood, impact: now.impact }, direction }];
  });
}

/** The highest residual scores first; among equals the larger expected annual loss after treatment. */
export function topRisks(rs: readonly StoredRisk[], limit = 10, scale: RiskScale = DEFAULT_RISK_SCALE) {
  return rs
    .map((r) => ({ riskId: r.id, title: r.title, residual: ratingsOf(r, scale).residual, aleYen: aleOf(r).treated }))
    .sort((a, b) => b.residual.score - a.residual.score || b.aleYen - a.aleYen || a.title.localeCompare(b.title))
    .slice(0, limit);
}

/** The Monte Carlo's input: a cover only for a transfer to a known policy. */
export function simulationInput(rs: readonly StoredRisk[], policies: readonly InsurancePolicy[]): QuantifiedRisk[] {
  const known = new Set(policies.map((p) => p.id));
  return rs.map((r) => ({
    id: r.id,
    inherent: r.inherent,
    treated: r.treatment === 'avoid' || r.treated ? treatedEstimate(r) : null,
    cover: r.treatment === 'transfer' && r.insurancePolicyId && known.has(r.insurancePolicyId) ? { policyId: r.insurancePolicyId, sublimitYen: r.sublimitYen } : null,
  }));
}
