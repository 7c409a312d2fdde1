import type { z } from 'zod';
import { conditionsOf, deadlineRulesFrom, deadlines, holidayCalendarFrom, type DeadlineView } from '../../shared/incidents/deadline.rules.ts';
import { firstResponse } from '../../shared/incidents/first-response.rules.ts';
import {
  FIRST_RESPONSE_PHASES,
  type AddActionRequestSchema,
  type AddFindingRequestSchema,
  type SaveReportDraftRequestSchema,
  type CreateIncidentRequestSchema,
  type TDeadline,
  type TIncident,
  type UpdateIncidentRequestSchema,
} from '../../shared/incidents/incident.schema.ts';
import type { CatalogItemRow, LoadedCollection } from '../catalog/catalog.public.ts';
import { correctiveActionsFrom, openCorrectiveAction, type ActionSummary } from '../operations/operations.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { incidentCollections } from './incident.catalog.ts';
import { actionsOf, deleteAction, draftRegister, draftsOf, incidentRegister, insertAction, listIncidents as listRows, type ActionRow, type DraftRow, type IncidentRow } from './incident.repository.ts';

/**
 * Incidents (PRODUCT.md capability 9): the record (インシデント処置票, seed 000
 * V.6.1), its timeline, the first response within 24 hours (seed 004), and
 * the legal deadlines the catalog's rules give for its facts
 * (deadline.rules.ts), computed when read, so a change of facts or a report
 * made moves them at once.
 */

type Catalog = Record<'rules' | 'holidays' | 'detection', LoadedCollection | null>;
const readCatalog = (ctx: DataContext): Promise<Catalog> => incidentCollections(ctx, ['rules', 'holidays', 'detection']);

const pair = (x: { ja: string; en: string }) => ({ ja: x.ja, en: x.en });
const textPair = (v: unknown) => (v && typeof v === 'object' && 'ja' in v && 'en' in v ? pair(v as { ja: string; en: string }) : null);

/** The catalog's rules with their words: names, regimes, the conditions' wording. */
function ruleBook(rules: LoadedCollection | null) {
  const items = rules?.items ?? [];
  const byId = new Map(items.map((i) => [i.itemId, i]));
  const conditionWords = new Map(items.filter((i) => i.attributes.kind === 'condition' || i.attributes.kind === 'exemption').map((i) => [String(i.attributes.condition), pair(i)]));
  const word = (code: string) => conditionWords.get(code) ?? { ja: code, en: code };
  return { items, byId, word, rules: deadlineRulesFrom(items.map((i) => ({ id: i.itemId, attributes: i.attributes }))) };
}

/** A draft's answers as saved, or suggested from the facts: the summary from what happened, the number of persons. */
function answersOf(items: { ja: string; en: string }[], draft: DraftRow | undefined, row: IncidentRow): string[] {
  if (draft) return items.map((_, i) => draft.answers[i] ?? '');
  return items.map((item) => (item.ja === '概要' ? row.description : item.ja.includes('本人の数') && row.personsAffected !== null ? String(row.personsAffected) : ''));
}

function presentDeadline(d: DeadlineView, item: CatalogItemRow | undefined, regime: CatalogItemRow | undefined, word: (code: string) => { ja: string; en: string }, row: IncidentRow, draft: DraftRow | undefined): TDeadline {
  const a = item?.attributes ?? {};
  const reportItems = Array.isArray(a.reportItems) ? a.reportItems.map(textPair).filter((x): x is { ja: string; en: string } => x !== null) : [];
  const answers = answersOf(reportItems, draft, row);
  return {
    ruleId: d.ruleId,
    name: item ? pair(item) : { ja: d.ruleId, en: d.ruleId },
    regime: d.regime,
    regimeName: regime ? pair(regime) : null,
    stage: d.stage,
    recipient: textPair(a.recipient),
    applies: d.applies,
    because: d.because.map(word),
    excludedBy: d.excludedBy.map(word),
    startAt: d.startAt?.toISOString() ?? null,
    provisional: d.provisional,
    dueAt: d.dueAt?.toISOString() ?? null,
    beyondCalendar: d.beyondCalendar,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    state: d.state,
    legalPeriod: textPair(a.legalPeriod),
    guidance: textPair(a.guidance),
    reportItems,
    draft: { answers, version: draft?.version ?? null, filled: answers.filter((x) => x.trim()).length },
  };
}

