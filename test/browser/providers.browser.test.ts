import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBrowserKit, exactly, pageOf } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The providers journey through the real UI in headless Chromium, against
 * the real server (issue 11): one of the study's profiles copied and a
 * provider of our own recorded; one evaluated; a contract recorded (a notice
 * period as long as the term refused at the field), its 17 items reviewed
 * until it is ready to sign, with the last day to give notice across a leap
 * day; the two providers compared for one workload with the study's
 * contradictory availability caught; and the SLA calculator. Screenshots in
 * both languages go to artifacts/screenshots/providers/.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'providers@example.jp', name: '高橋 健', organisation: '雲路精機株式会社' };

const kit = createBrowserKit({ shots: 'providers', rawKeyPrefixes: ['common', 'nav', 'errors', 'providers'], ports: [3700, 3799], scrollToTop: true });
const { newContext, shotBoth, shotJa } = kit;

let setupUrl = '';

before(async () => {
  ({ setupUrl } = await kit.start());
});
after(() => kit.close());

test('providers journey: review one contract, compare two providers for one workload', { timeout: 300_000 }, async (t) => {
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);
  const go = (path: string) => page.goto(new URL(path, page.url()).href);

  await step('set-up, the providers page and the study’s nine profiles', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    assert.ok((await mainNavLinks(page)).includes('事業者と契約'));
    await page.getByRole('navigation').getByRole('link', { name: '事業者と契約' }).click();
    await page.getByRole('heading', { level: 1, name: 'クラウドサービス事業者' }).waitFor();
    await page.getByTestId('provider-reference').nth(8).waitFor();
    assert.equal(await page.getByTestId('provider-reference').count(), 9);
    await shotBoth(page, 'provider-list-empty');
  });

  let copied = '';
  await step('a profile copied from the study, then completed: data kept in Japan, the SLA, support around the clock', async () => {
    const card = page.getByTestId('provider-reference').first();
    copied = (await card.getByRole('heading').first().innerText()).trim();
    await card.getByRole('button', { name: '自社の事業者にコピー' }).click();
    await page.getByText('事業者を登録しました。').waitFor();
    await page.getByRole('checkbox', { name: 'SaaS' }).check();
    await page.getByTestId('data-locations').getByRole('button', { name: '追加' }).click();
    await page.getByLabel('リージョン・拠点').fill('東京');
    await page.getByLabel('SLAの稼働率(%)').fill('99.95');
    await page.getByLabel('約束する復旧時間(時間)').fill('4');
    await page.getByLabel('サポート時間').selectOption('always');
    await page.getByTestId('save-provider').click();
    await page.getByText('変更を保存しました。').waitFor();
    await shotBoth(page, 'provider-form');
  });

  await step('a provider of our own, its data kept abroad', async () => {
    await go('/providers/new');
    await page.getByLabel(exactly('事業者')).fill('グローバルクラウド');
    await page.getByRole('checkbox', { name: 'SaaS' }).check();
    await page.getByTestId('data-locations').getByRole('button', { name: '追加' }).click();
    await page.getByLabel('国(JP、US など)').fill('US');
    await page.getByLabel('SLAの稼働率(%)').fill('99.5');
    await page.getByLabel('サポート時間').selectOption('business');
    await page.getByRole('button', { name: '事業者を登録する' }).click();
    await page.getByText('事業者を登録しました。').waitFor();
  });

  await step('the copied provider evaluated: a weighted score, and a knock-out item', async () => {
    await go('/providers');
    await page.getByRole('link', { name: copied }).first().click();
    await page.getByTestId('evaluate-provider').click();
    await page.getByTestId('evaluation-item').first().waitFor();
    const items = page.getByTestId('evaluation-item');
    await items.nth(0).getByRole('combobox', { name: '評価' }).selectOption('4');
    await items.nth(1).getByRole('combobox', { name: '評価' }).selectOption('3');
    await items.nth(2).getByRole('combobox', { name: '評価' }).selectOption('2');
    await items.nth(2).getByRole('checkbox', { name: '足切り' }).check();
    await items.nth(0).getByRole('textbox', { name: '根拠' }).fill('会社案内と決算公告を確認');
    await page.getByTestId('save-evaluation').click();
    await page.getByText('評価を保存しました。').waitFor();
    // (4 + 3 + 2) / (3 × 4) = 75.
    await page.getByTestId('evaluation-outcome').getByText(/75/).waitFor();
    await shotBoth(page, 'evaluation', { ready: 'evaluation-outcome' });
  });

  await step('a contract: a notice as long as the term is refused at the field, then recorded across a leap day', async () => {
    await go('/providers/contracts/new');
    await page.getByLabel(exactly('契約名')).fill('基幹SaaS利用契約');
    await page.getByLabel(exactly('事業者')).selectOption({ label: copied });
    await page.getByLabel(exactly('開始日')).fill('2028-02-29');
    await page.getByLabel(exactly('契約期間(月)')).fill('2');
    await page.getByLabel('予告期間').fill('2');
    await page.getByRole('button', { name: '契約を登録する' }).click();
    await page.getByText('予告期間が契約期間と同じかそれより長いため、期限内に予告できません。', { exact: false }).waitFor();
    await shotJa(page, 'contract-notice-too-long');
    await page.getByLabel(exactly('契約期間(月)')).fill('12');
    await page.getByRole('button', { name: '契約を登録する' }).click();
    await page.getByText('契約を登録しました。続けて下の17項目を確認してください。').waitFor();
    // Feb 29 2028 + 12 months: the next term starts 2029-03-01; two months' notice is due by 2028-12-31.
    await page.getByText('第1期: 2028-02-29 〜 2029-02-28').waitFor();
    assert.match(await page.getByTestId('last-notice-line').innerText(), /解約予告期限は 2028-12-31 です/);
  });

  await step('the 17 items reviewed: one blocking item missing, then agreed, with the exit terms', async () => {
    const rows = page.getByTestId('review-item');
    assert.equal(await rows.count(), 17);
    for (let i = 0; i < 17; i++) await rows.nth(i).getByRole('combobox', { name: '状態' }).selectOption(i === 0 ? 'missing' : i === 1 ? 'negotiate' : 'present');
    await rows.nth(0).getByRole('checkbox', { name: '必須' }).check();
    await rows.nth(2).getByRole('textbox', { name: '条文またはその箇所' }).fill('利用規約 第12条');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('変更を保存しました。').waitFor();
    const standing = page.getByTestId('contract-standing');
    await standing.getByText('締結前に要対応').waitFor();
    await standing.getByText('記載あり15、記載なし1、要交渉1、未確認0').waitFor();
    await standing.getByText(/必須で未解決: 1 /).waitFor();
    await shotBoth(page, 'contract-review', { ready: 'contract-standing' });
    await rows.nth(0).getByRole('combobox', { name: '状態' }).selectOption('present');
    await rows.nth(0).getByRole('textbox', { name: '条文またはその箇所' }).fill('第3条(サービス内容)');
    await page.getByLabel('データの返還形式').fill('CSV(UTF-8)');
    await page.getByLabel('データの返還期限(日以内)').fill('30');
    await page.getByLabel('事業者がデータ消去証明書を発行する').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('変更を保存しました。').waitFor();
    await standing.getByText('締結可').waitFor();
    await go('/providers/contracts');
    await page.getByTestId('contract-row').first().getByText('2028-12-31').waitFor();
    await shotBoth(page, 'contract-list');
  });

  await step('two providers compared for one workload: the study’s 99.7 % against half a day a year is caught', async () => {
    const created = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const r = await fetch('/api/v1/workloads', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: '販売管理' }) });
      return r.status;
    });
    assert.equal(created, 201);
    await go('/providers/fit');
    await page.getByTestId('fit-workload').click();
    await page.getByRole('option', { name: '販売管理' }).click();
    await page.getByTestId('requirements-form').waitFor();
    const form = page.getByTestId('requirements-form');
    await form.getByLabel('利用の種類').selectOption('saas');
    await form.getByLabel('データを国内に保管すること').check();
    await form.getByLabel('稼働率(%)').fill('99.7');
    await form.getByLabel('停止時間の上限(時間)').fill('12');
    await form.getByLabel('障害からの回復(時間以内)').fill('12');
    await form.getByLabel('インターフェイス(他システムとの連携)').fill('会計システムへ日次でCSV連携');
    await page.getByTestId('compare-providers').click();
    await page.getByRole('option', { name: copied }).click();
    await page.getByRole('option', { name: 'グローバルクラウド' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('save-requirements').click();
    await page.getByText('条件を保存しました。').waitFor();
    const findings = page.getByTestId('sla-findings');
    await findings.getByText('稼働率99.7%で許容される停止時間は1年あたり26.28時間ですが、上限は12時間です。この上限には稼働率99.863%以上が必要です。').waitFor();
    const matrix = page.getByTestId('fit-matrix');
    await matrix.getByRole('columnheader', { name: 'グローバルクラウド' }).waitFor();
    const totals = page.getByTestId('fit-totals');
    await totals.getByText('候補').waitFor();
    await totals.getByText('足切り').waitFor();
    await matrix.getByTestId('judge-interfaces').first().selectOption('fits');
    await page.getByTestId('save-requirements').click();
    await page.getByText('条件を保存しました。').waitFor();
    await shotBoth(page, 'provider-fit', { ready: 'fit-matrix' });
  });

  await step('the SLA calculator both ways, combined services, and a recovery time longer than the downtime allowed', async () => {
    await go('/providers/sla');
    await page.getByRole('heading', { level: 1, name: 'SLA計算' }).waitFor();
    await page.getByTestId('sla-allowed').getByText('年間 26.28時間(1.09日)').waitFor();
    await page.getByTestId('sla-needed').getByText('稼働率 99.863% 以上が必要です').waitFor();
    await page.getByTestId('sla-check-findings').getByText(/回復時間24時間の障害が1回起きるだけで/).waitFor();
    await shotBoth(page, 'sla-calculator');
  });
});
