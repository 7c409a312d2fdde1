import type { LinkedOrigin, PdcaPhase } from '../../shared/operations/corrective-action.rules.ts';
import type { CalendarEntry } from '../../shared/operations/calendar.rules.ts';
import type { TCorrectiveAction } from '../../shared/operations/corrective-action.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { calendarOf } from './calendar.service.ts';
import { listActions } from './corrective-action.service.ts';
import { listInspections } from './inspection.service.ts';
import type { HttpProblem } from '../platform/http/problem.ts';
import { uniqueKeyAs } from '../platform/register/register-statement.ts';
import { OPEN_FINDING_KEY } from './corrective-action.repository.ts';
import { actionSummariesOf, insertAction, type ActionSummary } from './corrective-action.service.ts';

/**
 * What other modules use of operations: an incident's post-incident review,
 * a data store's protection gaps, a BCP drill's findings and an IAM
 * account's or a log source's gaps open their findings as corrective
 * actions and read where they stand; the reports read the actions still open.
 * Other modules import this file only (eslint.config.js enforces it).
 */

export type { ActionSummary, PdcaPhase };

/** Opens a finding of a record's review as a corrective action in Plan, inside the caller's transaction; returns its id. */
export async function openCorrectiveAction(
  tx: DataContext,
  finding: { title: string; plan: string; ownerUserId: string | null; dueOn: string | null; origin: Exclude<LinkedOrigin, 'inspection'>; originId: string; originTitle: string; originFinding?: string },
): Promise<string> {
  return (await insertAction(tx, finding)).id;
}

/**
 * A catch handler for a transaction that opened an action for a named
 * finding (`originFinding`): a second open action for the same finding of
 * the same record, stored by a request racing this one, becomes `problem`.
 */
export const findingAlreadyOpenAs = (problem: () => HttpProblem) => uniqueKeyAs(OPEN_FINDING_KEY, problem);

/** The corrective actions each record of `origin` gave rise to, by record id. */
export const correctiveActionsFrom = (ctx: DataContext, origin: Exclude<LinkedOrigin, 'inspection'>, ids: readonly string[], now: Date) => actionSummariesOf(ctx, origin, ids, now);

/**
 * Where operations stand, for the dashboard and the management report: the
 * calendar over `days` (calendar.service.ts, with the contract and
 * governance dates it gathers), each inspection's standing and rounds, and
 * each corrective action's phase: the same records the operations pages show.
 */
export async function operationsStanding(ctx: DataContext, now: Date, days: number): Promise<{
  calendar: CalendarEntry[];
  inspections: { standing: 'upcoming' | 'dueSoon' | 'overdue'; completions: { dueOn: string; doneOn: string }[] }[];
  actions: { phase: PdcaPhase; overdue: boolean }[];
}> {
  const [calendar, inspections, actions] = await ctx.sideBySide(
    () => calendarOf(ctx, now, days),
    () => listInspections(ctx, now),
    () => listActions(ctx, now),
  );
  return { calendar, inspections: inspections.items, actions: actions.items };
}

/**
 * The corrective actions not closed yet, as the corrective actions page
 * shows them (soonest due first): the plan of action and milestones of the
 * OSCAL documents (reports). A closed action has left the plan.
 */
export async function openCorrectiveActions(ctx: DataContext, now: Date): Promise<TCorrectiveAction[]> {
  return (await listActions(ctx, now)).items.filter((a) => a.phase !== 'closed');
}
