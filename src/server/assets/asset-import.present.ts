import type { TFunction } from 'i18next';
import type { TAssetImport } from '../../shared/schemas/asset.schema.ts';
import type { ImportInfo } from '../platform/transfer/import.repository.ts';

/** An import as the asset API sends it: the row mapped explicitly, its problem in the reader's language. */

export function presentImport(i: ImportInfo, t: TFunction): TAssetImport {
  const problem = i.problem ? { code: i.problem.code, message: t(`assets.import.fileProblems.${i.problem.code}`, (i.problem.params ?? {}) as Record<string, string>) } : null;
  return {
    id: i.id,
    fileName: i.fileName,
    byteSize: i.byteSize,
    format: i.format as 'csv' | 'xlsx',
    encoding: (i.encoding as TAssetImport['encoding']) ?? null,
    headers: i.headers,
    mapping: i.mapping as TAssetImport['mapping'],
    status: i.status as TAssetImport['status'],
    phase: (i.phase as TAssetImport['phase']) ?? null,
    progress: { done: i.progressDone, total: i.progressTotal },
    rowCount: i.rowCount,
    errorCount: i.errorCount,
    noticeCount: i.noticeCount,
    newDepartments: i.newDepartments ?? [],
    preview: (i.preview as TAssetImport['preview']) ?? null,
    problem,
    committedCount: i.committedCount,
    createdAt: i.createdAt.toISOString(),
    finishedAt: i.finishedAt?.toISOString() ?? null,
    version: i.version,
  };
}
