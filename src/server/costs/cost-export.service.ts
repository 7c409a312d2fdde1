import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { CostActualExportQuerySchema, TCostActual } from '../../shared/costs/cost-actual.schema.ts';
import type { TCostScenario } from '../../shared/costs/cost.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { listCostActuals } from './cost-actual.service.ts';
import { costOverview } from './cost.service.ts';

/**
 * The cost comparison and the actual costs (seed 004 「コスト最適化と財務計画」)
 * as files, in the member's language: the baseline and each scenario with
 * its inputs and its figures against the baseline; and the actual cost
 * lines with the headers their import reads first (costs.actualFields), so
 * an export of the bills imports again as it is.
 */

function scenarioFields(locale: TLocale): RegisterField<TCostScenario>[] {
  const t = translator(locale);
  const f = (key: string) => label(`costs.fields.${key}`);
  const e = (key: string) => label(`costs.export.${key}`);
  const figure = (pick: (c: NonNullable<TCostScenario['comparison']>) => number | null) => (s: TCostScenario) => (s.comparison ? pick(s.comparison) : null);
  return [
    { key: 'name', label: f('name'), value: (s) => s.name },
    { key: 'kind', label: f('kind'), value: (s) => t(`costs.kind.${s.kind}`) },
    { key: 'adopted', label: e('adopted'), value: (s) => s.adopted },
    { key: 'planStartMonth', label: f('planStartMonth'), value: (s) => s.planStartMonth },
    { key: 'stage', label: f('stage'), value: (s) => (s.stage ? t('costs.stageOption', { stage: s.stage }) : null) },
    { key: 'initialYen', label: f('initialYen'), value: (s) => s.initialYen },
    { key: 'runningYenPerYear', label: f('runningYenPerYear'), value: (s) => s.runningYenPerYear },
    { key: 'hiddenYenPerYear', label: f('hiddenYenPerYear'), value: (s) => s.hiddenYenPerYear },
    { key: 'reservedSharePercent', label: f('reservedSharePercent'), value: (s) => s.reservedSharePercent },
    { key: 'reservedDiscountPercent', label: f('reservedDiscountPercent'), value: (s) => s.reservedDiscountPercent },
    { key: 'yearlyCostYen', label: e('yearlyCostYen'), value: (s) => Math.round(s.yearlyCostYen) },
    { key: 'years', label: f('years'), value: (s) => s.years },
    { key: 'discountRatePercent', label: f('discountRatePercent'), value: (s) => s.discountRatePercent },
    { key: 'riskReductionSource', label: f('riskReductionSource'), value: (s) => t(`costs.riskSource.${s.riskReductionSource}`) },
    { key: 'riskReductionYenPerYear', label: f('riskReductionYenPerYear'), value: (s) => Math.round(s.comparison?.riskReductionYenPerYear ?? s.riskReductionYenPerYear) },
    { key: 'baselineTcoYen', label: e('baselineTcoYen'), value: figure((c) => Math.round(c.baselineTcoYen)) },
    { key: 'cloudTcoYen', label: e('cloudTcoYen'), value: figure((c) => Math.round(c.cloudTcoYen)) },
    { key: 'investmentYen', label: e('investmentYen'), value: figure((c) => Math.round(c.investmentYen)) },
    { key: 'yearlyBenefitYen', label: e('yearlyBenefitYen'), value: figure((c) => Math.round(c.yearlyBenefitYen)) },
    { key: 'npvYen', label: e('npvYen'), value: figure((c) => Math.round(c.npvYen)) },
    { key: 'roiPercent', label: e('roiPercent'), value: figure((c) => (c.roiPercent === null ? null : Math.round(c.roiPercent * 10) / 10)) },
    { key: 'paybackYears', label: e('paybackYears'), value: figure((c) => (c.paybackYears === null ? null : Math.round(c.paybackYears * 10) / 10)) },
    { key: 'budget', label: e('budget'), value: (s) => (s.budgetCheck && s.budgetCheck.status !== 'no-guide' ? t(`costs.budget.status.${s.budgetCheck.status}`) : null) },
    { key: 'notes', label: f('notes'), value: (s) => s.notes },
  ];
}

/** The baseline first, then the cloud scenarios. */
export async function exportScenarios(ctx: DataContext, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const overview = await costOverview(ctx);
  const rows = [...(overview.baseline ? [overview.baseline] : []), ...overview.scenarios];
  return exportTables(format, locale, [{ name: translator(locale)('costs.export.scenariosSheet'), fields: scenarioFields(locale), records: () => rows }]);
}

function actualFields(locale: TLocale): RegisterField<TCostActual>[] {
  const t = translator(locale);
  const f = (key: string) => label(`costs.actualFields.${key}`);
  return [
    { key: 'month', label: f('month'), value: (a) => a.month },
    { key: 'category', label: f('category'), value: (a) => t(`costs.category.${a.category}`) },
    { key: 'amountYen', label: f('amountYen'), value: (a) => a.amountYen },
    { key: 'description', label: f('description'), value: (a) => a.description },
    { key: 'notes', label: f('notes'), value: (a) => a.notes },
  ];
}

/** The lines the list shows for the same months (all of them without `from` and `to`), newest month first. */
export async function exportActuals(ctx: DataContext, query: z.output<typeof CostActualExportQuerySchema>, locale: TLocale): Promise<Readable> {
  const { items } = await listCostActuals(ctx, { from: query.from, to: query.to });
  return exportTables(query.format, locale, [{ name: translator(locale)('costs.export.actualsSheet'), fields: actualFields(locale), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const scenarioExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'costs.export.scenariosFileName', 'cost-scenarios', dateIn('Asia/Tokyo', now));
export const actualExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'costs.export.actualsFileName', 'actual-costs', dateIn('Asia/Tokyo', now));
