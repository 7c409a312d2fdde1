import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldedMatches, foldForSearch, foldWithMap } from './search-fold.ts';

describe('foldForSearch', () => {
  const cases: [text: string, folded: string][] = [
    ['ＢＣＰ', 'bcp'],
    ['ｂｃｐ', 'bcp'],
    ['BCP', 'bcp'],
    ['バックアップ', 'ばっくあっぷ'],
    ['ﾊﾞｯｸｱｯﾌﾟ', 'ばっくあっぷ'],
    ['ヴェンダー', 'ゔぇんだー'],
    ['ひらがな', 'ひらがな'],
    ['３－２－１ルール', '3-2-1るーる'],
    ['Ⅳ章', 'iv章'],
  ];
  for (const [text, folded] of cases) test(`${text} → ${folded}`, () => assert.equal(foldForSearch(text), folded));
});

describe('foldWithMap', () => {
  test('half-width kana with a voiced mark maps to both of its characters', () => {
    const { folded, start, end } = foldWithMap('ﾊﾞｯｸ');
    assert.equal(folded, 'ばっく');
    assert.deepEqual([start, end], [[0, 2, 3], [2, 3, 4]]);
  });
  test('a ligature folded to several letters maps every letter to it', () => {
    const { folded, start, end } = foldWithMap('㈱A');
    assert.equal(folded, '(株)a');
    assert.deepEqual(start, [0, 0, 0, 1]);
    assert.deepEqual(end, [1, 1, 1, 2]);
  });
});

describe('foldedMatches', () => {
  const marked = (text: string, q: string) => {
    let out = '';
    let from = 0;
    for (const [s, e] of foldedMatches(text, q)) {
      out += `${text.slice(from, s)}[${text.slice(s, e)}]`;
      from = e;
    }
    return out + text.slice(from);
  };
  const cases: [text: string, q: string, expected: string][] = [
    ['BCPの3段階運用', 'ｂｃｐ', '[BCP]の3段階運用'],
    ['ＢＣＰと bcp', 'BCP', '[ＢＣＰ]と [bcp]'],
    ['ﾊﾞｯｸｱｯﾌﾟを取る', 'ばっくあっぷ', '[ﾊﾞｯｸｱｯﾌﾟ]を取る'],
    ['ひらがなとヒラガナ', 'ひらがな', '[ひらがな]と[ヒラガナ]'],
    ['text', '', 'text'],
    ['', 'x', ''],
  ];
  for (const [text, q, expected] of cases) test(`${text} / ${q}`, () => assert.equal(marked(text, q), expected));
});
