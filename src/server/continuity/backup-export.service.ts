import type { Readable } from 'node:stream';
import { BACKUP_EXPORT_TABLES, type TBackupPlan, type TRestoreTest } from '../../shared/continuity/backup.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables, type ExportTable } from '../platform/transfer/register-export.ts';
import { listBackupPlans } from './backup.service.ts';

/** The backup plans as a file: each with its copies, its latest restore test and the points each rule misses, in the member's language. */
function planFields(locale: TLocale): RegisterField<TBackupPlan>[] {
  const t = translator(locale);
  const f = (key: string) => label(`continuity.backups.fields.${key}`);
  const copy = (c: TBackupPlan['copies'][number]) =>
    [c.label, t(`continuity.backups.medium.${c.medium}`), t(`continuity.backups.location.${c.location}`), ...(['offline', 'immutable', 'encrypted'] as const).filter((k) => c[k]).map((k) => t(`continuity.backups.copyFlags.${k}`))].join(' / ');
  const missing = (p: TBackupPlan) => p.scores.flatMap((s) => s.missing.map((m) => `${s.code}: ${t(`continuity.backups.missing.${m.reason}.${m.measure}`, { required: m.required, actual: m.actual ?? 0 })}`)).join('\n');
  return [
    { key: 'name', label: f('name'), value: (p) => p.name },
    { key: 'frequency', label: f('frequency'), value: (p) => t(`continuity.backups.frequency.${p.frequency}`) },
    { key: 'retentionDays', label: f('retentionDays'), value: (p) => p.retentionDays },
    { key: 'copies', label: f('copies'), value: (p) => p.copies.map(copy).join('\n') },
    { key: 'workloads', label: f('workloads'), value: (p) => p.workloads.map((w) => w.name).join(', ') },
    ...['3-2-1', '3-2-1-1-0'].map((code) => ({ key: `rule:${code}`, label: { ja: code, en: code }, value: (p: TBackupPlan) => { const s = p.scores.find((x) => x.code === code); return s ? `${s.metParts}/${s.parts}` : ''; } })),
    { key: 'missing', label: f('missing'), value: missing },
    { key: 'latestRestoreOn', label: f('latestRestoreOn'), value: (p) => p.latestRestore?.testedOn ?? '' },
    { key: 'latestRestoreMinutes', label: f('latestRestoreMinutes'), value: (p) => p.latestRestore?.durationMinutes ?? null },
    { key: 'latestRestoreErrors', label: f('latestRestoreErrors'), value: (p) => p.latestRestore?.errors ?? null },
    { key: 'notes', label: f('notes'), value: (p) => p.notes },
  ];
}

export type BackupExportTable = (typeof BACKUP_EXPORT_TABLES)[number];
export const BACKUP_EXPORT_ENTITIES: Record<BackupExportTable, string> = { plans: 'backupPlan', restoreTests: 'restoreTest' };

type RestoreRow = TRestoreTest & { planName: string };

/** Every restore test of every plan (seed 000 VI 「リストアテスト」), each with its plan's name, newest first within a plan. */
function restoreTestFields(): RegisterField<RestoreRow>[] {
  const f = (key: string) => label(`continuity.backups.tests.${key}`);
  return [
    { key: 'plan', label: label('continuity.backups.fields.name'), value: (r) => r.planName },
    { key: 'testedOn', label: f('testedOn'), value: (r) => r.testedOn },
    { key: 'durationMinutes', label: f('durationMinutes'), value: (r) => r.durationMinutes },
    { key: 'errors', label: f('errors'), value: (r) => r.errors },
    { key: 'notes', label: f('notes'), value: (r) => r.notes },
  ];
}

/** The backup plans (or their restore tests) as a file; the workbook carries both, a sheet each. */
export async function backupPlansFile(ctx: DataContext, format: ExportFormat, locale: TLocale, table: BackupExportTable, now: Date): Promise<Readable> {
  const t = translator(locale);
  const { items } = await listBackupPlans(ctx, now);
  const tables = {
    plans: { name: t('continuity.backups.title'), fields: planFields(locale), records: () => items } satisfies ExportTable<TBackupPlan>,
    restoreTests: { name: t('continuity.backups.tests.title'), fields: restoreTestFields(), records: () => items.flatMap((p) => p.restoreTests.map((r) => ({ ...r, planName: p.name }))) } satisfies ExportTable<RestoreRow>,
  };
  const order = format === 'xlsx' ? BACKUP_EXPORT_TABLES : [table];
  return exportTables(format, locale, order.map((k) => tables[k]));
}

/** Dated as the organisation's day in Japan, as every register's export is; the workbook is named for both tables. */
export function backupPlansFileName(format: ExportFormat, locale: TLocale, table: BackupExportTable, now: Date) {
  const name = format === 'xlsx' ? 'all' : table;
  return datedFileName(format, locale, `continuity.backups.fileNames.${name}`, { plans: 'backup-plans', restoreTests: 'restore-tests', all: 'backup-plans-and-restore-tests' }[name], dateIn('Asia/Tokyo', now));
}
