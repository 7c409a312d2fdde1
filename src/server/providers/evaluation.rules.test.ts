import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluationOutcome, reevaluation } from './evaluation.rules.ts';

const item = (itemId: string, rating: number | null, weight = 1, knockOut = false) => ({ itemId, rating, weight, knockOut });

describe('evaluation score', () => {
  test('weighted ratings over the weighted maximum', () => {
    // (2·4 + 1·2) / (2·4 + 1·4) = 10 / 12
    assert.equal(evaluationOutcome([item('a', 4, 2), item('b', 2, 1)]).score, 83.3);
  });
  test('unrated items neither help nor hurt; weight 0 counts for nothing', () => {
    assert.equal(evaluationOutcome([item('a', 4), item('b', null), item('c', 0, 0)]).score, 100);
    assert.equal(evaluationOutcome([item('a', 4), item('b', null)]).rated, 1);
  });
  test('nothing rated: no score', () => {
    assert.equal(evaluationOutcome([item('a', null)]).score, null);
    assert.equal(evaluationOutcome([]).score, null);
    assert.equal(evaluationOutcome([item('a', 3, 0)]).score, null);
  });
  test('all zero is 0, not missing', () => assert.equal(evaluationOutcome([item('a', 0), item('b', 0)]).score, 0));
});

describe('knock-out items', () => {
  test('rated below adequate: out, whatever the score', () => {
    const o = evaluationOutcome([item('a', 4, 5), item('b', 1, 1, true)]);
    assert.deepEqual(o.knockOuts, ['b']);
    assert.ok(o.score! > 80);
  });
  test('adequate (2) passes; 0 and 1 do not', () => {
    assert.deepEqual(evaluationOutcome([item('a', 2, 1, true), item('b', 0, 1, true), item('c', 1, 1, true)]).knockOuts, ['b', 'c']);
  });
  test('a knock-out item not rated yet is pending, not out', () => {
    const o = evaluationOutcome([item('a', null, 1, true)]);
    assert.deepEqual(o.knockOuts, []);
    assert.deepEqual(o.knockOutsPending, ['a']);
  });
});

describe('re-evaluation', () => {
  test('due months after; overdue the day after', () => {
    assert.deepEqual(reevaluation('2026-03-31', 12, '2027-03-31'), { dueOn: '2027-03-31', overdue: false });
    assert.deepEqual(reevaluation('2026-03-31', 12, '2027-04-01'), { dueOn: '2027-03-31', overdue: true });
  });
  test('from a month end into a shorter month', () => {
    assert.equal(reevaluation('2026-08-31', 6, '2026-09-01').dueOn, '2027-02-28');
    assert.equal(reevaluation('2027-08-31', 6, '2027-09-01').dueOn, '2028-02-29');
  });
});
