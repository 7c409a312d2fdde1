import { MAX_RECORDS, thousandYenToYen } from '../../shared/assets/asset-money.ts';
import type { TConfidentiality, TImportField, TMedium, TPlacement, TRank, TSensitivity } from '../../shared/schemas/asset.schema.ts';
import { fail as cellFail, numberText, readText as readCellText, type Read as CellRead } from '../platform/transfer/cell.readers.ts';
import { normaliseHeader } from '../platform/transfer/header.rules.ts';
import type { Cell } from '../platform/transfer/sheet.reader.ts';

// How each cell of an asset file is read: text, counts, amounts in thousand yen, the fixed choices.

/* ------------------------------------------------------------------ cells */

export type { Cell } from '../platform/transfer/sheet.reader.ts';

export type IssueCode =
  | 'required'
  | 'tooLong'
  | 'controlChars'
  | 'formula'
  | 'formulaCell'
  | 'notNumber'
  | 'notInteger'
  | 'negative'
  | 'tooBig'
  | 'tooManyDecimals'
  | 'invalidRank'
  | 'invalidMedium'
  | 'invalidChoice'
  | 'invalidBoolean'
  | 'invalidPlacement'
  | 'unknownOwner'
  | 'ambiguousOwner'
  | 'unknownCatalogItem'
  | 'duplicateInFile'
  | 'duplicateExisting'
  | 'extraCells'
  | 'totalDiffers'
  | 'totalUnreadable'
  | 'totalsRow';

/** Issues that are shown but do not refuse the file: the import keeps its own computed value. */
export const NOTICE_CODES: ReadonlySet<IssueCode> = new Set(['totalDiffers', 'totalUnreadable', 'totalsRow']);

export interface RowIssue {
  rowNumber: number;
  field: TImportField | null;
  column: number | null;
  code: IssueCode;
  params?: Record<string, string | number>;
  severity?: 'error' | 'notice';
}


/** A cell as read: the pipeline's reading result, with this register's issue codes. */
export type Read<T> = CellRead<T, IssueCode>;

export const fail = <T>(code: IssueCode, params?: Record<string, string | number>): Read<T> => cellFail<T, IssueCode>(code, params);

/** The text of a cell, trimmed, with the export's formula neutralisation undone (the pipeline's reader). */
export const readText = (cell: Cell, max: number): Read<string> => readCellText(cell, max);

export function readRecords(cell: Cell): Read<number | null> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  if (typeof cell === 'object') return fail('formulaCell');
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('notNumber');
    if (cell < 0) return fail('negative');
    if (!Number.isInteger(cell)) return fail('notInteger');
    if (cell > MAX_RECORDS) return fail('tooBig', { max: MAX_RECORDS });
    return { ok: true, value: cell };
  }
  const text = numberText(cell);
  if (/^-\d+(\.\d+)?$/.test(text)) return fail('negative');
  if (/^\d+\.\d+$/.test(text)) return /^\d+\.0+$/.test(text) ? readRecords(text.split('.')[0]) : fail('notInteger');
  if (!/^\d+$/.test(text)) return fail('notNumber');
  if (text.length > 16 || Number(text) > MAX_RECORDS) return fail('tooBig', { max: MAX_RECORDS });
  return { ok: true, value: Number(text) };
}

/** 千円 per record → whole yen (exact). */
export function readThousandYen(cell: Cell): Read<bigint | null> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  if (typeof cell === 'object') return fail('formulaCell');
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('notNumber');
    // The shortest decimal that reads back as this double: 0.5 → "0.5", 0.1 → "0.1".
    text = String(cell);
    if (/e/i.test(text)) return cell < 0 ? fail('negative') : Math.abs(cell) < 1 ? fail('tooManyDecimals') : fail('tooBig', { max: '1000000000' });
  } else text = numberText(cell);
  if (/^-\d+(\.\d+)?$/.test(text)) return fail('negative');
  if (!/^\d+(\.\d+)?$/.test(text)) return fail('notNumber');
  const [whole, fraction = ''] = text.split('.');
  if (fraction.replace(/0+$/, '').length > 3) return fail('tooManyDecimals');
  const trimmed = `${whole.replace(/^0+(?=\d)/, '')}${fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : ''}`;
  const yen = thousandYenToYen(trimmed);
  if (yen === null) return fail('tooBig', { max: '1000000000' });
  return { ok: true, value: yen };
}

/**
 * A 資産総額 cell as people write it: yen ("100440000", "1,500円"), or with the
 * seed's units ("3,000 万", "8万円", "1.2億"). Only ever compared with the
 * computed value, never stored.
 */
