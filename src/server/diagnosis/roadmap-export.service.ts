import type { Readable } from 'node:stream';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { TRoadmap } from '../../shared/schemas/roadmap.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { getRoadmap } from './roadmap.service.ts';

/**
 * The roadmap as a file: every practice item of the stages it shows (the
 * current and the next, and stage X beside 3-4), with its task's owner, due
 * date, status and note, as the roadmap page lists them, in the member's
 * language. An item nobody has made a task of yet is 未着手.
 */

type Line = TRoadmap['stages'][number]['items'][number] & { stage: TRoadmap['stages'][number] };

function lineFields(locale: TLocale): RegisterField<Line>[] {
  const t = translator(locale);
  const r = (key: string) => label(`diagnosis.roadmap.${key}`);
  return [
    { key: 'stage', label: label('diagnosis.roadmap.export.stage'), value: (l) => l.stage.name[locale] },
    { key: 'area', label: r('area'), value: (l) => t(`diagnosis.practice.${l.item.practice}`, { defaultValue: l.item.practice }) },
    { key: 'item', label: r('item'), value: (l) => l.item.text[locale] },
    { key: 'optional', label: r('optional'), value: (l) => l.item.optional },
    { key: 'owner', label: r('owner'), value: (l) => l.task?.owner?.displayName ?? t('diagnosis.roadmap.noOwner') },
    { key: 'due', label: r('due'), value: (l) => l.task?.dueDate ?? null },
    { key: 'status', label: r('statusLabel'), value: (l) => t(`diagnosis.roadmap.status.${l.task?.status ?? 'todo'}`) },
    { key: 'overdue', label: label('diagnosis.roadmap.export.overdue'), value: (l) => l.task?.overdue ?? false },
    { key: 'note', label: r('note'), value: (l) => l.task?.note ?? null },
    { key: 'evidence', label: label('diagnosis.roadmap.export.evidence'), value: (l) => (l.task?.evidence ?? []).map((e) => e.fileName).join(', ') },
  ];
}

export async function exportRoadmap(ctx: DataContext, timeZone: string, now: Date, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const roadmap = await getRoadmap(ctx, timeZone, now);
  const lines: Line[] = roadmap.stages.flatMap((stage) => stage.items.map((i) => ({ ...i, stage })));
  return exportTables(format, locale, [{ name: translator(locale)('diagnosis.roadmap.title'), fields: lineFields(locale), records: () => lines }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const roadmapExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'diagnosis.roadmap.export.fileName', 'roadmap', dateIn('Asia/Tokyo', now));
