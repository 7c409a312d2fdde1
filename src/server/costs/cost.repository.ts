import { and, asc, desc, gte, lte } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, recordContent } from '../platform/register/register.ts';
import { costActuals, costScenarios } from './cost.table.ts';

/** Queries of the cost scenarios and the actual costs, through a request's or a job's DataContext. */

export type CostScenarioRow = typeof costScenarios.$inferSelect;
export type CostActualRow = typeof costActuals.$inferSelect;

export const scenarioRegister = defineRegister({ table: costScenarios, entityType: 'costScenario', auditView: recordContent, can: changeableWith('costs.write') });
export const actualRegister = defineRegister({ table: costActuals, entityType: 'costActual', auditView: recordContent, can: changeableWith('costs.write') });

export const BASELINE_KEY = 'cost_scenarios_org_baseline_key';
export const ADOPTED_KEY = 'cost_scenarios_org_adopted_key';

export const listScenarios = (ctx: DataContext) => ctx.select(costScenarios, { orderBy: [asc(costScenarios.name), asc(costScenarios.id)] });

/** Months are stored as their first day. */
export const monthDate = (month: string) => `${month}-01`;

/** A request's month field ('YYYY-MM', or null to clear it) as the table stores it; absent stays absent. */
export function storedMonth<T extends object, K extends keyof T & string>(input: T, key: K): T {
  const month = input[key] as string | null | undefined;
  return month === undefined ? input : { ...input, [key]: month === null ? null : monthDate(month) };
}

/** The actual cost lines, newest month first, within the months given. */
export const listActuals = (ctx: DataContext, range: { from?: string; to?: string } = {}) =>
  ctx.select(costActuals, {
    where: and(range.from ? gte(costActuals.month, monthDate(range.from)) : undefined, range.to ? lte(costActuals.month, monthDate(range.to)) : undefined),
    orderBy: [desc(costActuals.month), asc(costActuals.category), asc(costActuals.createdAt), asc(costActuals.id)],
  });
