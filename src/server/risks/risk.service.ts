import type { z } from 'zod';
import type { AcceptRiskRequestSchema, CreateRiskRequestSchema, TRisk, UpdateRiskRequestSchema } from '../../shared/risks/risk.schema.ts';
import { ownRecords } from '../assets/assets.public.ts';
import { loadedCollection, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { Clock } from '../platform/clock.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { findMembership } from '../platform/orgs/organisation.repository.ts';
import type { PageRequest } from '../platform/register/register-page.ts';
import { aleOf, ratingsOf, type StoredRisk, type Treatment } from './risk-analysis.rules.ts';
import { bandCounts, nextReviewDate, type RiskScale } from './risk-rating.rules.ts';
import {
  insertAcceptance,
  latestAcceptances,
  linksOf,
  lockPolicy,
  replaceLinks,
  riskAuditView,
  riskRegister,
  riskScaleOf,
  userNames,
  type AcceptanceRow,
  type RiskLinks,
  type RiskPatch,
  type RiskRow,
} from './risk.repository.ts';
import { risks } from './risk.table.ts';
import { threatListsOf } from './threat-assessment.rules.ts';
import { and, eq, sql, type SQL } from 'drizzle-orm';

/** Seed 000 II.2 表2 and IPA's later lists, by their true years (FACTS.md 3). */
export const THREATS_COLLECTION = 'urn:kumoji:seed-000:threats';

/** Today in Tokyo, as a date at UTC midnight (review dates are calendar days where the organisation works). */
export function tokyoToday(now: Date): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function storedRisk(r: RiskRow): StoredRisk {
  return {
    id: r.id,
    title: r.title,
    treatment: r.treatment as Treatment,
    inherent: { annualFrequency: r.inherentFrequency, lowYen: r.inherentLowYen, highYen: r.inherentHighYen },
    treated: r.treatedFrequency === null ? null : { annualFrequency: r.treatedFrequency, lowYen: r.treatedLowYen!, highYen: r.treatedHighYen! },
    current: r.currentLikelihood === null ? null : { likelihood: r.currentLikelihood, impact: r.currentImpact! },
    insurancePolicyId: r.insurancePolicyId,
    sublimitYen: r.sublimitYen,
    reviewedResidual: r.reviewedResidual,
  };
}

interface PresentContext {
  threats: LoadedCollection | null;
  names: Map<string, string>;
  links: Map<string, RiskLinks>;
  acceptances: Map<string, AcceptanceRow>;
  today: string;
  scale: RiskScale;
}

function present(ctx: DataContext, row: RiskRow, pc: PresentContext): TRisk {
  const s = storedRisk(row);
  const threatItem = row.threatItemId ? pc.threats?.items.find((i) => i.itemId === row.threatItemId) : undefined;
  const acceptance = pc.acceptances.get(row.id);
  return riskRegister.present(ctx, row, (r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    threatItemId: r.threatItemId,
    threat: threatItem ? { ja: threatItem.ja, en: threatItem.en } : r.threatText ? { ja: r.threatText, en: r.threatText } : null,
    threatText: r.threatText,
    ownerUserId: r.ownerUserId,
    ownerName: r.ownerUserId ? (pc.names.get(r.ownerUserId) ?? null) : null,
    bearer: r.bearer as TRisk['bearer'],
    inherent: s.inherent,
    treated: s.treated,
    current: s.current,
    treatment: s.treatment,
    plannedControls: r.plannedControls,
    insurancePolicyId: r.insurancePolicyId,
    sublimitYen: r.sublimitYen,
    status: r.status as TRisk['status'],
    ...(pc.links.get(r.id) ?? { assetIds: [], workloadIds: [], systemIds: [] }),
    ratings: ratingsOf(s, pc.scale),
    aleYen: aleOf(s),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    nextReviewOn: r.nextReviewOn,
    reviewOverdue: r.nextReviewOn < pc.today,
    acceptance: acceptance
      ? {
          id: acceptance.id,
          acceptedBy: acceptance.acceptedByLabel,
          acceptedAt: acceptance.acceptedAt.toISOString(),
          expiresOn: acceptance.expiresOn,
          rationale: acceptance.rationale,
          expired: acceptance.expiresOn < pc.today,
        }
      : null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function presentRisks(ctx: DataContext, clock: Clock, rows: RiskRow[]): Promise<TRisk[]> {
  const ids = rows.map((r) => r.id);
  const [threats, names, links, acceptances, scale] = await ctx.sideBySide(
    () => loadedCollection(ctx, THREATS_COLLECTION),
    () => userNames(ctx, rows.map((r) => r.ownerUserId)),
    () => linksOf(ctx, ids),
    () => latestAcceptances(ctx, ids),
    () => riskScaleOf(ctx),
  );
  const pc = { threats, names, links, acceptances, scale, today: isoDay(tokyoToday(clock.now())) };
  return rows.map((r) => present(ctx, r, pc));
}

export async function listRisks(ctx: DataContext, clock: Clock, request: PageRequest, filter: { level?: string; treatment?: string }) {
  const where: SQL[] = [];
  if (filter.treatment) where.push(eq(risks.treatment, filter.treatment));
  if (filter.level) where.push(levelCondition(filter.level, await riskScaleOf(ctx)));
  const page = await riskRegister.page(ctx, request, where.length ? and(...where) : undefined);
  return { items: await presentRisks(ctx, clock, page.rows), nextCursor: page.nextCursor, total: page.total, totalCapped: page.totalCapped };
}

/** The scale's level thresholds (risk-rating.rules.ts levelOf) on the stored residual score. */
function levelCondition(level: string, scale: RiskScale): SQL {
  const { low, medium, high } = scale.levelUpperScore;
  const bounds: Record<string, [number, number]> = { low: [1, low], medium: [low + 1, medium], high: [medium + 1, high], critical: [high + 1, Number.MAX_SAFE_INTEGER] };
  const [lo, hi] = bounds[level]!;
  return sql`${risks.residualScore} between ${lo} and ${hi}`;
}

export async function getRisk(ctx: DataContext, clock: Clock, id: string): Promise<TRisk> {
  const [one] = await presentRisks(ctx, clock, [await riskRegister.get(ctx, id)]);
  return one!;
}

type RiskInput = Partial<z.output<typeof CreateRiskRequestSchema>>;

/** The owner must be a member, the threat an item of the loaded list, the policy and the linked records the organisation's. */
async function checkReferences(tx: DataContext, input: RiskInput, scale: RiskScale): Promise<void> {
  const errors: FieldError[] = [];
  if (input.current) {
    // The current rating is entered as bands: they must exist on the organisation's scale.
    const bands = bandCounts(scale);
    if (input.current.likelihood > bands.likelihood) errors.push({ path: 'current.likelihood', code: 'bandOutsideScale', params: { max: bands.likelihood } });
    if (input.current.impact > bands.impact) errors.push({ path: 'current.impact', code: 'bandOutsideScale', params: { max: bands.impact } });
  }
  if (input.ownerUserId && !(await findMembership(tx.db, tx.organisationId, input.ownerUserId))) errors.push({ path: 'ownerUserId', code: 'ownerNotMember' });
  if (input.threatItemId) {
    const threats = await loadedCollection(tx, THREATS_COLLECTION);
    const item = threats?.items.find((i) => i.itemId === input.threatItemId);
    // A threat is a ranked entry of a year's list, not the list itself.
    if (!item || item.parentId === null) errors.push({ path: 'threatItemId', code: 'catalogItemUnknown' });
  }
  if (input.insurancePolicyId && !(await lockPolicy(tx, input.insurancePolicyId))) errors.push({ path: 'insurancePolicyId', code: 'referenceNotFound' });
  for (const [key, kind] of [
    ['assetIds', 'asset'],
    ['workloadIds', 'workload'],
    ['systemIds', 'system'],
  ] as const) {
    const ids = input[key];
    if (!ids?.length) continue;
    const own = await ownRecords[kind](tx, ids);
    ids.forEach((id, i) => {
      if (!own.has(id)) errors.push({ path: `${key}.${i}`, code: 'referenceNotFound' });
    });
    if (new Set(ids).size !== ids.length) errors.push({ path: key, code: 'duplicateItems' });
  }
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

/** The columns a request sets, with the scores recomputed from the estimates as they will stand. */
function patchOf(input: RiskInput, before: RiskRow | null, today: Date, scale: RiskScale): RiskPatch {
  const out: RiskPatch = {};
  const copy = ['title', 'description', 'threatItemId', 'threatText', 'ownerUserId', 'bearer', 'treatment', 'plannedControls', 'insurancePolicyId', 'sublimitYen', 'status'] as const;
  for (const k of copy) if (input[k] !== undefined) (out as Record<string, unknown>)[k] = input[k];
  if (input.inherent) Object.assign(out, { inherentFrequency: input.inherent.annualFrequency, inherentLowYen: input.inherent.lowYen, inherentHighYen: input.inherent.highYen });
  if (input.treated !== undefined)
    Object.assign(out, { treatedFrequency: input.treated?.annualFrequency ?? null, treatedLowYen: input.treated?.lowYen ?? null, treatedHighYen: input.treated?.highYen ?? null });
  if (input.current !== undefined) Object.assign(out, { currentLikelihood: input.current?.likelihood ?? null, currentImpact: input.current?.impact ?? null });
  const merged = storedRisk({ ...(before ?? ({ reviewedResidual: null, treatment: 'none', treatedFrequency: null, currentLikelihood: null } as RiskRow)), ...out } as RiskRow);
  const ratings = ratingsOf(merged, scale);
  out.inherentScore = ratings.inherent.score;
  out.residualScore = ratings.residual.score;
  // A risk not yet reviewed is due by its level from the day it was recorded (risk-rating.rules.ts review months).
  if (!before || !before.reviewedAt) out.nextReviewOn = isoDay(nextReviewDate(before ? tokyoToday(before.createdAt) : today, ratings.residual.level, scale));
  return out;
}

/** A transfer must name a policy once the change is applied (the request alone may not say). */
function checkMerged(before: RiskRow, patch: RiskPatch) {
  const treatment = patch.treatment ?? before.treatment;
  const policy = patch.insurancePolicyId !== undefined ? patch.insurancePolicyId : before.insurancePolicyId;
  if (treatment === 'transfer' && !policy) throw new HttpProblem(400, 'validation', {}, [{ path: 'insurancePolicyId', code: 'transferNeedsPolicy' }]);
}

const linksFrom = (input: RiskInput, before?: RiskLinks): RiskLinks | null =>
  input.assetIds || input.workloadIds || input.systemIds || !before
    ? { assetIds: [...(input.assetIds ?? before?.assetIds ?? [])].sort(), workloadIds: [...(input.workloadIds ?? before?.workloadIds ?? [])].sort(), systemIds: [...(input.systemIds ?? before?.systemIds ?? [])].sort() }
    : null;

export async function createRisk(ctx: DataContext, clock: Clock, input: z.output<typeof CreateRiskRequestSchema>): Promise<TRisk> {
  const row = await ctx.transaction(async (tx) => {
    const scale = await riskScaleOf(tx);
    await checkReferences(tx, input, scale);
    const values = patchOf(input, null, tokyoToday(clock.now()), scale);
    const links = linksFrom(input)!;
    const created = await riskRegister.create(tx, values as typeof risks.$inferInsert, { after: (r) => riskAuditView(r, links) });
    await replaceLinks(tx, created.id, links);
    return created;
  });
  return getRisk(ctx, clock, row.id);
}

export async function updateRisk(ctx: DataContext, clock: Clock, id: string, input: z.output<typeof UpdateRiskRequestSchema>): Promise<TRisk> {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await riskRegister.expect(tx, id, version);
    const scale = await riskScaleOf(tx);
    await checkReferences(tx, fields, scale);
    const patch = patchOf(fields, before, tokyoToday(clock.now()), scale);
    checkMerged(before, patch);
    const linksBefore = (await linksOf(tx, [id])).get(id)!;
    const links = linksFrom(fields, linksBefore);
    await riskRegister.update(tx, id, version, patch, { before: riskAuditView(before, linksBefore), after: (r) => riskAuditView(r, links ?? linksBefore), changedOnly: true });
    if (links) await replaceLinks(tx, id, links);
  });
  return getRisk(ctx, clock, id);
}

export async function deleteRisk(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const links = (await linksOf(tx, [id])).get(id);
    await riskRegister.remove(tx, id, undefined, { before: (r) => riskAuditView(r, links) });
  });
}

export const riskHistory = (ctx: DataContext, id: string) => riskRegister.history(ctx, id);

/**
 * A review: the bands as they stand become the reference the heat map's
 * "moved since last review" compares with, and the next review is set by the
 * residual level (risk-rating.rules.ts review months).
 */
export async function reviewRisk(ctx: DataContext, clock: Clock, id: string, version: number): Promise<TRisk> {
  await ctx.transaction(async (tx) => {
    const before = await riskRegister.expect(tx, id, version);
    const scale = await riskScaleOf(tx);
    const r = ratingsOf(storedRisk(before), scale);
    const now = clock.now();
    const patch: RiskPatch = {
      reviewedAt: now,
      reviewedInherent: { likelihood: r.inherent.likelihood, impact: r.inherent.impact },
      reviewedResidual: { likelihood: r.residual.likelihood, impact: r.residual.impact },
      nextReviewOn: isoDay(nextReviewDate(tokyoToday(now), r.residual.level, scale)),
    };
    await riskRegister.update(tx, id, version, patch, { before: { nextReviewOn: before.nextReviewOn, reviewedAt: before.reviewedAt?.toISOString() ?? null }, after: (row) => ({ nextReviewOn: row.nextReviewOn, reviewedAt: row.reviewedAt?.toISOString() ?? null }) });
  });
  return getRisk(ctx, clock, id);
}

/**
 * ISO/IEC 27001 6.1.3 f: the risk owner accepts the residual risk. The
 * acceptance keeps the risk as it stood at that moment (its audited view and
 * ratings), so a later change does not rewrite what was accepted.
 */
export async function acceptRisk(ctx: DataContext, clock: Clock, id: string, input: z.output<typeof AcceptRiskRequestSchema>): Promise<TRisk> {
  await ctx.transaction(async (tx) => {
    const before = await riskRegister.expect(tx, id, input.version);
    if (before.treatment !== 'accept' || before.status === 'closed') throw new HttpProblem(409, 'riskNotForAcceptance');
    if (before.ownerUserId !== tx.userId) throw new HttpProblem(403, 'notRiskOwner');
    const today = isoDay(tokyoToday(clock.now()));
    if (input.expiresOn <= today) throw new HttpProblem(400, 'validation', {}, [{ path: 'expiresOn', code: 'expiryNotFuture' }]);
    const links = (await linksOf(tx, [id])).get(id);
    const snapshot = { ...riskAuditView(before, links), ratings: ratingsOf(storedRisk(before), await riskScaleOf(tx)), version: before.version };
    const row = await insertAcceptance(tx, { riskId: id, acceptedBy: tx.userId, acceptedByLabel: tx.actor.actorLabel ?? '', expiresOn: input.expiresOn, rationale: input.rationale, snapshot });
    await riskRegister.update(tx, id, input.version, { status: 'accepted' }, { before: { status: before.status }, after: (r) => ({ status: r.status, acceptanceId: row.id, expiresOn: row.expiresOn }) });
  });
  return getRisk(ctx, clock, id);
}

/** The organisation's loaded threat lists, one per year (newest first), each threat by rank (threat-assessment.rules.ts). */
export async function threatLists(ctx: DataContext) {
  const threats = await loadedCollection(ctx, THREATS_COLLECTION);
  return { lists: threatListsOf(threats?.items ?? []).map((l) => ({ id: l.id, year: l.year, name: l.name, items: l.threats.map((t) => ({ id: t.id, rank: t.rank, name: t.name })) })) };
}
