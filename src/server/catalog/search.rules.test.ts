import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldForSearch } from '../../shared/catalog/search-fold.ts';
import { rankSearch, searchMatch, type SearchableText } from './search.rules.ts';

const bcpModes: SearchableText = {
  titles: ['BCPの3段階運用(緊急時・無電化時・停止時)', 'Three-mode BCP (emergency, power loss, full stop)'],
  bodies: ['事業継続計画(BCP)で、緊急時・無電化時・システム停止時の3段階のオペレーションを検討する。', 'In the business continuity plan (BCP), plan operations for three modes.'],
  glossary: false,
};

describe('searchMatch', () => {
  const cases: [name: string, text: SearchableText, q: string, expected: ReturnType<typeof searchMatch>][] = [
    ['BCP finds the collection titled 「BCPの3段階運用…」 by its title start', bcpModes, 'BCP', 'titlePrefix'],
    ['lower-case bcp', bcpModes, 'bcp', 'titlePrefix'],
    ['full-width ＢＣＰ', bcpModes, 'ＢＣＰ', 'titlePrefix'],
    ['full-width lower-case ｂｃｐ', bcpModes, 'ｂｃｐ', 'titlePrefix'],
    ['inside a Japanese title', bcpModes, '無電化時', 'title'],
    ['an English query finds the English title', bcpModes, 'power loss', 'title'],
    ['an English query, other case, start of the English title', bcpModes, 'THREE-MODE', 'titlePrefix'],
    ['only in the explanation', bcpModes, 'オペレーション', 'body'],
    ['only in the English explanation', bcpModes, 'business continuity', 'body'],
    ['hiragana query finds katakana text', bcpModes, 'おぺれーしょん', 'body'],
    ['half-width katakana query (with ﾞ) finds katakana text', { titles: ['バックアップ', 'Backup'], bodies: [], glossary: false }, 'ﾊﾞｯｸｱｯﾌﾟ', 'exactTitle'],
    ['katakana query finds hiragana text', { titles: ['ひらがなの手順', 'Steps'], bodies: [], glossary: false }, 'ヒラガナ', 'titlePrefix'],
    ['the whole title, ignoring surrounding spaces in the query', { titles: ['ゼロトラスト', 'Zero trust'], bodies: [], glossary: true }, ' zero trust ', 'exactTitle'],
    ['a glossary definition ranks as glossary', { titles: ['ISMAP', 'ISMAP'], bodies: ['政府情報システムのためのセキュリティ評価制度', null], glossary: true }, '評価制度', 'glossary'],
    ['no match', bcpModes, '暗号化', null],
    ['an empty query finds nothing', bcpModes, '', null],
  ];
  for (const [name, text, q, expected] of cases) test(name, () => assert.equal(searchMatch(text, foldForSearch(q.trim())), expected));
});

test('rankSearch: whole title, title start, inside a title, glossary definition, explanation; catalog order within each', () => {
  const entries: (SearchableText & { id: string })[] = [
    { id: 'body', titles: ['復旧手順', 'Recovery'], bodies: ['BCPに沿って復旧する', null], glossary: false },
    { id: 'inside', titles: ['全社BCP', 'Company BCP'], bodies: [], glossary: false },
    { id: 'glossary', titles: ['RTO', 'RTO'], bodies: ['BCPで定める目標復旧時間', null], glossary: true },
    { id: 'exact', titles: ['BCP', 'BCP'], bodies: [], glossary: true },
    { id: 'prefix', titles: ['BCPの3段階運用', 'Three-mode BCP'], bodies: [], glossary: false },
    { id: 'none', titles: ['暗号化', 'Encryption'], bodies: [], glossary: false },
    { id: 'inside-2', titles: ['災害時のBCP', 'Disaster BCP'], bodies: [], glossary: false },
  ];
  const ranked = rankSearch(entries, 'ｂｃｐ', (e) => e);
  assert.deepEqual(
    ranked.map((r) => [r.entry.id, r.match]),
    [['exact', 'exactTitle'], ['prefix', 'titlePrefix'], ['inside', 'title'], ['inside-2', 'title'], ['glossary', 'glossary'], ['body', 'body']],
  );
  assert.deepEqual(rankSearch(entries, '', (e) => e), []);
});
