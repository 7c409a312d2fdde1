/**
 * A register's field list and how a file's headers are matched to it. Pure:
 * the import maps headers with it, the export writes its first labels, so an
 * export imports again as it is.
 */

export interface TransferField<F extends string = string> {
  name: F;
  /** Header spellings per language, compared after `normaliseHeader`. The first of each is what the export writes. */
  labels: { ja: readonly string[]; en: readonly string[] };
  /** The import refuses a mapping that leaves it out. */
  required?: boolean;
}

/** Header index (as a string) → field name, or null for "ignore". */
export type FieldMapping<F extends string = string> = Record<string, F | null>;

/** NFKC (全角→半角), lower case, no spaces, underscores or hyphens: "資産の責任者（メール）" = "資産の責任者(メール)". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-‐－・]/g, '')
    .replace(/\.$/, '');
}

const HEADER_INDEXES = new WeakMap<readonly TransferField[], Map<string, string>>();

/** Normalised label → field; a label two fields share goes to the first of them in the list. */
function headerIndex<F extends string>(fields: readonly TransferField<F>[]): Map<string, F> {
  let index = HEADER_INDEXES.get(fields);
  if (!index) {
    index = new Map();
    for (const field of fields) {
      for (const label of [...field.labels.ja, ...field.labels.en]) {
        const key = normaliseHeader(label);
        if (!index.has(key)) index.set(key, field.name);
      }
    }
    HEADER_INDEXES.set(fields, index);
  }
  return index as Map<string, F>;
}

/** A first mapping from the file's headers; each field goes to its first matching column, the rest are ignored. */
export function suggestMapping<F extends string>(fields: readonly TransferField<F>[], headers: readonly string[]): FieldMapping<F> {
  const index = headerIndex(fields);
  const used = new Set<F>();
  const mapping: FieldMapping<F> = {};
  headers.forEach((h, i) => {
    const field = index.get(normaliseHeader(h)) ?? null;
    if (field && !used.has(field)) {
      used.add(field);
      mapping[String(i)] = field;
    } else mapping[String(i)] = null;
  });
  return mapping;
}

export interface MappingProblem {
  code: 'mappingColumnUnknown' | 'mappingFieldTwice' | 'mappingRequiredMissing';
  params: Record<string, string>;
}

/** What is wrong with a mapping the user sent: a column the file does not have, a field mapped twice, a required field left out. */
export function mappingProblems<F extends string>(fields: readonly TransferField<F>[], mapping: FieldMapping<F>, columnCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Map<F, string>();
  for (const [column, field] of Object.entries(mapping)) {
    const index = Number(column);
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) {
      problems.push({ code: 'mappingColumnUnknown', params: { column: String(index + 1) } });
      continue;
    }
    if (!field) continue;
    if (seen.has(field)) problems.push({ code: 'mappingFieldTwice', params: { field, columns: `${Number(seen.get(field)) + 1}, ${index + 1}` } });
    else seen.set(field, column);
  }
  for (const field of fields) if (field.required && !seen.has(field.name)) problems.push({ code: 'mappingRequiredMissing', params: { field: field.name } });
  return problems;
}

/** Column index for each mapped field (the first column, should a field be mapped twice). */
export function fieldColumns<F extends string>(mapping: FieldMapping<F>): Partial<Record<F, number>> {
  const out: Partial<Record<F, number>> = {};
  for (const [column, field] of Object.entries(mapping) as [string, F | null][]) if (field && out[field] === undefined) out[field] = Number(column);
  return out;
}

/** The header the export writes for each field, in the reader's language. */
export function exportHeaders<F extends string>(fields: readonly TransferField<F>[], locale: 'ja' | 'en'): string[] {
  return fields.map((f) => f.labels[locale][0]);
}
