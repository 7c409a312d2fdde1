import type { Readable } from 'node:stream';
import { dateIn } from '../../../shared/platform/calendar-date.ts';
import type { TMember } from '../../../shared/schemas/organisation.schema.ts';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';
import type { AuthDeps } from '../auth/auth.service.ts';
import type { OrgAuthContext } from '../http/route.ts';
import { translator } from '../i18n/translate.ts';
import { datedFileName, fieldLabel as label } from '../register/export.route.ts';
import type { RegisterField } from '../register/register-fields.ts';
import type { ExportFormat } from '../transfer/export.writer.ts';
import { exportTables, exportTime } from '../transfer/register-export.ts';
import { members } from './organisation.service.ts';

/**
 * The members and their roles as a file, for the periodic review of who
 * may use the organisation's data (seed 000 VI 「アクセス権限の定期的な見直し」):
 * each member's name, e-mail address, role, whether two-factor
 * authentication is set and the day they joined, in the member's language.
 */
function memberFields(locale: TLocale): RegisterField<TMember>[] {
  const t = translator(locale);
  return [
    { key: 'displayName', label: label('members.fields.displayName'), value: (m) => m.displayName },
    { key: 'email', label: label('members.fields.email'), value: (m) => m.email },
    { key: 'role', label: label('members.fields.role'), value: (m) => t(`roles.${m.role}`) },
    { key: 'mfaEnabled', label: label('members.mfa'), value: (m) => t(m.mfaEnabled ? 'members.mfaOn' : 'members.mfaOff') },
    { key: 'joinedAt', label: label('members.joined'), value: (m) => exportTime(m.joinedAt) },
  ];
}

export async function membersFile(deps: AuthDeps, auth: OrgAuthContext, format: ExportFormat, locale: TLocale): Promise<Readable> {
  const items = await members(deps, auth);
  return exportTables(format, locale, [{ name: translator(locale)('members.listTitle'), fields: memberFields(locale), records: () => items }]);
}

/** Dated as the organisation's day in Japan, as every register's export is. */
export const membersFileName = (format: ExportFormat, locale: TLocale, now: Date) => datedFileName(format, locale, 'members.fileName', 'members', dateIn('Asia/Tokyo', now));
