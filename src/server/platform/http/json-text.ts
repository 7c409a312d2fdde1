import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';

/**
 * A response body already written as JSON text, for a hot list route whose
 * rows carry stored JSON (the audit trail's before and after): the database
 * hands that JSON over as text and it goes out as it came, instead of being
 * parsed into objects, checked and written out again on every request.
 *
 * Outside production the route layer still holds the text to the route's
 * response schema (`checkJsonText`), so a serializer that drifts from its
 * schema fails the test suite rather than reaching a client.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** A string, a number, a boolean or null as a JSON value. */
export const jsonValue = (v: string | number | boolean | null): string => JSON.stringify(v);

/**
 * Throws when `body` is not what the schema's own parse would have sent: not
 * JSON, a field the schema refuses, or a field it would have dropped.
 */
export function checkJsonText(schema: z.ZodType, body: JsonText, where: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch (e) {
    throw new Error(`${where}: the response is not JSON (${(e as Error).message})`, { cause: e });
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new Error(`${where}: the response does not match its schema: ${result.error.message}`);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(result.data)), parsed)) {
    throw new Error(`${where}: the response carries fields its schema does not name`);
  }
}
