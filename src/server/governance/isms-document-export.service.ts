import type { Readable } from 'node:stream';
import type { TIsmsDocument } from '../../shared/governance/isms-document.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { listDocuments } from './isms-document.service.ts';

/** The ISMS document registry as a file: one row per document, in the member's language. */

function documentFields(locale: TLocale): RegisterField<TIsmsDocument>[] {
  const t = translator(locale);
  const f = (key: string) => label(`governance.documents.fields.${key}`);
  return [
    { key: 'title', label: f('title'), value: (d) => d.title },
    { key: 'code', label: f('code'), value: (d) => d.catalogItem?.code ?? null },
    { key: 'table', label: f('table'), value: (d) => d.catalogItem?.table[locale] ?? null },
    { key: 'owner', label: f('owner'), value: (d) => d.ownerDepartment?.name ?? null },
    { key: 'documentVersion', label: f('documentVersion'), value: (d) => d.documentVersion },
    { key: 'status', label: f('status'), value: (d) => t(`governance.documents.status.${d.status}`) },
    { key: 'approvedOn', label: f('approvedOn'), value: (d) => d.approvedOn },
    { key: 'lastReviewedOn', label: f('lastReviewedOn'), value: (d) => d.lastReviewedOn },
    { key: 'reviewIntervalMonths', label: f('reviewIntervalMonths'), value: (d) => d.reviewIntervalMonths },
    { key: 'nextReviewOn', label: f('nextReviewOn'), value: (d) => d.nextReviewOn },
    { key: 'standing', label: f('standing'), value: (d) => t(`governance.documents.standing.${d.standing}`) },
    { key: 'location', label: f('location'), value: (d) => d.location },
    { key: 'notes', label: f('notes'), value: (d) => d.notes },
  ];
}

export async function exportDocuments(ctx: DataContext, format: ExportFormat, locale: TLocale, today: IsoDate): Promise<Readable> {
  const { items } = await listDocuments(ctx, today);
  return exportTables(format, locale, [{ name: translator(locale)('governance.documents.title'), fields: documentFields(locale), records: () => items }]);
}

export const documentExportFileName = (format: ExportFormat, locale: TLocale, today: IsoDate) => datedFileName(format, locale, 'governance.documents.fileName', 'isms-documents', today);
