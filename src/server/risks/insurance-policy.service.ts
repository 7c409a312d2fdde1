import type { z } from 'zod';
import type { CreateInsurancePolicyRequestSchema, TInsurancePolicy, UpdateInsurancePolicyRequestSchema } from '../../shared/risks/risk.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { coverCounts, listPolicies as listPolicyRows, policyAuditView, policyRegister, type PolicyRow } from './risk.repository.ts';
import type { insurancePolicies } from './risk.table.ts';

/** Cyber insurance as a risk treatment (transfer): the organisation's policies. */

const present = (p: PolicyRow, riskCount: number): TInsurancePolicy => ({ id: p.id, ...policyAuditView(p), riskCount, version: p.version, updatedAt: p.updatedAt.toISOString() });

export async function listPolicies(ctx: DataContext) {
  const [rows, counts] = await ctx.sideBySide(() => listPolicyRows(ctx), () => coverCounts(ctx));
  return { items: rows.map((p) => present(p, counts.get(p.id) ?? 0)) };
}

export async function getPolicy(ctx: DataContext, id: string) {
  const row = await policyRegister.get(ctx, id);
  return present(row, (await coverCounts(ctx)).get(id) ?? 0);
}

/** The amounts and the period as they will stand after a change: the same checks as a new policy's. */
function checkMerged(p: Pick<PolicyRow, 'deductibleYen' | 'perEventLimitYen' | 'annualAggregateLimitYen' | 'startsOn' | 'endsOn'>) {
  const errors: FieldError[] = [];
  if (p.deductibleYen >= p.perEventLimitYen) errors.push({ path: 'deductibleYen', code: 'deductibleAboveLimit' });
  if (p.annualAggregateLimitYen !== null && p.annualAggregateLimitYen < p.perEventLimitYen) errors.push({ path: 'annualAggregateLimitYen', code: 'aggregateBelowLimit' });
  if (p.endsOn < p.startsOn) errors.push({ path: 'endsOn', code: 'endBeforeStart' });
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

export async function createPolicy(ctx: DataContext, input: z.output<typeof CreateInsurancePolicyRequestSchema>) {
  const row = await ctx.transaction(async (tx) => {
    await policyRegister.assertNameFree(tx, input.name);
    return policyRegister.create(tx, { annualAggregateLimitYen: null, ...input } as typeof insurancePolicies.$inferInsert);
  });
  return present(row, 0);
}

export async function updatePolicy(ctx: DataContext, id: string, input: z.output<typeof UpdateInsurancePolicyRequestSchema>) {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await policyRegister.expect(tx, id, version);
    if (fields.name !== undefined) await policyRegister.assertNameFree(tx, fields.name, id);
    checkMerged({ ...before, ...fields });
    await policyRegister.update(tx, id, version, fields, { before: policyAuditView(before), changedOnly: true });
  });
  return getPolicy(ctx, id);
}

/** A policy that still covers a risk stays: the risk's treatment would name nothing (409, say which risks to change first). */
export async function deletePolicy(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    await policyRegister.get(tx, id);
    const covering = (await coverCounts(tx)).get(id) ?? 0;
    if (covering) throw new HttpProblem(409, 'policyStillCovers', { count: String(covering) });
    await policyRegister.remove(tx, id, undefined);
  });
}

export const policyHistory = (ctx: DataContext, id: string) => policyRegister.history(ctx, id);