const ORDER = (d: TDeadline) => (d.applies ? 0 : 1);
const OPEN_STATES = new Set(['open', 'dueSoon', 'overdue']);

function present(row: IncidentRow, actions: ActionRow[], drafts: Map<string, DraftRow>, findings: ActionSummary[], catalog: Catalog, now: Date): TIncident {
  const book = ruleBook(catalog.rules);
  const calendar = holidayCalendarFrom(catalog.holidays?.items ?? []);
  const submitted = new Map<string, Date>();
  for (const a of actions) if (a.kind === 'reportSubmitted' && a.ruleId && !submitted.has(a.ruleId)) submitted.set(a.ruleId, a.at);
  const views = deadlines(book.rules, { conditions: conditionsOf({ ...row, sector: row.financialSector ? 'financial' : null, otherConditions: [] }), awareAt: row.awareAt, submitted, now }, calendar);
  const list = views
    .map((d) => {
      const item = book.byId.get(d.ruleId);
      return presentDeadline(d, item, item?.parentId ? book.byId.get(item.parentId) : undefined, book.word, row, drafts.get(d.ruleId));
    })
    .sort((x, y) => ORDER(x) - ORDER(y) || (x.dueAt ?? '9').localeCompare(y.dueAt ?? '9'));
  const next = list.filter((d) => d.applies && OPEN_STATES.has(d.state) && d.dueAt).map((d) => d.dueAt!)[0] ?? null;
  const response = firstResponse(FIRST_RESPONSE_PHASES, row.awareAt, actions, now);
  const detection = catalog.detection?.items.find((i) => i.itemId === row.detectionItemId);
  return {
    id: row.id,
    title: row.title,
    detectionItemId: row.detectionItemId,
    detection: detection ? pair(detection) : null,
    severity: row.severity as TIncident['severity'],
    status: row.status as TIncident['status'],
    description: row.description,
    awareAt: row.awareAt.toISOString(),
    occurredAt: row.occurredAt?.toISOString() ?? null,
    personsAffected: row.personsAffected,
    sensitiveData: row.sensitiveData,
    financialHarm: row.financialHarm,
    improperPurpose: row.improperPurpose,
    stronglyEncrypted: row.stronglyEncrypted,
    euResidents: row.euResidents,
    nis2InScope: row.nis2InScope,
    financialSector: row.financialSector,
    note: row.note,
    review: row.review,
    findings,
    actions: actions.map((a) => ({ id: a.id, kind: a.kind as TIncident['actions'][number]['kind'], at: a.at.toISOString(), ruleId: a.ruleId, text: a.text, actor: a.actorLabel, createdAt: a.createdAt.toISOString() })),
    firstResponse: { targetAt: response.targetAt.toISOString(), phases: response.phases.map((p) => ({ phase: p.phase, doneAt: p.doneAt?.toISOString() ?? null })), state: response.state },
    deadlines: list,
    nextDueAt: next,
    source: [...new Set([...(catalog.rules?.source ?? []), ...(catalog.detection?.source ?? [])])],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listIncidents(ctx: DataContext, now: Date) {
  const [rows, catalog] = await ctx.sideBySide(
    () => listRows(ctx),
    () => readCatalog(ctx),
  );
  const ids = rows.map((r) => r.id);
  const [actions, drafts, findings] = await ctx.sideBySide(
    () => actionsOf(ctx, ids),
    () => draftsOf(ctx, ids),
    () => correctiveActionsFrom(ctx, 'incident', ids, now),
  );
  return { items: rows.map((r) => present(r, actions.get(r.id) ?? [], drafts.get(r.id) ?? new Map(), findings.get(r.id) ?? [], catalog, now)) };
}

export async function getIncident(ctx: DataContext, id: string, now: Date): Promise<TIncident> {
  const row = await incidentRegister.get(ctx, id);
  const [actions, drafts, findings, catalog] = await ctx.sideBySide(
    () => actionsOf(ctx, [id]),
    () => draftsOf(ctx, [id]),
    () => correctiveActionsFrom(ctx, 'incident', [id], now),
    () => readCatalog(ctx),
  );
  return present(row, actions.get(id) ?? [], drafts.get(id) ?? new Map(), findings.get(id) ?? [], catalog, now);
}

/** The detection category is one of the organisation's loaded catalog items. */
async function checkDetection(ctx: DataContext, detectionItemId: string | null | undefined): Promise<void> {
  if (!detectionItemId) return;
  const { detection } = await incidentCollections(ctx, ['detection']);
  if (!detection?.items.some((i) => i.itemId === detectionItemId)) throw new HttpProblem(400, 'validation', {}, [{ path: 'detectionItemId', code: 'catalogItemUnknown' }]);
}

type Times = { awareAt: string | Date; occurredAt: string | Date | null };
/** As the record will stand after a change: it cannot have become known before it happened. */
function checkTimes(t: Times): void {
  if (t.occurredAt && new Date(t.occurredAt).getTime() > new Date(t.awareAt).getTime()) throw new HttpProblem(400, 'validation', {}, [{ path: 'occurredAt', code: 'occurredAfterAware' }]);
}

const asDates = <T extends { awareAt?: string; occurredAt?: string | null }>(input: T) => ({
  ...input,
  ...(input.awareAt !== undefined ? { awareAt: new Date(input.awareAt) } : {}),
  ...(input.occurredAt !== undefined ? { occurredAt: input.occurredAt === null ? null : new Date(input.occurredAt) } : {}),
});

export async function createIncident(ctx: DataContext, input: z.output<typeof CreateIncidentRequestSchema>, now: Date): Promise<TIncident> {
  const row = await ctx.transaction(async (tx) => {
    await checkDetection(tx, input.detectionItemId);
    return incidentRegister.create(tx, asDates(input) as typeof input & { awareAt: Date; occurredAt?: Date | null });
  });
  return getIncident(ctx, row.id, now);
}

export async function updateIncident(ctx: DataContext, id: string, input: z.output<typeof UpdateIncidentRequestSchema>, now: Date): Promise<TIncident> {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await incidentRegister.expect(tx, id, version);
    await checkDetection(tx, fields.detectionItemId);
    checkTimes({ awareAt: fields.awareAt ?? before.awareAt, occurredAt: fields.occurredAt !== undefined ? fields.occurredAt : before.occurredAt });
    await incidentRegister.update(tx, id, version, asDates(fields), { before: incidentRegister.spec.auditView(before), changedOnly: true });
  });
  return getIncident(ctx, id, now);
}

