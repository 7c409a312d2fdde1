/**
 * The diagnosis, as pure functions: checklist answers in, scores, a proposed
 * stage and the reasons out. Every threshold comes from the catalog's
 * checklist attributes (passRule, placesAtStage, readyForStage,
 * zeroStageIfNo, highRiskIfNo, action), never from constants here.
 *
 * Seed 000 VI.1.1-VI.1.2:
 * - "大半がYes" on the prerequisite check places the organisation at stage 1;
 * - all nine Yes on the migration check means it may move to stage 2;
 * - an organisation with no cloud experience at all (1.1 No) is outside the
 *   checklist: stage 0;
 * - stage 3 requires an asset inventory, ISO/ISMS certification and experts;
 * - no qualified security expert to consult means high risk.
 */

export const STAGES = ['0', '1', '2', '3', '4', 'x'] as const;
export type Stage = (typeof STAGES)[number];
export type Answer = 'yes' | 'no' | 'unknown';
export type PassRule = 'majority' | 'all' | 'none';

export interface Text {
  ja: string;
  en: string;
}

export interface QuestionDef {
  id: string;
  number?: string;
  zeroStageIfNo?: boolean;
  highRiskIfNo?: boolean;
  action?: Text;
}

export interface ChecklistDef {
  id: string;
  passRule: PassRule;
  placesAtStage?: Stage;
  readyForStage?: Stage;
  questions: QuestionDef[];
}

export interface ChecklistScore {
  checklistId: string;
  passRule: PassRule;
  yes: number;
  total: number;
  no: string[];
  unknown: string[];
  unanswered: string[];
  passed: boolean;
}

export type Reason =
  | { code: 'zeroStageIfNo'; itemIds: string[] }
  | { code: 'passRuleMet'; checklistId: string; passRule: PassRule; yes: number; total: number; stage: Stage }
  | { code: 'passRuleNotMet'; checklistId: string; passRule: PassRule; yes: number; total: number; stage: Stage }
  | { code: 'readyFor'; checklistId: string; stage: Stage }
  | { code: 'notReadyFor'; checklistId: string; stage: Stage; missing: string[] }
  | { code: 'readyForNeedsPreviousStage'; checklistId: string; stage: Stage; requires: Stage }
  | { code: 'unanswered'; checklistId: string; itemIds: string[] };

export interface Diagnosis {
  scores: ChecklistScore[];
  proposedStage: Stage;
  readyForStage: Stage | null;
  reasons: Reason[];
  highRisks: string[];
  suggestedActions: { itemId: string; action: Text }[];
  complete: boolean;
}

/** Numeric order of the main stages; stage X runs beside 3-4 and is never "higher". */
export const stageRank = (s: Stage): number => (s === 'x' ? -1 : Number(s));

export function passes(rule: PassRule, yes: number, total: number): boolean {
  switch (rule) {
    case 'majority':
      // 大半 (most): strictly more than half.
      return total > 0 && yes * 2 > total;
    case 'all':
      return total > 0 && yes === total;
    case 'none':
      return false;
  }
}

export function scoreChecklist(list: ChecklistDef, answers: Readonly<Record<string, Answer | undefined>>): ChecklistScore {
  const score: ChecklistScore = { checklistId: list.id, passRule: list.passRule, yes: 0, total: list.questions.length, no: [], unknown: [], unanswered: [], passed: false };
  for (const q of list.questions) {
    const a = answers[q.id];
    if (a === 'yes') score.yes++;
    else if (a === 'no') score.no.push(q.id);
    else if (a === 'unknown') score.unknown.push(q.id);
    else score.unanswered.push(q.id);
  }
  // "Don't know" counts as not Yes, as the seed's "Yes の合計" does.
  score.passed = passes(list.passRule, score.yes, score.total);
  return score;
}

export function diagnose(checklists: readonly ChecklistDef[], answers: Readonly<Record<string, Answer | undefined>>): Diagnosis {
  const scores = checklists.map((c) => scoreChecklist(c, answers));
  const reasons: Reason[] = [];
  let proposed: Stage = '0';

  checklists.forEach((list, i) => {
    const s = scores[i];
    if (s.unanswered.length) reasons.push({ code: 'unanswered', checklistId: list.id, itemIds: s.unanswered });
    if (!list.placesAtStage) return;
    const base = { checklistId: list.id, passRule: list.passRule, yes: s.yes, total: s.total, stage: list.placesAtStage };
    if (s.passed) {
      reasons.push({ code: 'passRuleMet', ...base });
      if (stageRank(list.placesAtStage) > stageRank(proposed)) proposed = list.placesAtStage;
    } else {
      reasons.push({ code: 'passRuleNotMet', ...base });
    }
  });

  const zeroItems = checklists.flatMap((c) => c.questions.filter((q) => q.zeroStageIfNo && answers[q.id] === 'no').map((q) => q.id));
  if (zeroItems.length) {
    reasons.unshift({ code: 'zeroStageIfNo', itemIds: zeroItems });
    proposed = '0';
  }

  let readyFor: Stage | null = null;
  checklists.forEach((list, i) => {
    if (!list.readyForStage) return;
    const s = scores[i];
    const requires = String(stageRank(list.readyForStage) - 1) as Stage;
    if (!s.passed) {
      reasons.push({ code: 'notReadyFor', checklistId: list.id, stage: list.readyForStage, missing: [...s.no, ...s.unknown, ...s.unanswered] });
    } else if (stageRank(proposed) < stageRank(requires)) {
      reasons.push({ code: 'readyForNeedsPreviousStage', checklistId: list.id, stage: list.readyForStage, requires });
    } else {
      reasons.push({ code: 'readyFor', checklistId: list.id, stage: list.readyForStage });
      if (!readyFor || stageRank(list.readyForStage) > stageRank(readyFor)) readyFor = list.readyForStage;
    }
  });

  const questions = checklists.flatMap((c) => c.questions);
  return {
    scores,
    proposedStage: proposed,
    readyForStage: readyFor,
    reasons,
    highRisks: questions.filter((q) => q.highRiskIfNo && answers[q.id] === 'no').map((q) => q.id),
    suggestedActions: questions.filter((q) => q.action && answers[q.id] === 'no').map((q) => ({ itemId: q.id, action: q.action! })),
    complete: scores.every((s) => s.unanswered.length === 0),
  };
}
