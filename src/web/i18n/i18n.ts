import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../shared/i18n/en.json' with { type: 'json' };
import ja from '../../shared/i18n/ja.json' with { type: 'json' };
import type { TLocale } from '../../shared/schemas/common.schema.ts';

/**
 * One message file per language, shared with the server (src/shared/i18n).
 * Japanese first: it is the default and the fallback.
 */
export const LOCALES: readonly TLocale[] = ['ja', 'en'];
const STORAGE_KEY = 'kumoji.locale';

const isLocale = (v: unknown): v is TLocale => v === 'ja' || v === 'en';

/** The language chosen before sign-in (kept in this browser); Japanese unless English was picked. */
export function storedLocale(): TLocale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : 'ja';
  } catch {
    return 'ja';
  }
}

export function rememberLocale(locale: TLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : 'ja';
}

/** Switches the UI language and the document's `lang` (screen readers pronounce by it). */
export function applyLocale(locale: TLocale): void {
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}
applyLocale(currentLocale());