export async function deleteIncident(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => incidentRegister.remove(tx, id, undefined));
}

export const incidentHistory = (ctx: DataContext, id: string) => incidentRegister.history(ctx, id);

/** A timeline entry; a report names one of the catalog's rules that applies to the incident. */
export async function addAction(ctx: DataContext, id: string, input: z.output<typeof AddActionRequestSchema>, now: Date): Promise<TIncident> {
  await ctx.transaction(async (tx) => {
    const incident = await incidentRegister.get(tx, id);
    if (input.ruleId) {
      const view = await getIncident(tx, id, now);
      const rule = view.deadlines.find((d) => d.ruleId === input.ruleId);
      const errors: FieldError[] = [];
      if (!rule) errors.push({ path: 'ruleId', code: 'catalogItemUnknown' });
      else if (!rule.applies) errors.push({ path: 'ruleId', code: 'ruleDoesNotApply' });
      if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
    }
    const row = await insertAction(tx, { incidentId: incident.id, kind: input.kind, at: new Date(input.at), ruleId: input.ruleId, text: input.text, actorId: tx.userId, actorLabel: tx.actor.actorLabel ?? '' });
    await tx.audit({ action: 'incident.action-add', entityType: 'incident', entityId: id, after: { kind: row.kind, at: row.at.toISOString(), ruleId: row.ruleId, text: row.text } });
  });
  return getIncident(ctx, id, now);
}

