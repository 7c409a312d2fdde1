import type { z } from 'zod';
import { firstYearYen, type BudgetStage } from '../../shared/costs/cost-plan.rules.ts';
import { compare, cumulativeYen, yearlyCostYen, type ScenarioKind } from '../../shared/costs/cost.rules.ts';
import type { CreateCostScenarioRequestSchema, TCostOverview, TCostScenario, UpdateCostScenarioRequestSchema } from '../../shared/costs/cost.schema.ts';
import { loadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { uniqueKeyAs } from '../platform/register/register-statement.ts';
import { budgetCheck, stageBudgetGuides, type StageBudgetGuide } from '../diagnosis/diagnosis.public.ts';
import { registerAle } from '../risks/risks.public.ts';
import { ADOPTED_KEY, BASELINE_KEY, listScenarios, scenarioRegister, storedMonth, type CostScenarioRow } from './cost.repository.ts';

/**
 * The on-premises baseline against each cloud scenario (seed 004
 * 「コスト評価フレームワーク」「財務計画の5ステップ」 ROI・TCO分析): multi-year TCO,
 * the investment, NPV at the scenario's discount rate, ROI and payback, with
 * the risk reduction taken from the risk register's ALE when asked.
 */

const COST_COLLECTION = 'urn:kumoji:seed-004:cost-finance';

type Ale = { inherentYen: number; treatedYen: number };
type Guides = Map<string, StageBudgetGuide>;

/** The scenario's first year against its stage's budget guide (seed 000 II.6.2-6.3); the guide is catalog data. */
function budgetOf(r: CostScenarioRow, guides: Guides): TCostScenario['budgetCheck'] {
  if (r.kind !== 'cloud' || !r.stage) return null;
  const guide = guides.get(r.stage) ?? null;
  const yen = firstYearYen(r);
  const status = budgetCheck(yen, guide) as Exclude<ReturnType<typeof budgetCheck>, 'not-entered'>;
  return { stage: r.stage as BudgetStage, firstYearYen: yen, guide: guide ? { minYen: guide.minYen, maxYen: guide.maxYen } : null, status };
}

/** A stored month (its first day) as the API writes it. */
export const monthOf = (date: string | null) => (date ? date.slice(0, 7) : null);

function present(ctx: DataContext, r: CostScenarioRow, baseline: CostScenarioRow | null, ale: Ale, guides: Guides): TCostScenario {
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
    stage: s.stage as BudgetStage | null,
    adopted: s.adopted,
    planStartMonth: monthOf(s.planStartMonth),
    budgetCheck: budgetOf(s, guides),
    comparison,
    notes: s.notes,
    version: s.version,
  }));
}

async function context(ctx: DataContext) {
  const [rows, ale, guides] = await ctx.sideBySide(() => listScenarios(ctx), () => registerAle(ctx), () => stageBudgetGuides(ctx));
  return { rows, ale, guides, baseline: rows.find((r) => r.kind === 'baseline') ?? null };
}

export async function costOverview(ctx: DataContext): Promise<TCostOverview> {
  const [{ rows, ale, guides, baseline }, catalog] = await ctx.sideBySide(() => context(ctx), () => loadedCollection(ctx, COST_COLLECTION));
  return {
    baseline: baseline ? present(ctx, baseline, baseline, ale, guides) : null,
    scenarios: rows.filter((r) => r.kind === 'cloud').map((r) => present(ctx, r, baseline, ale, guides)),
    riskRegister: { risks: ale.risks, inherentYen: ale.inherentYen, treatedYen: ale.treatedYen, reductionYen: Math.max(0, ale.inherentYen - ale.treatedYen) },
    source: catalog?.source ?? [],
  };
}

export async function getScenario(ctx: DataContext, id: string): Promise<TCostScenario> {
  const [row, { ale, guides, baseline }] = await ctx.sideBySide(() => scenarioRegister.get(ctx, id), () => context(ctx));
  return present(ctx, row, baseline, ale, guides);
}

const refuseBaselinePlan = () => new HttpProblem(400, 'validation', {}, [{ path: 'adopted', code: 'baselineNotPlan' }]);
/** Two members adopting two scenarios at once: the second is told, not merged. */
const adoptedMeanwhile = uniqueKeyAs(ADOPTED_KEY, () => new HttpProblem(409, 'conflict'));

/**
 * Adopting a scenario as the approved plan (seed 004 step 4) takes the mark
 * off the one adopted before, in the same transaction, each on the trail.
 */
async function releaseAdopted(tx: DataContext, exceptId: string | null): Promise<void> {
  for (const other of await listScenarios(tx)) {
    if (!other.adopted || other.id === exceptId) continue;
    await scenarioRegister.update(tx, other.id, other.version, { adopted: false }, { before: { adopted: true }, changedOnly: true });
  }
}

/** A scenario; 409 for a second baseline (change the one there is). */
export async function createScenario(ctx: DataContext, input: z.output<typeof CreateCostScenarioRequestSchema>): Promise<TCostScenario> {
  if (input.adopted && input.kind === 'baseline') throw refuseBaselinePlan();
  const row = await ctx
    .transaction(async (tx) => {
      if (input.adopted) await releaseAdopted(tx, null);
      return scenarioRegister.create(tx, storedMonth(input, 'planStartMonth'));
    })
    .catch(uniqueKeyAs(BASELINE_KEY, () => new HttpProblem(409, 'costBaselineExists')))
    .catch(adoptedMeanwhile);
  return getScenario(ctx, row.id);
}

export async function updateScenario(ctx: DataContext, id: string, input: z.output<typeof UpdateCostScenarioRequestSchema>): Promise<TCostScenario> {
  const { version, kind, ...fields } = input;
  await ctx
    .transaction(async (tx) => {
      const before = await scenarioRegister.expect(tx, id, version);
      if (kind && kind !== before.kind) throw new HttpProblem(400, 'validation', {}, [{ path: 'kind', code: 'scenarioKindFixed' }]);
      const adopted = fields.adopted ?? before.adopted;
      if (adopted && before.kind === 'baseline') throw refuseBaselinePlan();
      if (adopted && !(fields.planStartMonth !== undefined ? fields.planStartMonth : before.planStartMonth)) {
        throw new HttpProblem(400, 'validation', {}, [{ path: 'planStartMonth', code: 'planStartRequired' }]);
      }
      if (fields.adopted && !before.adopted) await releaseAdopted(tx, id);
      await scenarioRegister.update(tx, id, version, storedMonth(fields, 'planStartMonth'), { before: scenarioRegister.spec.auditView(before), changedOnly: true });
    })
    .catch(adoptedMeanwhile);
  return getScenario(ctx, id);
}

export async function deleteScenario(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => scenarioRegister.remove(tx, id, undefined));
}

export const scenarioHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => scenarioRegister.history(ctx, id);
