import { inArray } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { assets } from './asset.table.ts';
import { lockOwnSystems, lockOwnWorkloads } from './system.repository.ts';
import { listWorkloads, lockOwnAssets } from './workload.repository.ts';

/**
 * What other modules read from the inventory: which of the given ids are the
 * organisation's assets, workloads or systems, locked against deletion until
 * the caller's transaction ends (a risk links them; the composite foreign
 * keys refuse another organisation's ids in any case).
 */
export const ownRecords = {
  asset: (ctx: DataContext, ids: readonly string[]) => lockOwnAssets(ctx, ids),
  workload: (ctx: DataContext, ids: readonly string[]) => lockOwnWorkloads(ctx, ids),
  system: (ctx: DataContext, ids: readonly string[]) => lockOwnSystems(ctx, ids),
};

/** The organisation's workloads by id and name, in name order (a provider comparison names the workload it is for). */
export async function workloadNames(ctx: DataContext): Promise<{ id: string; name: string }[]> {
  return (await listWorkloads(ctx)).map((w) => ({ id: w.id, name: w.name }));
}

export interface AssetClassification {
  id: string;
  name: string;
  confidentiality: 'high' | 'medium' | 'low' | null;
  containsPersonalData: boolean;
}

/** What classifies these assets (their confidentiality and whether they hold personal data): a data store is protected as the assets it holds. */
export async function assetClassifications(ctx: DataContext, ids: readonly string[]): Promise<AssetClassification[]> {
  if (!ids.length) return [];
  const rows = await ctx.select(assets, { where: inArray(assets.id, [...ids]) });
  return rows.map((a) => ({ id: a.id, name: a.name, confidentiality: a.confidentiality as AssetClassification['confidentiality'], containsPersonalData: a.containsPersonalData }));
}
