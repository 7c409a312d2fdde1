import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../shared/policy.ts';
import type { CreateTaskRequestSchema, SetBudgetRequestSchema, TRoadmap, TTask, UpdateTaskRequestSchema } from '../../shared/schemas/roadmap.schema.ts';
import type { TEvidenceFile } from '../../shared/schemas/evidence.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { attachEvidence, detachEvidence, evidenceBySubject, readEvidenceUpload } from '../platform/evidence/evidence.service.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { listMembers } from '../platform/orgs/organisation.repository.ts';
import type { Stage } from './diagnosis.rules.ts';
import { findTask, insertTask, listBudgets, listTasks, saveBudget, updateTask, type TaskFields, type TaskRow } from './roadmap.repository.ts';
import { mainTime, presentPractice, presentTime, stageContext, stageDefOf, type StageContext } from './stage.service.ts';
import { budgetCheck, roadmapStages, taskFlags, timeInStage, type TaskStatus } from './stage.rules.ts';

export const TASK_SUBJECT = 'roadmap-task';

/** Today as yyyy-mm-dd in the user's time zone (a task due today is not overdue until tomorrow there). */
export function todayIn(timeZone: string, now: Date): string {
  const format = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(timeZone);
  } catch {
    return format('Asia/Tokyo');
  }
}

type Member = { userId: string; displayName: string };

function presentTask(t: TaskRow, members: readonly Member[], evidence: Map<string, TEvidenceFile[]>, today: string): TTask {
  const owner = t.ownerUserId ? (members.find((m) => m.userId === t.ownerUserId) ?? null) : null;
  return {
    id: t.id,
    stage: t.stage as Stage,
    practiceItemId: t.practiceItemId,
    owner: owner ? { userId: owner.userId, displayName: owner.displayName } : null,
    dueDate: t.dueDate,
    status: t.status as TaskStatus,
    note: t.note,
    updatedAt: t.updatedAt.toISOString(),
    updatedBy: t.updatedBy ? (members.find((m) => m.userId === t.updatedBy)?.displayName ?? null) : null,
    version: t.version,
    ...taskFlags({ status: t.status as TaskStatus, dueDate: t.dueDate }, today),
    evidence: evidence.get(t.id) ?? [],
  };
}

/**
 * The roadmap: the practice items (seed 000 II.6: policy, target work,
 * provider selection, backup, trouble handling, audit) of the current and
 * the next stage — and of stage X beside stages 3-4 — as tasks, with the
 * time spent against the minimum and the budget against the guide.
 */
export async function getRoadmap(ctx: DataContext, timeZone: string, now: Date, preloaded?: StageContext): Promise<TRoadmap> {
  const sc = preloaded ?? (await stageContext(ctx, now));
  const [tasks, budgets, members] = await ctx.sideBySide(() => listTasks(ctx), () => listBudgets(ctx), () => listMembers(ctx.db, ctx.organisationId));
  const evidence = await evidenceBySubject(ctx.db, ctx.organisationId, TASK_SUBJECT, tasks.map((t) => t.id));
  const today = todayIn(timeZone, sc.now);
  const shown = roadmapStages(sc.state, sc.model);
  const stages = shown.flatMap(({ stage, role }) => {
    const def = stageDefOf(sc, stage);
    if (!def) return [];
    const budget = budgets.find((b) => b.stage === stage);
    const time =
      role !== 'current'
        ? null
        : stage === 'x'
          ? sc.state.x.enteredAt
            ? presentTime(timeInStage(sc.state.x.enteredAt, sc.now, def.minDurationMonths))
            : null
          : presentTime(mainTime(sc));
    return [
      {
        stage,
        role,
        name: def.name,
        detail: def.detail,
        minDurationMonths: def.minDurationMonths,
        time,
        budget: { guide: def.budget, budgetYen: budget?.budgetYen ?? null, status: budgetCheck(budget?.budgetYen ?? null, def.budget), version: budget?.version ?? 0 },
        items: def.practices.map((p) => {
          const task = tasks.find((t) => t.practiceItemId === p.id);
          return { item: presentPractice(p), task: task ? presentTask(task, members, evidence, today) : null };
        }),
      },
    ];
  });
  const presented = stages.flatMap((s) => s.items.map((i) => i.task)).filter((t): t is TTask => t !== null);
  const itemCount = stages.reduce((n, s) => n + s.items.length, 0);
  return {
    modelAvailable: sc.model.length > 0,
    currentStage: sc.state.main.stage,
    stages,
    summary: {
      total: itemCount,
      // An item without a task is still to do.
      open: itemCount - presented.filter((t) => !t.open).length,
      overdue: presented.filter((t) => t.overdue).length,
      done: presented.filter((t) => t.status === 'done').length,
      notApplicable: presented.filter((t) => t.status === 'not-applicable').length,
    },
    members: members.map((m) => ({ userId: m.userId, displayName: m.displayName })),
    can: { updateTasks: can(ctx.role, 'roadmap.update'), setBudget: can(ctx.role, 'budget.update') },
  };
}

