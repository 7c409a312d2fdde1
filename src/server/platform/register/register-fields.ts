/**
 * The register side of exports (and, later, imports): a register's field
 * list, in column order. The export pipeline writes CSV (UTF-8 with BOM),
 * XLSX or JSON from it; the header is the label in the user's language.
 */

export type FieldValue = string | number | boolean | null;

export interface RegisterField<R> {
  /** Stable key: the JSON property and the field's name in an import. */
  key: string;
  label: { ja: string; en: string };
  value: (row: R) => FieldValue;
}

/** The headers of a field list in one language. */
export const fieldHeaders = <R>(fields: readonly RegisterField<R>[], locale: 'ja' | 'en') => fields.map((f) => f.label[locale]);

/** One row's values in field order (spreadsheet rows). */
export const fieldValues = <R>(fields: readonly RegisterField<R>[], row: R): FieldValue[] => fields.map((f) => f.value(row));

/** One row as an object keyed by field key (JSON exports). */
export const fieldRecord = <R>(fields: readonly RegisterField<R>[], row: R): Record<string, FieldValue> =>
  Object.fromEntries(fields.map((f) => [f.key, f.value(row)]));
