/**
 * Stages, gates and the roadmap, as pure functions: the stage model from the
 * catalog, the current stage from the decisions recorded, time in stage
 * against the minimum duration, the budget against the guide, gate
 * completeness and which decisions are possible. Everything that varies
 * (durations, budgets, next stages, which gate items count) is catalog data
 * (`urn:kumoji:seed-000:stages`), never a constant here.
 *
 * Seed 000 II.5.2 / II.6:
 * - stages 0-4 and X; each should last at least a year, stages 0, 1 and X
 *   about half a year (表4 の注記);
 * - a stage ends with its 評価・決断 (gate): evaluation items recorded,
 *   a third party where needed, then the executive's decision;
 * - stage X (sensitive work) is carried out during stages 3-4.
 */
import { stageRank, type CatalogItemLike, type Stage, type Text } from './diagnosis.rules.ts';

export type Track = 'main' | 'x';
export type Outcome = 'advance' | 'stay' | 'step-back';
export const MAIN_STAGES = ['0', '1', '2', '3', '4'] as const;
export type MainStage = (typeof MAIN_STAGES)[number];
export const PRACTICE_AREAS = ['policy', 'target', 'provider', 'backup', 'trouble', 'audit'] as const;
export type PracticeArea = (typeof PRACTICE_AREAS)[number] | 'gate';
export type GateKind = 'evaluation' | 'third-party' | 'decision';
export type EvaluationResult = 'satisfactory' | 'concerns' | 'unsatisfactory';

export interface PracticeDef {
  id: string;
  stage: Stage;
  practice: PracticeArea;
  actor: string | null;
  gateKind: GateKind | null;
  optional: boolean;
  text: Text;
  detail: Text | null;
  source: string[];
}

export interface StageDef {
  id: string;
  stage: Stage;
  name: Text;
  detail: Text | null;
  remarks: Text | null;
  minDurationMonths: number | null;
  budget: { minYen: number; maxYen: number } | null;
  nextStage: Stage | null;
  runsAlongside: Stage[];
  source: string[];
  /** The practice items (policy … audit), in catalog order. */
  practices: PracticeDef[];
  /** The gate (評価・決断) items, in catalog order. */
  gateItems: PracticeDef[];
}

const isStage = (v: unknown): v is Stage => typeof v === 'string' && ['0', '1', '2', '3', '4', 'x'].includes(v);
const isMainStage = (v: unknown): v is MainStage => typeof v === 'string' && (MAIN_STAGES as readonly string[]).includes(v);
const isText = (v: unknown): v is Text => !!v && typeof v === 'object' && typeof (v as Text).ja === 'string' && typeof (v as Text).en === 'string';
const pairOf = (ja: string | null, en: string | null): Text | null => (ja !== null && en !== null ? { ja, en } : null);

/** The stage model of one stored version of a `stage-model` collection, stages in rank order (X last). */
export function stageModelFromItems(items: readonly CatalogItemLike[]): StageDef[] {
  const stages = new Map<string, StageDef>();
  for (const item of items) {
    const a = item.attributes;
    if (a.kind !== 'stage' || !isStage(a.stage)) continue;
    const min = typeof a.budgetMinYen === 'number' ? a.budgetMinYen : null;
    const max = typeof a.budgetMaxYen === 'number' ? a.budgetMaxYen : null;
    stages.set(item.itemId, {
      id: item.itemId,
      stage: a.stage,
      name: { ja: item.ja, en: item.en },
      detail: pairOf(item.detailJa, item.detailEn),
      remarks: isText(a.remarks) ? a.remarks : null,
      minDurationMonths: typeof a.minDurationMonths === 'number' ? a.minDurationMonths : null,
      budget: min !== null && max !== null ? { minYen: min, maxYen: max } : null,
      nextStage: isStage(a.nextStage) ? a.nextStage : null,
      runsAlongside: Array.isArray(a.runsAlongside) ? a.runsAlongside.filter(isStage) : [],
      source: item.source,
      practices: [],
      gateItems: [],
    });
  }
  for (const item of items) {
    const a = item.attributes;
    const stage = item.parentId ? stages.get(item.parentId) : undefined;
    if (a.kind !== 'practice' || !stage || typeof a.practice !== 'string') continue;
    const def: PracticeDef = {
      id: item.itemId,
      stage: stage.stage,
      practice: a.practice as PracticeArea,
      actor: typeof a.actor === 'string' ? a.actor : null,
      gateKind: a.gateKind === 'evaluation' || a.gateKind === 'third-party' || a.gateKind === 'decision' ? a.gateKind : null,
      optional: a.optional === true,
      text: { ja: item.ja, en: item.en },
      detail: pairOf(item.detailJa, item.detailEn),
      source: item.source,
    };
    (def.practice === 'gate' ? stage.gateItems : stage.practices).push(def);
  }
  return [...stages.values()].sort((x, y) => (x.stage === 'x' ? 1 : y.stage === 'x' ? -1 : stageRank(x.stage) - stageRank(y.stage)));
}

