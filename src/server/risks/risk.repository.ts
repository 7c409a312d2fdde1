import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../platform/db/platform.table.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister } from '../platform/register/register.ts';
import { can } from '../../shared/policy.ts';
import { DEFAULT_RISK_SCALE, type RiskScale } from './risk-rating.rules.ts';
import { insurancePolicies, riskAcceptances, riskLinks, risks, riskScales } from './risk.table.ts';

/** Queries of risks, their links, acceptances and insurance policies, through the request's DataContext. */

export type RiskRow = typeof risks.$inferSelect;
export type RiskPatch = Partial<Omit<typeof risks.$inferInsert, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'version' | 'createdBy'>>;
export type PolicyRow = typeof insurancePolicies.$inferSelect;
export type AcceptanceRow = typeof riskAcceptances.$inferSelect;

export interface RiskLinks {
  assetIds: string[];
  workloadIds: string[];
  systemIds: string[];
}

/** The risk as the audit trail and an acceptance record it: its content, not its bookkeeping. */
export const riskAuditView = (r: RiskRow, links?: RiskLinks) => ({
  title: r.title,
  description: r.description,
  threatItemId: r.threatItemId,
  threatText: r.threatText,
  ownerUserId: r.ownerUserId,
  bearer: r.bearer,
  inherent: { annualFrequency: r.inherentFrequency, lowYen: r.inherentLowYen, highYen: r.inherentHighYen },
  treated: r.treatedFrequency === null ? null : { annualFrequency: r.treatedFrequency, lowYen: r.treatedLowYen, highYen: r.treatedHighYen },
  current: r.currentLikelihood === null ? null : { likelihood: r.currentLikelihood, impact: r.currentImpact },
  inherentScore: r.inherentScore,
  residualScore: r.residualScore,
  treatment: r.treatment,
  plannedControls: r.plannedControls,
  insurancePolicyId: r.insurancePolicyId,
  sublimitYen: r.sublimitYen,
  status: r.status,
  nextReviewOn: r.nextReviewOn,
  ...(links ? { links } : {}),
});

export const riskRegister = defineRegister({
  table: risks,
  entityType: 'risk',
  auditView: (r: RiskRow) => riskAuditView(r),
  sorts: {
    residual: { column: risks.residualScore, type: 'integer' },
    title: { column: risks.title, type: 'text' },
    updated: { column: risks.updatedAt, type: 'timestamptz' },
  },
  can: (r: RiskRow, role) => ({ update: can(role, 'risks.write'), accept: can(role, 'risk.accept', r) }),
});

export const policyAuditView = (p: PolicyRow) => ({
  name: p.name,
  insurer: p.insurer,
  deductibleYen: p.deductibleYen,
  perEventLimitYen: p.perEventLimitYen,
  annualAggregateLimitYen: p.annualAggregateLimitYen,
  noticeDays: p.noticeDays,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  note: p.note,
});

export const policyRegister = defineRegister({ table: insurancePolicies, entityType: 'insurancePolicy', auditView: policyAuditView, nameColumn: insurancePolicies.name });

export type ScaleRow = typeof riskScales.$inferSelect;

/** The stored scale, or the default 5×5 while the organisation has none. */
export const scaleOf = (row: ScaleRow | undefined): RiskScale =>
  row ? { likelihoodUpperPerYear: row.likelihoodUpperPerYear, impactUpperYen: row.impactUpperYen, levelUpperScore: row.levelUpperScore, reviewMonths: row.reviewMonths } : DEFAULT_RISK_SCALE;

/** The scale the organisation's ratings are on. */
export async function riskScaleOf(ctx: DataContext): Promise<RiskScale> {
  const [row] = await ctx.select(riskScales, { limit: 1 });
  return scaleOf(row);
}

/** Every risk of the organisation, highest residual first (the analysis reads them all). */
export function listAllRisks(ctx: DataContext): Promise<RiskRow[]> {
  return ctx.select(risks, { orderBy: [desc(risks.residualScore), asc(risks.title), asc(risks.id)] });
}

export function listPolicies(ctx: DataContext): Promise<PolicyRow[]> {
  return ctx.select(insurancePolicies, { orderBy: [asc(insurancePolicies.name), asc(insurancePolicies.id)] });
}

/** How many risks each policy covers. */
export async function coverCounts(ctx: DataContext): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ id: risks.insurancePolicyId, n: sql<number>`count(*)::int` })
    .from(risks)
    .where(ctx.scoped(risks, sql`${risks.insurancePolicyId} is not null`))
    .groupBy(risks.insurancePolicyId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

/** The policy, locked against deletion until the transaction ends, so a cover never names a policy deleted meanwhile. */
export async function lockPolicy(ctx: DataContext, id: string): Promise<PolicyRow | undefined> {
  return ctx.findById(insurancePolicies, id, 'key share');
}

export async function linksOf(ctx: DataContext, riskIds: readonly string[]): Promise<Map<string, RiskLinks>> {
  const out = new Map<string, RiskLinks>(riskIds.map((id) => [id, { assetIds: [], workloadIds: [], systemIds: [] }]));
  if (!riskIds.length) return out;
  const rows = await ctx.select(riskLinks, { where: inArray(riskLinks.riskId, [...riskIds]) });
  for (const r of rows) {
    const l = out.get(r.riskId)!;
    if (r.assetId) l.assetIds.push(r.assetId);
    if (r.workloadId) l.workloadIds.push(r.workloadId);
    if (r.systemId) l.systemIds.push(r.systemId);
  }
  for (const l of out.values()) for (const ids of [l.assetIds, l.workloadIds, l.systemIds]) ids.sort();
  return out;
}

export async function replaceLinks(ctx: DataContext, riskId: string, links: RiskLinks): Promise<void> {
  await ctx.db.delete(riskLinks).where(ctx.scoped(riskLinks, eq(riskLinks.riskId, riskId)));
  const rows = [
    ...links.assetIds.map((assetId) => ({ riskId, assetId })),
    ...links.workloadIds.map((workloadId) => ({ riskId, workloadId })),
    ...links.systemIds.map((systemId) => ({ riskId, systemId })),
  ];
  if (rows.length) await ctx.insert(riskLinks, rows);
}

/** The latest acceptance of each risk. */
export async function latestAcceptances(ctx: DataContext, riskIds: readonly string[]): Promise<Map<string, AcceptanceRow>> {
  if (!riskIds.length) return new Map();
  const rows = await ctx.select(riskAcceptances, { where: inArray(riskAcceptances.riskId, [...riskIds]), orderBy: [asc(riskAcceptances.acceptedAt), asc(riskAcceptances.id)] });
  return new Map(rows.map((r) => [r.riskId, r]));
}

export async function insertAcceptance(ctx: DataContext, values: Omit<typeof riskAcceptances.$inferInsert, 'organisationId'>): Promise<AcceptanceRow> {
  const [row] = await ctx.insert(riskAcceptances, values);
  return row;
}

/** Display names of the given users (risk owners). */
export async function userNames(ctx: DataContext, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await ctx.db.select({ id: users.id, name: users.displayName, email: users.email }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name || r.email]));
}
