import type { Db } from '../platform/db/database.ts';
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

export async function currentStage(db: Db, organisationId: string): Promise<CurrentStage> {
  const decisions = await listDecisions(db, organisationId);
  // The start date only matters for time in stage, which is not asked here.
  const state = stageState(decisions.map(decisionRecord), new Date(0));
  return { stage: state.main.stage, decided: decisions.some((d) => d.track === 'main') };
}
