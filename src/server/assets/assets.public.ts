import type { DataContext } from '../platform/db/data-context.ts';
import { lockOwnSystems, lockOwnWorkloads } from './system.repository.ts';
import { lockOwnAssets } from './workload.repository.ts';

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
