import type { TDashboard } from '../../shared/schemas/roadmap.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { getDashboard } from './dashboard.service.ts';
import { methodologyReader } from './methodology.repository.ts';
import { decisionRecord, listDecisions } from './stage.repository.ts';
import { stageState, type MainStage } from './stage.rules.ts';

/**
 * What other modules read from the diagnosis: the organisation's current
 * stage, computed by the stage rules themselves (the newest gate decision of
 * the main track; stage 0 before any, seed 000 表4), never from the tables.
 * Other modules import this file only (eslint.config.js enforces it).
 */
export interface CurrentStage {
  stage: MainStage;
  /** Whether any gate decision has been recorded: stage 0 by decision and stage 0 by default read differently. */
  decided: boolean;
}

export async function currentStage(ctx: DataContext): Promise<CurrentStage> {
  const decisions = await listDecisions(ctx);
  // The start date only matters for time in stage, which is not asked here.
  const state = stageState(decisions.map(decisionRecord), new Date(0));
  return { stage: state.main.stage, decided: decisions.some((d) => d.track === 'main') };
}

export { budgetCheck, type BudgetStatus } from './stage.rules.ts';

/** A stage's cloud budget guide (seed 000 II.6.2 「第1段階50～100万円程度」, II.6.3 「第2段階100～500万円程度」), as the loaded stage model gives it. */
export interface StageBudgetGuide {
  stage: string;
  minYen: number;
  maxYen: number;
  source: string[];
}

/** The budget guides of the organisation's loaded stage model, by stage; stages without a guide are absent. */
export async function stageBudgetGuides(ctx: DataContext): Promise<Map<string, StageBudgetGuide>> {
  const model = await methodologyReader(ctx).stageModel();
  const guides = new Map<string, StageBudgetGuide>();
  for (const s of model?.stages ?? []) if (s.budget) guides.set(s.stage, { stage: s.stage, ...s.budget, source: s.source });
  return guides;
}

/**
 * Where the organisation stands on its journey, for the dashboard and the
 * management report: the stage with its time in it, the next stage and its
 * gate (seed 000 表4), and the roadmap's task counts, the same figures the
 * diagnosis dashboard shows (overdue as of `now` in the member's `timeZone`).
 */
export async function journeyStanding(ctx: DataContext, timeZone: string, now: Date): Promise<{ stage: TDashboard['stage']; tasks: TDashboard['tasks']['summary'] }> {
  const dashboard = await getDashboard(ctx, timeZone, now);
  return { stage: dashboard.stage, tasks: dashboard.tasks.summary };
}
