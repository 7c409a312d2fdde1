import { addDays, type IsoDate } from '../platform/calendar-date.ts';
import type { TDeadlineItem, TOverview } from './overview.schema.ts';
import { DECISION_KINDS, FIGURE_KEYS } from './report.keys.ts';

export { DECISION_KINDS, FIGURE_KEYS };

/**
 * The rules behind the dashboard's and the management report's figures
 * (PRODUCT.md capability 12). The executive's questions, seed 000 VII
 * 「経営者の役割」: where are we, what next, is it safe, what will it cost;
 * the report answers them from the modules' own figures and says what changed
 * since the previous report and what waits for the executive's decision.
 */

/** The days ahead the dashboard lists deadlines for; what is overdue stays listed. */
export const DEADLINE_HORIZON_DAYS = 30;
/** A deadline this close (days) is "due soon". */
export const DUE_SOON_DAYS = 7;
/** The span inspection compliance is counted over. */
export const COMPLIANCE_DAYS = 365;

export interface InspectionFacts {
  standing: 'upcoming' | 'dueSoon' | 'overdue';
  completions: readonly { dueOn: IsoDate; doneOn: IsoDate }[];
}

/**
 * Inspection compliance (seed 004 「運用保守・定期点検と自動化」): of the rounds
 * due in the last twelve months, how many were done by their due day. A round
 * done late counts as due and not on time; a round overdue now (not done yet)
 * counts as due too, so skipping an inspection cannot raise the rate.
 */
export function inspectionCompliance(inspections: readonly InspectionFacts[], today: IsoDate) {
  const since = addDays(today, -COMPLIANCE_DAYS);
  let roundsDue = 0;
  let roundsOnTime = 0;
  for (const i of inspections) {
    for (const c of i.completions) {
      if (c.dueOn <= since || c.dueOn > today) continue;
      roundsDue++;
      if (c.doneOn <= c.dueOn) roundsOnTime++;
    }
    if (i.standing === 'overdue') roundsDue++;
  }
  return {
    inspections: inspections.length,
    dueSoon: inspections.filter((i) => i.standing === 'dueSoon').length,
    overdue: inspections.filter((i) => i.standing === 'overdue').length,
    roundsDue,
    roundsOnTime,
    onTimePercent: roundsDue ? Math.floor((roundsOnTime / roundsDue) * 100) : null,
    since,
  };
}

/** The deadlines of every module in one list: what is overdue first, then by day and instant; with how many are overdue and due within a week. */
export function deadlinesDue(items: readonly TDeadlineItem[], today: IsoDate) {
  const soon = addDays(today, DUE_SOON_DAYS);
  const sorted = [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date) || (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.title.localeCompare(b.title));
  return { horizonDays: DEADLINE_HORIZON_DAYS, items: sorted, overdue: items.filter((i) => i.overdue).length, dueSoon: items.filter((i) => !i.overdue && i.date <= soon).length };
}

export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number | string | null>;

/** Residual ratings the executive must decide on (seed 004 「リスク対応」: treat, transfer, accept). */
const HIGH_LEVELS = new Set(['high', 'critical']);

export function keyFigures(o: TOverview): Figures {
  const residualHigh = o.risks.heatMap.residual.filter((c) => HIGH_LEVELS.has(c.level)).reduce((s, c) => s + c.count, 0);
  return {
    stage: o.stage.current,
    gateMissing: o.stage.gate ? o.stage.gate.missing.length : null,
    tasksOverdue: o.tasks.overdue,
    risks: o.risks.riskCount,
    highRisks: residualHigh,
    inherentAleYen: o.risks.riskCount ? o.risks.simulation.inherent.aleYen : null,
    treatedAleYen: o.risks.riskCount ? o.risks.simulation.treated.aleYen : null,
    deadlinesOverdue: o.deadlines.overdue,
    actionsOpen: o.actions.open,
    actionsOverdue: o.actions.overdue,
    inspectionOnTimePercent: o.inspections.onTimePercent,
    controlsImplementedPercent: o.controls.summary.implementedPercent,
    controlsOverdue: o.controls.summary.overdue,
    costPlanYen: o.costs.review?.planYen ?? null,
    costActualYen: o.costs.review?.actualYen ?? null,
    costVarianceYen: o.costs.review?.varianceYen ?? null,
  };
}

/** The figures that moved since the previous report, in FIGURE_KEYS order; none for a first report. */
export function changesBetween(previous: Partial<Figures> | null, current: Figures) {
  if (!previous) return [];
  return FIGURE_KEYS.flatMap((figure) => {
    const before = previous[figure] ?? null;
    const after = current[figure];
    return before === after ? [] : [{ figure, before, after }];
  });
}

export type DecisionKind = (typeof DECISION_KINDS)[number];

export function decisionsOf(o: TOverview, figures: Figures): { kind: DecisionKind; count: number; path: string }[] {
  const incidentNotices = o.deadlines.items.filter((d) => d.kind === 'incidentNotice' && (d.overdue || d.date <= addDays(o.today, 1))).length;
  const contracts = o.deadlines.items.filter((d) => d.kind === 'contractNotice' || d.kind === 'contractEnd').length;
  const all: [DecisionKind, number, string][] = [
    // seed 000 表4: moving to the next stage is the executive's gate decision, once every gate item is evaluated.
    ['stageGate', o.stage.next && o.stage.gate?.complete ? 1 : 0, '/stages'],
    ['incidentNotice', incidentNotices, '/incidents'],
    ['highRisks', Number(figures.highRisks ?? 0), '/risks'],
    ['costOver', o.costs.review?.status === 'over' ? 1 : 0, '/costs/actuals'],
    // seed 004 five-step plan, step 4: an approved budget plan once the move has begun.
    ['noPlan', o.costs.plan === null && o.stage.current !== '0' ? 1 : 0, '/costs'],
    ['contracts', contracts, '/providers/contracts'],
    ['actionsOverdue', o.actions.overdue, '/corrective-actions'],
    ['controlsOverdue', o.controls.summary.overdue, '/governance/controls'],
    ['inspectionsOverdue', o.inspections.overdue, '/operations'],
  ];
  return all.filter(([, count]) => count > 0).map(([kind, count, path]) => ({ kind, count, path }));
}
