/**
 * OWASP "CSV injection": a cell beginning with = + - @ tab or carriage return
 * is run as a formula by spreadsheet programs. On export such a cell gets a
 * leading apostrophe. So that the import can undo it exactly, a cell that
 * already begins with an apostrophe gets one more: the importer removes
 * exactly one leading apostrophe from every text cell that has one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** The importer's side: the original text, or `formula` when a cell would run as a formula. */
export function restoreCell(value: string): { ok: true; value: string } | { ok: false; reason: 'formula' } {
  if (value.startsWith("'")) return { ok: true, value: value.slice(1) };
  if (FORMULA_START.test(value)) return { ok: false, reason: 'formula' };
  return { ok: true, value };
}
