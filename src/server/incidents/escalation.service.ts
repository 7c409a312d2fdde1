import type { z } from 'zod';
import type { MoveEscalationRequestSchema, SaveEscalationRequestSchema, TEscalation } from '../../shared/incidents/escalation.schema.ts';
import { escalationProblems, nextEscalationStatus, type EscalationFacts, type EscalationStatus } from '../../shared/incidents/escalation.rules.ts';
import { wallIn } from '../../shared/platform/calendar-date.ts';
import type { CatalogItemRow, LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { incidentCollections } from './incident.catalog.ts';
import { actionsOf, escalationOf, escalationRegister, incidentRegister, type EscalationRow, type IncidentRow } from './incident.repository.ts';

/**
 * An incident's escalation to an outside expert (seed 004 「外部専門家・弊社への
 * エスカレーション」): the criteria that apply, the expert, the existing
 * contract confirmed item by item (手順2 契約確認), the request's facts (手順3
 * 依頼書作成, suggested from the incident until saved), and its status
 * through the expert's response to the report handed over (手順4-5).
 */

const pair = (x: { ja: string; en: string }) => ({ ja: x.ja, en: x.en });
const pairs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is { ja: string; en: string } => !!x && typeof x === 'object' && 'ja' in x).map((x) => ({ ja: x.ja, en: x.en ?? x.ja })) : []);
const REQUEST_TIME_ZONE = 'Asia/Tokyo';

function bookOf(collection: LoadedCollection | null) {
  const items = collection?.items ?? [];
  const step = (local: string) => items.find((i) => i.itemId.endsWith(`:${local}`));
  const steps = items.filter((i) => i.attributes.kind === 'step').sort((a, b) => Number(a.attributes.step) - Number(b.attributes.step));
  return {
    criteria: items.filter((i) => i.attributes.kind === 'criterion'),
    contractItems: pairs(step('contract-check')?.attributes.contents),
    requestItems: pairs(step('request-document')?.attributes.contents),
    steps: steps.map((i: CatalogItemRow) => ({ step: Number(i.attributes.step), name: pair(i), detail: i.detailJa ? { ja: i.detailJa, en: i.detailEn ?? i.detailJa } : null })),
    source: collection?.source ?? [],
  };
}
type Book = ReturnType<typeof bookOf>;

/** The request's facts from the incident: when it happened (or became known), what it affects, what the first investigation found. */
async function suggestedRequest(ctx: DataContext, incident: IncidentRow, book: Book): Promise<string[]> {
  const timeline = (await actionsOf(ctx, [incident.id])).get(incident.id) ?? [];
  const investigated = timeline.filter((a) => a.kind === 'investigated' && a.text).map((a) => a.text);
  const when = `${wallIn(REQUEST_TIME_ZONE, incident.occurredAt ?? incident.awareAt).replace('T', ' ')} (JST)`;
  const scope = [incident.description, incident.personsAffected !== null ? `${incident.personsAffected}` : ''].filter(Boolean).join(' / ');
  return book.requestItems.map((item) => (item.ja.includes('日時') ? when : item.ja.includes('影響') ? scope : item.ja.includes('調査') ? investigated.join('\n') : ''));
}

const factsOf = (row: Pick<EscalationRow, 'status' | 'criteria' | 'otherReason' | 'expert' | 'contractChecks' | 'request' | 'reportNote'>, book: Book): EscalationFacts => ({
  ...row,
  status: row.status as EscalationStatus,
  contractItems: book.contractItems.length,
  requestItems: book.requestItems.length,
});

