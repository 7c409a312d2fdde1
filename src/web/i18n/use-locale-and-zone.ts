import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { useSession } from '../platform/auth/session.query.ts';
import { DEFAULT_TIME_ZONE } from './format.ts';

/** The UI language and the user's time zone (Asia/Tokyo until they choose another). */
export function useLocaleAndZone(): { locale: TLocale; timeZone: string } {
  const { i18n } = useTranslation();
  const { data } = useSession();
  return { locale: i18n.language === 'en' ? 'en' : 'ja', timeZone: data?.user?.timeZone || DEFAULT_TIME_ZONE };
}
