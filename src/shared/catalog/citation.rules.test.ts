import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { displayedCitations, parseSource, sourceLabels, unlistedSourceProblem } from './citation.rules.ts';
import { SOURCE_DOCUMENTS } from './source-documents.ts';

const CATALOG_DIR = fileURLToPath(new URL('../../../catalog/', import.meta.url));

describe('sourceLabels: the document by its title, the section in the reader’s language', () => {
  const cases: [sources: string[], ja: string[], en: string[]][] = [
    [
      ['000_2afa2b1b220c6436.txt II.6.6 対象業務'],
      ['システム監査学会「クラウドサービスの活用と評価に関する調査研究(2020年)」 II.6.6 対象業務'],
      ['System Audit Society of Japan, Study on the use and evaluation of cloud services (2020), II.6.6 target workloads'],
    ],
    [
      ['000_2afa2b1b220c6436.txt VI.1.2 (最終段落)'],
      ['システム監査学会「クラウドサービスの活用と評価に関する調査研究(2020年)」 VI.1.2 (最終段落)'],
      ['System Audit Society of Japan, Study on the use and evaluation of cloud services (2020), VI.1.2 (last paragraph)'],
    ],
    [
      ['000_2afa2b1b220c6436.txt I.3 表1', '000_2afa2b1b220c6436.txt III.5.2 表11 row 3'],
      ['システム監査学会「クラウドサービスの活用と評価に関する調査研究(2020年)」 I.3 表1', 'システム監査学会「クラウドサービスの活用と評価に関する調査研究(2020年)」 III.5.2 表11 3行目'],
      ['System Audit Society of Japan, Study on the use and evaluation of cloud services (2020), I.3 Table 1', 'System Audit Society of Japan, Study on the use and evaluation of cloud services (2020), III.5.2 Table 11 row 3'],
    ],
    [
      ['004_eaa084eda4e01963.txt 「情報セキュリティ管理策実装の流れ」表 ステップ3'],
      ['「メーンフレームのハイブリッドクラウド移行ガイド」 「情報セキュリティ管理策実装の流れ」 表 ステップ3'],
      ['Guide to moving mainframes to hybrid cloud, 「情報セキュリティ管理策実装の流れ」 table step 3'],
    ],
    [
      ['FACTS.md 4 (in our own words)'],
      ['Kumoji「公開情報による確認事項」 ガイドライン'],
      ['Kumoji, Points checked against public sources, guidance texts'],
    ],
    [
      ['FACTS.md 4; サイバーセキュリティ経営ガイドライン 指示7 (Ver 2.0 title; English in our own words)'],
      ['経済産業省・情報処理推進機構(IPA)「サイバーセキュリティ経営ガイドライン」 指示7 (Ver 2.0 の表題)'],
      ['Ministry of Economy, Trade and Industry (METI) and IPA, Cyber Security Management Guidelines, Direction 7 (Ver 2.0 title)'],
    ],
    [
      ['FACTS.md 1', '個人情報保護法施行規則 第8条第2項 https://iuris.jp/個人情報の保護に関する法律施行規則-第八条-個人情報保護委員会への報告/jpn/a/68339 (in our own words)'],
      ['個人情報保護委員会「個人情報の保護に関する法律施行規則」 第8条第2項'],
      ['Personal Information Protection Commission (PPC), Enforcement Rules for the Act on the Protection of Personal Information, Art. 8(2)'],
    ],
    [
      ['個人情報保護法施行規則 第8条第1項; 個人情報保護委員会ガイドライン(通則編)3-5-3-3; PPC https://www.ppc.go.jp/personalinfo/legal/leakAction/ (in our own words)'],
      [
        '個人情報保護委員会「個人情報の保護に関する法律施行規則」 第8条第1項',
        '個人情報保護委員会「個人情報の保護に関する法律についてのガイドライン(通則編)」 3-5-3-3',
        '個人情報保護委員会「漏えい等の対応とお役立ち資料」',
      ],
      [
        'Personal Information Protection Commission (PPC), Enforcement Rules for the Act on the Protection of Personal Information, Art. 8(1)',
        'Personal Information Protection Commission (PPC), Guidelines for the Act on the Protection of Personal Information (General Rules), 3-5-3-3',
        'Personal Information Protection Commission (PPC), Responding to personal data leaks',
      ],
    ],
    [
      ['IPA 情報セキュリティ10大脅威 2026 (発表 2026-01-29, 報道による確認)'],
      ['情報処理推進機構(IPA)「情報セキュリティ10大脅威(組織編)」 2026年版(2026-01-29 発表、報道により確認)'],
      ['Information-technology Promotion Agency, Japan (IPA), Top 10 Information Security Threats (organisations), 2026 edition (published 2026-01-29, confirmed from press reports)'],
    ],
    [
      ['GDPR Art. 33 (in our own words)'],
      ['欧州連合「一般データ保護規則(GDPR, 規則 (EU) 2016/679)」 第33条'],
      ['European Union, General Data Protection Regulation (GDPR, Regulation (EU) 2016/679), Art. 33'],
    ],
    [['社内規程 第 3 条'], ['社内規程 第 3 条'], ['社内規程 第 3 条']],
  ];
  for (const [sources, ja, en] of cases) {
    test(sources.join(' | '), () => {
      assert.deepEqual(sourceLabels(sources, 'ja'), ja);
      assert.deepEqual(sourceLabels(sources, 'en'), en);
    });
  }
});

