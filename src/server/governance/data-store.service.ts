import type { z } from 'zod';
import { effectiveClass, protectionGaps, type AtRest, type DataClass, type KeyManagement, type TlsMinimum } from '../../shared/governance/data-protection.rules.ts';
import type { CreateDataStoreRequestSchema, TDataStore, TDataStoreList, UpdateDataStoreRequestSchema } from '../../shared/governance/data-store.schema.ts';
import { assetClassifications, ownRecords, type AssetClassification } from '../assets/assets.public.ts';
import { loadedCollection } from '../catalog/catalog.public.ts';
import { correctiveActionsFrom, type ActionSummary } from '../operations/operations.public.ts';
import { translator } from '../platform/i18n/translate.ts';
import { LocaleSchema, type TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import type { HistoryEntry } from '../platform/register/register-history.ts';
import { listStores, replaceStoreAssets, storeLinks, storeRegister, type DataStoreRow } from './data-store.repository.ts';
import { findingOpenAsConflict, openFindingAction, presentFindingActions } from './finding-action.service.ts';

/**
 * Data stores and their protection (seed 004 「データ保護と暗号化」): each
 * store's class (its own, raised by the assets it holds), and what its
 * encryption at rest, TLS and key management lack for that class
 * (data-protection.rules.ts). The gaps are the findings to act on.
 */

const DATA_PROTECTION_COLLECTION = 'urn:kumoji:seed-004:data-protection';

function present(ctx: DataContext, row: DataStoreRow, held: readonly AssetClassification[], actions: readonly ActionSummary[]): TDataStore {
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
    actions: presentFindingActions(actions),
    notes: r.notes,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

async function presentAll(ctx: DataContext, rows: readonly DataStoreRow[], now: Date): Promise<TDataStore[]> {
  const ids = rows.map((r) => r.id);
  const [links, actions] = await ctx.sideBySide(() => storeLinks(ctx, ids), () => correctiveActionsFrom(ctx, 'dataStore', ids, now));
  const classified = new Map((await assetClassifications(ctx, [...new Set(links.map((l) => l.assetId))])).map((a) => [a.id, a]));
  return rows.map((r) => present(ctx, r, links.filter((l) => l.dataStoreId === r.id).flatMap((l) => classified.get(l.assetId) ?? []), actions.get(r.id) ?? []));
}

export async function listDataStores(ctx: DataContext, now: Date): Promise<TDataStoreList> {
  const [rows, catalog] = await ctx.sideBySide(() => listStores(ctx), () => loadedCollection(ctx, DATA_PROTECTION_COLLECTION));
  const items = await presentAll(ctx, rows, now);
  return {
    items,
    summary: { stores: items.length, withGaps: items.filter((s) => s.gaps.length).length, high: items.filter((s) => s.effectiveClass === 'high').length },
    source: catalog?.source ?? [],
  };
}

export async function getDataStore(ctx: DataContext, id: string, now: Date): Promise<TDataStore> {
  const [one] = await presentAll(ctx, [await storeRegister.get(ctx, id)], now);
  return one!;
}

/** 400 on each asset that is not the organisation's (locked against deletion until the change commits). */
async function checkAssets(ctx: DataContext, assetIds: readonly string[]): Promise<void> {
  const own = await ownRecords.asset(ctx, assetIds);
  const errors: FieldError[] = assetIds.flatMap((id, i) => (own.has(id) ? [] : [{ path: `assetIds.${i}`, code: 'referenceNotFound' }]));
  if (errors.length) throw new HttpProblem(400, 'validation', {}, errors);
}

const auditViewOf = (r: DataStoreRow, assetIds: readonly string[]) => ({ ...storeRegister.spec.auditView(r), assetIds: [...assetIds].sort() });
const heldBy = async (ctx: DataContext, id: string) => (await storeLinks(ctx, [id])).map((l) => l.assetId);

export async function createDataStore(ctx: DataContext, input: z.output<typeof CreateDataStoreRequestSchema>, now: Date): Promise<TDataStore> {
  const { assetIds, ...fields } = input;
  const row = await ctx.transaction(async (tx) => {
    await checkAssets(tx, assetIds);
    const store = await storeRegister.create(tx, fields, { after: (r) => auditViewOf(r, assetIds) });
    await replaceStoreAssets(tx, store.id, assetIds);
    return store;
  });
  return getDataStore(ctx, row.id, now);
}

export async function updateDataStore(ctx: DataContext, id: string, input: z.output<typeof UpdateDataStoreRequestSchema>, now: Date): Promise<TDataStore> {
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
  return getDataStore(ctx, id, now);
}

export async function deleteDataStore(ctx: DataContext, id: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const held = await heldBy(tx, id);
    await storeRegister.remove(tx, id, undefined, { before: (r) => auditViewOf(r, held) });
  });
}

export const dataStoreHistory = (ctx: DataContext, id: string): Promise<HistoryEntry[]> => storeRegister.history(ctx, id);

/**
 * Opens each of the store's current gaps as a corrective action in Plan
 * (seed 004's PDCA: a finding is followed to a verified change), through the
 * finding actions the IAM and log reviews use: each action names its gap, so
 * a gap with an open action is not opened again whichever language the
 * member reads, and a request racing this one that stored the same gap first
 * makes this one 409 `findingActionOpen`. The title names the gap and the
 * store in the member's language, the remedy is its plan. An action opened
 * before actions named their gap is matched by its title, in either language.
 * At the version read: a store changed meanwhile gets 409.
 */
export async function openFindings(ctx: DataContext, id: string, version: number, locale: TLocale, now: Date): Promise<TDataStore> {
  const t = translator(locale);
  const titleOf = (tr: typeof t, gap: string, store: string) => tr('governance.dataStores.findingTitle', { gap: tr(`governance.dataStores.gap.${gap}`), store });
  await ctx
    .transaction(async (tx) => {
      const row = await storeRegister.expect(tx, id, version);
      const [store] = await presentAll(tx, [row], now);
      const actions = (await correctiveActionsFrom(tx, 'dataStore', [id], now)).get(id) ?? [];
      const untitled = new Set(actions.filter((a) => a.finding === null && a.phase !== 'closed').map((a) => a.title));
      for (const gap of store!.gaps) {
        if (LocaleSchema.options.some((l) => untitled.has(titleOf(translator(l), gap, row.name)))) continue;
        if (actions.some((a) => a.finding === gap && a.phase !== 'closed')) continue;
        await openFindingAction(tx, {
          origin: 'dataStore',
          id,
          finding: gap,
          current: store!.gaps,
          actions,
          title: titleOf(t, gap, row.name),
          plan: t(`governance.dataStores.remedy.${gap}`),
          originTitle: row.name,
        });
      }
    })
    .catch(findingOpenAsConflict);
  return getDataStore(ctx, id, now);
}
