import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { containsPattern } from './like-pattern.ts';

describe('containsPattern', () => {
  const cases: [q: string, pattern: string][] = [
    ['資産目録', '%資産目録%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
  ];
  for (const [q, pattern] of cases) test(`${q} → ${pattern}`, () => assert.equal(containsPattern(q), pattern));
});
