import { industryOptions, loadedCollection, loadedVersionsOfType, pinShipped, versionItems, type CatalogVersionRow, type IndustryList } from '../catalog/catalog.public.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { checklistsFromItems, type ChecklistModel } from './diagnosis.rules.ts';
import { stageModelFromItems, type StageDef } from './stage.rules.ts';

/**
 * The methodology this module works from, read from the organisation's
 * loaded catalog through the catalog module's public reads: its checklist
 * collections (type `checklist`: the seed's checklists and any the
 * organisation loaded) and the stage model. One reader per request; each
 * stored version is read at most once.
 */

/** Seed 000 II.5.2 表4 / II.6, as the catalog ships it. */
export const STAGE_MODEL_COLLECTION = 'urn:kumoji:seed-000:stages';

export interface LoadedChecklist {
  model: ChecklistModel;
  collection: CatalogVersionRow;
}

export interface Methodology {
  /** Every checklist of every loaded checklist collection, in collection order. */
  checklists(): Promise<LoadedChecklist[]>;
  /** The checklists of one stored version (an assessment's own version), by checklist id. */
  checklistsOfVersion(catalogVersionId: string): Promise<Map<string, ChecklistModel>>;
  stageModel(): Promise<{ collection: CatalogVersionRow; stages: StageDef[] } | null>;
  /** The industries of the organisation's profile, with the share of each already using the cloud. */
  industries(): Promise<IndustryList>;
}

export function methodologyReader(ctx: DataContext): Methodology {
  let pinned: Promise<void> | null = null;
  const pin = () => (pinned ??= pinShipped(ctx));
  const versions = new Map<string, Promise<Map<string, ChecklistModel>>>();
  let checklists: Promise<LoadedChecklist[]> | null = null;
  let stages: Promise<{ collection: CatalogVersionRow; stages: StageDef[] } | null> | null = null;
  let industries: Promise<IndustryList> | null = null;

  const checklistsOfVersion = (catalogVersionId: string) => {
    let found = versions.get(catalogVersionId);
    if (!found) {
      found = versionItems(ctx, catalogVersionId).then((items) => new Map(checklistsFromItems(items).map((m) => [m.id, m])));
      versions.set(catalogVersionId, found);
    }
    return found;
  };

  return {
    checklistsOfVersion,
    checklists() {
      checklists ??= (async () => {
        await pin();
        const out: LoadedChecklist[] = [];
        for (const version of await loadedVersionsOfType(ctx, 'checklist', { pinned: true })) {
          for (const model of (await checklistsOfVersion(version.id)).values()) out.push({ model, collection: version });
        }
        return out;
      })();
      return checklists;
    },
    stageModel() {
      stages ??= (async () => {
        await pin();
        const loaded = await loadedCollection(ctx, STAGE_MODEL_COLLECTION, { pinned: true });
        return loaded ? { collection: loaded.stored, stages: stageModelFromItems(loaded.items) } : null;
      })();
      return stages;
    },
    industries() {
      industries ??= pin().then(() => industryOptions(ctx, { pinned: true }));
      return industries;
    },
  };
}
