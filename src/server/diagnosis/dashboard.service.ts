import type { TStage } from '../../shared/schemas/diagnosis.schema.ts';
import type { TDashboard } from '../../shared/schemas/roadmap.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { profileComplete } from '../platform/orgs/organisation-profile.rules.ts';
import { listAssessments } from './assessment.repository.ts';
import { nextSteps } from './dashboard.rules.ts';
import { getDiagnosis } from './diagnosis.service.ts';
import { stageRank } from './diagnosis.rules.ts';
import { getRoadmap } from './roadmap.service.ts';
import { getStagesOverview, stageAndDiagnosis, stageDefOf } from './stage.service.ts';

/**
 * Dashboard v1: where the organisation stands (stage and time in it), the
 * latest scores, the next gate and what it still needs, open roadmap tasks,
 * the stage timeline and what to do next. Read-only; composed from the
 * module's other services so every figure is the same one their pages show.
 */
export async function getDashboard(ctx: DataContext, timeZone: string, now: Date): Promise<TDashboard> {
  const { sc, inputs } = await stageAndDiagnosis(ctx, now);
  const [stages, roadmap, diagnosis, profile, assessments] = await ctx.sideBySide(
    () => getStagesOverview(ctx, now, { sc, inputs }),
    () => getRoadmap(ctx, timeZone, now, sc),
    () => getDiagnosis(ctx, { current: sc.state.main.stage, xActive: sc.state.x.active }, inputs),
    () => inputs.profile(),
    () => listAssessments(ctx),
  );
  const currentDef = stageDefOf(sc, sc.state.main.stage);
  const nextDef = currentDef?.nextStage ? stageDefOf(sc, currentDef.nextStage) : null;
  const current = roadmap.stages.filter((s) => s.role === 'current');
  const open = current
    .flatMap((s) => s.items.map((i) => ({ stage: s.stage, i })))
    .filter(({ i }) => !i.task || i.task.open)
    .map(({ stage, i }) => ({
      id: i.task?.id ?? null,
      practiceItemId: i.item.id,
      stage,
      text: i.item.text,
      dueDate: i.task?.dueDate ?? null,
      owner: i.task?.owner?.displayName ?? null,
      status: i.task?.status ?? ('todo' as const),
      overdue: i.task?.overdue ?? false,
    }))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const budget = current.find((s) => s.stage === sc.state.main.stage)?.budget ?? { guide: null, budgetYen: null, status: 'no-guide' as const, version: 0 };
  const diagnostic = diagnosis.checklists.filter((c) => c.diagnostic);
  const steps = nextSteps({
    profileComplete: profileComplete(profile ?? null),
    checklists: diagnostic.map((c) => ({
      id: c.id,
      hasDraft: assessments.some((a) => a.checklistId === c.id && a.status === 'draft'),
      hasSubmitted: c.assessment !== null,
    })),
    gateMissing: stages.gate?.missing.length ?? 0,
    advancePossible: stages.options.main.advance.possible,
    behindDiagnosis: diagnosis.proposedStage !== 'x' && stageRank(diagnosis.proposedStage) > stageRank(sc.state.main.stage),
    openTasks: open.length,
  });
  return {
    profileComplete: profileComplete(profile ?? null),
    stage: {
      current: sc.state.main.stage,
      name: currentDef?.name ?? null,
      time: stages.current.time,
      next: nextDef ? { stage: nextDef.stage, name: nextDef.name } : null,
      gate: stages.gate,
      xActive: sc.state.x.active,
    },
    diagnosis: {
      started: assessments.length > 0,
      complete: diagnosis.complete,
      proposedStage: diagnosis.proposedStage,
      readyForStage: diagnosis.readyForStage,
      highRisks: diagnosis.highRisks.length,
      suggestedActions: diagnosis.suggestedActions.length,
      scores: diagnosis.checklists.map((c) => ({ checklistId: c.id, name: c.name, submittedAt: c.assessment?.submittedAt ?? null, score: c.score })),
    },
    tasks: {
      summary: roadmap.summary,
      open: open.slice(0, 8),
    },
    budget: { stage: sc.state.main.stage as TStage, ...budget },
    timeline: stages.timeline,
    decisions: stages.decisions.map((d) => ({ decidedAt: d.decidedAt, track: d.track, outcome: d.outcome, fromStage: d.fromStage, toStage: d.toStage })),
    nextSteps: steps.map((s) => ({ step: s.step, checklistId: s.checklistId, name: s.checklistId ? (diagnostic.find((c) => c.id === s.checklistId)?.name ?? null) : null })),
    asOf: sc.now.toISOString(),
  };
}

