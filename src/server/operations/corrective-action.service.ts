import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CreateCorrectiveActionRequestSchema, MoveCorrectiveActionRequestSchema, TCorrectiveAction, UpdateCorrectiveActionRequestSchema } from '../../shared/operations/corrective-action.schema.ts';
import { isActionOverdue, moveProblems, nextPhases, type ActionFacts, type ActionOrigin, type LinkedOrigin, type PdcaPhase } from '../../shared/operations/corrective-action.rules.ts';
import type { TEvidenceFile } from '../../shared/schemas/evidence.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { unlinkSubjects } from '../platform/evidence/evidence.repository.ts';
import { attachEvidence, detachEvidence, evidenceBySubject, readEvidenceUpload } from '../platform/evidence/evidence.service.ts';
import { uploadEvidenceVersion } from '../platform/evidence/evidence-version.service.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { findMembership } from '../platform/orgs/organisation.repository.ts';
import { actionRegister, actionsOfOrigins, listActions as listRows, type ActionRow } from './corrective-action.repository.ts';
import { inspectionRegister, members } from './inspection.repository.ts';
import { todayInJapan } from './inspection.service.ts';

/**
 * Corrective actions through plan, do, check and act (seed 004 「定期点検結果の
 * フィードバック」): an inspection's findings or an incident's review become
 * actions; each phase move is checked by corrective-action.rules.ts; an action
 * closes only with evidence and a check that found the measure effective,
 * and a closed action no longer changes.
 */

export const ACTION_SUBJECT = 'corrective-action';

const factsOf = (r: ActionRow, evidenceCount: number): ActionFacts => ({ ...r, phase: r.phase as PdcaPhase, evidenceCount });
/** Each linked origin's screen in the app. */
const ORIGIN_PATHS: Record<LinkedOrigin, string> = {
  inspection: '/operations',
  incident: '/incidents',
  dataStore: '/governance/data-stores',
  drill: '/continuity/bcp/drills',
  iamAccount: '/governance/access/accounts',
  logSource: '/governance/access/logs',
};
const originPathOf = (r: ActionRow): string | null => (r.originId === null || r.origin === 'other' ? null : `${ORIGIN_PATHS[r.origin as LinkedOrigin]}/${r.originId}`);

function present(r: ActionRow, evidence: TEvidenceFile[], names: Map<string, string>, today: string): TCorrectiveAction {
  const phase = r.phase as PdcaPhase;
  const facts = factsOf(r, evidence.length);
  return {
    id: r.id,
    title: r.title,
    origin: r.origin as ActionOrigin,
    originId: r.originId,
    originTitle: r.originTitle,
    originPath: originPathOf(r),
    phase,
    moves: nextPhases(phase).map((to) => ({ to, missing: moveProblems(facts, to) })),
    ownerUserId: r.ownerUserId,
    ownerName: r.ownerUserId ? (names.get(r.ownerUserId) ?? null) : null,
    dueOn: r.dueOn,
    overdue: isActionOverdue({ phase, dueOn: r.dueOn }, today),
    plan: r.plan,
    doneNote: r.doneNote,
    checkNote: r.checkNote,
    effective: r.effective,
    actNote: r.actNote,
    evidence,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function presentAll(ctx: DataContext, rows: ActionRow[], now: Date): Promise<TCorrectiveAction[]> {
  const [evidence, people] = await ctx.sideBySide(
    () => evidenceBySubject(ctx.db, ctx.organisationId, ACTION_SUBJECT, rows.map((r) => r.id)),
    () => members(ctx),
  );
  const names = new Map(people.map((p) => [p.userId, p.name]));
  return rows.map((r) => present(r, evidence.get(r.id) ?? [], names, todayInJapan(now)));
}

export const listActions = async (ctx: DataContext, now: Date) => ({ items: await presentAll(ctx, await listRows(ctx), now) });

export async function getAction(ctx: DataContext, id: string, now: Date): Promise<TCorrectiveAction> {
  const [view] = await presentAll(ctx, [await actionRegister.get(ctx, id)], now);
  return view!;
}

async function checkOwner(tx: DataContext, ownerUserId: string | null | undefined): Promise<void> {
  const errors: FieldError[] = [];
  if (ownerUserId && !(await findMembership(tx.db, tx.organisationId, ownerUserId))) errors.push({ path: 'ownerUserId', code: 'ownerNotMember' });
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

type NewAction = Omit<z.output<typeof CreateCorrectiveActionRequestSchema>, 'origin' | 'originId'> & { origin: ActionOrigin; originId: string | null; originTitle?: string; originFinding?: string | null };

/** Inserts an action in Plan inside the caller's transaction (also an incident review's finding, through operations.public.ts). */
export async function insertAction(tx: DataContext, input: NewAction): Promise<ActionRow> {
  await checkOwner(tx, input.ownerUserId);
  let originTitle = input.originTitle ?? '';
  if (input.origin === 'inspection') {
    const inspection = input.originId ? await inspectionRegister.find(tx, input.originId) : undefined;
    if (!inspection) throw new HttpProblem(400, 'validation', {}, [{ path: 'originId', code: 'originUnknown' }]);
    originTitle = inspection.title;
  }
  return actionRegister.create(tx, { ...input, originTitle, phase: 'plan' });
}

export async function createAction(ctx: DataContext, input: z.output<typeof CreateCorrectiveActionRequestSchema>, now: Date): Promise<TCorrectiveAction> {
  const row = await ctx.transaction((tx) => insertAction(tx, input));
  return getAction(ctx, row.id, now);
}

/** The action as read, still open: a closed action keeps what it closed with (409 `actionClosed`). */
async function expectOpen(tx: DataContext, id: string, version?: number): Promise<ActionRow> {
  const row = version === undefined ? await actionRegister.get(tx, id) : await actionRegister.expect(tx, id, version);
  if (row.phase === 'closed') throw new HttpProblem(409, 'actionClosed');
  return row;
}

export async function updateAction(ctx: DataContext, id: string, input: z.output<typeof UpdateCorrectiveActionRequestSchema>, now: Date): Promise<TCorrectiveAction> {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await expectOpen(tx, id, version);
    await checkOwner(tx, fields.ownerUserId);
    await actionRegister.update(tx, id, version, fields, { before: actionRegister.spec.auditView(before), changedOnly: true });
  });
  return getAction(ctx, id, now);
}

/**
 * Moves the action to the next phase when the rules allow it (400 with each
 * missing field otherwise). Back to Plan after an ineffective check, the
 * verdict is cleared so the next check judges again.
 */
export async function moveAction(ctx: DataContext, id: string, input: z.output<typeof MoveCorrectiveActionRequestSchema>, now: Date): Promise<TCorrectiveAction> {
  await ctx.transaction(async (tx) => {
    const row = await actionRegister.expect(tx, id, input.version);
    const evidence = await evidenceBySubject(tx.db, tx.organisationId, ACTION_SUBJECT, [id]);
    const problems = moveProblems(factsOf(row, evidence.get(id)?.length ?? 0), input.to);
    if (problems.length) throw new HttpProblem(400, 'validation', {}, problems);
    await actionRegister.update(tx, id, input.version, { phase: input.to, ...(input.to === 'plan' ? { effective: null } : {}) }, { before: actionRegister.spec.auditView(row), changedOnly: true });
  });
  return getAction(ctx, id, now);
}

export async function deleteAction(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const row = await actionRegister.get(tx, id);
    const filesDeleted = await unlinkSubjects(tx.db, tx.organisationId, ACTION_SUBJECT, [id]);
    await actionRegister.remove(tx, id, undefined, { before: () => ({ ...actionRegister.spec.auditView(row), evidenceFilesDeleted: filesDeleted.length }) });
  });
}