test('the project’s fact notes are shown only when nothing else is cited; each citation once', () => {
  assert.deepEqual(displayedCitations(['000_2afa2b1b220c6436.txt II.2.1 表2', 'FACTS.md 3']).map((c) => c.documentId), ['seed-000']);
  assert.deepEqual(displayedCitations(['FACTS.md 5']).map((c) => c.documentId), ['kumoji-facts']);
  assert.deepEqual(displayedCitations(['GDPR Art. 33', 'FACTS.md 2; GDPR Art. 33 (in our own words)']).length, 1);
  assert.deepEqual(parseSource('ISMAP (in our own words)'), [{ documentId: 'ismap', section: '', text: 'ISMAP' }]);
});

describe('unlistedSourceProblem', () => {
  const cases: [source: string, refused: boolean][] = [
    ['000_2afa2b1b220c6436.txt II.5.2 表4', false],
    ['FACTS.md 3; IPA 情報セキュリティ10大脅威 2024', false],
    ['ISMAP', false],
    ['ISMAPLIU register', true],
    ['001_0000000000000000.txt I.1', true],
    ['FACTS.md 3; notes.md 1', true],
    ['(in our own words)', true],
  ];
  for (const [source, refused] of cases) test(`${source} → ${refused ? 'refused' : 'accepted'}`, () => assert.equal(unlistedSourceProblem(source) !== null, refused));
});

test('every document has a title and one way to cite it that no other document uses', () => {
  const cites = SOURCE_DOCUMENTS.flatMap((d) => d.cites);
  assert.equal(new Set(cites).size, cites.length);
  assert.equal(new Set(SOURCE_DOCUMENTS.map((d) => d.id)).size, SOURCE_DOCUMENTS.length);
  for (const d of SOURCE_DOCUMENTS) assert.ok(d.title.ja && d.title.en && d.cites.length, d.id);
});

// Issue 9 item 4: no file names, ids, "seed" or editorial notes on screens, and no Japanese section words on English ones.
test('no label of any shipped source shows a file name, an id or a developer word; English ones no Japanese section words', () => {
  const lists: string[][] = [];
  for (const folder of readdirSync(CATALOG_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const name of readdirSync(path.join(CATALOG_DIR, folder.name))) {
      const file = parse(readFileSync(path.join(CATALOG_DIR, folder.name, name), 'utf8')) as { source: string | string[]; items: { source: string | string[] }[] };
      for (const source of [file.source, ...file.items.map((item) => item.source)]) lists.push(typeof source === 'string' ? [source] : source);
    }
  }
  assert.ok(lists.length > 500, 'the shipped catalog was read');
  const developerWords = /\.txt|\.md\b|urn:kumoji|シード|seed|in our own words|https?:/i;
  // Outside 「」: the guide's own headings are its wording, quoted as written.
  const japaneseSectionWords = /表\d|(?:^|\s)表(?:\s|$)|図\d|箇条|段落|行目|\d位|章の導入|ステップ|第\d|\d条|原則\d|指示\d|重要10項目|5か条|合計|同施行規則|発表|年版/;
  for (const sources of lists) {
    for (const label of [...sourceLabels(sources, 'ja'), ...sourceLabels(sources, 'en')]) assert.doesNotMatch(label, developerWords, sources.join(' | '));
    for (const label of sourceLabels(sources, 'en')) assert.doesNotMatch(label.replace(/「[^」]*」/g, ''), japaneseSectionWords, `${label} ← ${sources.join(' | ')}`);
  }
});

test('no shipped catalog text that readers see names a project file or an id', () => {
  type Text = { ja: string; en: string };
  const texts: string[] = [];
  for (const folder of readdirSync(CATALOG_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const name of readdirSync(path.join(CATALOG_DIR, folder.name))) {
      const file = parse(readFileSync(path.join(CATALOG_DIR, folder.name, name), 'utf8')) as { name: Text; description?: Text; items: (Text & { detail?: Text })[] };
      for (const pair of [file.name, file.description, ...file.items.flatMap((item) => [item, item.detail])]) if (pair) texts.push(pair.ja, pair.en);
    }
  }
  for (const text of texts) assert.doesNotMatch(text, /FACTS\.md|\d{3}_[0-9a-f]{16}\.txt|urn:kumoji/, text);
});
