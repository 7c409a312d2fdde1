import type { TAssetModelCheck, TAssetSort } from '../../shared/schemas/asset.schema.ts';
import { decodePageCursor, encodePageCursor, type PageCursor } from '../platform/register/page-cursor.ts';

/**
 * Pure rules of the asset inventory: the asset-model check, the list's
 * keyset cursor, and the spreadsheet-formula neutralisation of exports.
 */

/* ------------------------------------------------------- asset-model check */

/**
 * How close the sum of asset values must come to annual revenue.
 * Seed 000 III.3.3: "全ての資産額を合算したものがこのビジネスの売上げ総額と一致すれば、
 * 資産モデルとして成立する" — the seed gives no tolerance; these are ours and named
 * so a caller (or, later, an organisation setting) can change them.
 */
export interface AssetModelThresholds {
  /** Within this many percent of revenue, the model holds. */
  holdsWithinPercent: number;
  /** Within this many percent, it roughly holds; beyond, the inventory is far off. */
  roughlyWithinPercent: number;
}

export const ASSET_MODEL_THRESHOLDS: AssetModelThresholds = { holdsWithinPercent: 10, roughlyWithinPercent: 30 };

/** a / b in percent with one decimal, rounded half away from zero, exact (bigint). */
export function percentOneDecimal(a: bigint, b: bigint): string {
  if (b === 0n) throw new RangeError('division by zero');
  const negative = a < 0n !== b < 0n && a !== 0n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const tenths = (absA * 2000n + absB) / (2n * absB); // round(absA * 1000 / absB), half up
  const text = `${tenths / 10n}.${tenths % 10n}`;
  return negative && tenths !== 0n ? `-${text}` : text;
}

/** |a| <= b * percent / 100, exact for integer percents and those with up to 3 decimals. */
function withinPercent(absDiff: bigint, revenue: bigint, percent: number): boolean {
  const milli = BigInt(Math.round(percent * 1000));
  return absDiff * 100_000n <= revenue * milli;
}

/**
 * Seed 000 III.3.3 (FACTS.md 5): each asset's value is records x unit value;
 * the sum over all assets should match annual revenue. Returns the difference
 * in yen and percent of revenue and a verdict the UI words in plain language.
 */
export function assetModelCheck(
  input: { totalValueYen: bigint; assetCount: number; annualRevenueYen: bigint | null },
  thresholds: AssetModelThresholds = ASSET_MODEL_THRESHOLDS,
): TAssetModelCheck {
  const base = { totalValueYen: input.totalValueYen.toString(), thresholds: { ...thresholds } };
  const revenue = input.annualRevenueYen;
  if (revenue === null || revenue <= 0n) {
    return { ...base, annualRevenueYen: revenue === null ? null : revenue.toString(), differenceYen: null, differencePercent: null, verdict: 'noRevenue' };
  }
  const difference = input.totalValueYen - revenue;
  const result = {
    ...base,
    annualRevenueYen: revenue.toString(),
    differenceYen: difference.toString(),
    differencePercent: percentOneDecimal(difference, revenue),
  };
  if (input.assetCount === 0) return { ...result, verdict: 'noAssets' };
  const abs = difference < 0n ? -difference : difference;
  if (withinPercent(abs, revenue, thresholds.holdsWithinPercent)) return { ...result, verdict: 'holds' };
  const under = difference < 0n;
  if (withinPercent(abs, revenue, thresholds.roughlyWithinPercent)) return { ...result, verdict: under ? 'roughlyUnder' : 'roughlyOver' };
  return { ...result, verdict: under ? 'farUnder' : 'farOver' };
}

/* ------------------------------------------------------------ list cursor */

export interface AssetCursor extends PageCursor {
  sort: TAssetSort;
  dir: 'asc' | 'desc';
}

// A cursor is the client's to send back: each value is checked to be one PostgreSQL accepts for
// its column (no NUL in a name, a bigint in 18 digits, a timestamp's fields in range).
const SORT_VALUE: Record<TAssetSort, RegExp> = {
  // eslint-disable-next-line no-control-regex
  name: /^[^\u0000\p{Cs}]{1,400}$/u,
  rank: /^[ABC]$/,
  records: /^\d{1,18}$/,
  unitValue: /^\d{1,18}$/,
  totalValue: /^\d{1,40}$/,
  updatedAt: /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/,
};

/** The list's cursor, in the one format of list pages (platform/register/page-cursor.ts). */
export function encodeCursor(c: AssetCursor): string {
  return encodePageCursor(c.sort, c.dir, c);
}

/** The cursor, or null when it is garbled, was made for another sort order, or carries a value its column refuses. */
export function decodeCursor(raw: string, sort: TAssetSort, dir: 'asc' | 'desc'): AssetCursor | null {
  const cursor = decodePageCursor(raw, sort, dir, (v) => SORT_VALUE[sort].test(v));
  return cursor && { sort, dir, ...cursor };
}

/* ----------------------------------------------- spreadsheet formula cells */

/** Shared by every register's export and import (platform/transfer/cell-text.ts). */
export { neutraliseCell, restoreCell } from '../platform/transfer/cell-text.ts';
