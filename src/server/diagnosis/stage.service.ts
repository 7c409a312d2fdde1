import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../shared/policy.ts';
import type { RecordDecisionRequestSchema, RecordEvaluationRequestSchema, TDecision, TDiagnosis, TEvaluation, TGate, TStagesOverview } from '../../shared/schemas/diagnosis.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { attachEvidence, evidenceBySubject, readEvidenceUpload } from '../platform/evidence/evidence.service.ts';
import type { TEvidenceFile } from '../../shared/schemas/evidence.schema.ts';
import { pgCode } from '../platform/http/app.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { findOrganisation } from '../platform/orgs/organisation.repository.ts';
import { diagnosisInputs, getDiagnosis, type DiagnosisInputs } from './diagnosis.service.ts';
import type { Stage } from './diagnosis.rules.ts';
import { methodologyReader, type Methodology } from './methodology.repository.ts';
import { decisionRecord, findDecision, findEvaluation, insertDecision, insertEvaluation, listDecisions, listEvaluations, trackVersion, type DecisionRow, type EvaluationRow } from './stage.repository.ts';
import {
  advanceTargets,
  gateStatus,
  planDecision,
  stagePeriods,
  stageState,
  stageXReasons,
  timeInStage,
  type EvaluationRecord,
  type GateStatus,
  type Outcome,
  type StageDef,
  type StageState,
  type Track,
} from './stage.rules.ts';

export const EVALUATION_SUBJECT = 'gate-evaluation';
export const DECISION_SUBJECT = 'stage-decision';

const evaluationRecord = (e: EvaluationRow): EvaluationRecord => ({ id: e.id, stage: e.stage as Stage, gateItemId: e.gateItemId, result: e.result as EvaluationRecord['result'], recordedAt: e.recordedAt });

/** Everything the stage pages and the decision rules read, loaded once. */
export interface StageContext {
  model: StageDef[];
  modelCollection: { collectionId: string; version: number; id: string; source: string[] } | null;
  decisions: DecisionRow[];
  evaluations: EvaluationRow[];
  state: StageState;
  startedAt: Date;
  now: Date;
}

/** `now` is the instant the stage's time and the tasks' due dates are read at (the deps' clock). */
export async function stageContext(ctx: DataContext, now: Date, methodology: Methodology = methodologyReader(ctx)): Promise<StageContext> {
  const [model, decisions, evaluations, organisation] = await ctx.sideBySide(() => methodology.stageModel(), () => listDecisions(ctx), () => listEvaluations(ctx), () => findOrganisation(ctx.db, ctx.organisationId));
  const startedAt = organisation?.createdAt ?? now;
  return {
    model: model?.stages ?? [],
    modelCollection: model ? { collectionId: model.collection.collectionId, version: model.collection.version, id: model.collection.id, source: model.collection.source } : null,
    decisions,
    evaluations,
    state: stageState(decisions.map(decisionRecord), startedAt),
    startedAt,
    now,
  };
}

/**
 * What the diagnosis, the dashboard and the report read together: the stage
 * context and the diagnosis' inputs, from one methodology reader, so the
 * shipped catalog is pinned once for both.
 */
export interface StageAndDiagnosis {
  sc: StageContext;
  inputs: DiagnosisInputs;
}

export async function stageAndDiagnosis(ctx: DataContext, now: Date): Promise<StageAndDiagnosis> {
  const methodology = methodologyReader(ctx);
  const sc = await stageContext(ctx, now, methodology);
  return { sc, inputs: await diagnosisInputs(ctx, methodology) };
}

/** The diagnosis as it stands, against the organisation's current stage. */
export async function currentDiagnosis(ctx: DataContext, now: Date): Promise<TDiagnosis> {
  const { sc, inputs } = await stageAndDiagnosis(ctx, now);
  return getDiagnosis(ctx, { current: sc.state.main.stage, xActive: sc.state.x.active }, inputs);
}

export const stageDefOf = (sc: StageContext, stage: Stage) => sc.model.find((s) => s.stage === stage) ?? null;

export function mainGate(sc: StageContext): GateStatus | null {
  const def = stageDefOf(sc, sc.state.main.stage);
  return def ? gateStatus(def, sc.evaluations.map(evaluationRecord), sc.state.main.enteredAt) : null;
}

