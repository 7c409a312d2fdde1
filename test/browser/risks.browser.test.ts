import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createBrowserKit, exactly, pageOf } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The risks journey through the real UI in headless Chromium, against the
 * real server (issue 10): three risks recorded from the threat lists and in
 * the organisation's words, one transferred to a cyber insurance policy, and
 * the loss-exceedance curve and its figures moving when the cover is added;
 * a review and a changed estimate marked as a move on the heat map; the
 * register exported; and the organisation's own scale re-rating the register.
 * Screenshots in both languages go to artifacts/screenshots/risks/.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'risk@example.jp', name: '佐藤 花子', organisation: '雲路商事株式会社' };

const kit = createBrowserKit({ shots: 'risks', rawKeyPrefixes: ['common', 'nav', 'errors', 'risks'], ports: [3600, 3699], scrollToTop: true });
const { newContext, shotBoth, shotJa } = kit;

let setupUrl = '';

before(async () => {
  ({ setupUrl } = await kit.start());
});
after(() => kit.close());

async function recordRisk(page: Page, r: { title: string; threat?: string; threatText?: string; frequency: string; low: string; high: string }) {
  await page.goto(new URL('/risks/new', page.url()).href);
  await page.getByRole('heading', { level: 1, name: 'リスクの登録' }).waitFor();
  await page.getByLabel(exactly('リスク名')).fill(r.title);
  if (r.threat) await page.getByLabel('脅威', { exact: true }).selectOption({ label: r.threat });
  if (r.threatText) await page.getByLabel('一覧にない脅威').fill(r.threatText);
  const inherent = page.locator('#inherent');
  await inherent.getByLabel(/年間発生頻度/).fill(r.frequency);
  await inherent.getByLabel(/下限/).fill(r.low);
  await inherent.getByLabel(/上限/).fill(r.high);
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByText('登録しました。').waitFor();
}

/** The analysis page's net-of-insurance expected annual loss, as shown. */
async function netFigures(page: Page): Promise<string> {
  await page.goto(new URL('/risks/analysis', page.url()).href);
  await page.getByRole('heading', { level: 1, name: 'リスク分析' }).waitFor();
  await page.getByTestId('risk-loss-curve').locator('svg').first().waitFor();
  return (await page.getByTestId('figures-netOfInsurance').innerText()).trim();
}

