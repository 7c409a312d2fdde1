import type { z } from 'zod';
import type { CostActualQuerySchema, CreateCostActualRequestSchema, TCostActual, TPlanReview, UpdateCostActualRequestSchema } from '../../shared/costs/cost-actual.schema.ts';
import { planEndMonth, reviewPlan, type CostCategory } from '../../shared/costs/cost-plan.rules.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { actualRegister, listActuals, listScenarios, storedMonth, type CostActualRow } from './cost.repository.ts';
import { monthOf } from './cost.service.ts';

/**
 * Actual costs and the plan review (seed 004 「財務計画の5ステップ」 step 5
 * 「定期レビュー」: 実運用コストと計画との差異分析): the lines of each month's
 * bills, and the adopted scenario's plan against them.
 */

/** The month under review: the current month in Japan, where the organisations are. */
export const currentMonth = (now: Date) => dateIn('Asia/Tokyo', now).slice(0, 7);

export function presentActual(ctx: DataContext, r: CostActualRow): TCostActual {
  return actualRegister.present(ctx, r, (a) => ({
    id: a.id,
    month: monthOf(a.month)!,
    category: a.category as CostCategory,
    amountYen: a.amountYen,
    description: a.description,
    notes: a.notes,
    imported: a.createdByImportId !== null,
    version: a.version,
  }));
}

/** A cost is booked to a month that has begun: a later month is a typing mistake (400). */
function refuseFutureMonth(month: string | undefined, now: Date): void {
  if (month && month > currentMonth(now)) throw new HttpProblem(400, 'validation', {}, [{ path: 'month', code: 'monthAfterCurrent' }]);
}

export async function listCostActuals(ctx: DataContext, query: z.output<typeof CostActualQuerySchema>): Promise<{ items: TCostActual[] }> {
  return { items: (await listActuals(ctx, query)).map((r) => presentActual(ctx, r)) };
}

export async function createCostActual(ctx: DataContext, input: z.output<typeof CreateCostActualRequestSchema>, now: Date): Promise<TCostActual> {
  refuseFutureMonth(input.month, now);
  return ctx.transaction(async (tx) => presentActual(tx, await actualRegister.create(tx, storedMonth(input, 'month'))));
}

export const getCostActual = async (ctx: DataContext, id: string): Promise<TCostActual> => presentActual(ctx, await actualRegister.get(ctx, id));

export async function updateCostActual(ctx: DataContext, id: string, input: z.output<typeof UpdateCostActualRequestSchema>, now: Date): Promise<TCostActual> {
  refuseFutureMonth(input.month, now);
  const { version, ...fields } = input;
  return ctx.transaction(async (tx) => {
    const before = await actualRegister.expect(tx, id, version);
    return presentActual(tx, await actualRegister.update(tx, id, version, storedMonth(fields, 'month'), { before: actualRegister.spec.auditView(before), changedOnly: true }));
  });
}

export async function deleteCostActual(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => actualRegister.remove(tx, id, undefined));
}

export const costActualHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => actualRegister.history(ctx, id);

/** The adopted plan against the actual lines, month by month and by category, through the current month. */
export async function planReview(ctx: DataContext, now: Date): Promise<TPlanReview> {
  const through = currentMonth(now);
  const plan = (await listScenarios(ctx)).find((s) => s.adopted && s.planStartMonth);
  if (!plan) return { plan: null, through, review: null };
  const startMonth = monthOf(plan.planStartMonth)!;
  const endMonth = planEndMonth({ startMonth, years: plan.years });
  const lines = await listActuals(ctx);
  const review = reviewPlan(
    { ...plan, startMonth },
    lines.map((l) => ({ month: monthOf(l.month)!, category: l.category as CostCategory, amountYen: l.amountYen })),
    through,
  );
  return { plan: { scenarioId: plan.id, name: plan.name, startMonth, endMonth, years: plan.years }, through, review };
}
