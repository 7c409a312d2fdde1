import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  test('sorts keys at every depth and drops undefined', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } }), '{"a":{"d":[2,{"x":0,"y":1}]},"b":1}');
  });
  test('key order does not change the text; types do', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ y: 2, x: null }] }), canonicalJson({ a: [{ x: null, y: 2 }], b: 1 }));
    assert.notEqual(canonicalJson({ a: 1 }), canonicalJson({ a: '1' }));
  });
  test('a value read back from jsonb equals the value written with an undefined key', () => {
    const written = { section: 'II.6', page: undefined };
    const readBack = JSON.parse(JSON.stringify(written)) as unknown;
    assert.equal(canonicalJson(written), canonicalJson(readBack));
  });
  test('undefined in arrays and at the top is null; dates are ISO 8601', () => {
    assert.equal(canonicalJson([undefined, null]), '[null,null]');
    assert.equal(canonicalJson(undefined), 'null');
    assert.equal(canonicalJson({ at: new Date('2026-12-04T01:02:03.004Z') }), '{"at":"2026-12-04T01:02:03.004Z"}');
  });
});
