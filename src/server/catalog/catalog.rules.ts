// Pure decisions of the catalog store: display order, whether a file is new,
// already stored or changed without a raised version, and search patterns.
import type { TCatalogSource } from '../../shared/catalog/catalog.schema.ts';

export interface OrderedItemInput {
  id: string;
  parent?: string;
  order?: number;
}

export interface DisplayPlace {
  /** Rank in the collection's display order (0-based, depth-first). */
  position: number;
  depth: number;
}

/**
 * docs/CATALOG.md "Items": `order` is the display order among siblings, file
 * order otherwise. Siblings with an `order` come first, by that number; those
 * without follow in file order. Children follow their parent (depth-first),
 * so one `order by position` gives a list a tree can be drawn from.
 */
export function displayOrder(items: readonly OrderedItemInput[]): Map<string, DisplayPlace> {
  const known = new Set(items.map((item) => item.id));
  const childrenOf = new Map<string | undefined, { item: OrderedItemInput; index: number }[]>();
  items.forEach((item, index) => {
    // A parent outside the file cannot happen in a validated file; treat such an item as a root.
    const parent = item.parent !== undefined && known.has(item.parent) ? item.parent : undefined;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push({ item, index });
    childrenOf.set(parent, siblings);
  });
  for (const siblings of childrenOf.values()) {
    siblings.sort((a, b) => {
      const ao = a.item.order ?? Number.POSITIVE_INFINITY;
      const bo = b.item.order ?? Number.POSITIVE_INFINITY;
      return ao !== bo ? (ao < bo ? -1 : 1) : a.index - b.index;
    });
  }
  const places = new Map<string, DisplayPlace>();
  const visit = (parent: string | undefined, depth: number) => {
    for (const { item } of childrenOf.get(parent) ?? []) {
      if (places.has(item.id)) continue;
      places.set(item.id, { position: places.size, depth });
      visit(item.id, depth + 1);
    }
  };
  visit(undefined, 0);
  // Items caught in a parent cycle (refused by the validator) still get a place.
  for (const item of items) if (!places.has(item.id)) places.set(item.id, { position: places.size, depth: 0 });
  return places;
}

/** A citation is one string or a list of them; stored always as a list. */
export function sourceList(source: TCatalogSource): string[] {
  return typeof source === 'string' ? [source] : [...source];
}

export interface StoredVersionKey {
  collectionId: string;
  version: number;
  checksum: string;
}

export type StoreDecision =
  | { kind: 'stored'; version: number }
  | { kind: 'new' }
  | { kind: 'versionNotRaised'; highest: number };

/**
 * Stored versions are never changed: a file is either one already stored
 * (same bytes, nothing to do), or a new version that must be numbered above
 * every stored one. New content under an old number is refused, so "version
 * N" always means the same content (CONTRIBUTING: raise `version` on every change).
 */
export function storeDecision(file: StoredVersionKey, stored: readonly StoredVersionKey[]): StoreDecision {
  const same = stored.filter((s) => s.collectionId === file.collectionId);
  const identical = same.find((s) => s.checksum === file.checksum);
  if (identical) return { kind: 'stored', version: identical.version };
  const highest = same.reduce((max, s) => Math.max(max, s.version), 0);
  return file.version > highest ? { kind: 'new' } : { kind: 'versionNotRaised', highest };
}

/** 1-based line of a top-level `key:` in YAML text, 0 when it is not written in block style. */
export function topLevelKeyLine(text: string, key: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index + 1;
}
