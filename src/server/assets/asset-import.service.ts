import type { TFunction } from 'i18next';
import type { TAssetImport } from '../../shared/schemas/asset.schema.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import * as pipeline from '../platform/transfer/import.service.ts';
import type { ImportMapping } from './asset-import.headers.ts';
import { presentImport } from './asset-import.present.ts';
import { ASSET_IMPORT } from './asset-import.register.ts';
import type { AssetDeps } from './asset.service.ts';

/**
 * Importing an inventory: the import pipeline (platform/transfer) run with
 * the asset register (asset-import.register.ts), each import presented as the
 * asset API sends it.
 */

export { ASSET_IMPORT_QUEUE } from './asset-import.register.ts';

/** Largest upload accepted; bigger files are refused from their Content-Length, before any byte is read. */
export const ASSET_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export async function uploadImport(deps: AssetDeps, auth: OrgAuthContext, file: { fileName: string; bytes: Buffer }, t: TFunction): Promise<TAssetImport> {
  return presentImport(await pipeline.uploadImport(ASSET_IMPORT, deps.database, auth, file, t), t);
}

export async function getImport(deps: AssetDeps, auth: OrgAuthContext, id: string, t: TFunction): Promise<TAssetImport> {
  return presentImport(await pipeline.findImport(ASSET_IMPORT, deps.database, auth, id), t);
}

export async function recentImports(deps: AssetDeps, auth: OrgAuthContext, t: TFunction): Promise<TAssetImport[]> {
  return (await pipeline.recentImports(ASSET_IMPORT, deps.database, auth)).map((r) => presentImport(r, t));
}

export function importIssues(deps: AssetDeps, auth: OrgAuthContext, id: string, cursor: number, limit: number, t: TFunction) {
  return pipeline.importIssues(ASSET_IMPORT, deps.database, auth, id, cursor, limit, t);
}

export async function startValidation(deps: AssetDeps, auth: OrgAuthContext, id: string, mapping: ImportMapping, version: number, t: TFunction): Promise<TAssetImport> {
  return presentImport(await pipeline.startValidation(ASSET_IMPORT, deps.database, auth, id, mapping, version, t), t);
}

export async function startCommit(deps: AssetDeps, auth: OrgAuthContext, id: string, version: number, t: TFunction): Promise<TAssetImport> {
  return presentImport(await pipeline.startCommit(ASSET_IMPORT, deps.database, auth, id, version), t);
}

export async function cancelImport(deps: AssetDeps, auth: OrgAuthContext, id: string, version: number, t: TFunction): Promise<TAssetImport> {
  return presentImport(await pipeline.cancelImport(ASSET_IMPORT, deps.database, auth, id, version), t);
}
