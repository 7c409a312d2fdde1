import type { Readable } from 'node:stream';
import type { TCorrectiveAction } from '../../shared/operations/corrective-action.schema.ts';
import type { TInspection } from '../../shared/operations/operation.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { listActions } from './corrective-action.service.ts';
import { listInspections } from './inspection.service.ts';

/**
 * The recurring inspections and the corrective actions (seed 004 「定期点検結果の
 * フィードバック」) as files, in the member's language: each inspection with
 * its schedule, who is reminded, the next due date and where it stands today
 * in Japan (the workbook adds every completion as a second sheet), and each
 * corrective action with its origin, phase and the notes of each PDCA step.
 */

type Completion = TInspection['completions'][number] & { inspection: string };

function inspectionFields(locale: TLocale): RegisterField<TInspection>[] {
  const t = translator(locale);
  const f = (key: string) => label(`operations.fields.${key}`);
  return [
    { key: 'title', label: f('title'), value: (i) => i.title },
    { key: 'template', label: label('operations.export.template'), value: (i) => i.catalogItem?.[locale] ?? null },
    { key: 'schedule', label: f('schedule'), value: (i) => t('operations.scheduleLine', { from: i.startsOn, every: i.every, unit: t(`operations.units.${i.unit}`) }) },
    { key: 'owner', label: f('owner'), value: (i) => i.ownerName ?? t('operations.fields.noOwner') },
    { key: 'remindDaysBefore', label: f('remindDaysBefore'), value: (i) => i.remindDaysBefore },
    { key: 'nextDueOn', label: f('nextDueOn'), value: (i) => i.nextDueOn },
    { key: 'standing', label: f('standing'), value: (i) => t(`operations.standing.${i.standing}`) },
    { key: 'lastDoneOn', label: label('operations.export.lastDoneOn'), value: (i) => i.completions.map((c) => c.doneOn).sort().at(-1) ?? null },
    { key: 'note', label: f('note'), value: (i) => i.note },
  ];
}

function completionFields(locale: TLocale): RegisterField<Completion>[] {
  const t = translator(locale);
  const f = (key: string) => label(`operations.completions.${key}`);
  return [
    { key: 'inspection', label: label('operations.fields.title'), value: (c) => c.inspection },
    { key: 'dueOn', label: f('dueOn'), value: (c) => c.dueOn },
    { key: 'doneOn', label: f('doneOn'), value: (c) => c.doneOn },
    { key: 'result', label: f('result'), value: (c) => t(`operations.complete.results.${c.result}`) },
    { key: 'note', label: f('note'), value: (c) => c.note },
    { key: 'actor', label: f('actor'), value: (c) => c.actor },
  ];
}

/** CSV and JSON carry the inspections; the workbook adds their completions. */
export async function exportInspections(ctx: DataContext, format: ExportFormat, locale: TLocale, now: Date): Promise<Readable> {
  const t = translator(locale);
  const { items } = await listInspections(ctx, now);
  const completions = items.flatMap((i) => i.completions.map((c) => ({ ...c, inspection: i.title })));
  return exportTables(format, locale, [
    { name: t('operations.title'), fields: inspectionFields(locale), records: () => items },
    { name: t('operations.completions.title'), fields: completionFields(locale), records: () => completions },
  ]);
}

function actionFields(locale: TLocale): RegisterField<TCorrectiveAction>[] {
  const t = translator(locale);
  const f = (key: string) => label(`operations.actions.fields.${key}`);
  const effective = (e: boolean | null) => t(`operations.actions.effective.${e === null ? 'unknown' : e ? 'yes' : 'no'}`);
  return [
    { key: 'title', label: f('title'), value: (a) => a.title },
    { key: 'origin', label: f('origin'), value: (a) => t(`operations.actions.origins.${a.origin}`) },
    { key: 'originTitle', label: label('operations.export.originTitle'), value: (a) => a.originTitle },
    { key: 'phase', label: f('phase'), value: (a) => t(`operations.actions.phases.${a.phase}`) },
    { key: 'owner', label: f('owner'), value: (a) => a.ownerName ?? t('operations.actions.fields.noOwner') },
    { key: 'dueOn', label: f('dueOn'), value: (a) => a.dueOn },
    { key: 'overdue', label: label('operations.actions.overdue'), value: (a) => a.overdue },
    { key: 'plan', label: f('plan'), value: (a) => a.plan },
    { key: 'doneNote', label: f('doneNote'), value: (a) => a.doneNote },
    { key: 'checkNote', label: f('checkNote'), value: (a) => a.checkNote },
    { key: 'effective', label: f('effective'), value: (a) => effective(a.effective) },
    { key: 'actNote', label: f('actNote'), value: (a) => a.actNote },
    { key: 'evidence', label: f('evidence'), value: (a) => a.evidence.map((e) => e.fileName).join(', ') },
  ];
}

export async function exportCorrectiveActions(ctx: DataContext, format: ExportFormat, locale: TLocale, now: Date): Promise<Readable> {
  const { items } = await listActions(ctx, now);
  return exportTables(format, locale, [{ name: translator(locale)('operations.actions.nav'), fields: actionFields(locale), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const inspectionExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'operations.export.inspectionsFileName', 'inspections', dateIn('Asia/Tokyo', now));
export const actionExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'operations.export.actionsFileName', 'corrective-actions', dateIn('Asia/Tokyo', now));
