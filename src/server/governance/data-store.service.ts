import type { z } from 'zod';
import { effectiveClass, protectionGaps, type AtRest, type DataClass, type KeyManagement, type TlsMinimum } from '../../shared/governance/data-protection.rules.ts';
import type { CreateDataStoreRequestSchema, TDataStore, TDataStoreList, UpdateDataStoreRequestSchema } from '../../shared/governance/data-store.schema.ts';
import { assetClassifications, ownRecords, type AssetClassification } from '../assets/assets.public.ts';
import { loadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { listStores, replaceStoreAssets, storeLinks, storeRegister, type DataStoreRow } from './data-store.repository.ts';

/**
 * Data stores and their protection (seed 004 「データ保護と暗号化」): each
 * store's class (its own, raised by the assets it holds), and what its
 * encryption at rest, TLS and key management lack for that class
 * (data-protection.rules.ts). The gaps are the findings to act on.
 */

const DATA_PROTECTION_COLLECTION = 'urn:kumoji:seed-004:data-protection';

function present(ctx: DataContext, row: DataStoreRow, held: readonly AssetClassification[]): TDataStore {
  const cls = effectiveClass(row.classification as DataClass | null, held);
  const protection = { atRest: row.atRest as AtRest, tlsMinimum: row.tlsMinimum as TlsMinimum, keyManagement: row.keyManagement as KeyManagement };
  return storeRegister.present(ctx, row, (r) => ({
    id: r.id,
    name: r.name,
    location: r.location,
    classification: r.classification as DataClass | null,
    effectiveClass: cls,
    assets: [...held],
    ...protection,
    gaps: protectionGaps(cls, protection),
    notes: r.notes,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function presentAll(ctx: DataContext, rows: readonly DataStoreRow[]): Promise<TDataStore[]> {
  const links = (await storeLinks(ctx)).filter((l) => rows.some((r) => r.id === l.dataStoreId));
  const classified = new Map((await assetClassifications(ctx, [...new Set(links.map((l) => l.assetId))])).map((a) => [a.id, a]));
  return rows.map((r) => present(ctx, r, links.filter((l) => l.dataStoreId === r.id).flatMap((l) => classified.get(l.assetId) ?? [])));
}

export async function listDataStores(ctx: DataContext): Promise<TDataStoreList> {
  const [rows, catalog] = await ctx.sideBySide(() => listStores(ctx), () => loadedCollection(ctx.db, ctx.organisationId, DATA_PROTECTION_COLLECTION));
  const items = await presentAll(ctx, rows);
  return {
    items,
    summary: { stores: items.length, withGaps: items.filter((s) => s.gaps.length).length, high: items.filter((s) => s.effectiveClass === 'high').length },
    source: catalog?.source ?? [],
  };
}

export async function getDataStore(ctx: DataContext, id: string): Promise<TDataStore> {
  const [one] = await presentAll(ctx, [await storeRegister.get(ctx, id)]);
  return one!;
}

/** 400 on each asset that is not the organisation's (locked against deletion until the change commits). */
async function checkAssets(ctx: DataContext, assetIds: readonly string[]): Promise<void> {
  const own = await ownRecords.asset(ctx, assetIds);
  const errors: FieldError[] = assetIds.flatMap((id, i) => (own.has(id) ? [] : [{ path: `assetIds.${i}`, code: 'referenceNotFound' }]));
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

const auditViewOf = (r: DataStoreRow, assetIds: readonly string[]) => ({ ...storeRegister.spec.auditView(r), assetIds: [...assetIds].sort() });
const heldBy = async (ctx: DataContext, id: string) => (await storeLinks(ctx)).filter((l) => l.dataStoreId === id).map((l) => l.assetId);

export async function createDataStore(ctx: DataContext, input: z.output<typeof CreateDataStoreRequestSchema>): Promise<TDataStore> {
  const { assetIds, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    await checkAssets(tx, assetIds);
    const store = await storeRegister.create(tx, fields, { after: (r) => auditViewOf(r, assetIds) });
    await replaceStoreAssets(tx, store.id, assetIds);
    return store;
  });
  return getDataStore(ctx, row.id);
}

export async function updateDataStore(ctx: DataContext, id: string, input: z.output<typeof UpdateDataStoreRequestSchema>): Promise<TDataStore> {
  const { version, assetIds, ...fields } = input;
  await ctx.transaction(async (tx) => {
    const before = await storeRegister.expect(tx, id, version);
    const held = await heldBy(tx, id);
    if (assetIds) {
      await checkAssets(tx, assetIds);
      await replaceStoreAssets(tx, id, assetIds);
    }
    await storeRegister.update(tx, id, version, fields, { before: auditViewOf(before, held), after: (r) => auditViewOf(r, assetIds ?? held), changedOnly: true });
  });
  return getDataStore(ctx, id);
}

export async function deleteDataStore(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const held = await heldBy(tx, id);
    await storeRegister.remove(tx, id, undefined, { before: (r) => auditViewOf(r, held) });
  });
}

export const dataStoreHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => storeRegister.history(ctx, id);
