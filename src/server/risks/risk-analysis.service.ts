import type { TRiskAnalysis } from '../../shared/risks/risk.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { simulatePortfolio, type InsurancePolicy } from './loss-simulation.rules.ts';
import { aleOf, heatMap, movedSinceReview, ratingsOf, simulationInput, topRisks } from './risk-analysis.rules.ts';
import { listAllRisks, listPolicies, riskScaleOf } from './risk.repository.ts';
import { storedRisk } from './risk.service.ts';

/** One seed for every analysis: the same register gives the same figures, so a change in them is a change in the data. */
export const ANALYSIS_SEED = 20261204;
export const ANALYSIS_YEARS = 100_000;

/** The heat map, the top risks and the portfolio's Monte Carlo, from the stored register (issue 10). */
export async function riskAnalysis(ctx: DataContext, years = ANALYSIS_YEARS): Promise<TRiskAnalysis> {
  const [rows, policyRows, scale] = await ctx.sideBySide(() => listAllRisks(ctx), () => listPolicies(ctx), () => riskScaleOf(ctx));
  const stored = rows.map(storedRisk);
  const ratings = stored.map((r) => ratingsOf(r, scale));
  const policies: InsurancePolicy[] = policyRows.map((p) => ({ id: p.id, deductibleYen: p.deductibleYen, perEventLimitYen: p.perEventLimitYen, annualAggregateLimitYen: p.annualAggregateLimitYen }));
  const simulation = simulatePortfolio(simulationInput(stored, policies), policies, { years, seed: ANALYSIS_SEED });
  return {
    riskCount: rows.length,
    scale: { likelihoodUpperPerYear: scale.likelihoodUpperPerYear, impactUpperYen: scale.impactUpperYen },
    heatMap: { inherent: heatMap(ratings.map((r) => r.inherent), scale), residual: heatMap(ratings.map((r) => r.residual), scale) },
    moved: movedSinceReview(stored, scale),
    top: topRisks(stored, 10, scale),
    simulation: { ...simulation, analyticTreatedAleYen: stored.reduce((sum, r) => sum + aleOf(r).treated, 0) },
  };
}
