import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { loadShippedCatalog } from '../../src/server/catalog/catalog.loader.ts';
import type { RunningServer } from '../../src/server/server.ts';
import { createBrowserKit, pageOf, ROOT } from '../helpers/browser.ts';

/**
 * The knowledge base through the real UI in headless Chromium, against the
 * real server and the real catalog (a copy, so the test can publish a newer
 * version of one collection while it runs): home → checklist collection →
 * item with its source → search in Japanese and English → glossary → an own
 * file refused line by line → a good one stored and opened → its version 2
 * and the item's history → a newer shipped version loaded → own collection
 * removed. Screenshots go to artifacts/screenshots/knowledge/NN-name-<lang>.png.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const PASSWORD = 'Kumoji-Test-Passphrase-2026!';
const OWNER = { email: 'kb-owner@example.jp', name: '鈴木 一郎', organisation: 'ナレッジ商事株式会社' };

/** The checklist question the test changes in a newer shipped version (seed 000 VI.1.1 No.1.2). */
const QUESTION_JA = '貴組織では、共通的なメールやファイルサーバのクラウドを利用したことがない';
const QUESTION_JA_V2 = '貴組織では、メールやファイルサーバなど共通業務のクラウドを利用したことがない';

const GOOD_FILE = (version: number, restoreJa: string, restoreEn: string, frequency: string) => `id: urn:kumoji:org:house-rules
type: reference
version: ${version}
name: { ja: 当社のバックアップ規程, en: Our backup rules }
description: { ja: 情報システム部が定めるバックアップと復元の社内規程です。, en: The IT department's house rules for backup and restore. }
source: "社内規程 2026 年版"
attributes:
  related: { type: ref, ja: 関連する用語, en: Related term }
  frequency: { type: enum, values: [daily, weekly, monthly], ja: 頻度, en: Frequency }
  departments: { type: string-list, ja: 担当部署, en: Departments }
items:
  - id: urn:kumoji:org:house-rules:backup
    ja: バックアップは毎日取得する
    en: Take a backup every day
    detail: { ja: 業務データは毎晩バックアップし、1 つはオフサイトに保管します。, en: Business data is backed up every night and one copy is kept off site. }
    source: "社内規程 第 3 条"
    attributes:
      related: urn:kumoji:seed-004:glossary:rule-3-2-1
      frequency: daily
      departments: [情報システム部, 総務部]
  - id: urn:kumoji:org:house-rules:restore
    parent: urn:kumoji:org:house-rules:backup
    ja: ${restoreJa}
    en: ${restoreEn}
    source: "社内規程 第 3 条 2 項"
    attributes:
      frequency: ${frequency}
`;

// Line 10: an item without English; line 18: a reference to an item that does not exist; line 19: a value the file does not declare.
const BROKEN_FILE = `id: urn:kumoji:org:broken-rules
type: reference
version: 1
name: { ja: 誤りのある規程, en: Rules with errors }
source: "社内規程"
attributes:
  related: { type: ref, ja: 関連項目, en: Related }
  frequency: { type: enum, values: [daily, weekly], ja: 頻度, en: Frequency }
items:
  - id: urn:kumoji:org:broken-rules:one
    ja: 英語の訳がない項目
    source: "社内規程"
  - id: urn:kumoji:org:broken-rules:two
    ja: 存在しない項目を参照する規程
    en: Refers to an item that does not exist
    source: "社内規程"
    attributes:
      related: urn:kumoji:seed-000:checklists:nowhere
      frequency: yearly
`;

const kit = createBrowserKit({
  shots: 'knowledge',
  rawKeyPrefixes: ['common', 'nav', 'catalog', 'errors'],
  ports: [3500, 3599],
  // The 400 of the refused file is provoked on purpose.
  provokedStatuses: [400],
  loader: '[role=status] .mantine-Loader-root',
});
const { newContext, shotBoth, shotJa } = kit;

let server: RunningServer;
let setupUrl = '';
let catalogDir = '';

/**
 * The owner is created through the API the set-up page uses (the foundation
 * test walks that page): set-up with the one-time token, then MFA enrolment,
 * which the organisation's policy requires of owners before any of its pages.
 */
