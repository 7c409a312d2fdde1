import type { TFunction } from 'i18next';
import type { TImport } from '../../../shared/schemas/import.schema.ts';
import type { ImportInfo } from './import.repository.ts';
import type { AnyImportRegister } from './transfer.contract.ts';

/**
 * An import as every register's API sends it: the row mapped explicitly, its
 * problem in the reader's language (`<messages>.fileProblems.<code>` of the
 * register). A register that reports more adds it to this.
 */
export function presentImport<F extends string = string>(register: AnyImportRegister, i: ImportInfo, t: TFunction): TImport<F> {
  const problem = i.problem ? { code: i.problem.code, message: t(`${register.messages}.fileProblems.${i.problem.code}`, (i.problem.params ?? {}) as Record<string, string>) } : null;
  return {
    id: i.id,
    fileName: i.fileName,
    byteSize: i.byteSize,
    format: i.format as TImport['format'],
    encoding: (i.encoding as TImport['encoding']) ?? null,
    headers: i.headers,
    mapping: i.mapping as TImport<F>['mapping'],
    status: i.status as TImport['status'],
    phase: (i.phase as TImport['phase']) ?? null,
    progress: { done: i.progressDone, total: i.progressTotal },
    rowCount: i.rowCount,
    errorCount: i.errorCount,
    noticeCount: i.noticeCount,
    preview: (i.preview as TImport['preview']) ?? null,
    problem,
    committedCount: i.committedCount,
    createdAt: i.createdAt.toISOString(),
    finishedAt: i.finishedAt?.toISOString() ?? null,
    version: i.version,
  };
}
