// How a problem in a catalog file is worded for the people who write the files (English, like the YAML keys).
import type { z } from 'zod';

/** A plain object (not null, not a list): catalog input is read before it has passed the shape schema. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `null (an empty value)`, `a list`, `string "abc"` … for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

// YAML reads 0, 2024 or true unquoted as numbers and booleans, not strings.
const QUOTE_HINT = ' (quote it in YAML to make it a string)';

/** True when the issue is about a required key that is absent (YAML never yields undefined otherwise). */
export function isMissingKeyIssue(found: z.core.$ZodIssue): boolean {
  return (found.code === 'invalid_type' || found.code === 'invalid_union') && 'input' in found && found.input === undefined && found.path.length > 0;
}

/**
 * A one-line, plain-words message for a Zod issue found in catalog content.
 * Parse with `{ reportInput: true }` so the offending value can be named.
 */
export function describeCatalogIssue(found: z.core.$ZodIssue): string {
  const input = 'input' in found ? found.input : undefined;
  const missing = isMissingKeyIssue(found);
  const key = String(found.path.at(-1));
  switch (found.code) {
    case 'invalid_type': {
      if (missing) return `missing required key "${key}"`;
      const hint = found.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean') ? QUOTE_HINT : '';
      return `expected ${found.expected === 'int' ? 'an integer' : found.expected}, got ${describeValue(input)}${hint}`;
    }
    case 'invalid_union':
      // A discriminated union reports the whole object as input; name the discriminator's own value.
      if ('discriminator' in found && typeof found.discriminator === 'string' && 'options' in found && Array.isArray(found.options) && isRecord(input)) {
        const options = (found.options as unknown[]).map((option) => JSON.stringify(option)).join(', ');
        const value = input[found.discriminator];
        return value === undefined ? `missing required key "${found.discriminator}"` : `expected one of ${options}, got ${describeValue(value)}`;
      }
      if (missing) return `missing required key "${key}"`;
      if (key === 'source') return `source must be a non-empty string or a non-empty list of strings, got ${describeValue(input)}`;
      return `${found.message}, got ${describeValue(input)}`;
    case 'invalid_value': {
      const values = found.values.map((value) => JSON.stringify(value)).join(', ');
      const hint = typeof input === 'number' || typeof input === 'boolean' ? QUOTE_HINT : '';
      return `expected one of ${values}, got ${describeValue(input)}${hint}`;
    }
    case 'unrecognized_keys':
      return `unknown key${found.keys.length > 1 ? 's' : ''} ${found.keys.map((name) => `"${name}"`).join(', ')}`;
    case 'too_small':
      if (found.origin === 'array') return `must not be an empty list`;
      if (found.origin === 'string') return `must not be empty`;
      if (found.origin === 'number') return `must be at least ${String(found.minimum)}, got ${describeValue(input)}`;
      return found.message;
    case 'invalid_format':
      return `${found.message}, got ${describeValue(input)}`;
    default:
      return found.message;
  }
}
