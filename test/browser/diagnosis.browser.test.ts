import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { createBrowserKit, exactly, pageOf, rawKeys, type Lang } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The diagnosis journey through the real UI in headless Chromium, done as a
 * newcomer would (server started as in foundation.browser.test.ts): set-up
 * and MFA → organisation profile → both checklists and the signs of stage 3
 * (answers saved as you go, a comment, an evidence file, a refused upload)
 * → the diagnosis explained → the gate decision (stage 0 → 1) and the stage 1
 * gate evaluation → the roadmap (task, budget against the guide) → the
 * dashboard with its charts → the printable report in both languages and its
 * PDF, turned into PNG pages with pdftoppm.
 * Screenshots go to artifacts/screenshots/diagnosis/NN-name-<lang>.png.
 *
 * Needs `npx vite build` first (dist/web), Debian's /usr/bin/chromium,
 * fonts-noto-cjk, and pdftoppm (poppler-utils) for the PDF pages.
 */

const OWNER = { email: 'shacho@example.jp', name: '田中 誠', organisation: '雲路精工株式会社' };

const kit = createBrowserKit({
  shots: 'diagnosis',
  rawKeyPrefixes: ['common', 'nav', 'shell', 'roles', 'roleDescriptions', 'setup', 'signIn', 'mfa', 'invitation', 'home', 'members', 'organisation', 'organisationProfile', 'account', 'audit', 'notFound', 'errors', 'diagnosis', 'evidence'],
  provokedStatuses: [400, 401, 403, 404, 409, 415],
  clipboard: true,
  scrollToTop: true,
});
const { newContext, shotBoth, shotJa, shotOverlay } = kit;

let setupUrl = '';

before(async () => {
  ({ setupUrl } = await kit.start());
});

after(() => kit.close());

/** The server renders the PDF in its own Chromium: on a busy machine that alone can pass the default 30 s. */
const PDF_WAIT = { timeout: 120_000 };

/** A tiny valid PDF for the evidence upload. */
const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** The report stands alone (no language switch in a header): its article carries the language. */
async function shotReport(page: Page, name: string, lang: Lang) {
  kit.nextShot();
  await page.locator(`article[lang=${lang}][data-report-ready=true]`).waitFor();
  await page.waitForLoadState('networkidle');
  await kit.assertNoRawKeys(page);
  await kit.assertAccessible(page);
  await page.screenshot({ path: kit.shotPath(`${name}-${lang}.png`), fullPage: true });
}