// ---------------------------------------------------------------------------
// The current stage is the last gate passed: read from the decisions, never guessed.
// ---------------------------------------------------------------------------

export interface DecisionRecord {
  track: Track;
  seq: number;
  fromStage: Stage | null;
  toStage: Stage | null;
  outcome: Outcome;
  decidedAt: Date;
}

export interface StageState {
  main: { stage: MainStage; enteredAt: Date; version: number };
  x: { active: boolean; enteredAt: Date | null; version: number };
}

/**
 * Before any decision an organisation is at stage 0 (seed 表4: "ここでは検討のみ
 * 導入はしない"), since it started using Kumoji. A "stay" does not restart the
 * time in stage; an advance or a step back does. `version` is the newest
 * decision's seq on each track (0 without one): a decision must name it.
 */
export function stageState(decisions: readonly DecisionRecord[], startedAt: Date): StageState {
  const state: StageState = { main: { stage: '0', enteredAt: startedAt, version: 0 }, x: { active: false, enteredAt: null, version: 0 } };
  for (const d of [...decisions].sort((a, b) => a.seq - b.seq)) {
    if (d.track === 'main') {
      if (isMainStage(d.toStage) && d.toStage !== state.main.stage) state.main = { stage: d.toStage, enteredAt: d.decidedAt, version: d.seq };
      else state.main.version = d.seq;
    } else {
      const active = d.toStage === 'x';
      if (active !== state.x.active) state.x = { active, enteredAt: active ? d.decidedAt : null, version: d.seq };
      else state.x.version = d.seq;
    }
  }
  return state;
}

export interface StagePeriod {
  track: Track;
  stage: Stage;
  from: Date;
  /** null while it lasts. */
  to: Date | null;
}

/** The stage history as periods, oldest first, for the timeline. */
export function stagePeriods(decisions: readonly DecisionRecord[], startedAt: Date): StagePeriod[] {
  const periods: StagePeriod[] = [{ track: 'main', stage: '0', from: startedAt, to: null }];
  let main = periods[0];
  let x: StagePeriod | null = null;
  const inTime = [...decisions].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.seq - b.seq);
  for (const d of inTime) {
    if (d.track === 'main') {
      if (!isMainStage(d.toStage) || d.toStage === main.stage) continue;
      main.to = d.decidedAt;
      main = { track: 'main', stage: d.toStage, from: d.decidedAt, to: null };
      periods.push(main);
    } else if (d.toStage === 'x' && !x) {
      x = { track: 'x', stage: 'x', from: d.decidedAt, to: null };
      periods.push(x);
    } else if (d.toStage !== 'x' && x) {
      x.to = d.decidedAt;
      x = null;
    }
  }
  return periods;
}

const DAY = 86_400_000;

/** Calendar months later, the day clamped to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(date);
  d.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return d;
}

export interface TimeInStage {
  enteredAt: Date;
  daysSpent: number;
  minimumMonths: number | null;
  /** When the minimum duration is reached (null without a minimum). */
  minimumReachedAt: Date | null;
  minimumMet: boolean;
  /** Share of the minimum spent, 0…1 (1 without a minimum). */
  progress: number;
}

/** Seed 000 II.5.2: at least a year per stage, about half a year for 0, 1 and X (from the catalog). */
export function timeInStage(enteredAt: Date, now: Date, minimumMonths: number | null): TimeInStage {
  const daysSpent = Math.max(0, Math.floor((now.getTime() - enteredAt.getTime()) / DAY));
  if (minimumMonths === null || minimumMonths <= 0) {
    return { enteredAt, daysSpent, minimumMonths, minimumReachedAt: null, minimumMet: true, progress: 1 };
  }
  const reached = addMonths(enteredAt, minimumMonths);
  const total = reached.getTime() - enteredAt.getTime();
  const spent = Math.max(0, now.getTime() - enteredAt.getTime());
  return { enteredAt, daysSpent, minimumMonths, minimumReachedAt: reached, minimumMet: now.getTime() >= reached.getTime(), progress: Math.min(1, spent / total) };
}

export type BudgetStatus = 'no-guide' | 'not-entered' | 'below' | 'within' | 'above';

