import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { TLocale } from '../../shared/schemas/common.schema.ts';

/**
 * Every module's messages (src/shared/i18n/<module>/, shared with the
 * server), merged into one lazy chunk per language (messages.<lang>.ts):
 * only the language shown is loaded, because the messages grow with every
 * module and the first page's JavaScript has a budget (PRODUCT.md: 300 KB
 * gzipped). Japanese first: it is the default. The translations test keeps
 * both languages complete, so no fallback is needed.
 */
const bundles: Record<TLocale, () => Promise<{ default: object }>> = {
  ja: () => import('./messages.ja.ts'),
  en: () => import('./messages.en.ts'),
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

/** Loads a language's messages into `instance` unless they are there (the report may show another language than the UI). */
export async function loadMessages(instance: typeof i18n, locale: TLocale): Promise<void> {
  if (!instance.hasResourceBundle(locale, 'translation')) {
    const messages = (await bundles[locale]()).default;
    if (!instance.hasResourceBundle(locale, 'translation')) instance.addResourceBundle(locale, 'translation', messages);
  }
}

export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : 'ja';
}

/** Loads a language's messages if needed, then switches the UI and the document's `lang` (screen readers pronounce by it). */
export async function applyLocale(locale: TLocale): Promise<void> {
  await loadMessages(i18n, locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}