function xGate(sc: StageContext): GateStatus | null {
  const def = stageDefOf(sc, 'x');
  return def && sc.state.x.active && sc.state.x.enteredAt ? gateStatus(def, sc.evaluations.map(evaluationRecord), sc.state.x.enteredAt) : null;
}

export const presentTime = (t: ReturnType<typeof timeInStage>) => ({
  enteredAt: t.enteredAt.toISOString(),
  daysSpent: t.daysSpent,
  minimumMonths: t.minimumMonths,
  minimumReachedAt: t.minimumReachedAt?.toISOString() ?? null,
  minimumMet: t.minimumMet,
  progress: t.progress,
});

export const mainTime = (sc: StageContext) => timeInStage(sc.state.main.enteredAt, sc.now, stageDefOf(sc, sc.state.main.stage)?.minDurationMonths ?? null);

export const presentPractice = (p: StageDef['practices'][number]) => ({
  id: p.id,
  stage: p.stage,
  practice: p.practice,
  actor: p.actor,
  gateKind: p.gateKind,
  optional: p.optional,
  text: p.text,
  detail: p.detail,
  source: p.source,
});

export const presentStageDef = (s: StageDef) => ({ ...s, practices: s.practices.map(presentPractice), gateItems: s.gateItems.map(presentPractice) });

function presentEvaluation(e: EvaluationRow, evidence: Map<string, TEvidenceFile[]>): TEvaluation {
  return {
    id: e.id,
    stage: e.stage as Stage,
    gateItemId: e.gateItemId,
    result: e.result as TEvaluation['result'],
    summary: e.summary,
    evaluators: e.evaluators,
    recordedAt: e.recordedAt.toISOString(),
    recordedBy: e.recordedByLabel,
    evidence: evidence.get(e.id) ?? [],
  };
}

function presentDecision(d: DecisionRow, evidence: Map<string, TEvidenceFile[]>): TDecision {
  return {
    id: d.id,
    track: d.track as Track,
    seq: d.seq,
    fromStage: d.fromStage as Stage | null,
    toStage: d.toStage as Stage | null,
    outcome: d.outcome as Outcome,
    reason: d.reason,
    thirdPartyName: d.thirdPartyName,
    thirdPartyOpinion: d.thirdPartyOpinion,
    decidedAt: d.decidedAt.toISOString(),
    decidedBy: d.decidedByLabel,
    basis: d.basis as TDecision['basis'],
    evidence: evidence.get(d.id) ?? [],
  };
}

function presentGate(gate: GateStatus | null, evaluations: Map<string, TEvaluation>): TGate | null {
  if (!gate) return null;
  return {
    stage: gate.stage,
    items: gate.items.map((i) => ({ item: presentPractice(i.item), required: i.required, latest: i.latest ? (evaluations.get(i.latest.id) ?? null) : null })),
    missing: gate.missing,
    unfavourable: gate.unfavourable,
    complete: gate.complete,
  };
}

