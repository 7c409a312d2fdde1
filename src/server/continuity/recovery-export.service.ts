import type { Readable } from 'node:stream';
import type { TRecoveryRow } from '../../shared/continuity/recovery.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { listRecovery } from './recovery.service.ts';

/** The recovery targets as a file: every workload with its RTO and RPO, the plans protecting it, what they measured and what falls short, in the member's language. */

function recoveryFields(locale: TLocale): RegisterField<TRecoveryRow>[] {
  const t = translator(locale);
  const r = (key: string) => label(`continuity.recovery.${key}`);
  return [
    { key: 'workload', label: r('workload'), value: (x) => x.workload.name },
    { key: 'rtoMinutes', label: r('rtoMinutes'), value: (x) => x.target?.rtoMinutes ?? null },
    { key: 'rpoMinutes', label: r('rpoMinutes'), value: (x) => x.target?.rpoMinutes ?? null },
    { key: 'plans', label: r('plans'), value: (x) => x.plans.map((p) => p.name).join(', ') },
    { key: 'measuredRestoreMinutes', label: label('continuity.export.measuredRestoreMinutes'), value: (x) => x.measuredRestoreMinutes },
    { key: 'backupIntervalMinutes', label: label('continuity.export.backupIntervalMinutes'), value: (x) => x.backupIntervalMinutes },
    { key: 'check', label: r('check'), value: (x) => (x.gaps.length ? x.gaps.map((g) => t(`continuity.recovery.gap.${g}`)).join('\n') : t('continuity.recovery.ok')) },
    { key: 'notes', label: r('notes'), value: (x) => x.target?.notes ?? null },
  ];
}

export async function exportRecovery(ctx: DataContext, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const { items } = await listRecovery(ctx);
  return exportTables(format, locale, [{ name: translator(locale)('continuity.export.recoverySheet'), fields: recoveryFields(locale), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const recoveryExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'continuity.export.recoveryFileName', 'recovery-targets', dateIn('Asia/Tokyo', now));
