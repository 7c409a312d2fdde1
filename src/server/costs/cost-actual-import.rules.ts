import { ACTUAL_IMPORT_FIELDS, REQUIRED_ACTUAL_IMPORT_FIELDS, type TActualImportField } from '../../shared/costs/cost-actual.schema.ts';
import { COST_CATEGORIES, type CostCategory } from '../../shared/costs/cost-plan.rules.ts';
import { fail, numberText, readText, type Read, type TextIssue } from '../platform/transfer/cell.readers.ts';
import { normaliseHeader, type TransferField } from '../platform/transfer/header.rules.ts';
import type { Cell } from '../platform/transfer/sheet.reader.ts';
import type { RowContext, RowIssue, RowVerdict } from '../platform/transfer/transfer.contract.ts';

/**
 * How a file of actual costs is read (seed 004 「財務計画の5ステップ」 step 5:
 * the bills of each month, compared with the plan): one line per row, with
 * the month, the cost framework's category, the amount in yen and what it
 * was. Pure: the import register (cost-actual-import.register.ts) runs it.
 */

export type ActualField = TActualImportField;

/** Header spellings per field, compared after `normaliseHeader`; the first of each is what an export writes. */
const LABELS: Record<ActualField, TransferField['labels']> = {
  month: { ja: ['計上月', '月', '年月', '対象月', '請求月'], en: ['Month', 'Billing month', 'Period'] },
  category: { ja: ['区分', '費用区分', 'コスト区分', '費目'], en: ['Category', 'Cost category'] },
  amountYen: { ja: ['金額(円)', '金額', '請求額', '実績額'], en: ['Amount (yen)', 'Amount', 'Cost'] },
  description: { ja: ['内容', '摘要', '項目', '明細'], en: ['Description', 'Item'] },
  notes: { ja: ['備考', 'メモ'], en: ['Notes', 'Note', 'Remarks'] },
};

export const ACTUAL_IMPORT_TRANSFER_FIELDS: readonly TransferField<ActualField>[] = ACTUAL_IMPORT_FIELDS.map((name) => ({
  name,
  labels: LABELS[name],
  required: REQUIRED_ACTUAL_IMPORT_FIELDS.includes(name),
}));

export type ActualIssue = TextIssue | 'required' | 'invalidMonth' | 'monthAfterCurrent' | 'invalidCategory' | 'notAmount' | 'amountTooBig' | 'extraCells';

export interface PreparedActual {
  rowNumber: number;
  month: string;
  category: CostCategory;
  amountYen: number;
  description: string;
  notes: string;
}

export interface ActualLookups {
  /** The current month ('YYYY-MM', Japan): a later month is refused. */
  currentMonth: string;
}

/** The words a category is written with, in either language, after `normaliseHeader`. */
const CATEGORY_WORDS: Record<CostCategory, string[]> = {
  initial: ['初期費用', '初期', '初期導入コスト', 'イニシャルコスト', 'initial', 'initialcost'],
  running: ['ランニングコスト', 'ランニング', '運用費', '月額', 'running', 'runningcost'],
  hidden: ['隠れコスト', '隠れた費用', '間接費', 'hidden', 'hiddencost'],
};
const CATEGORY_INDEX = new Map(COST_CATEGORIES.flatMap((c) => CATEGORY_WORDS[c].map((w) => [normaliseHeader(w), c] as const)));

export const AMOUNT_MAX = 10_000_000_000_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel date serial (days since 1899-12-30) as its month. */
function serialMonth(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** A month as people write it: 2026-04, 2026/4, 2026年4月, 2026-04-01, R8.4 is not read (write the western year). */
export function readMonth(cell: Cell): Read<string | null, ActualIssue> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  if (typeof cell === 'object') return fail('formulaCell');
  if (typeof cell === 'number') {
    const month = serialMonth(cell);
    return month ? { ok: true, value: month } : fail('invalidMonth', { value: String(cell) });
  }
  const text = cell.normalize('NFKC').trim();
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:月)?(?:\s*(?:[-/.])\s*\d{1,2}\s*日?|\s*\d{1,2}\s*日)?$/.exec(text);
  const year = m ? Number(m[1]) : 0;
  const month = m ? Number(m[2]) : 0;
  if (!m || year < 1900 || month < 1 || month > 12) return fail('invalidMonth', { value: text.slice(0, 40) });
  return { ok: true, value: `${year}-${pad(month)}` };
}

