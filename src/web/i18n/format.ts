import type { TLocale } from '../../shared/schemas/common.schema.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: TLocale, timeZone: string, style: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = cache.get(key);
  if (!f) {
    const tag = locale === 'ja' ? 'ja-JP' : 'en-GB';
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { dateStyle: 'medium', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone };
    try {
      f = new Intl.DateTimeFormat(tag, options);
    } catch {
      // An unknown zone stored on the account must not break the page.
      f = new Intl.DateTimeFormat(tag, { ...options, timeZone: DEFAULT_TIME_ZONE });
    }
    cache.set(key, f);
  }
  return f;
}

/** A date and time in the user's time zone, e.g. 2026/04/01 9:30 or 1 Apr 2026, 09:30. */
export function formatDateTime(iso: string | null | undefined, locale: TLocale, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter(locale, timeZone, 'dateTime').format(d);
}

export function formatDate(iso: string | null | undefined, locale: TLocale, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter(locale, timeZone, 'date').format(d);
}

export function formatNumber(n: number, locale: TLocale): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB').format(n);
}

/** Every IANA zone the browser knows, Asia/Tokyo first. */
export function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [DEFAULT_TIME_ZONE, 'UTC'];
  return [DEFAULT_TIME_ZONE, ...all.filter((z) => z !== DEFAULT_TIME_ZONE)];
}

/** A calendar month ('YYYY-MM') as the reader writes it: 2026年4月, Apr 2026. */
export function formatMonth(month: string, locale: TLocale): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: locale === 'ja' ? 'long' : 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
