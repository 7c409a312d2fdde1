import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ITEM_ID_PATTERN } from '../../src/shared/catalog/catalog.schema.ts';

/**
 * A minimal valid value for a request schema, generated from its JSON Schema,
 * so table-driven tests can reach the code behind validation on every route.
 * Routes whose schema needs something smarter get an explicit sample in the test.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  pattern?: string;
};

function sample(s: JsonSchema, key = ''): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0], key);
  if (s.oneOf) return sample(s.oneOf[0], key);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k] ?? {}, k);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, key));
    case 'integer':
    case 'number':
      return key === 'version' ? 1 : Math.max(s.minimum ?? 0, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'email') return `sample-${randomUUID().slice(0, 8)}@example.jp`;
      if (s.format === 'date') return '2026-01-01';
      if (s.format === 'date-time') return '2026-01-01T00:00:00.000Z';
      if (/password/i.test(key)) return 'Sample-Long-Passphrase-42';
      // A catalog item id: well formed, naming no item (the service then answers for it).
      if (s.pattern === ITEM_ID_PATTERN.source) return 'urn:kumoji:public:sample:item';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return null;
  }
}

export function sampleFor(schema: z.ZodType | undefined): unknown {
  if (!schema) return undefined;
  return sample(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

/** Every string field of an object schema, for the "very long string" case. */
export function stringFields(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(json.properties ?? {})
    .filter(([, p]) => p.type === 'string' || (p.anyOf ?? []).some((x) => x.type === 'string'))
    .map(([k]) => k);
}