async function checkOwner(ctx: DataContext, ownerUserId: string | null | undefined) {
  if (!ownerUserId) return;
  const members = await listMembers(ctx.db, ctx.organisationId);
  if (!members.some((m) => m.userId === ownerUserId)) throw new HttpProblem(400, 'validation', {}, [{ path: 'ownerUserId', code: 'notAMember' }]);
}

async function presentOne(ctx: DataContext, row: TaskRow, timeZone: string, now: Date) {
  const [members, evidence] = await ctx.sideBySide(() => listMembers(ctx.db, ctx.organisationId), () => evidenceBySubject(ctx.db, ctx.organisationId, TASK_SUBJECT, [row.id]));
  return presentTask(row, members, evidence, todayIn(timeZone, now));
}

/** A practice item becomes a task when someone first gives it an owner, a date or a status. */
export async function createTask(ctx: DataContext, input: z.output<typeof CreateTaskRequestSchema>, timeZone: string, now: Date): Promise<TTask> {
  return ctx.transaction(async (tx) => {
    const sc = await stageContext(tx, now);
    const item = sc.model.flatMap((s) => s.practices).find((p) => p.id === input.practiceItemId);
    if (!item) throw new HttpProblem(400, 'validation', {}, [{ path: 'practiceItemId', code: 'practiceItemUnknown' }]);
    await checkOwner(tx, input.ownerUserId);
    const fields: TaskFields = { ownerUserId: input.ownerUserId ?? null, dueDate: input.dueDate ?? null, status: input.status ?? 'todo', note: input.note || null };
    const row = await insertTask(tx, { stage: item.stage, practiceItemId: item.id, ...fields, createdBy: tx.userId, updatedBy: tx.userId });
    if (!row) throw new HttpProblem(409, 'taskExists');
    await tx.audit({ action: 'roadmap.task-create', entityType: 'roadmap-task', entityId: row.id, after: { practiceItemId: item.id, stage: item.stage, ...fields } });
    return presentOne(tx, row, timeZone, now);
  });
}

export async function editTask(ctx: DataContext, taskId: string, input: z.output<typeof UpdateTaskRequestSchema>, timeZone: string, now: Date): Promise<TTask> {
  return ctx.transaction(async (tx) => {
    const before = await findTask(tx, taskId);
    if (!before) throw new HttpProblem(404, 'notFound');
    if (before.version !== input.version) throw new HttpProblem(409, 'conflict');
    await checkOwner(tx, input.ownerUserId);
    const fields: TaskFields = {
      ownerUserId: input.ownerUserId === undefined ? before.ownerUserId : input.ownerUserId,
      dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
      status: input.status ?? before.status,
      note: input.note === undefined ? before.note : input.note || null,
    };
    const row = await updateTask(tx, taskId, input.version, fields);
    if (!row) throw new HttpProblem(409, 'conflict');
    const pick = (t: TaskFields) => ({ ownerUserId: t.ownerUserId, dueDate: t.dueDate, status: t.status, note: t.note });
    await tx.audit({ action: 'roadmap.task-update', entityType: 'roadmap-task', entityId: row.id, before: pick(before), after: pick(row) });
    return presentOne(tx, row, timeZone, now);
  });
}

export async function uploadTaskEvidence(ctx: DataContext, auth: OrgAuthContext, taskId: string, req: FastifyRequest, maxBytes: number) {
  if (!(await findTask(ctx, taskId))) throw new HttpProblem(404, 'notFound');
  const upload = await readEvidenceUpload(req, maxBytes);
  return ctx.transaction(async (tx) => {
    if (!(await findTask(tx, taskId))) throw new HttpProblem(404, 'notFound');
    return attachEvidence(tx.db, auth, { type: TASK_SUBJECT, id: taskId }, upload);
  });
}

export async function removeTaskEvidence(ctx: DataContext, auth: OrgAuthContext, taskId: string, evidenceId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await findTask(tx, taskId))) throw new HttpProblem(404, 'notFound');
    await detachEvidence(tx.db, auth, { type: TASK_SUBJECT, id: taskId }, evidenceId);
  });
}

/** The budget the organisation plans for a stage, against the seed's guide (II.6.2-6.3). */
export async function setBudget(ctx: DataContext, input: z.output<typeof SetBudgetRequestSchema>, now: Date) {
  return ctx.transaction(async (tx) => {
    const sc = await stageContext(tx, now);
    const def = stageDefOf(sc, input.stage);
    if (!def) throw new HttpProblem(400, 'validation', {}, [{ path: 'stage', code: 'stageUnknown' }]);
    const before = (await listBudgets(tx)).find((b) => b.stage === input.stage);
    if ((before?.version ?? 0) !== input.version) throw new HttpProblem(409, 'conflict');
    const row = await saveBudget(tx, input.stage, input.budgetYen, input.version);
    if (!row) throw new HttpProblem(409, 'conflict');
    await tx.audit({
      action: 'roadmap.budget',
      entityType: 'stage-budget',
      entityId: null,
      before: before ? { stage: before.stage, budgetYen: before.budgetYen } : null,
      after: { stage: row.stage, budgetYen: row.budgetYen },
    });
    return { guide: def.budget, budgetYen: row.budgetYen, status: budgetCheck(row.budgetYen, def.budget), version: row.version };
  });
}