async function createOwner(page: Page) {
  const api = page.request;
  const csrf = async () => (await (await api.get(`${server.url}/api/v1/session`)).json()).csrfToken as string;
  const token = new URL(setupUrl).searchParams.get('token');
  const setup = await api.post(`${server.url}/api/v1/setup`, {
    headers: { 'x-csrf-token': await csrf() },
    data: { token, organisationName: OWNER.organisation, displayName: OWNER.name, email: OWNER.email, password: PASSWORD, locale: 'ja' },
  });
  assert.equal(setup.status(), 201, await setup.text());
  const enrolment = await api.post(`${server.url}/api/v1/account/mfa/enrolment`, { headers: { 'x-csrf-token': await csrf() }, data: {} });
  assert.equal(enrolment.status(), 200, await enrolment.text());
  const { secret } = await enrolment.json();
  const confirm = await api.post(`${server.url}/api/v1/account/mfa/confirm`, {
    headers: { 'x-csrf-token': await csrf() },
    data: { code: await generate({ secret }) },
  });
  assert.equal(confirm.status(), 200, await confirm.text());
}

/** Chooses a file in the upload page's file field (hidden behind our own "choose" button) and sends it. */
async function uploadFile(page: Page, name: string, content: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(content, 'utf8') });
  await page.getByTestId('chosen-file').getByText(name, { exact: false }).waitFor();
  await page.getByRole('button', { name: /^(登録する|Upload)$/ }).click();
}

before(async () => {
  // A copy of the shipped catalog, so a newer version of a collection can be published during the test.
  catalogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-catalog-'));
  fs.cpSync(path.join(ROOT, 'catalog'), catalogDir, { recursive: true });
  ({ server, setupUrl } = await kit.start({ env: { CATALOG_DIR: catalogDir }, suiteDatabase: false }));
});

after(async () => {
  await kit.close();
  if (catalogDir) fs.rmSync(catalogDir, { recursive: true, force: true });
});

