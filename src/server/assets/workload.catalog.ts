import { loadedCollection, loadedCollectionsById, type CatalogItemRow, type LoadedCollection, type Text } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';

export type { LoadedCollection, Text } from '../catalog/catalog.public.ts';

/**
 * The catalog collections the workload and system screens read, from the
 * organisation's loaded versions (docs/CATALOG.md: "loaded" is per
 * organisation; an owner may load a newer version or upload their own).
 */
export const COLLECTIONS = {
  categories: 'urn:kumoji:seed-000:workload-categories',
  impacts: 'urn:kumoji:seed-000:information-impacts',
  advantageThemes: 'urn:kumoji:seed-000:business-advantage-themes',
  assetBreakdown: 'urn:kumoji:seed-000:asset-breakdown',
  stages: 'urn:kumoji:seed-000:stages',
  strategies: 'urn:kumoji:public:migration-strategies',
  hybridDesign: 'urn:kumoji:seed-004:hybrid-design',
} as const;

/** One collection by the name of `COLLECTIONS`, as the organisation loaded it. */
export const loadedCollectionOf = (ctx: DataContext, key: keyof typeof COLLECTIONS): Promise<LoadedCollection | null> => loadedCollection(ctx, COLLECTIONS[key]);

/** Several collections at once, keyed by the names of `COLLECTIONS`. */
export const loadedCollections = <K extends keyof typeof COLLECTIONS>(ctx: DataContext, keys: readonly K[]): Promise<Record<K, LoadedCollection | null>> =>
  loadedCollectionsById(ctx, COLLECTIONS, keys);

/** An attribute of type `text` (a { ja, en } pair), or null. */
export function textAttribute(item: CatalogItemRow, key: string): Text | null {
  const value = item.attributes[key] as Partial<Text> | undefined;
  return value && typeof value.ja === 'string' && typeof value.en === 'string' ? { ja: value.ja, en: value.en } : null;
}

export function textListAttribute(item: CatalogItemRow, key: string): Text[] {
  const value = item.attributes[key];
  return Array.isArray(value) ? value.filter((v): v is Text => !!v && typeof v.ja === 'string' && typeof v.en === 'string').map((v) => ({ ja: v.ja, en: v.en })) : [];
}

export const detailOf = (item: CatalogItemRow): Text | null => (item.detailJa !== null && item.detailEn !== null ? { ja: item.detailJa, en: item.detailEn } : null);
