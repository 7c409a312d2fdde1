// The BCP grid: seed 004's three operating modes (緊急時・無電化時・停止時)
// against seed 000 V.6.2's five disaster types to assume. Each cell is
// planned when its response is approved, and exercised when a drill of that
// mode and disaster was held within the last 12 months.
import { addMonthsClamped, type IsoDate } from '../platform/calendar-date.ts';

export const BCP_MODES = ['emergency', 'power-loss', 'full-stop'] as const;
export type BcpMode = (typeof BCP_MODES)[number];
export const SCENARIO_STATUSES = ['draft', 'approved'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** A drill counts for its cell for a year: the plan is exercised at least once a year. */
export const DRILL_VALID_MONTHS = 12;

export type CellStanding = 'unplanned' | 'draft' | 'approved' | 'exercised';

export function cellStanding(scenario: { status: ScenarioStatus } | null, lastDrillOn: IsoDate | null, today: IsoDate): CellStanding {
  if (!scenario) return 'unplanned';
  if (scenario.status === 'draft') return 'draft';
  return lastDrillOn && addMonthsClamped(lastDrillOn, DRILL_VALID_MONTHS) >= today ? 'exercised' : 'approved';
}

export interface GridSummary {
  cells: number;
  approved: number;
  exercised: number;
}

export function gridSummary(standings: readonly CellStanding[], cells: number): GridSummary {
  return { cells, approved: standings.filter((s) => s === 'approved' || s === 'exercised').length, exercised: standings.filter((s) => s === 'exercised').length };
}
