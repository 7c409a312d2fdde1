import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { TLocale } from '../../shared/schemas/common.schema.ts';

/**
 * One message file per language, shared with the server (src/shared/i18n).
 * Japanese first: it is the default. Each file is its own lazy chunk and only
 * the language shown is loaded: the files grow with every module, and the
 * first page's JavaScript has a budget (PRODUCT.md: 300 KB gzipped).
 * The translations test keeps both files complete, so no fallback is needed.
 */
const bundles: Record<TLocale, () => Promise<{ default: object }>> = {
  ja: () => import('../../shared/i18n/ja.json', { with: { type: 'json' } }),
  en: () => import('../../shared/i18n/en.json', { with: { type: 'json' } }),
};
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
  resources: {},
  partialBundledLanguages: true,
  lng: storedLocale(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

async function loadLocale(locale: TLocale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'translation')) {
    i18n.addResourceBundle(locale, 'translation', (await bundles[locale]()).default);
  }
}

export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : 'ja';
}

/** Loads a language's messages if needed, then switches the UI and the document's `lang` (screen readers pronounce by it). */
export async function applyLocale(locale: TLocale): Promise<void> {
  await loadLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}
