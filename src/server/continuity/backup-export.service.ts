import type { Readable } from 'node:stream';
import type { TBackupPlan } from '../../shared/continuity/backup.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
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

export async function backupPlansFile(ctx: DataContext, format: ExportFormat, locale: TLocale, now: Date): Promise<Readable> {
  const { items } = await listBackupPlans(ctx, now);
  return exportTables(format, locale, [{ name: translator(locale)('continuity.backups.title'), fields: planFields(locale), records: () => items }]);
}

export const backupPlansFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'continuity.backups.fileName', 'backup-plans', dateIn('Asia/Tokyo', now));
