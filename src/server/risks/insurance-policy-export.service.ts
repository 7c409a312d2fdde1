import type { Readable } from 'node:stream';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TInsurancePolicy } from '../../shared/risks/risk.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { listPolicies } from './insurance-policy.service.ts';

/** The insurance policies the register transfers risk to, as a file: limits, 免責 deductible, notice deadline, period and how many risks each covers. */

function policyFields(): RegisterField<TInsurancePolicy>[] {
  const i = (key: string) => label(`risks.insurance.${key}`);
  return [
    { key: 'name', label: i('name'), value: (p) => p.name },
    { key: 'insurer', label: i('insurer'), value: (p) => p.insurer },
    { key: 'perEventLimitYen', label: i('perEventLimitYen'), value: (p) => p.perEventLimitYen },
    { key: 'deductibleYen', label: i('deductibleYen'), value: (p) => p.deductibleYen },
    { key: 'annualAggregateLimitYen', label: label('risks.export.annualAggregateLimitYen'), value: (p) => p.annualAggregateLimitYen },
    { key: 'noticeDays', label: i('noticeDays'), value: (p) => p.noticeDays },
    { key: 'startsOn', label: i('startsOn'), value: (p) => p.startsOn },
    { key: 'endsOn', label: i('endsOn'), value: (p) => p.endsOn },
    { key: 'riskCount', label: label('risks.export.riskCount'), value: (p) => p.riskCount },
    { key: 'note', label: i('note'), value: (p) => p.note },
  ];
}

export async function exportPolicies(ctx: DataContext, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const { items } = await listPolicies(ctx);
  return exportTables(format, locale, [{ name: translator(locale)('risks.insurance.title'), fields: policyFields(), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const policyExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'risks.export.insuranceFileName', 'insurance-policies', dateIn('Asia/Tokyo', now));
