import i18next, { type TFunction } from 'i18next';
import en from '../../../shared/i18n/en.json' with { type: 'json' };
import ja from '../../../shared/i18n/ja.json' with { type: 'json' };
import type { TLocale } from '../../../shared/schemas/common.schema.ts';

/** The server speaks the same message files as the web app (src/shared/i18n). */
const instance = i18next.createInstance();
await instance.init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: 'ja',
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
  initAsync: false,
});

const fixed: Record<TLocale, TFunction> = { ja: instance.getFixedT('ja'), en: instance.getFixedT('en') };

export function translator(locale: TLocale): TFunction {
  return fixed[locale];
}

/** The language for a request without a signed-in user: Accept-Language, Japanese by default. */
export function localeFromHeader(header: string | undefined): TLocale {
  if (!header) return 'ja';
  const first = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((p) => p.tag.startsWith('ja') || p.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q)[0];
  return first?.tag.startsWith('en') ? 'en' : 'ja';
}
