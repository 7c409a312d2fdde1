import { CONTROL_CHARS } from '../../../shared/schemas/common.schema.ts';
import { restoreCell } from './cell-text.ts';
import type { Cell } from './sheet.reader.ts';

/**
 * Reading the cells every register has: text (with the export's formula
 * neutralisation undone) and numbers as people type them in Japan. A register
 * reads its own choices and amounts with these and names the issue codes.
 */

export type Read<T, C extends string = string> = { ok: true; value: T } | { ok: false; code: C; params?: Record<string, string | number> };

export const fail = <T, C extends string = string>(code: C, params?: Record<string, string | number>): Read<T, C> => ({ ok: false, code, ...(params ? { params } : {}) });

export type TextIssue = 'formulaCell' | 'formula' | 'controlChars' | 'tooLong';

/** The text of a cell, trimmed, with the export's formula neutralisation undone. */
export function readText(cell: Cell, max: number): Read<string, TextIssue> {
  if (cell === null) return { ok: true, value: '' };
  if (typeof cell === 'object') return fail('formulaCell');
  const raw = typeof cell === 'number' ? String(cell) : cell.trim();
  const restored = restoreCell(raw);
  if (!restored.ok) return fail('formula');
  const value = restored.value.trim();
  if (CONTROL_CHARS.test(value)) return fail('controlChars');
  if (value.length > max) return fail('tooLong', { max });
  return { ok: true, value };
}

/** Digits as people type them in Japan: 全角 digits, thousands separators, surrounding spaces. */
export const numberText = (cell: string): string => cell.normalize('NFKC').replace(/[,，\s]/g, '');
