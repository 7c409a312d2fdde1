import { loadedCollectionsById, type CatalogItemRow, type CatalogReader } from '../catalog/catalog.public.ts';
import {
  ASSET_BREAKDOWN_COLLECTION,
  ASSET_CLASSES_COLLECTION,
  INFORMATION_GROUPS_COLLECTION,
  type TAssetChoices,
} from '../../shared/schemas/asset.schema.ts';
import { catalogKey } from './asset-import.rules.ts';

/**
 * The classifications an asset can carry, from the organisation's loaded
 * catalog (docs/CATALOG.md): asset classes (seed 000 表8), information-asset
 * groups (表9) and the risk categories of the asset breakdown (表7, the items
 * of kind `category`).
 */
export type AssetChoice = TAssetChoices['assetClasses'][number];

const choice = (i: CatalogItemRow): AssetChoice => ({ id: i.itemId, label: { ja: i.ja, en: i.en }, parentId: i.parentId });

export interface AssetClassifications {
  assetClasses: AssetChoice[];
  informationGroups: AssetChoice[];
  riskCategories: AssetChoice[];
}

export async function assetClassifications(reader: CatalogReader): Promise<AssetClassifications> {
  const ids = { classes: ASSET_CLASSES_COLLECTION, groups: INFORMATION_GROUPS_COLLECTION, breakdown: ASSET_BREAKDOWN_COLLECTION };
  const loaded = await loadedCollectionsById(reader, ids, ['classes', 'groups', 'breakdown']);
  const [classes, groups, breakdown] = [loaded.classes, loaded.groups, loaded.breakdown].map((c) => c?.items ?? []);
  return {
    assetClasses: classes.filter((i) => !i.parentId).map(choice),
    informationGroups: groups.filter((i) => !i.parentId).map(choice),
    riskCategories: breakdown.filter((i) => i.attributes.kind === 'category').map(choice),
  };
}

/** id, Japanese label and English label (normalised by `catalogKey`) → item id, for the importer. */
export function choiceIndex(choices: readonly AssetChoice[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of choices) for (const k of [c.id, c.label.ja, c.label.en]) if (!m.has(catalogKey(k))) m.set(catalogKey(k), c.id);
  return m;
}
