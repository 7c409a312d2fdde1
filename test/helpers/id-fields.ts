import { z } from 'zod';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';

/**
 * Every field of a request body or query string that holds an id (a uuid),
 * as `<route> <body|query>.<path>` with `[]` for array elements:
 * `POST /api/v1/systems body.workloadIds[]`. The tenant-id tests keep a
 * table of them and fail when a schema gains one the table does not name.
 */
export function idFieldsOf(routes: AnyRoute[]): string[] {
  const out: string[] = [];
  for (const r of routes) {
    for (const where of ['body', 'query'] as const) {
      const schema = r[where] as z.ZodType | undefined;
      if (!schema) continue;
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      for (const path of uuidPaths(json)) out.push(`${r.method} ${r.url} ${where}${path}`);
    }
  }
  return [...new Set(out)].sort();
}

type JsonSchema = { format?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };

function uuidPaths(s: JsonSchema, path = ''): string[] {
  const out: string[] = [];
  if (s.format === 'uuid') out.push(path);
  for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) out.push(...uuidPaths(v, path));
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...uuidPaths(v, `${path}.${k}`));
  if (s.items) out.push(...uuidPaths(s.items, `${path}[]`));
  return out;
}
