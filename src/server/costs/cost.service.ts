import type { z } from 'zod';
import { compare, cumulativeYen, yearlyCostYen, type ScenarioKind } from '../../shared/costs/cost.rules.ts';
import type { CreateCostScenarioRequestSchema, TCostOverview, TCostScenario, UpdateCostScenarioRequestSchema } from '../../shared/costs/cost.schema.ts';
import { loadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { uniqueKeyAs } from '../platform/register/register-statement.ts';
import { registerAle } from '../risks/risks.public.ts';
import { BASELINE_KEY, listScenarios, scenarioRegister, type CostScenarioRow } from './cost.repository.ts';

/**
 * The on-premises baseline against each cloud scenario (seed 004
 * 「コスト評価フレームワーク」「財務計画の5ステップ」 ROI・TCO分析): multi-year TCO,
 * the investment, NPV at the scenario's discount rate, ROI and payback, with
 * the risk reduction taken from the risk register's ALE when asked.
 */

const COST_COLLECTION = 'urn:kumoji:seed-004:cost-finance';

type Ale = { inherentYen: number; treatedYen: number };

function present(ctx: DataContext, r: CostScenarioRow, baseline: CostScenarioRow | null, ale: Ale): TCostScenario {
  const riskReduction = r.riskReductionSource === 'riskRegister' ? Math.max(0, ale.inherentYen - ale.treatedYen) : r.riskReductionSource === 'manual' ? r.riskReductionYenPerYear : 0;
  const comparison =
    r.kind === 'cloud' && baseline
      ? {
          ...compare(baseline, r, { years: r.years, discountRatePercent: r.discountRatePercent, riskReductionYenPerYear: riskReduction }),
          riskReductionYenPerYear: riskReduction,
          baselineCumulativeYen: cumulativeYen(baseline, r.years),
          cloudCumulativeYen: cumulativeYen(r, r.years),
        }
      : null;
  return scenarioRegister.present(ctx, r, (s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind as ScenarioKind,
    initialYen: s.initialYen,
    runningYenPerYear: s.runningYenPerYear,
    hiddenYenPerYear: s.hiddenYenPerYear,
    reservedSharePercent: s.reservedSharePercent,
    reservedDiscountPercent: s.reservedDiscountPercent,
    years: s.years,
    discountRatePercent: s.discountRatePercent,
    riskReductionSource: s.riskReductionSource as TCostScenario['riskReductionSource'],
    riskReductionYenPerYear: s.riskReductionYenPerYear,
    yearlyCostYen: yearlyCostYen(s),
    comparison,
    notes: s.notes,
    version: s.version,
  }));
}

async function context(ctx: DataContext) {
  const [rows, ale] = await ctx.sideBySide(() => listScenarios(ctx), () => registerAle(ctx));
  return { rows, ale, baseline: rows.find((r) => r.kind === 'baseline') ?? null };
}

export async function costOverview(ctx: DataContext): Promise<TCostOverview> {
  const [{ rows, ale, baseline }, catalog] = await ctx.sideBySide(() => context(ctx), () => loadedCollection(ctx.db, ctx.organisationId, COST_COLLECTION));
  return {
    baseline: baseline ? present(ctx, baseline, baseline, ale) : null,
    scenarios: rows.filter((r) => r.kind === 'cloud').map((r) => present(ctx, r, baseline, ale)),
    riskRegister: { risks: ale.risks, inherentYen: ale.inherentYen, treatedYen: ale.treatedYen, reductionYen: Math.max(0, ale.inherentYen - ale.treatedYen) },
    source: catalog?.source ?? [],
  };
}

export async function getScenario(ctx: DataContext, id: string): Promise<TCostScenario> {
  const [row, { ale, baseline }] = await ctx.sideBySide(() => scenarioRegister.get(ctx, id), () => context(ctx));
  return present(ctx, row, baseline, ale);
}

/** A scenario; 409 for a second baseline (change the one there is). */
export async function createScenario(ctx: DataContext, input: z.output<typeof CreateCostScenarioRequestSchema>): Promise<TCostScenario> {
  const row = await ctx.transaction((tx) => scenarioRegister.create(tx, input)).catch(uniqueKeyAs(BASELINE_KEY, () => new HttpProblem(409, 'costBaselineExists')));
  return getScenario(ctx, row.id);
}

export async function updateScenario(ctx: DataContext, id: string, input: z.output<typeof UpdateCostScenarioRequestSchema>): Promise<TCostScenario> {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await scenarioRegister.expect(tx, id, version);
    await scenarioRegister.update(tx, id, version, fields, { before: scenarioRegister.spec.auditView(before), changedOnly: true });
  });
  return getScenario(ctx, id);
}

export async function deleteScenario(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => scenarioRegister.remove(tx, id, undefined));
}

export const scenarioHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => scenarioRegister.history(ctx, id);
