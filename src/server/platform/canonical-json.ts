/**
 * JSON with keys sorted at every depth and no white space, so two values
 * compare (and hash) by content: jsonb gives keys back in its own order.
 * Keys whose value is undefined are left out, as JSON.stringify and jsonb do;
 * dates are ISO 8601 with milliseconds. Used by the audit chain's hashes and
 * by the catalog to tell stored items from loaded ones.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  // One pass over the sorted keys, without intermediate arrays: verification runs this for every entry.
  const object = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(object).sort()) {
    const v = object[key];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}