export function readTotalYen(cell: Cell): Read<bigint | null> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  if (typeof cell === 'object') return fail('formulaCell');
  const text = typeof cell === 'number' ? String(cell) : numberText(cell).replace(/^[¥￥]/, '');
  const m = /^(\d+(?:\.\d+)?)(億|万|千)?円?$/.exec(text);
  if (!m) return fail('totalUnreadable', { value: String(cell).trim().slice(0, 40) });
  const unit = m[2] === '億' ? 100_000_000n : m[2] === '万' ? 10_000n : m[2] === '千' ? 1_000n : 1n;
  const [whole, fraction = ''] = m[1].split('.');
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * unit;
  // A fraction of a yen cannot be a total: round half up to whole yen.
  return { ok: true, value: (scaled * 2n + scale) / (2n * scale) };
}

/**
 * The words of each choice, per language: the first is what the export writes
 * (so export then import gives the same value); all are accepted on import,
 * with the codes themselves.
 */
export const CHOICE_WORDS = {
  medium: {
    electronic: { ja: ['電子媒体', '電子', '電子データ', 'デジタル'], en: ['Electronic', 'Electronic media', 'Digital'] },
    paper: { ja: ['紙', '紙媒体'], en: ['Paper'] },
    other: { ja: ['その他'], en: ['Other'] },
  },
  rank: { A: { ja: ['A'], en: ['A'] }, B: { ja: ['B'], en: ['B'] }, C: { ja: ['C'], en: ['C'] } },
  sensitivity: {
    basic: { ja: ['基本'], en: ['Basic'] },
    sensitive: { ja: ['センシティブ'], en: ['Sensitive'] },
    exceptional: { ja: ['例外的'], en: ['Exceptional'] },
  },
  confidentiality: { high: { ja: ['高'], en: ['High'] }, medium: { ja: ['中'], en: ['Medium'] }, low: { ja: ['低'], en: ['Low'] } },
  placement: {
    on_premises: { ja: ['オンプレミス', 'オンプレ', '社内'], en: ['On premises', 'On-premises', 'Onpremises'] },
    cloud: { ja: ['クラウド'], en: ['Cloud'] },
  },
  boolean: {
    true: { ja: ['はい', '○', '〇', '有', 'あり'], en: ['Yes', 'y', 'true', '1'] },
    false: { ja: ['いいえ', '×', '無', 'なし'], en: ['No', 'n', 'false', '0'] },
  },
} as const;

type ChoiceKind = keyof typeof CHOICE_WORDS;

/** The word the export writes for a choice. */
export function choiceLabel<K extends ChoiceKind>(kind: K, code: keyof (typeof CHOICE_WORDS)[K] & string, locale: 'ja' | 'en'): string {
  return (CHOICE_WORDS[kind] as Record<string, { ja: readonly string[]; en: readonly string[] }>)[code][locale][0];
}

/** A choice cell: its code, or a word in either language, compared after NFKC and case folding. */
function choiceReader<T extends string>(kind: ChoiceKind, invalid: IssueCode) {
  const index = new Map<string, T>();
  for (const [code, words] of Object.entries(CHOICE_WORDS[kind]) as [T, { ja: readonly string[]; en: readonly string[] }][]) {
    for (const w of [code, ...words.ja, ...words.en]) index.set(normaliseHeader(w), code);
  }
  // The words as the export writes them, so the usual cell is found without normalising it (once per cell, 100,000 rows).
  const exact = new Map<string, T>();
  for (const [code, words] of Object.entries(CHOICE_WORDS[kind]) as [T, { ja: readonly string[]; en: readonly string[] }][]) {
    for (const w of [code, ...words.ja, ...words.en]) if (index.get(normaliseHeader(w)) === code) exact.set(w, code);
  }
  return (cell: Cell): Read<T | null> => {
    if (cell === null) return { ok: true, value: null };
    if (typeof cell === 'object') return fail('formulaCell');
    const text = String(cell).trim();
    if (text === '') return { ok: true, value: null };
    const found = exact.get(text) ?? index.get(normaliseHeader(text));
    return found ? { ok: true, value: found } : fail(invalid, { value: text.slice(0, 40) });
  };
}

export const readMedium = choiceReader<TMedium>('medium', 'invalidMedium');
export const readRank = choiceReader<TRank>('rank', 'invalidRank');
export const readSensitivity = choiceReader<TSensitivity>('sensitivity', 'invalidChoice');
export const readConfidentiality = choiceReader<TConfidentiality>('confidentiality', 'invalidChoice');
export const readPlacement = choiceReader<TPlacement>('placement', 'invalidPlacement');
const booleanReader = choiceReader<'true' | 'false'>('boolean', 'invalidBoolean');
export function readBoolean(cell: Cell): Read<boolean | null> {
  const r = booleanReader(typeof cell === 'number' ? String(cell) : cell);
  return r.ok ? { ok: true, value: r.value === null ? null : r.value === 'true' } : r;
}

