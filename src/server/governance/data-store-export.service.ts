import type { Readable } from 'node:stream';
import type { TDataStore } from '../../shared/governance/data-store.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { listDataStores } from './data-store.service.ts';

/** The data stores as a file: each with its class, what made it so, its protection and its gaps, in the member's language. */

function storeFields(locale: TLocale): RegisterField<TDataStore>[] {
  const t = translator(locale);
  const f = (key: string) => label(`governance.dataStores.fields.${key}`);
  const cls = (c: string | null) => (c ? t(`governance.dataStores.class.${c}`) : '');
  return [
    { key: 'name', label: f('name'), value: (s) => s.name },
    { key: 'location', label: f('location'), value: (s) => s.location },
    { key: 'classification', label: f('classification'), value: (s) => cls(s.classification) },
    { key: 'effectiveClass', label: f('effectiveClass'), value: (s) => cls(s.effectiveClass) },
    { key: 'assets', label: f('assets'), value: (s) => s.assets.map((a) => a.name).join(', ') },
    { key: 'atRest', label: f('atRest'), value: (s) => t(`governance.dataStores.atRest.${s.atRest}`) },
    { key: 'tlsMinimum', label: f('tlsMinimum'), value: (s) => t(`governance.dataStores.tls.${s.tlsMinimum}`) },
    { key: 'keyManagement', label: f('keyManagement'), value: (s) => t(`governance.dataStores.keys.${s.keyManagement}`) },
    { key: 'gaps', label: f('gaps'), value: (s) => s.gaps.map((g) => t(`governance.dataStores.gap.${g}`)).join(' / ') },
  ];
}

export async function exportDataStores(ctx: DataContext, format: ExportFormat, locale: TLocale, now: Date): Promise<Readable> {
  const { items } = await listDataStores(ctx, now);
  return exportTables(format, locale, [{ name: translator(locale)('governance.dataStores.title'), fields: storeFields(locale), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const dataStoreExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'governance.dataStores.fileName', 'data-stores', dateIn('Asia/Tokyo', now));
