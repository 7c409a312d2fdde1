import type { z } from 'zod';
import type { CreateContractRequestSchema, TContract, UpdateContractRequestSchema } from '../../shared/providers/contract.schema.ts';
import { termStanding, noticeFitsTerm } from '../../shared/providers/contract-term.rules.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { bothLanguages, providerCollections } from './provider.catalog.ts';
import { contractRegister, listContracts as listContractRows, listProviders, type ContractRow } from './provider.repository.ts';
import { reviewSummary } from './contract-review.rules.ts';
import { providers, type ContractItemReview } from './provider.table.ts';

/**
 * Contracts with providers (seed 000 III.6.1): each reviewed against the 17
 * items a contract should cover, with its exit terms (item 16: data returned
 * and deleted) and its term, renewal and notice (item 14), from which the
 * last day to give notice is computed (contract-term.rules.ts).
 */

async function contractItems(ctx: DataContext): Promise<LoadedCollection | null> {
  return (await providerCollections(ctx, ['contractItems'])).contractItems;
}

function present(c: ContractRow, providerName: string, items: LoadedCollection | null, today: IsoDate): TContract {
  const saved = new Map(c.review.map((r) => [r.itemId, r]));
  const review = (items?.items ?? []).map((row) => {
    const r = saved.get(row.itemId);
    return {
      itemId: row.itemId,
      number: typeof row.attributes.number === 'number' ? row.attributes.number : null,
      text: bothLanguages(row),
      detail: row.detailJa || row.detailEn ? { ja: row.detailJa ?? '', en: row.detailEn ?? '' } : null,
      status: r?.status ?? null,
      clause: r?.clause ?? '',
      blocking: r?.blocking ?? false,
    };
  });
  return {
    id: c.id,
    providerId: c.providerId,
    providerName,
    title: c.title,
    startsOn: c.startsOn,
    termMonths: c.termMonths,
    autoRenew: c.autoRenew,
    renewalMonths: c.renewalMonths,
    noticeAmount: c.noticeAmount,
    noticeUnit: c.noticeUnit as TContract['noticeUnit'],
    noticeMethod: c.noticeMethod,
    review,
    exitDataFormat: c.exitDataFormat,
    exitReturnDays: c.exitReturnDays,
    exitDeletionCertificate: c.exitDeletionCertificate,
    note: c.note,
    standing: termStanding({ ...c, noticeUnit: c.noticeUnit as TContract['noticeUnit'] }, today),
    summary: reviewSummary(review, c),
    source: items?.source ?? [],
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function listContracts(ctx: DataContext, today: IsoDate) {
  const [rows, own, items] = await ctx.sideBySide(
    () => listContractRows(ctx),
    () => listProviders(ctx),
    () => contractItems(ctx),
  );
  const names = new Map(own.map((p) => [p.id, p.name]));
  return { items: rows.map((c) => present(c, names.get(c.providerId) ?? '', items, today)) };
}

export async function getContract(ctx: DataContext, id: string, today: IsoDate): Promise<TContract> {
  const row = await contractRegister.get(ctx, id);
  const [provider, items] = await ctx.sideBySide(
    () => ctx.findById(providers, row.providerId),
    () => contractItems(ctx),
  );
  return present(row, provider?.name ?? '', items, today);
}

/** The provider is the organisation's (locked against deletion), and each reviewed item one of the 17 as loaded. */
async function checkReferences(tx: DataContext, input: { providerId?: string; review?: ContractItemReview[] }): Promise<void> {
  const errors: FieldError[] = [];
  if (input.providerId && !(await tx.lockOwnIds(providers, [input.providerId])).has(input.providerId)) errors.push({ path: 'providerId', code: 'referenceNotFound' });
  if (input.review) {
    const known = new Set((await contractItems(tx))?.items.map((i) => i.itemId) ?? []);
    input.review.forEach((r, i) => {
      if (!known.has(r.itemId)) errors.push({ path: `review.${i}.itemId`, code: 'catalogItemUnknown' });
    });
  }
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

export async function createContract(ctx: DataContext, input: z.output<typeof CreateContractRequestSchema>, today: IsoDate): Promise<TContract> {
  const row = await ctx.transaction(async (tx) => {
    await contractRegister.assertNameFree(tx, input.title);
    await checkReferences(tx, input);
    return contractRegister.create(tx, input as typeof input & { review?: ContractItemReview[] });
  });
  return getContract(ctx, row.id, today);
}

export async function updateContract(ctx: DataContext, id: string, input: z.output<typeof UpdateContractRequestSchema>, today: IsoDate): Promise<TContract> {
  const { version, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await contractRegister.expect(tx, id, version);
    if (fields.title !== undefined) await contractRegister.assertNameFree(tx, fields.title, id);
    await checkReferences(tx, fields);
    const merged = { ...before, ...fields };
    if (!noticeFitsTerm({ ...merged, noticeUnit: merged.noticeUnit as 'days' | 'months' })) throw new HttpProblem(400, 'validation', {}, [{ path: 'noticeAmount', code: 'noticeLongerThanTerm' }]);
    await contractRegister.update(tx, id, version, fields, { before: contractRegister.spec.auditView(before), changedOnly: true });
  });
  return getContract(ctx, id, today);
}

export async function deleteContract(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction((tx) => contractRegister.remove(tx, id, undefined));
}

export const contractHistory = (ctx: DataContext, id: string) => contractRegister.history(ctx, id);