/** A downloaded PDF kept with the screenshots and turned into PNG pages (pdftoppm, poppler-utils) to look at. */
function pdfPages(pdf: Buffer, name: string): string[] {
  kit.nextShot();
  const base = kit.shotPath(name);
  fs.writeFileSync(`${base}.pdf`, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', `${base}.pdf`, base]);
  // The PDF is read as text too: every message translated, none shown as its key.
  const text = execFileSync('pdftotext', ['-layout', `${base}.pdf`, '-'], { encoding: 'utf8' });
  const raw = rawKeys(text, ['common', 'diagnosis', 'organisationProfile', 'evidence', 'errors']);
  assert.equal(raw, null, `untranslated keys in ${name}: ${raw?.join(', ')}`);
  return fs.readdirSync(kit.shotsDir).filter((f) => f.startsWith(path.basename(base)) && f.endsWith('.png'));
}

async function answer(card: Locator, value: 'Yes' | 'No' | 'わからない') {
  await card.getByText(value, { exact: true }).click();
  await card.getByText(/さん・/).waitFor();
}

/** Waits until a field shows the value (a save and the refreshed list behind it). */
async function waitForValue(field: Locator, value: string) {
  for (let i = 0; i < 100 && (await field.inputValue()) !== value; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await field.inputValue(), value);
}

async function chooseOption(page: Page, input: Locator, option: string) {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('diagnosis journey: profile, checklists, diagnosis, gate, roadmap, dashboard, report and PDF', { timeout: 600_000 }, async (t) => {
  assert.match(setupUrl, /\/setup\?token=/, 'the server printed a set-up link');
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);
  const nav = (name: string) => page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name, exact: true }).click();
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

  await step('a newcomer sets up the organisation and enrols MFA', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    const links = await mainNavLinks(page);
    for (const item of ['ダッシュボード', '診断', 'ロードマップ', '段階とゲート', '組織プロフィール']) assert.ok(links.includes(item), `navigation has ${item}`);
  });

  await step('the dashboard tells a newcomer where to start', async () => {
    await nav('ダッシュボード');
    await h1('ダッシュボード');
    const steps = page.getByTestId('next-steps');
    await steps.getByText('組織プロフィールを入力する').waitFor();
    await steps.getByText('「前提条件チェック」に回答する').waitFor();
    await page.getByTestId('dashboard-stage').getByText('第0段階').waitFor();
    await shotBoth(page, 'dashboard-empty');
  });

  await step('the organisation profile: industry from the seed\'s table, size, data handled', async () => {
    await nav('組織プロフィール');
    await h1('組織プロフィール');
    await chooseOption(page, page.getByLabel('業種', { exact: true }).first(), '製造業');
    await page.getByTestId('industry-usage').waitFor();
    await page.getByLabel('従業員数').fill('48');
    await page.getByLabel('資本金(円)').fill('30000000');
    await page.getByLabel('年間売上高(円)').fill('1200000000');
    await page.getByLabel('個人情報を取り扱う', { exact: true }).check();
    await page.getByLabel('EU 域内に住む人の個人データを取り扱う').check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('保存しました。').waitFor();
    await page.getByText('3,000万円').waitFor();
    await shotBoth(page, 'profile');
  });

  await step('the prerequisite check: answers saved as you go, a comment, evidence, a refused file, then submitted', async () => {
    await nav('診断');
    await h1('診断');
    await shotBoth(page, 'diagnosis-start');
    await page.getByRole('region', { name: '前提条件チェック' }).getByRole('button', { name: '回答を始める' }).click();
    await page.waitForURL('**/diagnosis/assessments/*');
    await h1('前提条件チェック');
    const cards = page.getByTestId('question');
    assert.equal(await cards.count(), 8);
    const answers: ('Yes' | 'No' | 'わからない')[] = ['Yes', 'Yes', 'わからない', 'No', 'Yes', 'Yes', 'Yes', 'Yes'];
    for (let i = 0; i < answers.length; i++) await answer(cards.nth(i), answers[i]);
    await page.getByTestId('score-text').getByText('Yes の合計 6/8').waitFor();
    const first = cards.nth(0);
    await first.getByLabel('1.1 のコメント').fill('Microsoft 365 をメールとファイル共有に利用しています。');
    await first.getByLabel('1.1 のコメント').blur();
    await page.waitForLoadState('networkidle');
    const fifth = cards.nth(4);
    await fifth.getByRole('button', { name: '補足説明を表示' }).click();
    await fifth.locator('input[type=file]').setInputFiles({ name: '情報セキュリティ基本方針.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await fifth.getByRole('link', { name: '情報セキュリティ基本方針.pdf' }).waitFor();
    await fifth.locator('input[type=file]').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await fifth.getByText('この種類のファイルは登録できません。', { exact: false }).waitFor();
    await shotBoth(page, 'prerequisite-draft');
    await page.getByRole('button', { name: '提出する' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('「Yes の合計 6/8」').waitFor();
    await shotOverlay(page, 'prerequisite-submit');
    await dialog.getByRole('button', { name: '提出する' }).click();
    await page.waitForURL((u) => u.pathname === '/diagnosis');
  });

  await step('the migration checklist: one No becomes its action; the signs of stage 3', async () => {
    await page.getByRole('region', { name: '前提条件チェック' }).getByTestId('latest-score').getByText('Yes の合計 6/8').waitFor();
    await page.getByRole('region', { name: 'クラウド移行チェックリスト' }).getByRole('button', { name: '回答を始める' }).click();
    await h1('クラウド移行チェックリスト');
    const cards = page.getByTestId('question');
    assert.equal(await cards.count(), 9);
    for (let i = 0; i < 9; i++) await answer(cards.nth(i), i === 6 ? 'No' : 'Yes');
    await cards.nth(6).getByText('No の場合の対応').waitFor();
    await page.getByTestId('score-text').getByText('Yes の合計 8／9').waitFor();
    await shotJa(page, 'migration-draft');
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await page.waitForURL((u) => u.pathname === '/diagnosis');
    await page.getByRole('region', { name: '第3段階と推定される組織の状況' }).getByRole('button', { name: '回答を始める' }).click();
    await h1('第3段階と推定される組織の状況');
    const signs = page.getByTestId('question');
    await answer(signs.nth(0), 'Yes');
    await answer(signs.nth(1), 'No');
    await answer(signs.nth(2), 'No');
    await signs.nth(2).getByText('リスクが高い状態にある可能性があります', { exact: false }).waitFor();
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await page.waitForURL((u) => u.pathname === '/diagnosis');
  });

  await step('the diagnosis, explained item by item', async () => {
    await page.getByTestId('proposed-stage').getByText('第1段階').waitFor();
    const reasons = page.getByTestId('diagnosis-reasons');
    await reasons.getByText('前提条件チェックで Yes が 8 項目中 6 項目と大半を占めるため、第1段階と判断しました。').waitFor();
    await reasons.getByText('クラウド移行チェックリストで Yes でない項目が 1 件あるため、まだ第2段階へは進めません。').waitFor();
    await page.getByTestId('high-risk').waitFor();
    assert.equal(await page.getByTestId('suggested-actions').locator('.mantine-Paper-root').count(), 2);
    await page.locator('[data-testid=score-chart][data-rendered=true]').waitFor();
    await shotBoth(page, 'diagnosis-result');
  });

  await step('the gate: the executive advances to stage 1, then the stage 1 gate is evaluated', async () => {
    await nav('段階とゲート');
    await h1('段階とゲート');
    await shotBoth(page, 'stages-at-0');
    const decision = page.getByRole('region', { name: '判断の記録' });
    await decision.getByLabel('第1段階へ進む').check();
    await decision.getByLabel(exactly('判断の理由')).fill('兎に角やってみて、体験してみる事に決めました。診断でも第1段階に該当しています。');
    await decision.getByRole('button', { name: '判断を記録' }).click();
    await page.getByTestId('current-stage').getByText('第1段階', { exact: true }).waitFor();
    const gate = page.getByRole('region', { name: '第1段階の評価・決断' });
    await gate.getByText('未記録').first().waitFor();
    await gate.getByLabel('課題あり').check();
    await gate.getByLabel(exactly('評価した人')).fill('経営者 田中、クラウド管理者 佐藤');
    await gate.getByLabel(exactly('評価の内容')).fill('安全性・有効性は良好。効率性はバックアップ手順の習熟に課題があります。');
    await gate.getByRole('button', { name: '評価を記録' }).click();
    await gate.getByText('記録済み').first().waitFor();
    await gate.locator('input[type=file]').first().setInputFiles({ name: '第1段階評価記録.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await gate.getByRole('link', { name: '第1段階評価記録.pdf' }).waitFor();
    await page.getByTestId('decision').first().waitFor();
    await page.locator('[data-testid=stage-timeline-chart][data-rendered=true]').waitFor();
    await shotBoth(page, 'stages-at-1');
  });

  await step('the roadmap: a task with owner, due date and status; the budget against the guide', async () => {
    await nav('ロードマップ');
    await h1('ロードマップ');
    const row = page.getByTestId('task-row').filter({ hasText: 'クラウドバックアップに即した方法' });
    await chooseOption(page, row.getByLabel(/の担当者$/).first(), OWNER.name);
    await waitForValue(row.getByLabel(/の担当者$/).first(), OWNER.name);
    await row.getByLabel(/の期限$/).fill('2026-12-25');
    await page.waitForLoadState('networkidle');
    await chooseOption(page, row.getByLabel(/の状況$/).first(), '対応中');
    await waitForValue(row.getByLabel(/の状況$/).first(), '対応中');
    await page.getByRole('textbox', { name: '第1段階 アジャイル型の予算' }).fill('800000');
    await page.getByRole('button', { name: '予算を保存' }).first().click();
    await page.getByTestId('budget-status-1').getByText('予算は目安の範囲内です。').waitFor();
    await page.locator('[data-testid=budget-chart][data-rendered=true]').first().waitFor();
    await shotBoth(page, 'roadmap');
  });

  await step('the dashboard: stage and time, scores, next gate, tasks and timeline as charts', async () => {
    await nav('ダッシュボード');
    await h1('ダッシュボード');
    await page.getByTestId('dashboard-stage').getByText('第1段階').waitFor();
    await page.locator('[data-testid=score-chart][data-rendered=true]').waitFor();
    await page.locator('[data-testid=stage-timeline-chart][data-rendered=true]').waitFor();
    await shotBoth(page, 'dashboard');
  });

  await step('the report prints in Japanese and English; its PDF is the same page', async () => {
    await nav('診断');
    await page.getByRole('link', { name: '診断レポートを開く' }).click();
    await page.waitForURL('**/diagnosis/report');
    await page.getByRole('heading', { level: 1, name: 'クラウド移行 診断レポート' }).waitFor();
    await shotReport(page, 'report', 'ja');
    const ja = page.waitForEvent('download', PDF_WAIT);
    await page.getByRole('link', { name: 'PDF をダウンロード' }).click();
    const jaPdf = fs.readFileSync((await (await ja).path())!);
    assert.equal(jaPdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdfPages(jaPdf, 'report-pdf-ja').length >= 2, 'the Japanese PDF has pages');
    assert.match(execFileSync('pdftotext', [kit.shotPath('report-pdf-ja.pdf'), '-'], { encoding: 'utf8' }), /クラウド移行 診断レポート[\s\S]*推奨される対応/);
    await page.getByRole('radiogroup', { name: 'レポートの言語' }).getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cloud migration diagnosis report' }).waitFor();
    await shotReport(page, 'report', 'en');
    const en = page.waitForEvent('download', PDF_WAIT);
    await page.getByRole('link', { name: 'Download PDF' }).click();
    const download = await en;
    assert.match(download.suggestedFilename(), /^kumoji-diagnosis-report-\d{4}-\d{2}-\d{2}-en\.pdf$/);
    assert.ok(pdfPages(fs.readFileSync((await download.path())!), 'report-pdf-en').length >= 2, 'the English PDF has pages');
    assert.match(execFileSync('pdftotext', [kit.shotPath('report-pdf-en.pdf'), '-'], { encoding: 'utf8' }), /Cloud migration diagnosis report[\s\S]*Suggested actions/);
  });

  assert.deepEqual(kit.errors, [], 'no script errors or CSP violations in the browser');
});
