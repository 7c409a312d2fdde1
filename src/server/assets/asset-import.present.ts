import type { TAssetImport, TImportField } from '../../shared/schemas/asset.schema.ts';
import type { TImport } from '../../shared/schemas/import.schema.ts';
import type { ImportInfo } from '../platform/transfer/import.repository.ts';

/** An import as the asset API sends it: the pipeline's import (platform/transfer/import.present.ts) and the departments its commit creates. */
export function presentAssetImport(base: TImport<TImportField>, i: ImportInfo): TAssetImport {
  return { ...base, newDepartments: i.newDepartments ?? [] };
}