/** The stages screen; a screen that shows more (the dashboard, the report) passes what it has already read. */
export async function getStagesOverview(ctx: DataContext, now: Date, preloaded?: StageAndDiagnosis): Promise<TStagesOverview> {
  const { sc, inputs: diagnosis } = preloaded ?? (await stageAndDiagnosis(ctx, now));
  const [profile, evaluationEvidence, decisionEvidence] = await ctx.sideBySide(
    () => diagnosis.profile(),
    () => evidenceBySubject(ctx.db, ctx.organisationId, EVALUATION_SUBJECT, sc.evaluations.map((e) => e.id)),
    () => evidenceBySubject(ctx.db, ctx.organisationId, DECISION_SUBJECT, sc.decisions.map((d) => d.id)),
  );
  const evaluations = sc.evaluations.map((e) => presentEvaluation(e, evaluationEvidence));
  const byId = new Map(evaluations.map((e) => [e.id, e]));
  const gate = mainGate(sc);
  const proposedStage = diagnosis.result.proposedStage;
  const option = (track: Track, outcome: Outcome) => {
    const plan = planDecision({ track, outcome }, { state: sc.state, model: sc.model, proposedStage, gate });
    return plan.ok ? { possible: true, code: null, toStage: plan.toStage } : { possible: false, code: plan.code, toStage: null };
  };
  const outcomes: Outcome[] = ['advance', 'stay', 'step-back'];
  const xDef = stageDefOf(sc, 'x');
  return {
    modelAvailable: sc.model.length > 0,
    stageModel: sc.modelCollection ? { collectionId: sc.modelCollection.collectionId, version: sc.modelCollection.version, source: sc.modelCollection.source } : null,
    stages: sc.model.map(presentStageDef),
    current: { stage: sc.state.main.stage, enteredAt: sc.state.main.enteredAt.toISOString(), time: presentTime(mainTime(sc)), version: sc.state.main.version },
    x: {
      active: sc.state.x.active,
      enteredAt: sc.state.x.enteredAt?.toISOString() ?? null,
      version: sc.state.x.version,
      available: !!xDef && xDef.runsAlongside.includes(sc.state.main.stage),
      runsAlongside: xDef?.runsAlongside ?? [],
      reasons: stageXReasons(profile ?? null),
      time: sc.state.x.active && sc.state.x.enteredAt ? presentTime(timeInStage(sc.state.x.enteredAt, sc.now, xDef?.minDurationMonths ?? null)) : null,
    },
    gate: presentGate(gate, byId),
    xGate: presentGate(xGate(sc), byId),
    diagnosis: {
      proposedStage,
      readyForStage: diagnosis.result.readyForStage,
      complete: diagnosis.lists.every((l) => l.assessment !== null),
    },
    advanceTargets: advanceTargets({ state: sc.state, model: sc.model, proposedStage }),
    options: {
      main: Object.fromEntries(outcomes.map((o) => [o, option('main', o)])) as TStagesOverview['options']['main'],
      x: Object.fromEntries(outcomes.map((o) => [o, option('x', o)])) as TStagesOverview['options']['x'],
    },
    evaluations,
    decisions: [...sc.decisions].reverse().map((d) => presentDecision(d, decisionEvidence)),
    timeline: stagePeriods(sc.decisions.map(decisionRecord), sc.startedAt).map((p) => ({ track: p.track, stage: p.stage, from: p.from.toISOString(), to: p.to?.toISOString() ?? null })),
    can: { evaluate: can(ctx.role, 'gate.evaluate'), decide: can(ctx.role, 'gate.decide') },
  };
}

/**
 * An evaluation of a gate item of the stage the organisation is in (or of
 * stage X while it is under way), by the people the seed names (経営者及び
 * クラウド管理者; a third party where needed). Append-only.
 */
export async function recordEvaluation(ctx: DataContext, auth: OrgAuthContext, input: z.output<typeof RecordEvaluationRequestSchema>, now: Date): Promise<TEvaluation> {
  return ctx.transaction(async (tx) => {
    const sc = await stageContext(tx, now);
    const item = sc.model.flatMap((s) => s.gateItems).find((g) => g.id === input.gateItemId && g.gateKind !== 'decision');
    if (!item) throw new HttpProblem(400, 'validation', {}, [{ path: 'gateItemId', code: 'gateItemUnknown' }]);
    const open = [sc.state.main.stage as Stage, ...(sc.state.x.active ? (['x'] as Stage[]) : [])];
    if (!open.includes(item.stage)) throw new HttpProblem(409, 'gateItemNotCurrent', { stage: item.stage });
    const row = await insertEvaluation(tx, {
      stage: item.stage,
      gateItemId: item.id,
      result: input.result,
      summary: input.summary,
      evaluators: input.evaluators,
      recordedBy: tx.userId,
      recordedByLabel: auth.user.displayName,
    });
    await tx.audit({
      action: 'gate.evaluate',
      entityType: 'gate-evaluation',
      entityId: row.id,
      after: { stage: row.stage, gateItemId: row.gateItemId, result: row.result, evaluators: row.evaluators },
    });
    return presentEvaluation(row, new Map());
  });
}

/**
 * The executive's decision at a gate (seed 000 II.6 評価・決断): advance, stay
 * or step back, with a reason and, where needed, a third party's opinion. It
 * moves the stage (the current stage is always the newest decision's) and
 * keeps what it relied on: the diagnosis, the gate and the time in stage.
 */
