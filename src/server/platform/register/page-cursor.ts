/**
 * The keyset cursor of a list page, opaque to the client: base64url of the
 * sort it was made for, the last row's sort value and its id. One format for
 * every list (the register base's pages and the asset list alike).
 */

export interface PageCursor {
  /** The last row's sort value as PostgreSQL prints it (exact: microseconds, numerics). */
  value: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodePageCursor(sort: string, dir: string, c: PageCursor): string {
  return Buffer.from(JSON.stringify([sort, dir, c.value, c.id]), 'utf8').toString('base64url');
}

/**
 * The cursor, or null when it is garbled, was made for another sort, or
 * carries a value `accepts` refuses: the value comes back from the client, so
 * it must be one PostgreSQL casts to the sort column's type without an error
 * (a failed cast would answer 500, not 400).
 */
export function decodePageCursor(raw: string, sort: string, dir: string, accepts: (value: string) => boolean): PageCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [s, d, value, id] = parsed as unknown[];
  if (s !== sort || d !== dir || typeof id !== 'string' || !UUID.test(id)) return null;
  if (typeof value !== 'string' || !accepts(value)) return null;
  return { value, id };
}
