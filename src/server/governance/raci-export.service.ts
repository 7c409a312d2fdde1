import type { Readable } from 'node:stream';
import type { TRaciTask } from '../../shared/governance/raci.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { matrixOf } from './raci.service.ts';

/**
 * The RACI matrix as a file to document and share (seed 004 「技術担当者への
 * ポイント」): one row per task, one column per department or role holding its
 * letter, and what the row still lacks, in the member's language.
 */

const FIXED_KEYS = new Set(['task', 'warnings']);

export async function exportRaci(ctx: DataContext, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const t = translator(locale);
  const matrix = await matrixOf(ctx);
  const fields: RegisterField<TRaciTask>[] = [
    { key: 'task', label: label('governance.raci.task'), value: (task) => task.title },
    ...matrix.departments.map(
      (d): RegisterField<TRaciTask> => ({
        key: FIXED_KEYS.has(d.name) ? `${d.name} (${t('governance.raci.department')})` : d.name,
        label: { ja: d.name, en: d.name },
        value: (task) => task.assignments.find((a) => a.departmentId === d.id)?.cell ?? null,
      }),
    ),
    { key: 'warnings', label: label('governance.raci.warningsColumn'), value: (task) => task.warnings.map((w) => t(`governance.raci.warning.${w}`)).join(' / ') },
  ];
  return exportTables(format, locale, [{ name: t('governance.raci.title'), fields, records: () => matrix.tasks }]);
}

export const raciExportFileName = (format: ExportFormat, locale: TLocale, today: string) => datedFileName(format, locale, 'governance.raci.fileName', 'raci', today);
