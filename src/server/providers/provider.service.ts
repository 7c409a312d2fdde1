import type { z } from 'zod';
import type { CreateProviderRequestSchema, TProvider, TProviderReferenceList, UpdateProviderRequestSchema } from '../../shared/providers/provider.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { CatalogItemRow } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { evaluationOutcome, reevaluation } from './evaluation.rules.ts';
import { bothLanguages, providerCollections } from './provider.catalog.ts';
import { contractCounts, forgetComparedProvider, listEvaluations, listProviders as listProviderRows, providerRegister, type EvaluationRow, type ProviderRow } from './provider.repository.ts';
import type { providers } from './provider.table.ts';

/**
 * Provider profiles (seed 000 IV.6.1(2) 表13; FACTS.md 4): the organisation's
 * own providers, each possibly copied from one of the study's nine reference
 * profiles, with its certifications, ISMAP / ISMAP-LIU registration and what
 * it commits to; and the reference profiles themselves, read-only.
 */

/** The fields a request sent (an absent field keeps what the reference or the default gives). */
const sent = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function evaluationSummary(e: EvaluationRow | undefined, today: IsoDate): TProvider['evaluation'] {
  if (!e) return null;
  const outcome = evaluationOutcome(e.items);
  const { dueOn, overdue } = reevaluation(e.evaluatedOn, e.reevaluateMonths, today);
  return { score: outcome.score, knockedOut: outcome.knockOuts.length > 0, dueOn, overdue };
}