export const actionHistory = (ctx: DataContext, id: string) => actionRegister.history(ctx, id);

/** A file showing the measure done or verified (a rescan report, the updated manual); not on a closed action. */
export async function uploadActionEvidence(ctx: DataContext, auth: OrgAuthContext, id: string, req: FastifyRequest, maxBytes: number): Promise<TEvidenceFile> {
  await expectOpen(ctx, id);
  const upload = await readEvidenceUpload(req, maxBytes);
  return ctx.transaction(async (tx) => {
    await expectOpen(tx, id);
    return attachEvidence(tx.db, auth, { type: ACTION_SUBJECT, id }, upload);
  });
}

/** A new version of one of an open action's files (a later rescan report); the earlier versions stay. */
export const uploadActionEvidenceVersion = (ctx: DataContext, auth: OrgAuthContext, id: string, evidenceId: string, req: FastifyRequest, maxBytes: number): Promise<TEvidenceFile> =>
  uploadEvidenceVersion(ctx, auth, { type: ACTION_SUBJECT, id }, evidenceId, req, maxBytes, (c) => expectOpen(c, id));

export async function removeActionEvidence(ctx: DataContext, auth: OrgAuthContext, id: string, evidenceId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    await expectOpen(tx, id);
    await detachEvidence(tx.db, auth, { type: ACTION_SUBJECT, id }, evidenceId);
  });
}

export interface ActionSummary {
  id: string;
  title: string;
  phase: PdcaPhase;
  dueOn: string | null;
  overdue: boolean;
  /** The origin's finding the action answers, when it was opened for one. */
  finding: string | null;
}

/** The actions records of one kind (incidents, inspections) gave rise to, as short lines by record id. */
export async function actionSummariesOf(ctx: DataContext, origin: LinkedOrigin, originIds: readonly string[], now: Date): Promise<Map<string, ActionSummary[]>> {
  const today = todayInJapan(now);
  const out = new Map<string, ActionSummary[]>(originIds.map((id) => [id, []]));
  for (const r of await actionsOfOrigins(ctx, origin, originIds)) {
    const phase = r.phase as PdcaPhase;
    out.get(r.originId!)?.push({ id: r.id, title: r.title, phase, dueOn: r.dueOn, overdue: isActionOverdue({ phase, dueOn: r.dueOn }, today), finding: r.originFinding });
  }
  return out;
}
