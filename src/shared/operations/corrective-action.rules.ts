/**
 * Corrective actions through the PDCA cycle (seed 004 「定期点検結果のフィード
 * バック」: Plan 課題抽出と対策計画策定, Do 対策実装と設定変更, Check 再スキャンと
 * 改善効果の検証, Act 手順書・マニュアルの更新と次回点検項目の修正). An action
 * moves one phase at a time, each move needing what the phase before it
 * produced; a check that finds the measure did not work sends the action back
 * to Plan; it closes only after Act, with evidence and an effective check.
 */

export const PDCA_PHASES = ['plan', 'do', 'check', 'act', 'closed'] as const;
export type PdcaPhase = (typeof PDCA_PHASES)[number];

/** Where an action came from: an inspection's findings, an incident's review, a data store's gaps, a BCP drill's findings, an IAM account's or a log source's gaps, or elsewhere. */
export const ACTION_ORIGINS = ['inspection', 'incident', 'dataStore', 'drill', 'iamAccount', 'logSource', 'other'] as const;
/** The origins that name a record of another module. */
export type LinkedOrigin = Exclude<(typeof ACTION_ORIGINS)[number], 'other'>;
export type ActionOrigin = (typeof ACTION_ORIGINS)[number];

export interface ActionFacts {
  phase: PdcaPhase;
  plan: string;
  doneNote: string;
  checkNote: string;
  /** The check's verdict: the measure worked (true), did not (false), not judged yet (null). */
  effective: boolean | null;
  actNote: string;
  evidenceCount: number;
}

/** A field the move needs, with the reason (an `errors.field.*` code). */
export interface MoveProblem {
  path: 'phase' | 'plan' | 'doneNote' | 'checkNote' | 'effective' | 'actNote' | 'evidence';
  code: string;
}

const filled = (s: string) => s.trim().length > 0;

/** The phases an action in `phase` may move to next (back to Plan only from Check). */
export function nextPhases(phase: PdcaPhase): PdcaPhase[] {
  switch (phase) {
    case 'plan':
      return ['do'];
    case 'do':
      return ['check'];
    case 'check':
      return ['act', 'plan'];
    case 'act':
      return ['closed'];
    case 'closed':
      return [];
  }
}

/** What stands in the way of moving the action to `to`; empty: the move may be made. */
export function moveProblems(a: ActionFacts, to: PdcaPhase): MoveProblem[] {
  if (!nextPhases(a.phase).includes(to)) return [{ path: 'phase', code: 'phaseMoveNotAllowed' }];
  const out: MoveProblem[] = [];
  switch (to) {
    case 'do':
      if (!filled(a.plan)) out.push({ path: 'plan', code: 'planRequired' });
      break;
    case 'check':
      if (!filled(a.doneNote)) out.push({ path: 'doneNote', code: 'doneNoteRequired' });
      break;
    case 'act':
      if (!filled(a.checkNote)) out.push({ path: 'checkNote', code: 'checkNoteRequired' });
      if (a.effective === null) out.push({ path: 'effective', code: 'effectivenessRequired' });
      else if (!a.effective) out.push({ path: 'effective', code: 'notEffective' });
      break;
    case 'plan':
      // Back from Check: only when the check found the measure did not work.
      if (!filled(a.checkNote)) out.push({ path: 'checkNote', code: 'checkNoteRequired' });
      if (a.effective !== false) out.push({ path: 'effective', code: 'replanNeedsIneffective' });
      break;
    case 'closed':
      if (!filled(a.actNote)) out.push({ path: 'actNote', code: 'actNoteRequired' });
      if (a.effective !== true) out.push({ path: 'effective', code: 'effectivenessRequired' });
      if (a.evidenceCount < 1) out.push({ path: 'evidence', code: 'evidenceRequired' });
      break;
  }
  return out;
}

/** Overdue: past its due date (in the organisation's calendar) and not closed. */
export const isActionOverdue = (a: { phase: PdcaPhase; dueOn: string | null }, today: string): boolean => a.phase !== 'closed' && a.dueOn !== null && a.dueOn < today;