export async function recordDecision(ctx: DataContext, auth: OrgAuthContext, input: z.output<typeof RecordDecisionRequestSchema>, now: Date): Promise<TDecision> {
  try {
    return await ctx.transaction(async (tx) => {
      const methodology = methodologyReader(tx);
      const sc = await stageContext(tx, now, methodology);
      if (!sc.model.length) throw new HttpProblem(409, 'stageModelMissing');
      const current = input.track === 'main' ? sc.state.main.version : sc.state.x.version;
      if (current !== input.version || (await trackVersion(tx, input.track)) !== input.version) throw new HttpProblem(409, 'conflict');
      const diagnosis = await diagnosisInputs(tx, methodology);
      const gate = mainGate(sc);
      const plan = planDecision({ track: input.track, outcome: input.outcome, toStage: input.toStage ?? null }, { state: sc.state, model: sc.model, proposedStage: diagnosis.result.proposedStage, gate });
      if (!plan.ok) {
        const params = { ...plan.params, ...(plan.code === 'gateIncomplete' ? { count: gate?.missing.length ?? 0 } : {}) };
        throw new HttpProblem(409, plan.code, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.length : v])));
      }
      const time = input.track === 'main' ? mainTime(sc) : null;
      const basis: TDecision['basis'] = {
        proposedStage: diagnosis.result.proposedStage,
        diagnosisComplete: diagnosis.lists.every((l) => l.assessment !== null),
        gateComplete: input.track === 'main' ? (gate?.complete ?? null) : null,
        gateMissing: input.track === 'main' ? (gate?.missing ?? []) : [],
        minimumMet: time?.minimumMet ?? null,
        daysInStage: time?.daysSpent ?? null,
        assessments: diagnosis.lists
          .filter((l) => l.assessment)
          .map((l) => ({ id: l.assessment!.id, checklistId: l.model.id, yes: l.answers.filter((a) => a.answer === 'yes').length, total: l.model.questions.length })),
        stageModelVersion: sc.modelCollection?.version ?? null,
      };
      const row = await insertDecision(tx, {
        track: input.track,
        seq: input.version + 1,
        fromStage: plan.fromStage,
        toStage: plan.toStage,
        outcome: input.outcome,
        reason: input.reason,
        thirdPartyName: input.thirdPartyName || null,
        thirdPartyOpinion: input.thirdPartyOpinion || null,
        decidedBy: tx.userId,
        decidedByLabel: auth.user.displayName,
        stageModelVersionId: sc.modelCollection?.id ?? null,
        basis,
      });
      await tx.audit({
        action: 'gate.decide',
        entityType: 'stage-decision',
        entityId: row.id,
        before: { track: row.track, stage: row.fromStage },
        after: { track: row.track, stage: row.toStage, outcome: row.outcome, reason: row.reason, thirdPartyName: row.thirdPartyName },
      });
      return presentDecision(row, new Map());
    });
  } catch (error) {
    // Someone else decided on the same track meanwhile: (organisation, track, seq) is taken.
    if (pgCode(error) === '23505') throw new HttpProblem(409, 'conflict');
    throw error;
  }
}

async function gateRecordUpload(ctx: DataContext, auth: OrgAuthContext, subjectType: string, find: (ctx: DataContext) => Promise<{ id: string } | undefined>, req: FastifyRequest, maxBytes: number) {
  if (!(await find(ctx))) throw new HttpProblem(404, 'notFound');
  const upload = await readEvidenceUpload(req, maxBytes);
  return ctx.transaction(async (tx) => {
    const id = (await find(tx))?.id;
    if (!id) throw new HttpProblem(404, 'notFound');
    return attachEvidence(tx.db, auth, { type: subjectType, id }, upload);
  });
}

/** Evidence of a gate evaluation (minutes, a report): added to the record, which itself never changes. */
export function uploadEvaluationEvidence(ctx: DataContext, auth: OrgAuthContext, evaluationId: string, req: FastifyRequest, maxBytes: number) {
  return gateRecordUpload(ctx, auth, EVALUATION_SUBJECT, (c) => findEvaluation(c, evaluationId), req, maxBytes);
}

/** Evidence of a decision (board minutes, a third party's written opinion). */
export function uploadDecisionEvidence(ctx: DataContext, auth: OrgAuthContext, decisionId: string, req: FastifyRequest, maxBytes: number) {
  return gateRecordUpload(ctx, auth, DECISION_SUBJECT, (c) => findDecision(c, decisionId), req, maxBytes);
}
