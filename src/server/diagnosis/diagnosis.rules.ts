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
  | { code: 'unanswered'; checklistId: string; itemIds: string[] }
  | { code: 'screeningUnanswered'; itemIds: string[] };

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

/**
 * One decision and one explanation of it: each checklist gives at most one
 * reason, in checklist order, and no reason contradicts the proposed stage.
 *
 * Seed 000 VI.1.1 first sorts out whether the checklists apply at all
 * (「先ず…対象かどうかを判別し、該当する場合、後述のチェックリストを行う」):
 * - a screening question (zeroStageIfNo, 1.1 cloud experience) answered No
 *   places the organisation at stage 0 and is the only reason;
 * - one not answered Yes or No (Don't know, or not yet answered) leaves the
 *   organisation unplaced: that question must be answered first.
 * Otherwise a checklist with unanswered questions waits for them (its pass
 * rule is not judged on a part), unless it has passed already: more answers
 * cannot take Yes answers away.
 */
export function diagnose(checklists: readonly ChecklistDef[], answers: Readonly<Record<string, Answer | undefined>>): Diagnosis {
  const scores = checklists.map((c) => scoreChecklist(c, answers));
  const screening = checklists.flatMap((c) => c.questions.filter((q) => q.zeroStageIfNo).map((q) => q.id));
  const screenedOut = screening.filter((id) => answers[id] === 'no');
  const screeningOpen = screening.filter((id) => answers[id] !== 'yes' && answers[id] !== 'no');

  let proposed: Stage = '0';
  let readyFor: Stage | null = null;
  const reasons: Reason[] = [];
  if (screenedOut.length) {
    reasons.push({ code: 'zeroStageIfNo', itemIds: screenedOut });
  } else if (screeningOpen.length) {
    reasons.push({ code: 'screeningUnanswered', itemIds: screeningOpen });
  } else {
    checklists.forEach((list, i) => {
      if (list.placesAtStage && scores[i].passed && stageRank(list.placesAtStage) > stageRank(proposed)) proposed = list.placesAtStage;
    });
    checklists.forEach((list, i) => {
      const reason = checklistReason(list, scores[i], proposed);
      if (reason) reasons.push(reason);
      if (reason?.code === 'readyFor' && (!readyFor || stageRank(reason.stage) > stageRank(readyFor))) readyFor = reason.stage;
    });
  }

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

/** The one reason a checklist gives once the screening questions are Yes (see `diagnose`). */
function checklistReason(list: ChecklistDef, s: ChecklistScore, proposed: Stage): Reason | null {
  const unanswered: Reason | null = s.unanswered.length ? { code: 'unanswered', checklistId: list.id, itemIds: s.unanswered } : null;
  if (list.placesAtStage) {
    const base = { checklistId: list.id, passRule: list.passRule, yes: s.yes, total: s.total, stage: list.placesAtStage };
    if (s.passed) return { code: 'passRuleMet', ...base };
    return unanswered ?? { code: 'passRuleNotMet', ...base };
  }
  if (list.readyForStage) {
    const requires = String(stageRank(list.readyForStage) - 1) as Stage;
    if (!s.passed) return unanswered ?? { code: 'notReadyFor', checklistId: list.id, stage: list.readyForStage, missing: [...s.no, ...s.unknown] };
    if (stageRank(proposed) < stageRank(requires)) return { code: 'readyForNeedsPreviousStage', checklistId: list.id, stage: list.readyForStage, requires };
    return { code: 'readyFor', checklistId: list.id, stage: list.readyForStage };
  }
  return unanswered;
}

// ---------------------------------------------------------------------------
// From the catalog to the rules: checklist collections are data (docs/CATALOG.md,
// type `checklist`); these pure mappings read one stored version's items.
// ---------------------------------------------------------------------------

/** The fields of a stored catalog item these rules read (catalog_items rows fit). */
export interface CatalogItemLike {
  itemId: string;
  parentId: string | null;
  ja: string;
  en: string;
  detailJa: string | null;
  detailEn: string | null;
  source: string[];
  attributes: Record<string, unknown>;
}

export interface QuestionModel extends QuestionDef {
  text: Text;
  detail: Text | null;
  /** The group heading above the question, when the checklist has groups. */
  group: Text | null;
  source: string[];
}

export interface ChecklistModel extends ChecklistDef {
  name: Text;
  detail: Text | null;
  /** The seed's own way of writing the score, e.g. "Yes の合計 /8". */
  scoreLabel: Text | null;
  source: string[];
  questions: QuestionModel[];
}

const PASS_RULES: readonly PassRule[] = ['majority', 'all', 'none'];
const isStage = (v: unknown): v is Stage => typeof v === 'string' && (STAGES as readonly string[]).includes(v);
const isText = (v: unknown): v is Text =>
  !!v && typeof v === 'object' && typeof (v as Text).ja === 'string' && typeof (v as Text).en === 'string';
const pairOf = (ja: string | null, en: string | null): Text | null => (ja !== null && en !== null ? { ja, en } : null);

/**
 * The checklists of one stored version: each root item of kind `checklist`,
 * with its questions (kind `question`, directly under it or under one level
 * of `group`) in the order the items come (display order). Attributes a file
 * does not declare read as "no rule" (passRule none), so an organisation's
 * own checklist scores without proposing a stage.
 */
export function checklistsFromItems(items: readonly CatalogItemLike[]): ChecklistModel[] {
  const byId = new Map(items.map((i) => [i.itemId, i]));
  const lists = new Map<string, ChecklistModel>();
  for (const item of items) {
    const a = item.attributes;
    if (item.parentId !== null || a.kind !== 'checklist') continue;
    lists.set(item.itemId, {
      id: item.itemId,
      passRule: PASS_RULES.includes(a.passRule as PassRule) ? (a.passRule as PassRule) : 'none',
      ...(isStage(a.placesAtStage) ? { placesAtStage: a.placesAtStage } : {}),
      ...(isStage(a.readyForStage) ? { readyForStage: a.readyForStage } : {}),
      name: { ja: item.ja, en: item.en },
      detail: pairOf(item.detailJa, item.detailEn),
      scoreLabel: isText(a.scoreLabel) ? a.scoreLabel : null,
      source: item.source,
      questions: [],
    });
  }
  for (const item of items) {
    const a = item.attributes;
    if (a.kind !== 'question' || item.parentId === null) continue;
    const parent = byId.get(item.parentId);
    const group = parent && parent.attributes.kind === 'group' ? parent : null;
    const list = lists.get(group ? (group.parentId ?? '') : item.parentId);
    if (!list) continue;
    list.questions.push({
      id: item.itemId,
      ...(typeof a.number === 'string' ? { number: a.number } : {}),
      ...(a.zeroStageIfNo === true ? { zeroStageIfNo: true } : {}),
      ...(a.highRiskIfNo === true ? { highRiskIfNo: true } : {}),
      ...(isText(a.action) ? { action: a.action } : {}),
      text: { ja: item.ja, en: item.en },
      detail: pairOf(item.detailJa, item.detailEn),
      group: group ? { ja: group.ja, en: group.en } : null,
      source: item.source,
    });
  }
  return [...lists.values()];
}

/** Whether a checklist takes part in the diagnosis (any rule attribute), or only scores. */
export function isDiagnostic(list: ChecklistDef): boolean {
  return (
    list.passRule !== 'none' ||
    !!list.placesAtStage ||
    !!list.readyForStage ||
    list.questions.some((q) => q.zeroStageIfNo || q.highRiskIfNo || q.action)
  );
}

/**
 * The score written the seed's way: "Yes の合計 /8" with 6 Yes reads
 * "Yes の合計 6/8" (VI.1.1); a label without a "/n" gets " 6/8" appended.
 */
export function scoreText(label: Text | null, yes: number, total: number): Text {
  const one = (s: string | undefined, fallback: string): string => {
    if (!s) return `${fallback} ${yes}/${total}`;
    const m = /^(.*?)\s*([/／])\s*(\d+)\s*$/.exec(s);
    return m ? `${m[1]} ${yes}${m[2]}${m[3]}` : `${s} ${yes}/${total}`;
  };
  return { ja: one(label?.ja, 'Yes の合計'), en: one(label?.en, 'Yes') };
}

export interface AnswerComparison {
  itemId: string;
  left: Answer | null;
  right: Answer | null;
  /** yes gained (improved), yes lost (worsened), another change, or the same. */
  change: 'improved' | 'worsened' | 'changed' | 'same';
}

/**
 * Two assessments of one checklist, item by item, in the order of `itemIds`
 * (the union of both versions' questions). "left" is the older one.
 */
export function compareAnswers(
  itemIds: readonly string[],
  left: Readonly<Record<string, Answer | null | undefined>>,
  right: Readonly<Record<string, Answer | null | undefined>>,
): { items: AnswerComparison[]; improved: number; worsened: number; changed: number } {
  const items = itemIds.map((itemId): AnswerComparison => {
    const l = left[itemId] ?? null;
    const r = right[itemId] ?? null;
    const change = l === r ? 'same' : r === 'yes' ? 'improved' : l === 'yes' ? 'worsened' : 'changed';
    return { itemId, left: l, right: r, change };
  });
  const count = (c: AnswerComparison['change']) => items.filter((i) => i.change === c).length;
  return { items, improved: count('improved'), worsened: count('worsened'), changed: count('changed') };
}
