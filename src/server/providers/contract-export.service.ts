import type { Readable } from 'node:stream';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TContract } from '../../shared/providers/contract.schema.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { listContracts } from './contract.service.ts';

/**
 * The contracts as a file, one row per contract: its term, renewal and
 * notice with the last day to give it (解約予告期限) as of today in Japan, how
 * far the 17 items are reviewed, whether it is ready to sign and what its
 * exit terms lack, in the member's language. The item-by-item review is the
 * providers' export (`table=contracts`).
 */

function contractFields(locale: TLocale): RegisterField<TContract>[] {
  const t = translator(locale);
  const c = (key: string) => label(`providers.contracts.${key}`);
  const e = (key: string) => label(`providers.export.contract.${key}`);
  const itemName = (contract: TContract, itemId: string) => {
    const r = contract.review.find((x) => x.itemId === itemId);
    return r ? `${r.number ?? ''} ${r.text[locale]}`.trim() : itemId;
  };
  return [
    { key: 'title', label: c('titleField'), value: (x) => x.title },
    { key: 'provider', label: c('provider'), value: (x) => x.providerName },
    { key: 'startsOn', label: c('startsOn'), value: (x) => x.startsOn },
    { key: 'termMonths', label: c('termMonths'), value: (x) => x.termMonths },
    { key: 'autoRenew', label: e('autoRenew'), value: (x) => x.autoRenew },
    { key: 'renewalMonths', label: c('renewalMonths'), value: (x) => x.renewalMonths },
    { key: 'notice', label: c('noticeAmount'), value: (x) => t('providers.export.contract.noticeValue', { amount: x.noticeAmount, unit: t(`providers.contracts.noticeUnits.${x.noticeUnit}`) }) },
    { key: 'noticeMethod', label: c('noticeMethod'), value: (x) => x.noticeMethod },
    { key: 'termEndsOn', label: c('termEndsOn'), value: (x) => x.standing.termEndsOn },
    { key: 'lastNoticeOn', label: c('lastNoticeOn'), value: (x) => x.standing.lastNoticeOn },
    { key: 'standing', label: c('standing'), value: (x) => t(`providers.export.contract.standings.${x.standing.status}`) },
    ...(['present', 'missing', 'negotiate', 'unreviewed'] as const).map((k): RegisterField<TContract> => ({ key: `${k}Items`, label: e(`${k}Items`), value: (x) => x.summary[k] })),
    { key: 'readyToSign', label: e('readyToSign'), value: (x) => t(`providers.contracts.${x.summary.readyToSign ? 'ready' : 'notReady'}`) },
    { key: 'blocking', label: e('blocking'), value: (x) => x.summary.blocking.map((id) => itemName(x, id)).join(', ') },
    { key: 'exitDataFormat', label: c('exitDataFormat'), value: (x) => x.exitDataFormat },
    { key: 'exitReturnDays', label: c('exitReturnDays'), value: (x) => x.exitReturnDays },
    { key: 'exitDeletionCertificate', label: e('exitDeletionCertificate'), value: (x) => x.exitDeletionCertificate },
    { key: 'exitFindings', label: e('exitFindings'), value: (x) => x.summary.exitFindings.map((f) => t(`providers.contracts.exitFindings.${f}`)).join('\n') },
    { key: 'note', label: label('providers.fields.note'), value: (x) => x.note },
  ];
}

export async function exportContracts(ctx: DataContext, format: ExportFormat, locale: TLocale, today: IsoDate): Promise<Readable> {
  const { items } = await listContracts(ctx, today);
  return exportTables(format, locale, [{ name: translator(locale)('providers.contracts.title'), fields: contractFields(locale), records: () => items }]);
}

export const contractExportFileName = (format: ExportFormat, locale: TLocale, today: IsoDate) => datedFileName(format, locale, 'providers.export.contract.fileName', 'contracts', today);
