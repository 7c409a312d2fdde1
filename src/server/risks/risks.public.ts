import type { TRiskAnalysis } from '../../shared/risks/risk.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { riskAnalysis } from './risk-analysis.service.ts';
import { aleOf } from './risk-analysis.rules.ts';
import { listAllRisks } from './risk.repository.ts';
import { storedRisk } from './risk.service.ts';

/**
 * What other modules read from the risk register: the annual loss expected
 * over every risk before and after its treatment (the analytic ALE of
 * risk-analysis.rules.ts), the reduction a cost comparison counts as a
 * benefit (seed 004 「リスク軽減効果」).
 */
export async function registerAle(ctx: DataContext): Promise<{ risks: number; inherentYen: number; treatedYen: number }> {
  const stored = (await listAllRisks(ctx)).map(storedRisk);
  const ales = stored.map(aleOf);
  return { risks: stored.length, inherentYen: Math.round(ales.reduce((s, a) => s + a.inherent, 0)), treatedYen: Math.round(ales.reduce((s, a) => s + a.treated, 0)) };
}

/** The register's heat maps, its top risks and the loss simulation (risk-analysis.service.ts), the same analysis the risk page shows, for the dashboard and the management report. */
export const riskPicture = (ctx: DataContext): Promise<TRiskAnalysis> => riskAnalysis(ctx);