function present(p: ProviderRow, extra: { reference: CatalogItemRow | undefined; evaluation: EvaluationRow | undefined; contracts: number }, today: IsoDate): TProvider {
  return {
    id: p.id,
    name: p.name,
    referenceItemId: p.referenceItemId,
    reference: extra.reference ? bothLanguages(extra.reference) : null,
    services: p.services,
    website: p.website,
    serviceTypes: p.serviceTypes as TProvider['serviceTypes'],
    dataLocations: p.dataLocations,
    certifications: p.certifications.map((c) => ({ ...c, expired: c.expiresOn !== null && c.expiresOn < today })),
    ismap: p.ismap as TProvider['ismap'],
    ismapRegisteredOn: p.ismapRegisteredOn,
    ismapListCheckedOn: p.ismapListCheckedOn,
    msp: p.msp,
    mss: p.mss,
    subcontractors: p.subcontractors,
    slaAvailabilityPercent: p.slaAvailabilityPercent,
    recoveryTimeHours: p.recoveryTimeHours,
    supportHours: p.supportHours as TProvider['supportHours'],
    migrationSupport: p.migrationSupport,
    note: p.note,
    evaluation: evaluationSummary(extra.evaluation, today),
    contractCount: extra.contracts,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function referenceItems(ctx: DataContext): Promise<CatalogItemRow[]> {
  const { profiles } = await providerCollections(ctx, ['profiles']);
  return profiles?.items ?? [];
}

export async function listProviders(ctx: DataContext, today: IsoDate) {
  const [rows, evaluations, counts, references] = await ctx.sideBySide(
    () => listProviderRows(ctx),
    () => listEvaluations(ctx),
    () => contractCounts(ctx),
    () => referenceItems(ctx),
  );
  const byProvider = new Map(evaluations.map((e) => [e.providerId, e]));
  const refs = new Map(references.map((r) => [r.itemId, r]));
  return { items: rows.map((p) => present(p, { reference: p.referenceItemId ? refs.get(p.referenceItemId) : undefined, evaluation: byProvider.get(p.id), contracts: counts.get(p.id) ?? 0 }, today)) };
}

export async function getProvider(ctx: DataContext, id: string, today: IsoDate): Promise<TProvider> {
  const row = await providerRegister.get(ctx, id);
  const [evaluations, counts, references] = await ctx.sideBySide(
    () => listEvaluations(ctx),
    () => contractCounts(ctx),
    () => referenceItems(ctx),
  );
  return present(row, { reference: references.find((r) => r.itemId === row.referenceItemId), evaluation: evaluations.find((e) => e.providerId === id), contracts: counts.get(id) ?? 0 }, today);
}

/** The study's nine profiles, each with the own provider copied from it (if any). */
export async function providerReferences(ctx: DataContext): Promise<TProviderReferenceList> {
  const [{ profiles }, rows] = await ctx.sideBySide(
    () => providerCollections(ctx, ['profiles']),
    () => listProviderRows(ctx),
  );
  const copied = new Map(rows.filter((r) => r.referenceItemId).map((r) => [r.referenceItemId!, r.id]));
  return {
    source: profiles?.source ?? [],
    items: (profiles?.items ?? []).map((i) => ({
      itemId: i.itemId,
      name: bothLanguages(i),
      company: typeof i.attributes.company === 'string' ? i.attributes.company : '',
      services: strings(i.attributes.services),
      url: typeof i.attributes.url === 'string' ? i.attributes.url : '',
      features: Array.isArray(i.attributes.features) ? (i.attributes.features as { ja: string; en: string }[]).map(bothLanguages) : [],
      copiedAs: copied.get(i.itemId) ?? null,
    })),
  };
}

type CreateInput = z.output<typeof CreateProviderRequestSchema>;

export async function createProvider(ctx: DataContext, input: CreateInput, today: IsoDate): Promise<TProvider> {
  const row = await ctx.transaction(async (tx) => {
    await providerRegister.assertNameFree(tx, input.name);
    let fromReference: Partial<typeof providers.$inferInsert> = {};
    if (input.referenceItemId) {
      const ref = (await referenceItems(tx)).find((r) => r.itemId === input.referenceItemId);
      if (!ref) throw new HttpProblem(400, 'validation', {}, [{ path: 'referenceItemId', code: 'catalogItemUnknown' }]);
      fromReference = { services: strings(ref.attributes.services), website: typeof ref.attributes.url === 'string' ? ref.attributes.url : '' };
    }
    return providerRegister.create(tx, { ...fromReference, ...sent(input), referenceItemId: input.referenceItemId ?? null } as typeof providers.$inferInsert);
  });
  return getProvider(ctx, row.id, today);
}

export async function updateProvider(ctx: DataContext, id: string, input: z.output<typeof UpdateProviderRequestSchema>, today: IsoDate): Promise<TProvider> {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await providerRegister.expect(tx, id, version);
    if (fields.name !== undefined) await providerRegister.assertNameFree(tx, fields.name, id);
    const merged = { ...before, ...fields };
    // The registration as it will stand: a change of one date is checked against the other.
    if (merged.ismap !== 'none' && (!merged.ismapRegisteredOn || !merged.ismapListCheckedOn))
      throw new HttpProblem(400, 'validation', {}, [{ path: merged.ismapRegisteredOn ? 'ismapListCheckedOn' : 'ismapRegisteredOn', code: 'ismapNeedsDates' }]);
    if (merged.ismap !== 'none' && merged.ismapListCheckedOn! < merged.ismapRegisteredOn!) throw new HttpProblem(400, 'validation', {}, [{ path: 'ismapListCheckedOn', code: 'checkedBeforeRegistered' }]);
    await providerRegister.update(tx, id, version, fields, { before: providerRegister.spec.auditView(before), changedOnly: true });
  });
  return getProvider(ctx, id, today);
}

/** A provider with contracts stays (409, saying how many); otherwise its evaluation goes with it and no comparison names it any more. */
export async function deleteProvider(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    await providerRegister.find(tx, id, 'update');
    const count = (await contractCounts(tx)).get(id) ?? 0;
    if (count) throw new HttpProblem(409, 'providerHasContracts', { count: String(count) });
    await forgetComparedProvider(tx, id);
    await providerRegister.remove(tx, id, undefined);
  });
}

export const providerHistory = (ctx: DataContext, id: string) => providerRegister.history(ctx, id);
