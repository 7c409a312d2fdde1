/**
 * Exact yen arithmetic for the asset inventory, shared by the server (rules,
 * export) and the web app (display). Amounts are integers of yen held as
 * bigint; nothing here ever goes through a float.
 *
 * Seed 000 III.3.3 図11 writes unit values in 千円 (thousand yen, 0.5 = 500 yen)
 * and totals in 万円 (ten thousand yen, 10,044万円 = 100,440,000 yen).
 */

/** Most decimal places a 千円 value can have: three, since one yen is 0.001千円. */
export const THOUSAND_YEN_DECIMALS = 3;
/** Largest unit value accepted: 1,000,000,000千円 (one trillion yen) per record. */
export const MAX_UNIT_VALUE_THOUSAND_YEN = 1_000_000_000n;
/** Largest record count accepted (kept below 2^53 so it stays exact as a JSON number). */
export const MAX_RECORDS = 1_000_000_000_000_000;

export const THOUSAND_YEN_PATTERN = /^\d{1,10}(\.\d{1,3})?$/;

/** "0.5" (千円) → 500n (yen); null when the text is not a plain non-negative decimal with at most 3 decimals. */
export function thousandYenToYen(text: string): bigint | null {
  if (!THOUSAND_YEN_PATTERN.test(text)) return null;
  const [whole, fraction = ''] = text.split('.');
  const yen = BigInt(whole) * 1000n + BigInt(fraction.padEnd(THOUSAND_YEN_DECIMALS, '0'));
  return yen > MAX_UNIT_VALUE_THOUSAND_YEN * 1000n ? null : yen;
}

/** 500n → "0.5"; 150000n → "150" (no grouping, no trailing zeros). */
export function yenToThousandYen(yen: bigint | number): string {
  const v = BigInt(yen);
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const whole = abs / 1000n;
  const fraction = (abs % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Digits grouped by three: 100440000n → "100,440,000". */
export function groupDigits(v: bigint): string {
  const sign = v < 0n ? '-' : '';
  const digits = (v < 0n ? -v : v).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "100,440,000円" / "¥100,440,000". */
export function formatYen(yen: bigint | string, locale: 'ja' | 'en'): string {
  const v = BigInt(yen);
  return locale === 'ja' ? `${groupDigits(v)}円` : `${v < 0n ? '-' : ''}¥${groupDigits(v < 0n ? -v : v)}`;
}

/**
 * 万円 as the seed shows it: 100,440,000 yen → "10,044万円". An amount that is
 * not a whole number of 万円 keeps one decimal, rounded half up (75,000 yen →
 * "7.5万円", 15,000 → "1.5万円", 12,345 → "1.2万円").
 */
export function formatManYen(yen: bigint | string): string {
  const v = BigInt(yen);
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const tenths = (abs + 500n) / 1000n; // tenths of 万円, half up
  const whole = tenths / 10n;
  const decimal = tenths % 10n;
  return `${sign}${groupDigits(whole)}${decimal ? `.${decimal}` : ''}万円`;
}

/** records x unit value, exact. */
export function assetValueYen(records: bigint | number, unitValueYen: bigint | number): bigint {
  return BigInt(records) * BigInt(unitValueYen);
}

/**
 * The one way an amount of yen is shown to a reader (item totals, revenue,
 * budgets). Japanese as the seeds write amounts: under 1万円 in 円 (500円),
 * then 万円 (7.5万円, 10,044万円), and 億円 from 1億円 when that loses nothing
 * (1億円, 1.5億円, 2.25億円; 100,440,000 yen stays 10,044万円 so the seed's
 * table reads as printed). English: exact yen (¥100,440,000).
 */
export function formatYenAmount(yen: bigint | string | number, locale: 'ja' | 'en'): string {
  const v = BigInt(yen);
  if (locale === 'en') return formatYen(v, 'en');
  const abs = v < 0n ? -v : v;
  const sign = v < 0n ? '-' : '';
  if (abs < 10_000n) return `${sign}${groupDigits(abs)}円`;
  const OKU = 100_000_000n;
  // 億円 with at most two decimals, only when exact (1億円 = 100,000,000円).
  if (abs >= OKU && abs % 1_000_000n === 0n) {
    const whole = abs / OKU;
    const hundredths = (abs % OKU) / 1_000_000n;
    const decimals = hundredths === 0n ? '' : `.${hundredths.toString().padStart(2, '0').replace(/0$/, '')}`;
    return `${sign}${groupDigits(whole)}${decimals}億円`;
  }
  return formatManYen(v);
}

/**
 * A chart axis' amounts, short: 2,000万円 and 1.2億円 as formatYenAmount
 * writes them; in English compact (¥20M, ¥120M), since exact yen would
 * crowd an axis. Tooltips and tables keep the exact figure.
 */
export function formatYenAxis(yen: bigint | string | number, locale: 'ja' | 'en'): string {
  if (locale === 'ja') return formatYenAmount(yen, 'ja');
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY', notation: 'compact', maximumFractionDigits: 1 }).format(Number(yen));
}