async function present(ctx: DataContext, incident: IncidentRow, row: EscalationRow | undefined, book: Book): Promise<TEscalation> {
  const request = row ? book.requestItems.map((_, i) => row.request[i] ?? '') : await suggestedRequest(ctx, incident, book);
  const current: Pick<EscalationRow, 'status' | 'criteria' | 'otherReason' | 'expert' | 'contractChecks' | 'request' | 'reportNote'> = row ?? { status: 'draft', criteria: [], otherReason: '', expert: '', contractChecks: [], request, reportNote: '' };
  const status = current.status as EscalationStatus;
  const to = nextEscalationStatus(status);
  return {
    status,
    criteria: book.criteria.map((c) => ({ itemId: c.itemId, name: pair(c), checked: current.criteria.includes(c.itemId) })),
    otherReason: current.otherReason,
    expert: current.expert,
    contractItems: book.contractItems.map((name, i) => ({ name, checked: current.contractChecks[i] === true })),
    requestItems: book.requestItems.map((name, i) => ({ name, answer: request[i] ?? '' })),
    reportNote: current.reportNote,
    requestedAt: row?.requestedAt?.toISOString() ?? null,
    steps: book.steps,
    next: to ? { to, missing: escalationProblems(factsOf({ ...current, request }, book), to) } : null,
    version: row?.version ?? null,
    source: book.source,
  };
}

const readBook = async (ctx: DataContext) => bookOf((await incidentCollections(ctx, ['escalation'])).escalation);

export async function getEscalation(ctx: DataContext, incidentId: string): Promise<TEscalation> {
  const incident = await incidentRegister.get(ctx, incidentId);
  const [row, book] = await ctx.sideBySide(
    () => escalationOf(ctx, incidentId),
    () => readBook(ctx),
  );
  return present(ctx, incident, row, book);
}

/**
 * Saves the escalation as the form holds it, at the version read (null the
 * first time); the criteria are the catalog's, the lists as long as its
 * items; a closed escalation no longer changes.
 */
export async function saveEscalation(ctx: DataContext, incidentId: string, input: z.output<typeof SaveEscalationRequestSchema>): Promise<TEscalation> {
  await ctx.transaction(async (tx) => {
    if (!(await incidentRegister.find(tx, incidentId, 'update'))) throw new HttpProblem(404, 'notFound');
    const book = await readBook(tx);
    const known = new Set(book.criteria.map((c) => c.itemId));
    const errors = [
      ...(input.criteria.some((c) => !known.has(c)) ? [{ path: 'criteria', code: 'catalogItemUnknown' }] : []),
      ...(input.contractChecks.length !== book.contractItems.length ? [{ path: 'contractChecks', code: 'answersDoNotMatchItems', params: { count: book.contractItems.length } }] : []),
      ...(input.request.length !== book.requestItems.length ? [{ path: 'request', code: 'answersDoNotMatchItems', params: { count: book.requestItems.length } }] : []),
    ];
    if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
    const { version, ...fields } = input;
    const saved = await escalationOf(tx, incidentId, 'update');
    if (!saved) {
      if (version !== null) throw new HttpProblem(409, 'conflict');
      await escalationRegister.create(tx, { incidentId, ...fields });
      return;
    }
    if (version === null || saved.version !== version) throw new HttpProblem(409, 'conflict');
    if (saved.status === 'closed') throw new HttpProblem(409, 'escalationClosed');
    await escalationRegister.update(tx, saved.id, version, fields, { before: escalationRegister.spec.auditView(saved), changedOnly: true });
  });
  return getEscalation(ctx, incidentId);
}

/** Moves the saved escalation to its next status when the rules allow it (400 with what is missing); the request's time is kept. */
export async function moveEscalation(ctx: DataContext, incidentId: string, input: z.output<typeof MoveEscalationRequestSchema>, now: Date): Promise<TEscalation> {
  await ctx.transaction(async (tx) => {
    const saved = await escalationOf(tx, incidentId, 'update');
    if (!saved) throw (await incidentRegister.find(tx, incidentId)) ? new HttpProblem(409, 'conflict') : new HttpProblem(404, 'notFound');
    if (saved.version !== input.version) throw new HttpProblem(409, 'conflict');
    const problems = escalationProblems(factsOf(saved, await readBook(tx)), input.to);
    if (problems.length) throw new HttpProblem(400, 'validation', {}, problems);
    await escalationRegister.update(tx, saved.id, input.version, { status: input.to, ...(input.to === 'requested' ? { requestedAt: now } : {}) }, { before: escalationRegister.spec.auditView(saved), changedOnly: true });
  });
  return getEscalation(ctx, incidentId);
}
