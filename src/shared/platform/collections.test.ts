import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupBy } from './collections.ts';

test('groupBy keeps each group in the items’ order and leaves out keys without items', () => {
  const groups = groupBy([{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'a', n: 3 }], (i) => i.k);
  assert.deepEqual([...groups.keys()], ['a', 'b']);
  assert.deepEqual(groups.get('a')!.map((i) => i.n), [1, 3]);
  assert.equal(groups.get('c'), undefined);
});
