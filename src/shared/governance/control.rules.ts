// The control sets' rules (seed 004 「政府ガイドラインに基づくセキュリティ管理策」,
// ISO/IEC 27017, the METI guideline's ten items, seed 000's basic measures):
// each control judged applicable or not (with the reason a statement of
// applicability gives), and an applicable one followed to implementation.
import type { IsoDate } from '../platform/calendar-date.ts';

export const CONTROL_STATUSES = ['notStarted', 'inProgress', 'implemented'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export interface ControlJudgement {
  applicable: boolean;
  reason: string;
  status: ControlStatus;
  dueOn: IsoDate | null;
}

/**
 * What a judgement may not say, by field: a control left out needs the reason
 * (ISO/IEC 27001 6.1.3 d: the justification for exclusions), and one left out
 * is not implemented.
 */
export function controlProblems(j: ControlJudgement): { path: 'reason' | 'status'; code: string }[] {
  const problems: { path: 'reason' | 'status'; code: string }[] = [];
  if (!j.applicable && !j.reason.trim()) problems.push({ path: 'reason', code: 'exclusionReasonRequired' });
  if (!j.applicable && j.status !== 'notStarted') problems.push({ path: 'status', code: 'excludedNotImplemented' });
  return problems;
}

/** An applicable control not implemented by its due date (the day after it). */
export const controlOverdue = (j: ControlJudgement, today: IsoDate) => j.applicable && j.status !== 'implemented' && j.dueOn !== null && j.dueOn < today;

export interface ControlSetSummary {
  controls: number;
  /** Judged at all (applicable or not). */
  assessed: number;
  applicable: number;
  implemented: number;
  overdue: number;
  /** Implemented share of the applicable controls, in whole percent (null when none is applicable yet). */
  implementedPercent: number | null;
}

export function controlSetSummary(controls: readonly (ControlJudgement | null)[], today: IsoDate): ControlSetSummary {
  const judged = controls.filter((c): c is ControlJudgement => c !== null);
  const applicable = judged.filter((c) => c.applicable);
  const implemented = applicable.filter((c) => c.status === 'implemented').length;
  return {
    controls: controls.length,
    assessed: judged.length,
    applicable: applicable.length,
    implemented,
    overdue: judged.filter((c) => controlOverdue(c, today)).length,
    implementedPercent: applicable.length ? Math.floor((implemented * 100) / applicable.length) : null,
  };
}
