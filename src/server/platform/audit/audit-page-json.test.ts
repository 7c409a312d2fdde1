import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { AuditPageSchema } from '../../../shared/schemas/audit.schema.ts';
import { checkJsonText, JsonText } from '../http/json-text.ts';
import type { AuditPageRow } from './audit.repository.ts';
import { auditPageJson, presentAuditEntry } from './audit.routes.ts';

/** Stored JSON as PostgreSQL's jsonb prints it (its own spacing and key order). */
const before = '{"role": "member", "note": "改行\\nと \\"引用\\" と \\\\"}';
const after = '{"role": "manager", "tags": ["prod", "東京"], "cost": 12.5, "nested": {"a": null}}';

const rows: AuditPageRow[] = [
  {
    seq: 42,
    at: new Date('2026-12-07T05:06:07.089Z'),
    actorUserId: '0b7c9d52-7d35-4a51-9a1c-0ad9b1a8b3c1',
    actorLabel: 'owner@example.jp "総務"',
    action: 'member.update',
    entityType: 'member',
    entityId: 'e\u2028x',
    beforeJson: before,
    afterJson: after,
    hash: 'a'.repeat(64),
  },
  { seq: 41, at: new Date('2026-12-07T00:00:00.000Z'), actorUserId: null, actorLabel: null, action: 'audit.export', entityType: 'audit', entityId: null, beforeJson: null, afterJson: null, hash: 'b'.repeat(64) },
];

describe('the audit page written as JSON text', () => {
  test('reads back as exactly what presenting the parsed rows and the schema give', () => {
    const text = auditPageJson(rows, 41, { seq: 100, hash: 'c'.repeat(64) }).text;
    const expected = AuditPageSchema.parse({
      items: rows.map(({ beforeJson, afterJson, ...r }) =>
        presentAuditEntry({ ...r, before: beforeJson === null ? null : JSON.parse(beforeJson), after: afterJson === null ? null : JSON.parse(afterJson) }),
      ),
      nextCursor: 41,
      headSeq: 100,
      headHash: 'c'.repeat(64),
    });
    assert.deepEqual(JSON.parse(text), expected);
    assert.doesNotThrow(() => checkJsonText(AuditPageSchema, new JsonText(text), 'GET /api/v1/audit'));
  });

  test('an empty trail has no head hash and no cursor', () => {
    assert.deepEqual(JSON.parse(auditPageJson([], null, { seq: 0, hash: 'genesis' }).text), { items: [], nextCursor: null, headSeq: 0, headHash: null });
  });

  test('the schema check refuses text that is not JSON, breaks the schema or carries more than it names', () => {
    const schema = z.object({ n: z.number() });
    assert.throws(() => checkJsonText(schema, new JsonText('{"n":'), 'R'), /R: the response is not JSON/);
    assert.throws(() => checkJsonText(schema, new JsonText('{"n":"1"}'), 'R'), /does not match its schema/);
    assert.throws(() => checkJsonText(schema, new JsonText('{"n":1,"secret":"x"}'), 'R'), /fields its schema does not name/);
    assert.doesNotThrow(() => checkJsonText(schema, new JsonText('{"n":1}'), 'R'));
  });
});