export function readCategory(cell: Cell): Read<CostCategory | null, ActualIssue> {
  const text = readText(cell, 100);
  if (!text.ok) return text;
  if (text.value === '') return { ok: true, value: null };
  const category = CATEGORY_INDEX.get(normaliseHeader(text.value));
  return category ? { ok: true, value: category } : fail('invalidCategory', { value: text.value.slice(0, 40) });
}

/** Yen as bills write them: 1,500円, ¥1,500, 全角 digits; a credit as -1,500, △1,500 or (1,500). Whole yen only. */
export function readAmount(cell: Cell): Read<number | null, ActualIssue> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  if (typeof cell === 'object') return fail('formulaCell');
  let value: number;
  if (typeof cell === 'number') value = cell;
  else {
    let text = numberText(cell.replace(/^'/, '')).replace(/^[¥\\]|円$/g, '');
    let sign = 1;
    if (/^[-−△▲]/.test(text)) [sign, text] = [-1, text.slice(1).replace(/^[¥\\]/, '')];
    else if (/^\(.*\)$/.test(text)) [sign, text] = [-1, text.slice(1, -1)];
    if (!/^\d+(\.0+)?$/.test(text)) return fail('notAmount', { value: cell.trim().slice(0, 40) });
    value = sign * Number(text.split('.')[0]);
  }
  if (!Number.isInteger(value)) return fail('notAmount', { value: String(cell).slice(0, 40) });
  if (Math.abs(value) > AMOUNT_MAX) return fail('amountTooBig', { max: AMOUNT_MAX.toLocaleString('en') });
  return { ok: true, value };
}

/** One data row: the line it describes, or null with the problems that refuse it. */
export function readActualRow(cells: readonly Cell[], rowNumber: number, ctx: RowContext<ActualField, ActualLookups, null>): RowVerdict<ActualField, PreparedActual> {
  const issues: RowIssue<ActualField>[] = [];
  const cellOf = (f: ActualField) => (ctx.columns[f] === undefined ? null : (cells[ctx.columns[f]!] ?? null));
  const take = <T>(field: ActualField, read: Read<T, string>, required: boolean): T | null => {
    const column = ctx.columns[field] ?? null;
    if (!read.ok) {
      issues.push({ rowNumber, field, column, code: read.code, params: read.params });
      return null;
    }
    if (required && (read.value === null || read.value === '')) issues.push({ rowNumber, field, column, code: 'required' });
    return read.value;
  };
  const month = take('month', readMonth(cellOf('month')), true);
  if (month && month > ctx.lookups.currentMonth) issues.push({ rowNumber, field: 'month', column: ctx.columns.month ?? null, code: 'monthAfterCurrent', params: { value: month } });
  const category = take('category', readCategory(cellOf('category')), true);
  const amountYen = take('amountYen', readAmount(cellOf('amountYen')), true);
  const description = take('description', readText(cellOf('description'), 200), true);
  const notes = take('notes', readText(cellOf('notes'), 2000), false);
  cells.forEach((c, i) => {
    if (i >= ctx.headerCount && c !== null && !(typeof c === 'string' && c.trim() === '')) issues.push({ rowNumber, field: null, column: i, code: 'extraCells', params: { column: i + 1 } });
  });
  if (issues.length) return { kind: 'row', row: null, issues };
  return { kind: 'row', row: { rowNumber, month: month!, category: category!, amountYen: amountYen!, description: description!, notes: notes ?? '' }, issues };
}