/** Seed 000 II.6.2-6.3: stage 1 about 0.5-1 million yen, stage 2 about 1-5 million yen (the guide is catalog data). */
export function budgetCheck(budgetYen: number | null, guide: StageDef['budget']): BudgetStatus {
  if (!guide) return 'no-guide';
  if (budgetYen === null) return 'not-entered';
  if (budgetYen < guide.minYen) return 'below';
  if (budgetYen > guide.maxYen) return 'above';
  return 'within';
}

export interface EvaluationRecord {
  id: string;
  stage: Stage;
  gateItemId: string;
  result: EvaluationResult;
  recordedAt: Date;
}

export interface GateItemStatus {
  item: PracticeDef;
  /** Must be recorded before an advance: evaluation items that are not optional. */
  required: boolean;
  /** The newest evaluation recorded since the stage was entered. */
  latest: EvaluationRecord | null;
}

export interface GateStatus {
  stage: Stage;
  items: GateItemStatus[];
  /** Required items without an evaluation since the stage was entered. */
  missing: string[];
  /** Items whose newest evaluation is not satisfactory: the decider should read them. */
  unfavourable: string[];
  complete: boolean;
}

/**
 * A gate is complete when each required evaluation item has an evaluation
 * recorded since the organisation entered the stage (evaluations from an
 * earlier time in the same stage do not count). The decision items are
 * what the decision itself records; third-party items are "必要に応じて".
 */
export function gateStatus(stage: StageDef, evaluations: readonly EvaluationRecord[], enteredAt: Date): GateStatus {
  const items = stage.gateItems
    .filter((item) => item.gateKind !== 'decision')
    .map((item): GateItemStatus => {
      const latest =
        evaluations
          .filter((e) => e.gateItemId === item.id && e.recordedAt.getTime() >= enteredAt.getTime())
          .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime())[0] ?? null;
      return { item, required: item.gateKind === 'evaluation' && !item.optional, latest };
    });
  const missing = items.filter((i) => i.required && !i.latest).map((i) => i.item.id);
  const unfavourable = items.filter((i) => i.latest && i.latest.result !== 'satisfactory').map((i) => i.item.id);
  return { stage: stage.stage, items, missing, unfavourable, complete: missing.length === 0 };
}

// ---------------------------------------------------------------------------
// Which decisions are possible.
// ---------------------------------------------------------------------------

export interface DecisionRequest {
  track: Track;
  outcome: Outcome;
  /** For an advance past the next stage (up to the proposed stage) or a step back of more than one. */
  toStage?: Stage | null;
}

export type DecisionPlan =
  | { ok: true; fromStage: Stage | null; toStage: Stage | null }
  | { ok: false; code: DecisionProblemCode; params?: Record<string, unknown> };

export type DecisionProblemCode =
  | 'stageNoNext'
  | 'stageTargetInvalid'
  | 'gateIncomplete'
  | 'stageNoPrevious'
  | 'stageXNotAvailable'
  | 'stageXAlreadyActive'
  | 'stageXNotActive';

export interface DecisionContext {
  state: StageState;
  model: readonly StageDef[];
  /** The diagnosis's proposed stage: an advance may catch up with it in one decision. */
  proposedStage: Stage | null;
  /** The gate of the current main stage. */
  gate: GateStatus | null;
}

const stageDef = (model: readonly StageDef[], stage: Stage) => model.find((s) => s.stage === stage) ?? null;

/**
 * Main track: an advance goes to the next stage — or, when the diagnosis
 * proposes a higher stage than the organisation has recorded, up to that
 * stage in one decision — and needs the current gate complete; "stay" keeps
 * the stage; a step back goes to the previous stage or any lower one named.
 * Track X: stage X starts only while the main stage is one it runs alongside
 * (seed: "実施は第3～4の段階で実施する"), and a step back ends it.
 */
