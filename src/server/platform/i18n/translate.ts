import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { mergeMessages, type MessageTree } from '../../../shared/i18n/messages.ts';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';

/** The server speaks the same messages as the web app: every module's folder of src/shared/i18n, merged. */
const I18N_DIR = fileURLToPath(new URL('../../../shared/i18n/', import.meta.url));

function messagesOf(locale: TLocale): MessageTree {
  const folders = fs.readdirSync(I18N_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
  const files = folders.map((d) => path.join(I18N_DIR, d.name, `${locale}.json`));
  return mergeMessages(Object.fromEntries(files.map((f) => [f, JSON.parse(fs.readFileSync(f, 'utf8')) as MessageTree])));
}

const instance = i18next.createInstance();
await instance.init({
  resources: { ja: { translation: messagesOf('ja') }, en: { translation: messagesOf('en') } },
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
