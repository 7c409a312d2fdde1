import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBrowserKit, exactly, pageOf, switchLanguage } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The costs journey through the real UI in headless Chromium, against the
 * real server (issue 13, costs): a cloud scenario without a baseline shows
 * no comparison; the on-premises baseline registered; then the scenario's
 * NPV, ROI, payback and its cumulative cost chart against the baseline.
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
  await context.close();
});
