import type { TFindingAction } from '../../shared/governance/access-logs.schema.ts';
import { findingAlreadyOpenAs, openCorrectiveAction, type ActionSummary } from '../operations/operations.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';

/**
 * A governance record's findings (an IAM account without MFA, a log kept too
 * briefly) opened one at a time as corrective actions in Plan, through
 * operations (seed 004 「定期点検結果のフィードバック」: a finding is followed
 * through Plan, Do, Check and Act to a verified change). Each action names
 * the finding it answers, so the record shows per finding whether an action
 * is open, and while one is, the same finding is not opened again.
 */

export type FindingOrigin = 'iamAccount' | 'logSource' | 'dataStore';

export const presentFindingActions = (actions: readonly ActionSummary[]): TFindingAction[] =>
  actions.map((a) => ({ id: a.id, title: a.title, phase: a.phase, dueOn: a.dueOn, overdue: a.overdue, finding: a.finding }));

const findingOpen = () => new HttpProblem(409, 'findingActionOpen');

/** The 409 of a second open action for one finding that a request racing this one stored first (the unique key decides). */
export const findingOpenAsConflict = findingAlreadyOpenAs(findingOpen);

/**
 * Opens `finding` of the record as an action, inside the caller's
 * transaction (the record read at the version the member saw). A finding
 * the record no longer has (fixed meanwhile, or gone with the date) is 409
 * `findingResolved`; one with an open action already is 409
 * `findingActionOpen`. The title names the finding and the record, the plan
 * is the finding's remedy, both in the member's language.
 */
export async function openFindingAction(
  tx: DataContext,
  o: { origin: FindingOrigin; id: string; finding: string; current: readonly string[]; actions: readonly ActionSummary[]; title: string; plan: string; originTitle: string },
): Promise<void> {
  if (!o.current.includes(o.finding)) throw new HttpProblem(409, 'findingResolved');
  if (o.actions.some((a) => a.finding === o.finding && a.phase !== 'closed')) throw findingOpen();
  await openCorrectiveAction(tx, { title: o.title, plan: o.plan, ownerUserId: null, dueOn: null, origin: o.origin, originId: o.id, originTitle: o.originTitle, originFinding: o.finding });
}
