import { loadedCollectionsById, type LoadedCollection } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';

/** The catalog collections this module reads (seed 000 III.6.1, IV.6, IV.6.1(2) 表13), as the organisation has them loaded. */
export const PROVIDER_COLLECTIONS = {
  profiles: 'urn:kumoji:seed-000:provider-profiles',
  company: 'urn:kumoji:seed-000:company-evaluation',
  selection: 'urn:kumoji:seed-000:provider-selection-checks',
  contractItems: 'urn:kumoji:seed-000:contract-items',
} as const;
export type ProviderCollectionKey = keyof typeof PROVIDER_COLLECTIONS;

export function providerCollections<K extends ProviderCollectionKey>(ctx: DataContext, keys: readonly K[]): Promise<Record<K, LoadedCollection | null>> {
  return loadedCollectionsById(ctx, PROVIDER_COLLECTIONS, keys);
}

/** A text of the catalog in both languages. */
export const bothLanguages = (x: { ja: string; en: string }) => ({ ja: x.ja, en: x.en });
