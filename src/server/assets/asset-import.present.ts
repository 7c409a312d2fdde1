import type { TFunction } from 'i18next';
import { formatYenAmount } from '../../shared/assets/asset-money.ts';
import type { TAssetImport } from '../../shared/schemas/asset.schema.ts';
import type { AssetImportInfo } from './asset-import.repository.ts';

/** An import and its issues as the API sends them: rows mapped explicitly, messages in the reader's language. */

export function presentImport(i: AssetImportInfo, t: TFunction): TAssetImport {
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

export function fieldLabel(t: TFunction, field: string | null): string {
  return field ? t(`assets.fields.${field}`) : '';
}

export function issueMessage(t: TFunction, issue: { rowNumber: number | null; field: string | null; header: string | null; code: string; params: Record<string, unknown> | null }): string {
  const raw = issue.params ?? {};
  const field = typeof raw.field === 'string' ? raw.field : issue.field;
  const params = { ...raw, header: issue.header ?? '', field: fieldLabel(t, field) } as Record<string, string>;
  // 資産総額 notices carry yen; shown as the reader's language writes amounts.
  const locale = (t as TFunction & { lng?: string }).lng === 'en' ? 'en' : 'ja';
  for (const k of ['file', 'computed'] as const) if (/^\d+$/.test(params[k] ?? '')) params[k] = formatYenAmount(BigInt(params[k]), locale);
  return issue.rowNumber === null ? t(`assets.import.fileProblems.${issue.code}`, params) : t(`assets.import.issues.${issue.code}`, params);
}
