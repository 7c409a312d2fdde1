import type { TIndustryOption } from '../../shared/schemas/organisation-profile.schema.ts';
import { mapSideBySide } from '../platform/db/side-by-side.ts';
import {
  findLoadedCollection,
  listLoadedCollections,
  listVersionItems,
  pinShippedCollections,
  type CatalogItemRow,
  type CatalogReader,
  type CatalogVersionRow,
} from './catalog.repository.ts';

/**
 * What other modules read from the catalog: an organisation's loaded version
 * of a collection with its items (docs/CATALOG.md: "loaded" is per
 * organisation; an owner may load a newer version or upload their own).
 * Other modules import this file only, never the catalog's tables or
 * repository (eslint.config.js enforces it).
 */

/**
 * `CatalogReader`, whose loaded catalog is read: a module's DataContext (the
 * handle it works on, the pool or its transaction, and its organisation), or
 * the same pair from a module not on the context yet.
 */
export type { CatalogItemRow, CatalogReader, CatalogVersionRow };

export interface Text {
  ja: string;
  en: string;
}

export interface LoadedCollection {
  id: string;
  name: Text;
  version: number;
  source: string[];
  /** The stored version, for a record that keeps which version it relied on. */
  stored: CatalogVersionRow;
  items: CatalogItemRow[];
}

async function readLoaded(reader: CatalogReader, collectionId: string): Promise<LoadedCollection | null> {
  const row = await findLoadedCollection(reader, collectionId);
  if (!row) return null;
  const items = await listVersionItems(reader, row.version.id);
  return { id: collectionId, name: { ja: row.version.nameJa, en: row.version.nameEn }, version: row.version.version, source: row.version.source, stored: row.version, items };
}

/**
 * Shipped collections an organisation has no version of yet are pinned on
 * first read; a reader that reads several times in one request pins once
 * itself and passes `{ pinned: true }`.
 */
export interface ReadOptions {
  pinned?: boolean;
}

export const pinShipped = (reader: CatalogReader): Promise<void> => pinShippedCollections(reader);

/** The organisation's loaded version of a collection with its items, or null when it has none loaded. */
export async function loadedCollection(reader: CatalogReader, collectionId: string, options: ReadOptions = {}): Promise<LoadedCollection | null> {
  if (!options.pinned) await pinShipped(reader);
  return readLoaded(reader, collectionId);
}

/** Several collections at once (the shipped ones pinned once), keyed as `ids` is. */
export async function loadedCollectionsById<K extends string>(reader: CatalogReader, ids: Readonly<Record<K, string>>, keys: readonly K[]): Promise<Record<K, LoadedCollection | null>> {
  await pinShipped(reader);
  const found = await mapSideBySide(reader.db, keys, (k) => readLoaded(reader, ids[k]));
  return Object.fromEntries(keys.map((k, i) => [k, found[i]])) as Record<K, LoadedCollection | null>;
}

/** The loaded versions of every collection of one type (e.g. every `checklist` collection), in collection order. */
export async function loadedVersionsOfType(reader: CatalogReader, type: string, options: ReadOptions = {}): Promise<CatalogVersionRow[]> {
  if (!options.pinned) await pinShipped(reader);
  return (await listLoadedCollections(reader, { type })).map((row) => row.version);
}

/** The items of one stored version (a record's own version, e.g. the one an assessment was answered on). */
export const versionItems = (reader: CatalogReader, catalogVersionId: string): Promise<CatalogItemRow[]> => listVersionItems(reader, catalogVersionId);

/** Seed 000 I.3 表1, as the catalog ships it; each row of kind `industry` is a choice of the organisation profile. */
export const INDUSTRIES_COLLECTION = 'urn:kumoji:seed-000:industries';

/** The industries an organisation profile chooses from, with the collection's sources. */
export interface IndustryList {
  options: TIndustryOption[];
  source: string[];
}

export async function industryOptions(reader: CatalogReader, options: ReadOptions = {}): Promise<IndustryList> {
  const loaded = await loadedCollection(reader, INDUSTRIES_COLLECTION, options);
  if (!loaded) return { options: [], source: [] };
  return {
    options: loaded.items
      .filter((i) => i.attributes.kind === 'industry')
      .map((i) => ({ id: i.itemId, name: { ja: i.ja, en: i.en }, usingPct: typeof i.attributes.usingPct === 'number' ? i.attributes.usingPct : null })),
    source: loaded.source,
  };
}
