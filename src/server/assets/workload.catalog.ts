import { findLoadedCollection, listVersionItems, pinShippedCollections, type CatalogItemRow } from '../catalog/catalog.repository.ts';
import type { Db } from '../platform/db/database.ts';
import { mapSideBySide } from '../platform/db/side-by-side.ts';

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

export interface Text {
  ja: string;
  en: string;
}

export interface LoadedCollection {
  id: string;
  name: Text;
  version: number;
  source: string[];
  items: CatalogItemRow[];
}

/** The organisation's loaded version of a collection with its items, or null when it has none loaded. */
export async function loadedCollection(db: Db, organisationId: string, collectionId: string): Promise<LoadedCollection | null> {
  await pinShippedCollections(db, organisationId);
  const row = await findLoadedCollection(db, organisationId, collectionId);
  if (!row) return null;
  const items = await listVersionItems(db, organisationId, row.version.id);
  return { id: collectionId, name: { ja: row.version.nameJa, en: row.version.nameEn }, version: row.version.version, source: row.version.source, items };
}

/** Several collections at once, keyed by the names of `COLLECTIONS`. */
export async function loadedCollections<K extends keyof typeof COLLECTIONS>(db: Db, organisationId: string, keys: readonly K[]) {
  const found = await mapSideBySide(db, keys, (k) => loadedCollection(db, organisationId, COLLECTIONS[k]));
  return Object.fromEntries(keys.map((k, i) => [k, found[i]])) as Record<K, LoadedCollection | null>;
}

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
