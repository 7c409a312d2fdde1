import type { Readable } from 'node:stream';
import type { TStaffingPerson, TStaffingRole } from '../../shared/governance/staffing.schema.ts';
import type { IsoDate } from '../../shared/platform/calendar-date.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../platform/register/export.route.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import type { ExportFormat } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import { staffingOf } from './staffing.service.ts';

/**
 * The staffing matrix as a file: people as rows and roles as columns (● where
 * the person holds the role) with their certifications; the workbook adds the
 * roles with what each lacks.
 */

const f = (key: string) => label(`governance.staffing.fields.${key}`);

export async function exportStaffing(ctx: DataContext, format: ExportFormat, locale: TLocale, today: IsoDate): Promise<Readable> {
  const t = translator(locale);
  const { roles, people } = await staffingOf(ctx, today);
  const certifications = (p: TStaffingPerson) => p.certifications.map((c) => (c.expiresOn ? `${c.name} (${c.expiresOn})` : c.name)).join(', ');
  const personFields: RegisterField<TStaffingPerson>[] = [
    { key: 'name', label: f('name'), value: (p) => p.name },
    { key: 'affiliation', label: f('affiliation'), value: (p) => t(`governance.staffing.affiliation.${p.affiliation}`) },
    ...roles.map((r, i): RegisterField<TStaffingPerson> => ({ key: `role${i + 1}`, label: { ja: r.title, en: r.title }, value: (p) => (p.roleIds.includes(r.id) ? '●' : '') })),
    { key: 'certifications', label: f('certifications'), value: certifications },
  ];
  const roleFields: RegisterField<TStaffingRole>[] = [
    { key: 'title', label: f('role'), value: (r) => r.title },
    { key: 'critical', label: f('critical'), value: (r) => r.critical },
    { key: 'requiredCertifications', label: f('requiredCertifications'), value: (r) => r.requiredCertifications.join(', ') },
    { key: 'holders', label: f('holders'), value: (r) => r.holders.map((h) => h.name).join(', ') },
    { key: 'gaps', label: f('gaps'), value: (r) => r.gaps.map((g) => t(`governance.staffing.gap.${g}`)).join(' / ') },
  ];
  return exportTables(format, locale, [
    { name: t('governance.staffing.peopleSheet'), fields: personFields, records: () => people },
    { name: t('governance.staffing.rolesSheet'), fields: roleFields, records: () => roles },
  ]);
}

export const staffingExportFileName = (format: ExportFormat, locale: TLocale, today: IsoDate) => datedFileName(format, locale, 'governance.staffing.fileName', 'staffing', today);
