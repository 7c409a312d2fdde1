import { asc } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, recordContent } from '../platform/register/register.ts';
import { costScenarios } from './cost.table.ts';

/** Queries of the cost scenarios, through a request's DataContext. */

export type CostScenarioRow = typeof costScenarios.$inferSelect;

export const scenarioRegister = defineRegister({ table: costScenarios, entityType: 'costScenario', auditView: recordContent, can: changeableWith('costs.write') });

export const BASELINE_KEY = 'cost_scenarios_org_baseline_key';

export const listScenarios = (ctx: DataContext) => ctx.select(costScenarios, { orderBy: [asc(costScenarios.name), asc(costScenarios.id)] });
