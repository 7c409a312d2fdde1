import type { Readable } from 'node:stream';
import type { TContract } from '../../shared/providers/contract.schema.ts';
import type { TEvaluation, TProvider } from '../../shared/providers/provider.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables, type ExportTable } from '../platform/transfer/register-export.ts';
import { listContracts } from './contract.service.ts';
import { getEvaluation } from './evaluation.service.ts';
import { listProviders } from './provider.service.ts';

/**
 * Providers, their evaluations and the contracts' reviews as files (PRODUCT.md
 * capability 6): CSV or JSON of one table, or a workbook of all three, in the
 * member's language, labels from this module's messages.
 */

export const PROVIDER_EXPORT_TABLES = ['providers', 'evaluations', 'contracts'] as const;
export type ProviderExportTable = (typeof PROVIDER_EXPORT_TABLES)[number];
/** What the audit trail names as exported: the entity of the table asked for (the workbook carries all three). */
export const PROVIDER_EXPORT_ENTITIES: Record<ProviderExportTable, string> = { providers: 'provider', evaluations: 'providerEvaluation', contracts: 'contract' };

const list = (xs: readonly string[]) => xs.join(', ');

function providerFields(locale: TLocale): RegisterField<TProvider>[] {
  const t = translator(locale);
  return [
    { key: 'name', label: label('providers.fields.name'), value: (p) => p.name },
    { key: 'reference', label: label('providers.fields.reference'), value: (p) => p.reference?.[locale] ?? null },
    { key: 'services', label: label('providers.fields.services'), value: (p) => list(p.services) },
    { key: 'serviceTypes', label: label('providers.fields.serviceTypes'), value: (p) => list(p.serviceTypes.map((s) => t(`providers.serviceType.${s}`))) },
    { key: 'dataLocations', label: label('providers.fields.dataLocations'), value: (p) => list(p.dataLocations.map((l) => (l.region ? `${l.country} ${l.region}` : l.country))) },
    { key: 'certifications', label: label('providers.fields.certifications'), value: (p) => list(p.certifications.map((c) => (c.expiresOn ? `${c.name} (${c.expiresOn})` : c.name))) },
    { key: 'ismap', label: label('providers.fields.ismap'), value: (p) => t(`providers.ismap.${p.ismap}`) },
    { key: 'ismapRegisteredOn', label: label('providers.fields.ismapRegisteredOn'), value: (p) => p.ismapRegisteredOn },
    { key: 'ismapListCheckedOn', label: label('providers.fields.ismapListCheckedOn'), value: (p) => p.ismapListCheckedOn },
    { key: 'msp', label: label('providers.fields.msp'), value: (p) => p.msp },
    { key: 'mss', label: label('providers.fields.mss'), value: (p) => p.mss },
    { key: 'subcontractors', label: label('providers.fields.subcontractors'), value: (p) => list(p.subcontractors) },
    { key: 'slaAvailabilityPercent', label: label('providers.fields.slaAvailabilityPercent'), value: (p) => p.slaAvailabilityPercent },
    { key: 'recoveryTimeHours', label: label('providers.fields.recoveryTimeHours'), value: (p) => p.recoveryTimeHours },
    { key: 'supportHours', label: label('providers.fields.supportHours'), value: (p) => t(`providers.supportHours.${p.supportHours}`) },
    { key: 'evaluationScore', label: label('providers.evaluation.score'), value: (p) => p.evaluation?.score ?? null },
    { key: 'evaluationDueOn', label: label('providers.evaluation.dueOn'), value: (p) => p.evaluation?.dueOn ?? null },
    { key: 'contractCount', label: label('providers.fields.contractCount'), value: (p) => p.contractCount },
    { key: 'note', label: label('providers.fields.note'), value: (p) => p.note },
  ];
}

