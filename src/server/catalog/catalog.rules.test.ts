import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { displayOrder, sourceList, storeDecision, topLevelKeyLine, type OrderedItemInput } from './catalog.rules.ts';

describe('displayOrder', () => {
  const cases: { name: string; items: OrderedItemInput[]; expected: [id: string, depth: number][] }[] = [
    { name: 'file order without order keys', items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], expected: [['a', 0], ['b', 0], ['c', 0]] },
    {
      name: 'children follow their parent, even when written before it',
      items: [{ id: 'c1', parent: 'p' }, { id: 'p' }, { id: 'q' }, { id: 'c2', parent: 'p' }],
      expected: [['p', 0], ['c1', 1], ['c2', 1], ['q', 0]],
    },
    {
      name: 'order sorts siblings; those without order follow in file order',
      items: [{ id: 'p' }, { id: 'x', parent: 'p' }, { id: 'y', parent: 'p', order: 2 }, { id: 'z', parent: 'p', order: 1 }, { id: 'w', parent: 'p' }],
      expected: [['p', 0], ['z', 1], ['y', 1], ['x', 1], ['w', 1]],
    },
    {
      name: 'equal orders keep file order',
      items: [{ id: 'a', order: 1 }, { id: 'b', order: 1 }, { id: 'c', order: 0 }],
      expected: [['c', 0], ['a', 0], ['b', 0]],
    },
    {
      name: 'three levels',
      items: [{ id: 'r' }, { id: 'g', parent: 'r' }, { id: 'q', parent: 'g' }, { id: 'r2' }],
      expected: [['r', 0], ['g', 1], ['q', 2], ['r2', 0]],
    },
    {
      name: 'an unknown parent or a cycle (refused by the validator) still places every item',
      items: [{ id: 'a', parent: 'nowhere' }, { id: 'b', parent: 'c' }, { id: 'c', parent: 'b' }],
      expected: [['a', 0], ['b', 0], ['c', 0]],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const places = displayOrder(c.items);
      const ordered = [...places.entries()].sort((x, y) => x[1].position - y[1].position).map(([id, p]): [string, number] => [id, p.depth]);
      assert.deepEqual(ordered, c.expected);
      assert.deepEqual([...places.values()].map((p) => p.position).sort((a, b) => a - b), c.items.map((_, i) => i));
    });
  }
});

describe('storeDecision', () => {
  const stored = [
    { collectionId: 'urn:kumoji:public:a', version: 1, checksum: 'c1' },
    { collectionId: 'urn:kumoji:public:a', version: 2, checksum: 'c2' },
    { collectionId: 'urn:kumoji:public:b', version: 5, checksum: 'b5' },
  ];
  const cases: [name: string, file: { collectionId: string; version: number; checksum: string }, expected: ReturnType<typeof storeDecision>][] = [
    ['a collection never stored is new', { collectionId: 'urn:kumoji:public:c', version: 1, checksum: 'x' }, { kind: 'new' }],
    ['the same bytes are already stored', { collectionId: 'urn:kumoji:public:a', version: 2, checksum: 'c2' }, { kind: 'stored', version: 2 }],
    ['an older file already stored changes nothing', { collectionId: 'urn:kumoji:public:a', version: 1, checksum: 'c1' }, { kind: 'stored', version: 1 }],
    ['changed content with a raised version is new', { collectionId: 'urn:kumoji:public:a', version: 3, checksum: 'c3' }, { kind: 'new' }],
    ['changed content under the same version is refused', { collectionId: 'urn:kumoji:public:a', version: 2, checksum: 'c2b' }, { kind: 'versionNotRaised', highest: 2 }],
    ['changed content under an older version is refused', { collectionId: 'urn:kumoji:public:b', version: 4, checksum: 'b4' }, { kind: 'versionNotRaised', highest: 5 }],
    ['a skipped version number is fine', { collectionId: 'urn:kumoji:public:b', version: 9, checksum: 'b9' }, { kind: 'new' }],
  ];
  for (const [name, file, expected] of cases) test(name, () => assert.deepEqual(storeDecision(file, stored), expected));
});

describe('small helpers', () => {
  test('sourceList always gives a list', () => {
    assert.deepEqual(sourceList('seed 000'), ['seed 000']);
    assert.deepEqual(sourceList(['a', 'b']), ['a', 'b']);
  });
  test('topLevelKeyLine finds a block key, 0 otherwise', () => {
    assert.equal(topLevelKeyLine('# c\nid: x\nversion: 2\nitems: []\n', 'version'), 3);
    assert.equal(topLevelKeyLine('{ id: x, version: 2 }', 'version'), 0);
    assert.equal(topLevelKeyLine('items:\n  version: 1\n', 'version'), 0);
  });
});
