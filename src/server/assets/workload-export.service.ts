import type { Readable } from 'node:stream';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { TWorkload } from '../../shared/schemas/workload.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exactYen, exportTables } from '../platform/transfer/register-export.ts';
import { listWorkloads, workloadReference } from './workload.service.ts';

/**
 * The workloads (対象業務, seed 000 III) as a file: each with its category,
 * motives and the answers of III.3, its assets and the ISMS view of them,
 * and the verdict against the current stage, in the member's language; the
 * catalog's names as the organisation has them loaded.
 */

type Names = Map<string, { ja: string; en: string }>;

function workloadFields(locale: TLocale, names: { categories: Names; themes: Names; stages: Names }): RegisterField<TWorkload>[] {
  const t = translator(locale);
  const f = (key: string) => label(`workloads.fields.${key}`);
  const name = (map: Names, id: string | null) => (id ? (map.get(id)?.[locale] ?? null) : null);
  const priority = (p: TWorkload['pastPriority']) => t(`workloads.priority.${p ?? 'none'}`);
  return [
    { key: 'name', label: f('name'), value: (w) => w.name },
    { key: 'category', label: f('category'), value: (w) => name(names.categories, w.categoryId) },
    { key: 'description', label: f('description'), value: (w) => w.description },
    { key: 'motives', label: f('motives'), value: (w) => w.motives.map((m) => t(`workloads.motive.${m}`)).join(', ') },
    { key: 'coreBusiness', label: label('workloads.export.coreBusiness'), value: (w) => w.coreBusiness },
    { key: 'riskTolerable', label: label('workloads.export.riskTolerable'), value: (w) => w.riskTolerable },
    { key: 'stageXKinds', label: f('stageXKinds'), value: (w) => w.stageXKinds.map((k) => t(`workloads.stageXKind.${k}`)).join(', ') },
    { key: 'advantageTheme', label: f('advantageTheme'), value: (w) => name(names.themes, w.advantageThemeId) },
    { key: 'pastPriority', label: f('pastPriority'), value: (w) => priority(w.pastPriority) },
    { key: 'futurePriority', label: f('futurePriority'), value: (w) => priority(w.futurePriority) },
    { key: 'stageXPlan', label: f('stageXPlan'), value: (w) => w.stageXPlan },
    { key: 'assets', label: f('assets'), value: (w) => w.assets.map((a) => a.name).join(', ') },
    { key: 'assetCount', label: label('workloads.export.assetCount'), value: (w) => w.isms.assetCount },
    { key: 'highestRank', label: label('workloads.isms.highestRank'), value: (w) => w.isms.highestRank },
    { key: 'totalValueYen', label: label('workloads.export.totalValueYen'), value: (w) => exactYen(w.isms.totalValueYen) },
    { key: 'earliestStage', label: label('workloads.earliestStage'), value: (w) => name(names.stages, w.assessment.earliestStage) ?? w.assessment.earliestStage.toUpperCase() },
    { key: 'verdict', label: label('workloads.verdictTitle'), value: (w) => t(`workloads.verdict.${w.assessment.verdict}`) },
  ];
}

export async function exportWorkloads(ctx: DataContext, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const [{ items }, reference] = await ctx.sideBySide(() => listWorkloads(ctx), () => workloadReference(ctx));
  const names = {
    categories: new Map(reference.categories.map((c) => [c.id, c.number === null ? c.name : { ja: `${c.number} ${c.name.ja}`, en: `${c.number} ${c.name.en}` }])),
    themes: new Map(reference.advantageThemes.map((a) => [a.id, a.name])),
    stages: new Map(reference.stages.map((s) => [s.stage, s.name])),
  };
  return exportTables(format, locale, [{ name: translator(locale)('workloads.title'), fields: workloadFields(locale, names), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const workloadExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'workloads.export.fileName', 'workloads', dateIn('Asia/Tokyo', now));
