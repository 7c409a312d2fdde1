import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ORGANISATION_FILE_MAX_BYTES } from '../../shared/schemas/knowledge.schema.ts';
import {
  buildTree,
  excerptAround,
  highlightParts,
  itemChanges,
  labelKey,
  lineOfErrorPath,
  OWN_FILE_MAX_BYTES,
  sourceGroupOf,
  type ComparableItem,
} from './knowledge.rules.ts';

const marked = (text: string, q: string) =>
  highlightParts(text, q)
    .map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');

describe('highlightParts', () => {
  const cases: [string, string, string][] = [
    ['情報資産目録を作成する', '資産目録', '情報[資産目録]を作成する'],
    ['資産目録と資産目録', '資産目録', '[資産目録]と[資産目録]'],
    ['Backup and restore; BACKUP daily', 'backup', '[Backup] and restore; [BACKUP] daily'],
    ['バックアップ', 'backup', 'バックアップ'],
    ['3-2-1ルール', '2-1', '3-[2-1]ルール'],
    ['100% (a_b)', '%', '100[%] (a_b)'],
    ['text', '', 'text'],
    ['text', '   ', 'text'],
    ['', 'x', ''],
  ];
  for (const [text, q, expected] of cases) {
    test(`${JSON.stringify(text)} / ${JSON.stringify(q)}`, () => assert.equal(marked(text, q), expected));
  }

  test('keeps the text whole, whatever it marks', () => {
    for (const [text, q] of cases) assert.equal(highlightParts(text, q).map((p) => p.text).join(''), text);
  });

  test('matches as search compares: width, case and kana folded', () => {
    assert.equal(marked('BCPの3段階運用', 'ＢＣＰ'), '[BCP]の3段階運用');
    assert.equal(marked('ＢＣＰの3段階運用', 'bcp'), '[ＢＣＰ]の3段階運用');
    assert.equal(marked('オペレーションを検討する', 'おぺれーしょん'), '[オペレーション]を検討する');
    assert.equal(marked('ﾊﾞｯｸｱｯﾌﾟ', 'バックアップ'), '[ﾊﾞｯｸｱｯﾌﾟ]');
    // "İ".toLowerCase() is two UTF-16 units; the marks still fall on the text as written.
    assert.equal(marked('İstanbul BACKUP', 'backup'), 'İstanbul [BACKUP]');
  });
});

test('excerptAround shows the match with some text around it', () => {
  const long = `${'あ'.repeat(100)}資産目録${'い'.repeat(100)}`;
  assert.equal(excerptAround(long, '資産目録', 5), `…あああああ資産目録いいいいい…`);
  assert.equal(excerptAround('短い資産目録', '資産目録', 5), '短い資産目録');
  assert.equal(excerptAround('x'.repeat(30), 'none', 5), `${'x'.repeat(10)}…`);
});

test('sourceGroupOf reads the source segment of the id', () => {
  assert.equal(sourceGroupOf('urn:kumoji:seed-000:checklists'), 'seed-000');
  assert.equal(sourceGroupOf('urn:kumoji:seed-004:glossary'), 'seed-004');
  assert.equal(sourceGroupOf('urn:kumoji:public:iso27017'), 'public');
  assert.equal(sourceGroupOf('urn:kumoji:org:our-rules'), 'org');
  assert.equal(sourceGroupOf('urn:kumoji:other:x'), 'public');
});

describe('buildTree', () => {
  test('nests items under their parents in display order', () => {
    const items = [
      { id: 'a', parent: null },
      { id: 'a1', parent: 'a' },
      { id: 'a1x', parent: 'a1' },
      { id: 'a2', parent: 'a' },
      { id: 'b', parent: null },
    ];
    const shape = (nodes: ReturnType<typeof buildTree>): unknown => nodes.map((n) => [n.item.id, shape(n.children)]);
    assert.deepEqual(shape(buildTree(items)), [
      ['a', [['a1', [['a1x', []]]], ['a2', []]]],
      ['b', []],
    ]);
  });

  test('an item whose parent is missing (filtered out, or a broken file) becomes a root', () => {
    assert.deepEqual(
      buildTree([{ id: 'x', parent: 'gone' }]).map((n) => n.item.id),
      ['x'],
    );
  });
});

describe('itemChanges', () => {
  const base: ComparableItem = {
    parent: 'p',
    ja: '週に一度は復元を試す',
    en: 'Test a restore once a week',
    detail: null,
    source: ['社内規程 第 3 条 2 項'],
    attributes: { kind: 'rule', related: 'urn:kumoji:public:x:y', list: ['a', 'b'] },
  };

  test('nothing changed', () => {
    assert.deepEqual(itemChanges(base, { ...base, attributes: { list: ['a', 'b'], related: 'urn:kumoji:public:x:y', kind: 'rule' } }), []);
  });

  test('each changed field, attributes by name', () => {
    const changes = itemChanges(base, {
      ...base,
      ja: '月に一度は復元を試す',
      en: 'Test a restore once a month',
      detail: { ja: '説明', en: 'Explanation' },
      source: ['社内規程 第 3 条 2 項', 'FACTS.md 5'],
      attributes: { kind: 'rule', list: ['a'], added: 1 },
    });
    assert.deepEqual(
      changes.map((c) => (c.field === 'attribute' ? `attribute:${c.name}` : c.field)),
      ['ja', 'en', 'detailJa', 'detailEn', 'source', 'attribute:added', 'attribute:list', 'attribute:related'],
    );
    const ja = changes[0];
    assert.deepEqual([ja.before, ja.after], ['週に一度は復元を試す', '月に一度は復元を試す']);
    const related = changes.find((c) => c.field === 'attribute' && c.name === 'related')!;
    assert.deepEqual([related.before, related.after], ['urn:kumoji:public:x:y', null]);
  });

  test('a move to another parent', () => {
    assert.deepEqual(itemChanges(base, { ...base, parent: null }), [{ field: 'parent', before: 'p', after: null }]);
  });
});

test('lineOfErrorPath reads "line N" only', () => {
  assert.equal(lineOfErrorPath('line 9'), 9);
  assert.equal(lineOfErrorPath('line 17'), 17);
  assert.equal(lineOfErrorPath('file'), null);
  assert.equal(lineOfErrorPath('content'), null);
  assert.equal(lineOfErrorPath('line x'), null);
});

test('labelKey keeps i18next from reading a dot in a value as nesting', () => {
  assert.equal(labelKey('ver-3.0-confirmed'), 'ver-3_0-confirmed');
  assert.equal(labelKey('executive-and-cloud-admin'), 'executive-and-cloud-admin');
});

test('the upload limit agrees with the shared request schema', () => {
  assert.equal(OWN_FILE_MAX_BYTES, ORGANISATION_FILE_MAX_BYTES);
});