type EvaluationLine = { provider: string; evaluation: TEvaluation; item: TEvaluation['items'][number] };
function evaluationFields(locale: TLocale): RegisterField<EvaluationLine>[] {
  const t = translator(locale);
  return [
    { key: 'provider', label: label('providers.fields.name'), value: (l) => l.provider },
    { key: 'evaluatedOn', label: label('providers.evaluation.evaluatedOn'), value: (l) => l.evaluation.evaluatedOn },
    { key: 'group', label: label('providers.evaluation.group'), value: (l) => t(`providers.evaluation.groups.${l.item.group}`) },
    { key: 'label', label: label('providers.evaluation.label'), value: (l) => l.item.label },
    { key: 'item', label: label('providers.evaluation.item'), value: (l) => l.item.text[locale] },
    { key: 'rating', label: label('providers.evaluation.rating'), value: (l) => l.item.rating },
    { key: 'weight', label: label('providers.evaluation.weight'), value: (l) => l.item.weight },
    { key: 'knockOut', label: label('providers.evaluation.knockOut'), value: (l) => l.item.knockOut },
    { key: 'evidence', label: label('providers.evaluation.evidence'), value: (l) => l.item.evidence },
    { key: 'note', label: label('providers.fields.note'), value: (l) => l.item.note },
    { key: 'score', label: label('providers.evaluation.score'), value: (l) => l.evaluation.score },
  ];
}

type ReviewLine = { contract: TContract; item: TContract['review'][number] };
function reviewFields(locale: TLocale): RegisterField<ReviewLine>[] {
  const t = translator(locale);
  return [
    { key: 'contract', label: label('providers.contracts.title'), value: (l) => l.contract.title },
    { key: 'provider', label: label('providers.fields.name'), value: (l) => l.contract.providerName },
    { key: 'number', label: label('providers.contracts.number'), value: (l) => l.item.number },
    { key: 'item', label: label('providers.contracts.item'), value: (l) => l.item.text[locale] },
    { key: 'status', label: label('providers.contracts.status'), value: (l) => (l.item.status ? t(`providers.contracts.statuses.${l.item.status}`) : t('providers.contracts.statuses.unreviewed')) },
    { key: 'clause', label: label('providers.contracts.clause'), value: (l) => l.item.clause },
    { key: 'blocking', label: label('providers.contracts.blocking'), value: (l) => l.item.blocking },
    { key: 'termEndsOn', label: label('providers.contracts.termEndsOn'), value: (l) => l.contract.standing.termEndsOn },
    { key: 'lastNoticeOn', label: label('providers.contracts.lastNoticeOn'), value: (l) => l.contract.standing.lastNoticeOn },
  ];
}

export async function exportProviders(ctx: DataContext, format: ExportFormat, locale: TLocale, table: ProviderExportTable, today: IsoDate): Promise<Readable> {
  const t = translator(locale);
  const providers = (await listProviders(ctx, today)).items;
  const tables = {
    providers: { name: t('providers.export.providersSheet'), fields: providerFields(locale), records: () => providers } satisfies ExportTable<TProvider>,
    evaluations: {
      name: t('providers.export.evaluationsSheet'),
      fields: evaluationFields(locale),
      records: async function* () {
        for (const p of providers.filter((x) => x.evaluation)) {
          const evaluation = await getEvaluation(ctx, p.id, today);
          for (const item of evaluation.items) yield { provider: p.name, evaluation, item };
        }
      },
    } satisfies ExportTable<EvaluationLine>,
    contracts: {
      name: t('providers.export.contractsSheet'),
      fields: reviewFields(locale),
      records: async function* () {
        for (const contract of (await listContracts(ctx, today)).items) for (const item of contract.review) yield { contract, item };
      },
    } satisfies ExportTable<ReviewLine>,
  };
  const order = format === 'xlsx' ? PROVIDER_EXPORT_TABLES : [table];
  return exportTables(format, locale, order.map((k) => tables[k]));
}

export function providerExportFileName(format: ExportFormat, locale: TLocale, table: ProviderExportTable, today: IsoDate) {
  const name = format === 'xlsx' ? 'all' : table;
  return datedFileName(format, locale, `providers.export.fileName.${name}`, `providers-${name}`, today);
}
