import type { Readable } from 'node:stream';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { IMPACT_COLUMNS, type TThreatAssessmentView } from '../../shared/risks/threat-assessment.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { threatAssessmentView } from './threat-assessment.service.ts';

/**
 * A year's threat list (seed 000 II.2.1 表2) as a file: every threat by rank
 * with the organisation's judgement of its impact on bankruptcy, sales and
 * customers (未評価 where not judged), in the member's language. A year the
 * organisation has no list of is refused as the screen refuses it (400).
 */

type Threat = NonNullable<TThreatAssessmentView['list']>['items'][number];

const COLUMN_LABELS: Record<(typeof IMPACT_COLUMNS)[number], string> = { impactBankruptcy: 'bankruptcy', impactSalesDrop: 'salesDrop', impactCustomerLoss: 'customerLoss' };

function threatFields(locale: TLocale): RegisterField<Threat>[] {
  const t = translator(locale);
  const th = (key: string) => label(`risks.threats.${key}`);
  return [
    { key: 'rank', label: th('rank'), value: (x) => x.rank },
    { key: 'threat', label: th('threat'), value: (x) => x.name[locale] },
    ...IMPACT_COLUMNS.map((c): RegisterField<Threat> => ({ key: c, label: th(COLUMN_LABELS[c]), value: (x) => t(`risks.threats.level.${x.assessment?.[c] ?? 'unset'}`) })),
    { key: 'note', label: th('note'), value: (x) => x.assessment?.note ?? '' },
  ];
}

export async function exportThreatAssessments(ctx: DataContext, format: ExportFormat, locale: TLocale, year: number | undefined): Promise<Readable> {
  const t = translator(locale);
  const { list } = await threatAssessmentView(ctx, year);
  const name = list ? t('risks.threats.yearOption', { year: list.year }) : t('risks.threats.title');
  return exportTables(format, locale, [{ name, fields: threatFields(locale), records: () => list?.items ?? [] }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const threatExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'risks.export.threatsFileName', 'threat-assessments', dateIn('Asia/Tokyo', now));
