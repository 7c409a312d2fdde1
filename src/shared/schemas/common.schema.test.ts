import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { businessDate, int4, int4Query, INT4_MAX, isStorableText, plainString, safeInteger, safeIntegerQuery, text, updateRequestOf, UploadFileNameSchema, VersionOrZeroSchema, VersionSchema } from './common.schema.ts';

/** The first field error code of a value, or null when it is accepted. */
function refusal(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0] as z.core.$ZodIssue & { params?: { i18n?: string } };
  return issue.code === 'custom' ? (issue.params?.i18n ?? 'custom') : issue.code;
}

describe('text primitives: nothing PostgreSQL refuses or changes', () => {
  const cases: [string, z.ZodType, unknown, string | null][] = [
    ['plain text', text(10), '顧客台帳', null],
    ['text is trimmed before its length is checked', text(3), '  abc  ', null],
    ['newline, tab and carriage return are text', text(20), 'a\tb\r\nc', null],
    ['NUL', text(10), 'a\u0000b', 'controlChars'],
    ['another control character', text(10), 'a\u0007b', 'controlChars'],
    ['a lone high surrogate', text(10), 'a\ud800b', 'brokenCharacter'],
    ['a lone low surrogate', text(10), 'a\udc00', 'brokenCharacter'],
    ['a surrogate pair is one character', text(10), '𠮷野家😀', null],
    ['too long', text(3), 'abcd', 'too_big'],
    ['empty when one is needed', text(3), '   ', 'too_small'],
    ['plain strings keep control characters but NUL', plainString(20), 'pass\u0007word', null],
    ['plain strings refuse NUL', plainString(20), 'pass\u0000word', 'controlChars'],
    ['plain strings refuse lone surrogates', plainString(20), '\udfff', 'brokenCharacter'],
    ['plain strings are bounded', plainString(4), 'abcde', 'too_big'],
  ];
  for (const [name, schema, value, expected] of cases) test(name, () => assert.equal(refusal(schema, value), expected));

  test('isStorableText', () => {
    assert.equal(isStorableText('規程 😀'), true);
    assert.equal(isStorableText('a\u0000'), false);
    assert.equal(isStorableText('\ud83d'), false);
  });
});

describe('integers bounded by their column', () => {
  const cases: [string, z.ZodType, unknown, string | null][] = [
    ['int4 at its maximum', int4(), INT4_MAX, null],
    ['int4 at 2^31', int4(), 2 ** 31, 'too_big'],
    ['int4 below its minimum', int4(1), 0, 'too_small'],
    ['a field narrows int4', int4(0, 100), 101, 'too_big'],
    ['a field cannot widen int4', int4(0, 2 ** 40), 2 ** 31, 'too_big'],
    ['versions start at 1', VersionSchema, 0, 'too_small'],
    ['versions stop at int4', VersionSchema, 2 ** 31, 'too_big'],
    ['a version may be 0 where nothing exists yet', VersionOrZeroSchema, 0, null],
    ['bigint columns take 2^31', safeInteger(), 2 ** 31, null],
    ['bigint columns stop at 2^53 - 1', safeInteger(), 2 ** 53 - 1, null],
    ['2^53 is not exact in JSON', safeInteger(), 2 ** 53, 'too_big'],
    ['fractions are not integers', safeInteger(), 1.5, 'invalid_type'],
    ['query int4 from text', int4Query(1, 200), '50', null],
    ['query int4 at 2^31', int4Query(), '2147483648', 'too_big'],
    ['query int4 not a number', int4Query(), 'abc', 'invalid_type'],
    ['query bigint at 2^31', safeIntegerQuery(), '2147483648', null],
    ['query bigint at 2^53', safeIntegerQuery(), '9007199254740992', 'too_big'],
  ];
  for (const [name, schema, value, expected] of cases) test(name, () => assert.equal(refusal(schema, value), expected));
});

describe('business dates: 1900-01-01 to 9999-12-31', () => {
  const cases: [string, unknown, string | null][] = [
    ['2026-04-01', '2026-04-01', null],
    ['the first day', '1900-01-01', null],
    ['the last day', '9999-12-31', null],
    ['year 0', '0000-01-01', 'dateTooEarly'],
    ['before 1900', '1899-12-31', 'dateTooEarly'],
    ['year 10000', '10000-01-01', 'invalid_format'],
    ['29 February of a leap year', '2028-02-29', null],
    ['29 February of another year', '2026-02-29', 'invalid_format'],
    ['NUL', '2026-04-01\u0000', 'invalid_format'],
    ['a time', '2026-04-01T00:00:00Z', 'invalid_format'],
  ];
  for (const [name, value, expected] of cases) test(name, () => assert.equal(refusal(businessDate(), value), expected));
  test('a field narrows the range', () => assert.equal(refusal(businessDate('2000-01-01'), '1999-12-31'), 'dateTooEarly'));
});

describe('upload file names: a name, never a path', () => {
  const cases: [string, string, string | null][] = [
    ['規程.pdf', '規程.pdf', null],
    ['spaces and dots', 'report v1.2 (final).xlsx', null],
    ['NUL', 'memo\u0000.txt', 'controlChars'],
    ['a control character', 'memo\u001f.txt', 'controlChars'],
    ['a lone surrogate', 'memo\ud800.txt', 'brokenCharacter'],
    ['a relative path', '../../etc/passwd', 'fileNamePath'],
    ['a Windows path', 'C:\\Users\\kumoji\\memo.txt', 'fileNamePath'],
    ['a folder', 'folder/memo.txt', 'fileNamePath'],
    ['..', '..', 'fileNamePath'],
    ['.', '.', 'fileNamePath'],
    ['256 characters', `${'x'.repeat(252)}.txt`, 'too_big'],
    ['255 characters', `${'x'.repeat(251)}.txt`, null],
  ];
  for (const [name, value, expected] of cases) test(name, () => assert.equal(refusal(UploadFileNameSchema, value), expected));
});

describe('updateRequestOf: an update made from a create request', () => {
  const Create = z.strictObject({ name: text(20), notes: text(100, 0).default(''), ids: z.array(z.string()).default([]), owner: z.string().nullable().default(null) });
  const Update = updateRequestOf(Create);

  test('a field left out stays out: the create\'s default does not reset it', () => {
    assert.deepEqual(Update.parse({ version: 3 }), { version: 3 });
    assert.deepEqual(Update.parse({ version: 3, notes: '四半期ごと' }), { version: 3, notes: '四半期ごと' });
    assert.deepEqual(Create.parse({ name: 'a' }), { name: 'a', notes: '', ids: [], owner: null });
  });
  test("each field keeps the create's rules, and the version is required", () => {
    assert.equal(refusal(Update, { version: 1, name: 'x'.repeat(21) }), 'too_big');
    assert.equal(refusal(Update, { version: 1, owner: null }), null);
    assert.equal(refusal(Update, { name: 'a' }), 'invalid_type');
    assert.equal(refusal(Update, { version: 0 }), 'too_small');
  });
  test('a key the create does not know is refused', () => assert.equal(refusal(Update, { version: 1, bogus: 1 }), 'unrecognized_keys'));
});