test('risks journey: three risks, one insured, the curve moves', { timeout: 300_000 }, async (t) => {
  assert.match(setupUrl, /\/setup\?token=/);
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);

  await step('set-up and the empty register', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    assert.ok((await mainNavLinks(page)).includes('リスク'));
    await page.getByRole('navigation').getByRole('link', { name: 'リスク' }).click();
    await page.getByRole('heading', { level: 1, name: 'リスク登録簿' }).waitFor();
    await page.getByText('まだリスクが登録されていません').waitFor();
  });

  await step('three risks: two from the latest list, one in our own words; a bad range is refused at the field', async () => {
    await recordRisk(page, { title: 'ランサムウェアによる基幹システム停止', threat: '1. ランサム攻撃による被害', frequency: '0.3', low: '5000000', high: '200000000' });
    await shotBoth(page, 'risk-form');
    await recordRisk(page, { title: '取引先経由の不正侵入', threat: '2. サプライチェーンや委託先を狙った攻撃', frequency: '0.2', low: '2000000', high: '50000000' });
    // A low end above the high end: the message sits at the field and nothing is stored.
    await page.goto(new URL('/risks/new', page.url()).href);
    await page.getByLabel(exactly('リスク名')).fill('誤った範囲');
    const inherent = page.locator('#inherent');
    await inherent.getByLabel(/年間発生頻度/).fill('1');
    await inherent.getByLabel(/下限/).fill('9000000');
    await inherent.getByLabel(/上限/).fill('1000000');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('下限（5パーセンタイル）が上限（95パーセンタイル）を上回っています。', { exact: false }).waitFor();
    await shotJa(page, 'risk-bad-range');
    await recordRisk(page, { title: '退職者による顧客情報の持ち出し', threatText: '退職予定者が顧客台帳を私用の記憶媒体に複製する', frequency: '0.5', low: '1000000', high: '30000000' });
    await page.goto(new URL('/risks', page.url()).href);
    await page.getByTestId('risk-row').nth(2).waitFor();
    assert.equal(await page.getByTestId('risk-row').count(), 3);
    await shotBoth(page, 'risk-list');
  });

  const before = await (async () => {
    let text = '';
    await step('the analysis before any cover', async () => {
      text = await netFigures(page);
      await page.getByTestId('risk-heat-map').locator('svg').first().waitFor();
      await shotBoth(page, 'risk-analysis-before');
    });
    return text;
  })();

  await step('a cyber insurance policy, and the ransomware risk transferred to it', async () => {
    await page.goto(new URL('/risks/insurance/new', page.url()).href);
    await page.getByLabel(exactly('契約名')).fill('サイバー保険 2026年度');
    await page.getByLabel('保険会社').fill('雲路損害保険');
    await page.getByLabel(/1事故あたりの支払限度額/).fill('100000000');
    await page.getByLabel(/免責金額/).fill('1000000');
    await page.getByLabel(/通知期限/).fill('30');
    await page.getByLabel('保険期間の開始日').fill('2026-04-01');
    await page.getByLabel('保険期間の終了日').fill('2027-03-31');
    await shotBoth(page, 'insurance-form');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('登録しました。').waitFor();
    await page.goto(new URL('/risks', page.url()).href);
    await page.getByRole('link', { name: 'ランサムウェアによる基幹システム停止' }).click();
    await page.getByTestId('risk-summary').waitFor();
    await page.getByRole('combobox', { name: 'リスク対応', exact: true }).selectOption('transfer');
    await page.getByRole('combobox', { name: '保険契約', exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('保存しました。').waitFor();
  });

  await step('the net-of-insurance figures and curve move', async () => {
    const after = await netFigures(page);
    assert.notEqual(after, before, 'the net-of-insurance row changed');
    const ale = (s: string) => s.split(/\s+/)[1]!;
    assert.notEqual(ale(after), ale(before));
    await shotBoth(page, 'risk-analysis-after');
  });

  await step('a review, then a worse estimate: the heat map marks the move', async () => {
    await page.goto(new URL('/risks', page.url()).href);
    await page.getByRole('link', { name: '退職者による顧客情報の持ち出し' }).click();
    await page.getByTestId('risk-summary').waitFor();
    const reviewed = page.waitForResponse((r) => r.url().endsWith('/reviews') && r.status() === 200);
    // The review changes the record's version: the form takes the record read again after it, and an
    // edit typed before that read arrives would be replaced by it (on a busy machine it arrives late).
    const reread = page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/v1\/risks\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname));
    await page.getByRole('button', { name: '見直しを記録する' }).click();
    await reviewed;
    await reread;
    await page.getByText(/次回見直し日: \d{4}-\d{2}-\d{2}/).waitFor();
    await page.locator('#inherent').getByLabel(/年間発生頻度/).fill('4');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('保存しました。').waitFor();
    await page.goto(new URL('/risks/analysis', page.url()).href);
    const moved = page.getByTestId('moved-risks');
    await moved.waitFor();
    assert.ok((await moved.innerText()).replace(/\s+/g, ' ').includes('退職者による顧客情報の持ち出し 可能性3・影響3 → 可能性5・影響3(悪化)'), await moved.innerText());
    await page.getByTestId('risk-heat-map').locator('svg').first().waitFor();
    await shotBoth(page, 'risk-analysis-moved');
  });

  await step('the register exported as CSV and Excel', async () => {
    await page.goto(new URL('/risks', page.url()).href);
    await page.getByTestId('risk-row').nth(2).waitFor();
    for (const [name, format] of [['CSVで書き出す', 'csv'], ['Excelで書き出す', 'xlsx']] as const) {
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), new RegExp(`^リスク登録簿-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      const bytes = await new Promise<Buffer>((resolve, reject) => {
        void file.createReadStream().then((stream) => {
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => resolve(Buffer.concat(parts)));
          stream.on('error', reject);
        }, reject);
      });
      if (format === 'csv') {
        const text = bytes.toString('utf8');
        for (const title of ['ランサムウェアによる基幹システム停止', '取引先経由の不正侵入', '退職者による顧客情報の持ち出し']) assert.ok(text.includes(title), title);
        assert.ok(text.includes('サイバー保険 2026年度'), 'the policy is named');
      } else {
        assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a workbook');
      }
    }
  });

  await step("the organisation's own scale: one impact band fewer re-rates the register", async () => {
    await page.goto(new URL('/risks', page.url()).href);
    await page.getByRole('link', { name: '評価尺度' }).click();
    await page.getByRole('heading', { level: 1, name: '評価尺度' }).waitFor();
    await page.getByText('現在は標準の5×5の尺度を使っています。').waitFor();
    await shotBoth(page, 'risk-scale');
    await page.getByTestId('impact-bands').getByRole('button', { name: '最後の段階を削除' }).click();
    await page.getByTestId('save-scale').click();
    await page.getByText('尺度を保存しました。', { exact: false }).waitFor();
    await page.goto(new URL('/risks/analysis', page.url()).href);
    await page.getByTestId('risk-heat-map').locator('svg').first().waitFor();
    const analysis = (await page.evaluate(async () => (await fetch('/api/v1/risk-analysis?years=1000')).json())) as { heatMap: { residual: unknown[] }; moved: unknown[] };
    assert.equal(analysis.heatMap.residual.length, 20, '5 likelihood × 4 impact bands');
    assert.deepEqual(analysis.moved, [], 'the bands moved: marks start again from the next review');
    await shotJa(page, 'risk-analysis-own-scale');
  });

  await step('the threat impact assessment: the 2019 list (the study’s “2020”), one threat judged, kept after a reload, and recorded as a risk', async () => {
    await page.goto(new URL('/risks', page.url()).href);
    await page.getByRole('link', { name: '脅威の影響評価' }).click();
    await page.getByRole('heading', { level: 1, name: '脅威の影響評価' }).waitFor();
    await page.getByTestId('threat-row').nth(9).waitFor();
    await page.getByLabel('年版').selectOption('2019');
    await page.getByText('調査研究の表2では「2020」と表記されていますが、内容は2019年版の10項目です。').waitFor();
    const row = page.getByTestId('threat-row').nth(4);
    await row.getByText('調査研究の記入例: 売上激減 影響大').waitFor();
    await row.getByRole('combobox', { name: /売上激減$/ }).selectOption('large');
    await row.getByRole('combobox', { name: /顧客離れ$/ }).selectOption('medium');
    await row.getByRole('button', { name: '保存' }).click();
    await row.getByText('保存しました。').waitFor();
    await page.getByText('10件のうち1件を評価済み、影響大は1件です。').waitFor();
    await shotBoth(page, 'threat-assessment');
    await page.reload();
    await page.getByLabel('年版').selectOption('2019');
    const again = page.getByTestId('threat-row').nth(4);
    assert.equal(await again.getByRole('combobox', { name: /売上激減$/ }).inputValue(), 'large');
    await again.getByRole('link', { name: 'リスクとして登録' }).click();
    await page.getByRole('heading', { level: 1, name: 'リスクの登録' }).waitFor();
    assert.equal(await page.getByLabel('脅威', { exact: true }).inputValue(), 'urn:kumoji:seed-000:threats:2019:5');
  });
});
