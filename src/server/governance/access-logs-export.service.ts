import type { Readable } from 'node:stream';
import type { TIamAccount, TLogSource } from '../../shared/governance/access-logs.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { iamReviewOf, logSourcesOf } from './access-logs.service.ts';

/**
 * The IAM review and the log policy check (seed 004) as files, in the
 * member's language: each account or log source with what it lacks today
 * and the corrective actions its findings became.
 */

const f = (key: string) => label(`governance.access.fields.${key}`);
const actions = (xs: readonly { title: string }[]) => xs.map((a) => a.title).join('\n');

function accountFields(locale: TLocale): RegisterField<TIamAccount>[] {
  const t = translator(locale);
  return [
    { key: 'system', label: f('system'), value: (a) => a.system },
    { key: 'account', label: f('account'), value: (a) => a.account },
    { key: 'holder', label: f('holder'), value: (a) => a.holder },
    { key: 'kind', label: f('kind'), value: (a) => t(`governance.access.kind.${a.kind}`) },
    { key: 'role', label: f('role'), value: (a) => a.role },
    { key: 'mfa', label: f('mfa'), value: (a) => a.mfa },
    { key: 'active', label: f('active'), value: (a) => a.active },
    { key: 'lastUsedOn', label: f('lastUsedOn'), value: (a) => a.lastUsedOn },
    { key: 'lastReviewedOn', label: f('lastReviewedOn'), value: (a) => a.lastReviewedOn },
    { key: 'findings', label: f('findings'), value: (a) => a.findings.map((x) => t(`governance.access.finding.${x}`)).join('\n') },
    { key: 'actions', label: label('governance.access.export.actions'), value: (a) => actions(a.actions) },
    { key: 'notes', label: label('governance.access.export.notes'), value: (a) => a.notes },
  ];
}

function logFields(locale: TLocale): RegisterField<TLogSource>[] {
  const t = translator(locale);
  return [
    { key: 'name', label: f('name'), value: (l) => l.name },
    { key: 'system', label: f('system'), value: (l) => l.system },
    { key: 'kind', label: f('logKind'), value: (l) => t(`governance.access.logKind.${l.kind}`) },
    { key: 'retentionMonths', label: f('retentionMonths'), value: (l) => l.retentionMonths },
    { key: 'requiredMonths', label: label('governance.access.export.requiredMonths'), value: (l) => l.requiredMonths },
    { key: 'worm', label: f('worm'), value: (l) => l.worm },
    { key: 'clockSync', label: f('clockSync'), value: (l) => l.clockSync },
    { key: 'collected', label: f('collected'), value: (l) => l.collected },
    { key: 'encrypted', label: f('encrypted'), value: (l) => l.encrypted },
    { key: 'findings', label: f('findings'), value: (l) => l.findings.map((x) => t(`governance.access.finding.${x}`, { months: l.requiredMonths })).join('\n') },
    { key: 'actions', label: label('governance.access.export.actions'), value: (l) => actions(l.actions) },
    { key: 'notes', label: label('governance.access.export.notes'), value: (l) => l.notes },
  ];
}

export async function exportAccounts(ctx: DataContext, format: ExportFormat, locale: TLocale, now: Date): Promise<Readable> {
  const { items } = await iamReviewOf(ctx, now);
  return exportTables(format, locale, [{ name: translator(locale)('governance.access.accountsTitle'), fields: accountFields(locale), records: () => items }]);
}

export async function exportLogSources(ctx: DataContext, format: ExportFormat, locale: TLocale, now: Date): Promise<Readable> {
  const { items } = await logSourcesOf(ctx, now);
  return exportTables(format, locale, [{ name: translator(locale)('governance.access.logsTitle'), fields: logFields(locale), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const accountExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'governance.access.export.accountsFileName', 'iam-accounts', dateIn('Asia/Tokyo', now));
export const logSourceExportFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'governance.access.export.logsFileName', 'log-sources', dateIn('Asia/Tokyo', now));