export function planDecision(request: DecisionRequest, ctx: DecisionContext): DecisionPlan {
  const { state, model } = ctx;
  if (request.track === 'x') {
    const xDef = stageDef(model, 'x');
    if (request.outcome === 'advance') {
      if (state.x.active) return { ok: false, code: 'stageXAlreadyActive' };
      if (!xDef || !xDef.runsAlongside.includes(state.main.stage)) {
        return { ok: false, code: 'stageXNotAvailable', params: { stages: (xDef?.runsAlongside ?? []).join(', ') } };
      }
      return { ok: true, fromStage: null, toStage: 'x' };
    }
    if (!state.x.active) return { ok: false, code: 'stageXNotActive' };
    return request.outcome === 'stay' ? { ok: true, fromStage: 'x', toStage: 'x' } : { ok: true, fromStage: 'x', toStage: null };
  }

  const current = state.main.stage;
  const wanted = request.toStage ?? null;
  if (request.outcome === 'stay') {
    if (wanted !== null && wanted !== current) return { ok: false, code: 'stageTargetInvalid', params: { stage: wanted } };
    return { ok: true, fromStage: current, toStage: current };
  }
  if (request.outcome === 'step-back') {
    if (current === '0') return { ok: false, code: 'stageNoPrevious' };
    const target = wanted ?? (String(stageRank(current) - 1) as Stage);
    if (!isMainStage(target) || stageRank(target) >= stageRank(current)) return { ok: false, code: 'stageTargetInvalid', params: { stage: target } };
    return { ok: true, fromStage: current, toStage: target };
  }
  const next = stageDef(model, current)?.nextStage ?? null;
  if (!next || !isMainStage(next)) return { ok: false, code: 'stageNoNext' };
  const target = wanted ?? next;
  const ceiling = ctx.proposedStage && isMainStage(ctx.proposedStage) && stageRank(ctx.proposedStage) > stageRank(next) ? ctx.proposedStage : next;
  if (!isMainStage(target) || stageRank(target) < stageRank(next) || stageRank(target) > stageRank(ceiling)) {
    return { ok: false, code: 'stageTargetInvalid', params: { stage: target } };
  }
  if (ctx.gate && !ctx.gate.complete) return { ok: false, code: 'gateIncomplete', params: { missing: ctx.gate.missing } };
  return { ok: true, fromStage: current, toStage: target };
}

/** The advance targets the decision form may offer (next stage, up to the proposed stage). */
export function advanceTargets(ctx: Omit<DecisionContext, 'gate'>): MainStage[] {
  const current = ctx.state.main.stage;
  const next = stageDef(ctx.model, current)?.nextStage ?? null;
  if (!next || !isMainStage(next)) return [];
  const top = ctx.proposedStage && isMainStage(ctx.proposedStage) && stageRank(ctx.proposedStage) > stageRank(next) ? stageRank(ctx.proposedStage) : stageRank(next);
  return MAIN_STAGES.filter((s) => stageRank(s) >= stageRank(next) && stageRank(s) <= top);
}

// ---------------------------------------------------------------------------
// The roadmap: the current and next stage, and stage X beside stages 3-4.
// ---------------------------------------------------------------------------

export type RoadmapRole = 'current' | 'next' | 'alongside';

/** Which stages the roadmap shows: the current stage, the next one, and X when it is under way or may start. */
export function roadmapStages(state: StageState, model: readonly StageDef[]): { stage: Stage; role: RoadmapRole }[] {
  const out: { stage: Stage; role: RoadmapRole }[] = [{ stage: state.main.stage, role: 'current' }];
  const next = stageDef(model, state.main.stage)?.nextStage;
  if (next && stageDef(model, next)) out.push({ stage: next, role: 'next' });
  const x = stageDef(model, 'x');
  if (x && (state.x.active || x.runsAlongside.includes(state.main.stage) || (next && x.runsAlongside.includes(next)))) {
    out.push({ stage: 'x', role: state.x.active ? 'current' : 'alongside' });
  }
  return out;
}

export type TaskStatus = 'todo' | 'in-progress' | 'done' | 'not-applicable';

/** Open (to do or under way) and overdue (open, due before today; dates are yyyy-mm-dd in the organisation's zone). */
export function taskFlags(task: { status: TaskStatus; dueDate: string | null }, today: string): { open: boolean; overdue: boolean } {
  const open = task.status === 'todo' || task.status === 'in-progress';
  return { open, overdue: open && task.dueDate !== null && task.dueDate < today };
}

export type StageXReason = 'personalData' | 'sensitivePersonalData' | 'euResidentsData' | 'financialSector';

/** Seed 000 II.6.6: personal, customer and financial work is stage X work; the profile says whether the organisation has it. */
export function stageXReasons(profile: {
  handlesPersonalData: boolean;
  handlesSensitivePersonalData: boolean;
  handlesEuResidentsData: boolean;
  financialSector: boolean;
} | null): StageXReason[] {
  if (!profile) return [];
  const reasons: StageXReason[] = [];
  if (profile.handlesPersonalData) reasons.push('personalData');
  if (profile.handlesSensitivePersonalData) reasons.push('sensitivePersonalData');
  if (profile.handlesEuResidentsData) reasons.push('euResidentsData');
  if (profile.financialSector) reasons.push('financialSector');
  return reasons;
}
