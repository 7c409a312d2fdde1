import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCatalogText, type CatalogCollectionFile } from '../catalog/catalog.files.ts';
import type { CatalogItemLike } from './diagnosis.rules.ts';

/** The items of one shipped catalog file, as the rules read stored items (file order = display order here). */
export function shippedItems(relativePath: string): CatalogItemLike[] {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../catalog', relativePath);
  const { file: parsed, errors } = validateCatalogText(relativePath, fs.readFileSync(file, 'utf8'));
  const catalog = (parsed as CatalogCollectionFile).catalog;
  if (errors.length || !catalog) throw new Error(`${relativePath}: ${errors.map((e) => e.message).join('; ')}`);
  return catalog.items.map((i) => ({
    itemId: i.id,
    parentId: i.parent ?? null,
    ja: i.ja,
    en: i.en,
    detailJa: i.detail?.ja ?? null,
    detailEn: i.detail?.en ?? null,
    source: Array.isArray(i.source) ? i.source : [i.source],
    attributes: (i.attributes ?? {}) as Record<string, unknown>,
  }));
}