export async function removeAction(ctx: DataContext, id: string, actionId: string, now: Date): Promise<TIncident> {
  await ctx.transaction(async (tx) => {
    await incidentRegister.get(tx, id);
    const row = await deleteAction(tx, id, actionId);
    if (!row) throw new HttpProblem(404, 'notFound');
    await tx.audit({ action: 'incident.action-remove', entityType: 'incident', entityId: id, before: { kind: row.kind, at: row.at.toISOString(), ruleId: row.ruleId, text: row.text } });
  });
  return getIncident(ctx, id, now);
}

/**
 * Saves the draft of a report a rule that applies requires, one answer per
 * item; the first save is at version null, later ones at the version read.
 */
export async function saveReportDraft(ctx: DataContext, id: string, input: z.output<typeof SaveReportDraftRequestSchema>, now: Date): Promise<TIncident> {
  await ctx.transaction(async (tx) => {
    if (!(await incidentRegister.find(tx, id, 'update'))) throw new HttpProblem(404, 'notFound');
    const view = await getIncident(tx, id, now);
    const rule = view.deadlines.find((d) => d.ruleId === input.ruleId);
    if (!rule) throw new HttpProblem(400, 'validation', {}, [{ path: 'ruleId', code: 'catalogItemUnknown' }]);
    if (!rule.applies) throw new HttpProblem(400, 'validation', {}, [{ path: 'ruleId', code: 'ruleDoesNotApply' }]);
    if (input.answers.length !== rule.reportItems.length) throw new HttpProblem(400, 'validation', {}, [{ path: 'answers', code: 'answersDoNotMatchItems', params: { count: rule.reportItems.length } }]);
    const saved = (await draftsOf(tx, [id])).get(id)?.get(input.ruleId);
    if (!saved) {
      if (input.version !== null) throw new HttpProblem(409, 'conflict');
      await draftRegister.create(tx, { incidentId: id, ruleId: input.ruleId, answers: input.answers });
    } else {
      if (input.version === null) throw new HttpProblem(409, 'conflict');
      await draftRegister.expect(tx, saved.id, input.version);
      await draftRegister.update(tx, saved.id, input.version, { answers: input.answers }, { before: draftRegister.spec.auditView(saved), changedOnly: true });
    }
  });
  return getIncident(ctx, id, now);
}

/**
 * A finding of the post-incident review, opened as a corrective action in
 * Plan (operations' PDCA), named after the incident and audited on it.
 */
export async function addFinding(ctx: DataContext, id: string, input: z.output<typeof AddFindingRequestSchema>, now: Date): Promise<TIncident> {
  await ctx.transaction(async (tx) => {
    const incident = await incidentRegister.find(tx, id, 'key share');
    if (!incident) throw new HttpProblem(404, 'notFound');
    const actionId = await openCorrectiveAction(tx, { ...input, origin: 'incident', originId: id, originTitle: incident.title });
    await tx.audit({ action: 'incident.finding-add', entityType: 'incident', entityId: id, after: { title: input.title, correctiveActionId: actionId } });
  });
  return getIncident(ctx, id, now);
}

/** Seed 000 V.6.1(1): the detection categories, as the organisation has them loaded. */
export async function detectionCategories(ctx: DataContext) {
  const { detection } = await incidentCollections(ctx, ['detection']);
  return { items: (detection?.items ?? []).map((i) => ({ itemId: i.itemId, name: pair(i) })), source: detection?.source ?? [] };
}