test('knowledge base: browse, search, glossary, own files, versions and history', { timeout: 300_000 }, async (t) => {
  assert.match(setupUrl, /\/setup\?token=/, 'the server printed a set-up link');
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);
  const main = () => page.getByRole('main');

  await step('the owner finds the knowledge base in the navigation; collections are grouped by source', async () => {
    // The owner first, before any page of the app loads: a page's own first request for the
    // session would set the CSRF cookie too, and whichever answer arrived last would win.
    await createOwner(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    const links = await nav.getByRole('link').allInnerTexts();
    assert.ok(links.includes('ナレッジベース'), `navigation: ${links}`);
    await nav.getByRole('link', { name: 'ナレッジベース' }).click();
    await page.getByRole('heading', { level: 1, name: 'ナレッジベース' }).waitFor();
    for (const group of ['システム監査学会「クラウドサービスの活用と評価に関する調査研究(2020年)」', '「メーンフレームのハイブリッドクラウド移行ガイド」', '公開情報(法令・公的ガイドライン)', '自組織のコレクション']) {
      await page.getByRole('region', { name: group }).waitFor();
    }
    const seed000 = page.getByRole('region', { name: 'システム監査学会「クラウドサービスの活用と評価に関する調査研究(2020年)」' });
    const row = seed000.getByTestId('collection-row').filter({ has: page.getByRole('link', { name: 'チェックリスト', exact: true }) });
    assert.match(await row.innerText(), /チェックリスト\s+23\s+バージョン 1/);
    await page.getByRole('region', { name: '自組織のコレクション' }).getByText('自組織のコレクションはまだありません。').waitFor();
    await shotBoth(page, 'home');
  });

  await step('the checklist collection: a tree with labelled attributes, sources and its version', async () => {
    await main().getByRole('link', { name: 'チェックリスト', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'チェックリスト' }).waitFor();
    await page.getByTestId('collection-version').getByText('バージョン 1').waitFor();
    const items = page.getByTestId('collection-item');
    assert.equal(await items.count(), 23);
    const prerequisite = items.filter({ has: page.getByRole('link', { name: '前提条件チェック', exact: true }) }).first();
    const text = await prerequisite.locator('.kb-node').first().innerText();
    // Enum values read as words and stage codes as stages (label and value are a <dt> and a <dd>); seed citations name the document.
    assert.match(text, /種別\s*チェックリスト/);
    assert.match(text, /判定条件\s*過半数が Yes/);
    assert.match(text, /判定条件を満たした場合の段階\s*第1段階/);
    assert.match(text, /出典\s*システム監査学会「クラウドサービスの活用と評価に関する調査研究\(2020年\)」 VI\.1\.1/);
    assert.doesNotMatch(text, /\.txt|FACTS\.md|urn:kumoji/);
    const question = items.filter({ has: page.getByRole('link', { name: QUESTION_JA }) }).first();
    assert.match(await question.innerText(), /1\.2/);
    await shotBoth(page, 'collection-checklists');
    // Filtering keeps a match's parents.
    await page.getByLabel('このコレクション内を絞り込む').fill('ファイルサーバ');
    await page.getByText(/23 項目のうち \d+ 項目が該当します/).waitFor();
    assert.ok((await items.count()) < 23);
    await page.getByRole('link', { name: '前提条件チェック', exact: true }).waitFor();
    await shotJa(page, 'collection-filtered');
    await page.getByLabel('このコレクション内を絞り込む').fill('');
  });

  await step('an item: its text in both languages, attributes, place in the tree and its source', async () => {
    await page.getByRole('link', { name: QUESTION_JA }).click();
    await page.getByRole('heading', { level: 1, name: QUESTION_JA }).waitFor();
    const crumbs = await page.getByRole('navigation', { name: '現在の位置' }).innerText();
    assert.match(crumbs, /ナレッジベース[\s›]+チェックリスト[\s›]+前提条件チェック/);
    assert.match(await page.getByTestId('item-sources').innerText(), /システム監査学会「クラウドサービスの活用と評価に関する調査研究\(2020年\)」 VI\.1\.1 No\.1\.2/);
    assert.doesNotMatch(await page.locator('main').innerText(), /\.txt|urn:kumoji/);
    await page.getByTestId('item-version').getByText('バージョン 1').waitFor();
    await page.getByRole('tab', { name: 'English' }).click();
    await page.getByTestId('item-text-en').getByText('Your organisation has never used cloud services', { exact: false }).waitFor();
    await page.getByRole('tab', { name: '日本語' }).click();
    await page.getByTestId('history-entry').first().getByText('このバージョンで初めて収録されました。').waitFor();
    await shotBoth(page, 'item');
  });

  await step('search finds Japanese words and highlights them', async () => {
    await page.getByRole('navigation', { name: '現在の位置' }).getByRole('link', { name: 'ナレッジベース' }).click();
    await page.getByLabel('検索する語句').fill('資産目録');
    await page.getByLabel('検索する語句').press('Enter');
    await page.waitForURL((u) => u.pathname === '/knowledge/search' && u.searchParams.get('q') === '資産目録');
    await page.getByRole('heading', { level: 1, name: '検索' }).waitFor();
    await page.getByTestId('search-summary').getByText(/「資産目録」を含む項目が \d+ 件見つかりました。/).waitFor();
    const results = page.getByTestId('search-result');
    assert.ok((await results.count()) >= 2);
    const marks = await page.locator('[data-testid=search-result] mark').allInnerTexts();
    assert.ok(marks.length > 0 && marks.every((m) => m === '資産目録'), `highlighted: ${marks}`);
    assert.match(await results.filter({ hasText: 'A080101-資産目録' }).first().innerText(), /収録先:/);
    await shotBoth(page, 'search-asset-inventory');
  });

  await step('search finds collections by their titles, whatever the width of the letters (issue 9)', async () => {
    await page.getByLabel('検索する語句').fill('ＢＣＰ');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByTestId('search-collection-summary').getByText(/「ＢＣＰ」に当てはまるコレクションが \d+ 件あります。/).waitFor();
    const collection = page.getByTestId('search-collection-result').filter({ hasText: 'BCPの3段階運用' });
    await collection.first().waitFor();
    // The title and the description as written (half-width), marked where the full-width query matched.
    const marks = await collection.first().locator('mark').allInnerTexts();
    assert.ok(marks.length > 0 && marks.every((m) => m === 'BCP'), `highlighted: ${marks}`);
    await shotBoth(page, 'search-bcp-collections');
  });

  await step('search finds English words too, in the other language or the explanation', async () => {
    await page.getByLabel('検索する語句').fill('backup');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByTestId('search-summary').getByText(/「backup」を含む項目が/).waitFor();
    const marks = await page.locator('[data-testid=search-result] mark').allInnerTexts();
    assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === 'backup'), `highlighted: ${marks}`);
    await shotBoth(page, 'search-backup');
    // A result leads to its item.
    await page.getByTestId('search-result').first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match(page.url(), /\/knowledge\/items\/urn%3Akumoji%3A/);
  });

  await step('the glossary lists the terms with their definitions', async () => {
    await page.goto(`${server.url}/knowledge`);
    await main().getByRole('link', { name: '用語集' }).click();
    await page.getByRole('heading', { level: 1, name: '用語集' }).waitFor();
    const terms = page.getByTestId('glossary-term');
    await terms.first().waitFor();
    assert.equal(await terms.count(), 10);
    await terms.filter({ hasText: 'ゼロトラスト' }).getByText('ネットワーク境界を前提とせず', { exact: false }).waitFor();
    await shotBoth(page, 'glossary');
    await page.getByLabel('用語を絞り込む').fill('3-2-1');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=glossary-term]').length === 1);
    await page.getByLabel('用語を絞り込む').fill('');
  });

  await step('an own file with errors is refused, each error with its line', async () => {
    await page.goto(`${server.url}/knowledge`);
    await main().getByRole('link', { name: '自組織のカタログファイルの登録' }).click();
    await page.getByRole('heading', { level: 1, name: '自組織のカタログファイルの登録' }).waitFor();
    await shotBoth(page, 'upload');
    await uploadFile(page, 'broken-rules.yaml', BROKEN_FILE);
    const box = page.getByTestId('upload-errors');
    await box.waitFor();
    assert.match(await box.innerText(), /カタログファイルに \d+ 件の誤りがあるため、何も登録していません。/);
    const rows = await page.getByTestId('upload-error').allInnerTexts();
    assert.ok(rows.length >= 3, `errors: ${rows.join(' | ')}`);
    assert.ok(rows.some((r) => /^10 行目/.test(r) && /missing required key "en"/.test(r)), rows.join(' | '));
    assert.ok(rows.some((r) => /^18 行目/.test(r) && /related: urn:kumoji:seed-000:checklists:nowhere/.test(r) && /unknown item id/.test(r)), rows.join(' | '));
    assert.ok(rows.some((r) => /^19 行目/.test(r) && /frequency: yearly/.test(r)), rows.join(' | '));
    // Switching language keeps the chosen file: sending it again gets the server's English messages.
    await shotBoth(page, 'upload-errors', {
      inEnglish: async () => {
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        await page.getByTestId('upload-errors').getByText(/The catalog file has \d+ error/).waitFor();
        await page.getByTestId('upload-error').first().getByText(/^Line \d+$/).waitFor();
      },
    });
  });

  await step('a good own file is stored, loaded and opened (chosen from the keyboard)', async () => {
    // The "choose a file" button opens the file field from the keyboard too. (Headless Chromium does not
    // reliably raise its file chooser for a key press, so the test watches the field being opened instead.)
    await page.locator('input[type=file]').evaluate((input) => input.addEventListener('click', (e) => {
      e.preventDefault();
      input.setAttribute('data-opened', 'yes');
    }));
    await page.getByRole('button', { name: 'ファイルを選ぶ…' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('input[type=file][data-opened=yes]').waitFor({ state: 'attached' });
    await page.locator('input[type=file]').setInputFiles({ name: 'house-rules.yaml', mimeType: 'application/yaml', buffer: Buffer.from(GOOD_FILE(1, '週に一度は復元を試す', 'Test a restore once a week', 'weekly'), 'utf8') });
    await page.getByTestId('chosen-file').getByText('house-rules.yaml', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'ファイルを選ぶ…' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '登録する');
    await page.keyboard.press('Enter');
    const stored = page.getByTestId('upload-stored');
    await stored.getByText('「当社のバックアップ規程」(バージョン 1、2 項目)を登録し、ナレッジベースに読み込みました。').waitFor();
    await shotJa(page, 'upload-stored');
    await stored.getByRole('link', { name: '「当社のバックアップ規程」を開く' }).click();
    await page.getByRole('heading', { level: 1, name: '当社のバックアップ規程' }).waitFor();
    const first = page.getByTestId('collection-item').first();
    const text = await first.locator('.kb-node').first().innerText();
    assert.match(text, /頻度\s*日次/);
    assert.match(text, /担当部署\s*情報システム部\s*総務部/);
    assert.match(text, /出典\s*社内規程 第 3 条/);
    // A ref to another collection's item is a link named by that item.
    await first.getByRole('link', { name: '3-2-1ルール' }).waitFor();
    await shotBoth(page, 'own-collection');
  });

  await step('version 2 of the own file: the item shows what changed', async () => {
    await page.goto(`${server.url}/knowledge/upload`);
    await uploadFile(page, 'house-rules.yaml', GOOD_FILE(2, '月に一度は復元を試す', 'Test a restore once a month', 'monthly'));
    await page.getByTestId('upload-stored').getByText('(バージョン 2、2 項目)を登録し', { exact: false }).waitFor();
    await page.getByTestId('upload-stored').getByRole('link').click();
    await page.getByRole('link', { name: '月に一度は復元を試す' }).click();
    await page.getByRole('heading', { level: 1, name: '月に一度は復元を試す' }).waitFor();
    const entries = page.getByTestId('history-entry');
    assert.equal(await entries.count(), 2);
    const newest = await entries.first().innerText();
    assert.match(newest, /バージョン 2/);
    assert.match(newest, /この組織で使用中/);
    assert.match(newest, /変更 3 件/);
    const changes = await entries.first().getByTestId('history-change').allInnerTexts();
    assert.ok(changes.some((c) => /日本語の本文\s*週に一度は復元を試す\s*月に一度は復元を試す/.test(c)), changes.join(' | '));
    assert.ok(changes.some((c) => /頻度\s*週次\s*月次/.test(c)), changes.join(' | '));
    assert.match(await entries.nth(1).innerText(), /このバージョンで初めて収録されました。/);
    await shotBoth(page, 'item-history');
  });

  await step('a newer shipped version is offered to the owner, loaded, and its change shown', async () => {
    const file = path.join(catalogDir, 'seed-000/checklists.yaml');
    const v1 = fs.readFileSync(file, 'utf8');
    assert.ok(v1.includes(QUESTION_JA));
    fs.writeFileSync(file, v1.replace(/^version: 1$/m, 'version: 2').replace(QUESTION_JA, QUESTION_JA_V2));
    const report = await loadShippedCatalog(server.database, catalogDir);
    assert.equal(report.stored.length, 1);
    await page.goto(`${server.url}/knowledge`);
    const row = page.getByTestId('collection-row').filter({ has: page.getByRole('link', { name: 'チェックリスト', exact: true }) });
    await row.getByText('バージョン 2 があります').waitFor();
    await shotBoth(page, 'home-newer-version');
    await row.getByRole('button', { name: '「チェックリスト」のバージョン 2 を読み込む' }).click();
    await page.getByText('「チェックリスト」のバージョン 2 を読み込みました。').waitFor();
    assert.match(await row.innerText(), /バージョン 2/);
    assert.equal(await row.getByText('バージョン 2 があります').count(), 0);
    await row.getByRole('link', { name: 'チェックリスト', exact: true }).click();
    await page.getByRole('link', { name: QUESTION_JA_V2 }).click();
    await page.getByRole('heading', { level: 1, name: QUESTION_JA_V2 }).waitFor();
    const changes = await page.getByTestId('history-entry').first().getByTestId('history-change').allInnerTexts();
    assert.deepEqual(changes.length, 1, changes.join(' | '));
    assert.match(changes[0], /日本語の本文/);
    await shotJa(page, 'item-shipped-change');
  });

  await step('the owner removes the own collection after confirming', async () => {
    await page.goto(`${server.url}/knowledge`);
    const own = page.getByRole('region', { name: '自組織のコレクション' });
    await own.getByRole('button', { name: '「当社のバックアップ規程」をナレッジベースから削除' }).click();
    const dialog = page.getByRole('dialog', { name: 'コレクションの削除' });
    await dialog.getByText('「当社のバックアップ規程」を自組織のナレッジベースから削除します。', { exact: false }).waitFor();
    // The dialog fades in: photograph it once its transition has ended.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await shotJa(page, 'remove-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: '削除' }).click();
    await page.getByText('「当社のバックアップ規程」をナレッジベースから削除しました。').waitFor();
    await own.getByText('自組織のコレクションはまだありません。').waitFor();
    await shotJa(page, 'home-after-remove');
  });

  assert.deepEqual(kit.errors, [], 'no script errors or CSP violations in the browser');
});
