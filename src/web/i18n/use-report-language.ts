import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { loadMessages } from './i18n.ts';

/**
 * The messages of a printed report's language, which need not be the UI's:
 * each language's messages are a lazy chunk of their own (i18n.ts), so load
 * them when missing. True once they are there.
 */
export function useReportLanguage(lang: TLocale): boolean {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(() => i18n.hasResourceBundle(lang, 'translation'));
  useEffect(() => {
    if (i18n.hasResourceBundle(lang, 'translation')) return setReady(true);
    setReady(false);
    let live = true;
    void loadMessages(i18n, lang).then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [i18n, lang]);
  return ready;
}
