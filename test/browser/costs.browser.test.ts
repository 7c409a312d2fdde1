import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { addMonths } from '../../src/shared/costs/cost-plan.rules.ts';
import { dateIn } from '../../src/shared/platform/calendar-date.ts';
import { createBrowserKit, exactly, pageOf, switchLanguage } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The costs journey through the real UI in headless Chromium, against the
 * real server (issue 13, costs): a cloud scenario without a baseline shows
 * no comparison; the on-premises baseline registered; then the scenario's
 * NPV, ROI, payback and its cumulative cost chart against the baseline;
 * the scenario checked against stage 2's budget guide and adopted as the
 * plan; actual costs entered by hand and imported from a CSV, and the plan
 * against actual with its variance by category and month.
 * Screenshots in both languages go to artifacts/screenshots/costs/.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'costs@example.jp', name: '高橋 誠', organisation: '雲路商事株式会社' };

const kit = createBrowserKit({ shots: 'costs', rawKeyPrefixes: ['common', 'nav', 'errors', 'costs'], ports: [4200, 4299], scrollToTop: true });
const { newContext, shotBoth } = kit;

let setupUrl = '';

before(async () => {
  ({ setupUrl } = await kit.start());
});
after(() => kit.close());

test('costs journey: a cloud scenario against the on-premises baseline', { timeout: 300_000 }, async (t) => {
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);

  await step('set-up and the empty comparison', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    assert.ok((await mainNavLinks(page)).includes('コスト比較(TCO・ROI)'));
    await page.getByRole('navigation').getByRole('link', { name: 'コスト比較(TCO・ROI)' }).click();
    await page.getByRole('heading', { level: 1, name: 'コスト比較(TCO・ROI)' }).waitFor();
    await page.getByText('まだオンプレミスのベースラインがありません。').waitFor();
  });

  await step('a cloud scenario with reserved capacity: no comparison without a baseline', async () => {
    await page.getByRole('link', { name: 'シナリオを追加' }).click();
    await page.getByLabel(exactly('名前')).fill('IaaSへ移行');
    await page.getByLabel(exactly('初期導入コスト(円)')).fill('10000000');
    await page.getByLabel(exactly('ランニングコスト(円/年)')).fill('10000000');
    await page.getByLabel(exactly('隠れコスト(円/年)')).fill('1000000');
    await page.getByLabel(exactly('リザーブドで購入する割合(%)')).fill('50');
    await page.getByLabel(exactly('リザーブドの割引率(%)')).fill('40');
    await page.getByLabel(exactly('割引率(%/年)')).fill('0');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('シナリオを登録しました。').waitFor();
    // The notice follows the language it is read in.
    await switchLanguage(page, 'en');
    await page.getByText('The scenario has been added.').waitFor();
    await switchLanguage(page, 'ja');
    await page.getByText('シナリオを登録しました。').waitFor();
    await page.getByRole('link', { name: 'コスト比較に戻る' }).click();
    await page.getByText('年間コスト: 900万円').waitFor();
    await page.getByText('ベースラインを登録すると比較が表示されます。').waitFor();
  });

  await step('the baseline registered: NPV, ROI, payback and the chart', async () => {
    await page.getByRole('link', { name: 'ベースラインを登録' }).click();
    await page.getByLabel(exactly('名前')).fill('現行のオンプレミス');
    await page.getByLabel(exactly('ランニングコスト(円/年)')).fill('12000000');
    await page.getByLabel(exactly('隠れコスト(円/年)')).fill('3000000');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('シナリオを登録しました。').waitFor();
    await page.getByRole('link', { name: 'コスト比較に戻る' }).click();
    const card = page.getByTestId('scenario-card');
    await card.getByTestId('npv').getByText('2,000万円').waitFor();
    await card.getByTestId('roi').getByText('200%').waitFor();
    await card.getByTestId('payback').getByText('1.7年').waitFor();
    await page.getByTestId('cost-chart').waitFor();
    await shotBoth(page, 'costs', { ready: 'cost-chart' });
  });

  // The plan starts two months ago, so the current month is its third (the app reviews through the current month in Japan).
  const now = dateIn('Asia/Tokyo', new Date()).slice(0, 7);
  const start = addMonths(now, -2);

  await step('stage 2’s budget guide, and the scenario adopted as the plan', async () => {
    await page.getByRole('link', { name: 'IaaSへ移行' }).click();
    await page.getByLabel(exactly('対象の段階(予算の目安)')).selectOption('2');
    await page.getByLabel(exactly('承認済みの予算計画として採用する')).check();
    await page.getByLabel(exactly('計画の開始月')).fill(start);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('シナリオを保存しました。').waitFor();
    await page.getByRole('link', { name: 'コスト比較に戻る' }).click();
    const card = page.getByTestId('scenario-card');
    await card.getByTestId('adopted-badge').waitFor();
    // First year: 10M initial + 9M a year, against stage 2's 1-5 million yen.
    assert.match(await card.getByTestId('budget-check').innerText(), /目安を上回っています: 目安 100万円〜500万円、初年度の費用 1,900万円/);
  });

  await step('an actual cost by hand, then a CSV of the rest: the plan against actual', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '計画と実績' }).click();
    await page.getByRole('heading', { level: 1, name: '計画と実績(差異分析)' }).waitFor();
    await page.getByText('まだ実績がありません。', { exact: false }).waitFor();
    await page.getByRole('link', { name: '実績を追加' }).click();
    await page.getByLabel(exactly('計上月')).fill(start);
    await page.getByLabel(exactly('区分')).selectOption('initial');
    await page.getByLabel(exactly('金額(円)')).fill('10500000');
    await page.getByLabel(exactly('内容')).fill('移行作業の委託費');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('実績を登録しました。').waitFor();
    await page.getByRole('link', { name: '計画と実績に戻る' }).click();
    await page.getByTestId('plan-status').waitFor();

    const dir = mkdtempSync(path.join(tmpdir(), 'kumoji-actuals-'));
    const file = path.join(dir, 'actuals.csv');
    const rows = [
      ['計上月', '区分', '金額(円)', '内容', '備考'],
      [start, 'ランニングコスト', '"800,000"', 'クラウド利用料', ''],
      [addMonths(start, 1), 'ランニングコスト', '"820,000"', 'クラウド利用料', ''],
      [addMonths(start, 1), '隠れコスト', '"90,000"', '運用監視', ''],
      [now, 'ランニングコスト', '"△20,000"', 'クーポン適用', '値引き'],
    ];
    writeFileSync(file, `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
    await page.getByRole('link', { name: 'CSV・Excel から取り込む' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-ok').waitFor();
    await shotBoth(page, 'actual-import-preview', { ready: 'import-ok' });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-committed').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: '計画と実績' }).click();
    // Plan so far: 10M initial + 3 months of 750,000 (9M a year); actual: 10.5M + 800k + 820k + 90k − 20k.
    await page.getByTestId('plan-total').getByText('1,225万円').waitFor();
    await page.getByTestId('actual-total').getByText('1,219万円').waitFor();
    assert.equal(await page.getByTestId('actual-row').count(), 5);
    assert.match(await page.getByTestId('category-variance').innerText(), /初期費用\s+1,000万円\s+1,050万円\s+\+50万円\s+\+5%/);
    await page.getByTestId('plan-chart').waitFor();
    await shotBoth(page, 'plan-review', { ready: 'plan-chart' });
  });
  await context.close();
});
