import { asc, sql } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister, recordContent } from '../platform/register/register.ts';
import { contracts, providerEvaluations, providers, workloadRequirements } from './provider.table.ts';

/** Queries of providers, their evaluations, contracts and workloads' requirements, through the request's DataContext. */

export type ProviderRow = typeof providers.$inferSelect;
export type EvaluationRow = typeof providerEvaluations.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;
export type RequirementsRow = typeof workloadRequirements.$inferSelect;

export const providerRegister = defineRegister({ table: providers, entityType: 'provider', auditView: (r: ProviderRow) => recordContent(r), nameColumn: providers.name });
export const evaluationRegister = defineRegister({ table: providerEvaluations, entityType: 'providerEvaluation', auditView: (r: EvaluationRow) => recordContent(r) });
export const contractRegister = defineRegister({ table: contracts, entityType: 'contract', auditView: (r: ContractRow) => recordContent(r), nameColumn: contracts.title });
export const requirementsRegister = defineRegister({ table: workloadRequirements, entityType: 'workloadRequirements', auditView: (r: RequirementsRow) => recordContent(r) });

export const listProviders = (ctx: DataContext): Promise<ProviderRow[]> => ctx.select(providers, { orderBy: [asc(sql`lower(${providers.name})`), asc(providers.id)] });
export const listEvaluations = (ctx: DataContext): Promise<EvaluationRow[]> => ctx.select(providerEvaluations);
export const listContracts = (ctx: DataContext): Promise<ContractRow[]> => ctx.select(contracts, { orderBy: [asc(sql`lower(${contracts.title})`), asc(contracts.id)] });

export async function evaluationOf(ctx: DataContext, providerId: string, lock?: 'update'): Promise<EvaluationRow | undefined> {
  const [row] = await ctx.select(providerEvaluations, { where: sql`${providerEvaluations.providerId} = ${providerId}`, lock });
  return row;
}

export async function requirementsOf(ctx: DataContext, workloadId: string, lock?: 'update'): Promise<RequirementsRow | undefined> {
  const [row] = await ctx.select(workloadRequirements, { where: sql`${workloadRequirements.workloadId} = ${workloadId}`, lock });
  return row;
}

/** How many contracts each provider has. */
export async function contractCounts(ctx: DataContext): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ id: contracts.providerId, n: sql<number>`count(*)::int` })
    .from(contracts)
    .where(ctx.scoped(contracts))
    .groupBy(contracts.providerId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** A provider deleted leaves no comparison naming it: it is taken out of every workload's list and judgements. */
export async function forgetComparedProvider(ctx: DataContext, providerId: string): Promise<void> {
  await ctx.db
    .update(workloadRequirements)
    .set({
      providerIds: sql`array_remove(${workloadRequirements.providerIds}, ${providerId}::uuid)`,
      judgements: sql`coalesce((select jsonb_agg(j) from jsonb_array_elements(${workloadRequirements.judgements}) j where j->>'providerId' <> ${providerId}), '[]'::jsonb)`,
    })
    .where(ctx.scoped(workloadRequirements, sql`${providerId}::uuid = any(${workloadRequirements.providerIds})`));
}
