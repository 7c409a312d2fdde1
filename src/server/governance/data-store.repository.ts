import { asc, eq, inArray } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, recordContent } from '../platform/register/register.ts';
import { dataStoreAssets, dataStores } from './data-store.table.ts';

/** Queries of the data stores, through a request's DataContext. */

export type DataStoreRow = typeof dataStores.$inferSelect;

export const storeRegister = defineRegister({
  table: dataStores,
  entityType: 'dataStore',
  auditView: recordContent,
  can: changeableWith('governance.write'),
});

export const listStores = (ctx: DataContext) => ctx.select(dataStores, { orderBy: [asc(dataStores.name), asc(dataStores.id)] });
/** The assets these stores hold. */
export const storeLinks = (ctx: DataContext, storeIds: readonly string[]) =>
  storeIds.length ? ctx.select(dataStoreAssets, { where: inArray(dataStoreAssets.dataStoreId, [...storeIds]) }) : Promise.resolve([]);

export async function replaceStoreAssets(ctx: DataContext, dataStoreId: string, assetIds: readonly string[]): Promise<void> {
  await ctx.delete(dataStoreAssets, eq(dataStoreAssets.dataStoreId, dataStoreId));
  if (assetIds.length) await ctx.insert(dataStoreAssets, assetIds.map((assetId) => ({ dataStoreId, assetId })));
}
