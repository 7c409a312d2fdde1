import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { APIRequestContext } from 'playwright-core';
import { addMonths } from '../../src/shared/costs/cost-plan.rules.ts';
import { addDays, dateIn } from '../../src/shared/platform/calendar-date.ts';
import { createBrowserKit, pageOf, rawKeys } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The reports journey through the real UI in headless Chromium, against the
 * real server (PRODUCT.md capability 12): the executive's dashboard with its
 * heat map, loss curve, deadlines and cost chart over records of several
 * modules; a management report issued, printed in both languages and
 * downloaded as PDF, its pages turned into PNGs (pdftoppm) and read as text
 * (pdftotext); a second report saying what changed since the first.
 * Screenshots and PDF pages go to artifacts/screenshots/reports/.
 *
 * Needs `npx vite build` first (dist/web), Debian's /usr/bin/chromium with
 * fonts-noto-cjk, and poppler-utils for the PDF pages.
 */

const OWNER = { email: 'reports@example.jp', name: '松本 恵子', organisation: '雲路製作所株式会社' };
const PDF_WAIT = { timeout: 90_000 };
const kit = createBrowserKit({ shots: 'reports', rawKeyPrefixes: ['common', 'nav', 'errors', 'reports', 'operations', 'risks', 'costs', 'diagnosis'], ports: [4300, 4399], scrollToTop: true });
const { newContext, shotBoth } = kit;

let server: { url: string };
let setupUrl = '';

before(async () => {
  ({ server, setupUrl } = await kit.start());
});
after(() => kit.close());

/** Records of several modules, made through the API with the owner's session. */
async function seed(request: APIRequestContext) {
  const { csrfToken } = await (await request.get(`${server.url}/api/v1/session`)).json();
  const post = async (url: string, data: unknown) => {
    const r = await request.post(`${server.url}${url}`, { headers: { 'x-csrf-token': csrfToken }, data });
    assert.equal(r.status(), 201, `${url}: ${await r.text()}`);
    return r.json();
  };
  const today = dateIn('Asia/Tokyo', new Date());
  const month = today.slice(0, 7);
  await post('/api/v1/risks', { title: 'ランサムウェアによる業務停止', inherent: { annualFrequency: 2, lowYen: 1_000_000, highYen: 80_000_000 } });
  await post('/api/v1/risks', { title: '誤送信による個人情報の漏えい', inherent: { annualFrequency: 4, lowYen: 200_000, highYen: 5_000_000 } });
  await post('/api/v1/corrective-actions', { title: 'VPN機器のファームウェア更新', dueOn: addDays(today, -3) });
  await post('/api/v1/inspections', { title: 'バックアップログの確認', startsOn: addDays(today, 5), unit: 'months', every: 1 });
  // A monthly scan whose first round was done on its day and whose second is overdue: compliance 1 of 2.
  const scan = await post('/api/v1/inspections', { title: '脆弱性スキャン', startsOn: addDays(today, -40), unit: 'months', every: 1 });
  await post(`/api/v1/inspections/${scan.id}/completions`, { dueOn: addDays(today, -40), doneOn: addDays(today, -40), result: 'ok' });
  await post('/api/v1/control-assessments', { itemId: 'urn:kumoji:seed-004:government-controls:fsa-data-protection', status: 'implemented', reason: '顧客の個人データを扱うため' });
  await post('/api/v1/cost-scenarios', { name: 'IaaSへ移行', kind: 'cloud', initialYen: 3_000_000, runningYenPerYear: 12_000_000, hiddenYenPerYear: 1_200_000, years: 3, adopted: true, planStartMonth: addMonths(month, -2) });
  for (const [m, yen] of [[addMonths(month, -2), 3_900_000], [addMonths(month, -1), 1_150_000], [month, 1_020_000]] as const) {
    await post('/api/v1/cost-actuals', { month: m, category: 'running', amountYen: yen, description: 'クラウド利用料' });
  }
}

function pdfPages(pdf: Buffer, name: string): { pages: string[]; text: string } {
  kit.nextShot();
  const base = kit.shotPath(name);
  fs.writeFileSync(`${base}.pdf`, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', `${base}.pdf`, base]);
  const text = execFileSync('pdftotext', ['-layout', `${base}.pdf`, '-'], { encoding: 'utf8' });
  const raw = rawKeys(text, ['common', 'reports', 'operations', 'risks', 'costs', 'diagnosis', 'errors']);
  assert.equal(raw, null, `untranslated keys in ${name}: ${raw?.join(', ')}`);
  return { pages: fs.readdirSync(kit.shotsDir).filter((f) => f.startsWith(path.basename(base)) && f.endsWith('.png')), text };
}

test('reports journey: the dashboard, a management report in both languages and as PDF, and what changed', { timeout: 400_000 }, async (t) => {
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);

  await step('the dashboard over risks, deadlines, costs and actions', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    await seed(page.request);
    assert.ok((await mainNavLinks(page)).includes('経営ダッシュボード'));
    await page.getByRole('navigation').getByRole('link', { name: '経営ダッシュボード' }).click();
    await page.getByRole('heading', { level: 1, name: '経営ダッシュボード' }).waitFor();
    await page.getByTestId('risk-heat-map').waitFor();
    await page.getByTestId('risk-loss-curve').waitFor();
    await page.getByTestId('plan-chart').waitFor();
    const deadlines = page.getByTestId('dashboard-deadlines');
    await deadlines.getByRole('link', { name: '是正処置の期限: VPN機器のファームウェア更新' }).waitFor();
    await page.getByTestId('dashboard-decisions').getByText('期限を過ぎた是正処置が 1 件あります。').waitFor();
    await page.getByTestId('dashboard-inspections').getByText('50%').waitFor();
    assert.notEqual(await page.getByTestId('dashboard-controls').getByText(/^\d+%$/).first().innerText(), '—');
    await shotBoth(page, 'dashboard', { ready: 'plan-chart' });
  });

  let firstUrl = '';
  await step('a first management report, printable in Japanese and English', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '経営者向け報告書' }).click();
    await page.getByText('まだ報告書は発行されていません。').waitFor();
    await page.getByTestId('issue-report').click();
    await page.getByRole('heading', { level: 1, name: '経営者向け報告書 第1号' }).waitFor();
    await page.locator('article[lang=ja][data-report-ready=true]').waitFor();
    firstUrl = page.url();
    await page.getByText('初回の報告書のため、比較する前回の報告はありません。').waitFor();
    await page.getByTestId('report-decisions').getByText('期限を過ぎた是正処置が 1 件あります。').waitFor();
    await kit.assertNoRawKeys(page);
    kit.nextShot();
    await page.screenshot({ path: kit.shotPath('report-1-ja.png'), fullPage: true });
    await page.getByRole('radiogroup', { name: '報告書の言語' }).getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Management report No. 1' }).waitFor();
    await page.locator('article[lang=en][data-report-ready=true]').waitFor();
    await kit.assertNoRawKeys(page);
    await page.screenshot({ path: kit.shotPath('report-1-en.png'), fullPage: true });
  });

  await step('the PDF in both languages, read page by page', async () => {
    const sha = (await page.getByTestId('report-sha').innerText()).replace('SHA-256: ', '').trim();
    const en = page.waitForEvent('download', PDF_WAIT);
    await page.getByRole('link', { name: 'Download PDF' }).click();
    const enDownload = await en;
    assert.match(enDownload.suggestedFilename(), /^management-report-1-\d{4}-\d{2}-\d{2}-en\.pdf$/);
    const enPdf = pdfPages(fs.readFileSync((await enDownload.path())!), 'report-1-pdf-en');
    assert.ok(enPdf.pages.length >= 1);
    assert.match(enPdf.text, /Management report No\. 1[\s\S]*Decisions requested[\s\S]*Key figures/);
    assert.ok(enPdf.text.replace(/\s/g, '').includes(sha), 'the PDF carries the contents’ SHA-256');
    await page.getByRole('radiogroup', { name: 'Report language' }).getByText('日本語', { exact: true }).click();
    await page.locator('article[lang=ja][data-report-ready=true]').waitFor();
    const ja = page.waitForEvent('download', PDF_WAIT);
    await page.getByRole('link', { name: 'PDFをダウンロード' }).click();
    const jaPdf = pdfPages(fs.readFileSync((await (await ja).path())!), 'report-1-pdf-ja');
    assert.match(jaPdf.text, /経営者向け報告書 第1号[\s\S]*ご判断いただきたい事項[\s\S]*主要な数値/);
  });

  await step('a second report says what changed since the first', async () => {
    const { csrfToken } = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const r = await page.request.post(`${server.url}/api/v1/risks`, { headers: { 'x-csrf-token': csrfToken }, data: { title: '基幹システムの長時間停止', inherent: { annualFrequency: 1, lowYen: 5_000_000, highYen: 100_000_000 } } });
    assert.equal(r.status(), 201);
    await page.getByRole('link', { name: '報告書の一覧に戻る' }).click();
    await page.getByTestId('issue-report').click();
    await page.getByRole('heading', { level: 1, name: '経営者向け報告書 第2号' }).waitFor();
    const changes = page.getByTestId('report-changes');
    await changes.getByRole('row', { name: /登録リスク\s*2\s*3/ }).waitFor();
    assert.notEqual(page.url(), firstUrl);
    kit.nextShot();
    await page.screenshot({ path: kit.shotPath('report-2-ja.png'), fullPage: true });
    await page.goto(`${server.url}/reports/management`);
    await page.getByTestId('report-list').getByRole('link', { name: '第1号' }).waitFor();
    await shotBoth(page, 'report-list');
  });

  await step('the OSCAL documents: what each holds, downloaded in English', async () => {
    const { csrfToken } = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const judged = await page.request.post(`${server.url}/api/v1/control-assessments`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { itemId: 'urn:kumoji:public:iso27017:cld-9.5.1', applicable: false, reason: '仮想環境を自社で運用しないため' },
    });
    assert.equal(judged.status(), 201, await judged.text());
    await page.getByRole('navigation').getByRole('link', { name: 'OSCAL 出力' }).click();
    await page.getByRole('heading', { level: 1, name: 'OSCAL 形式での書き出し' }).waitFor();
    const documents = page.getByTestId('oscal-documents');
    await documents.getByText('完了していない是正処置: 1 件').waitFor();
    await documents.getByText(/適用しない管理策 1 件を理由とともに除外します/).waitFor();
    await page.getByTestId('oscal-catalogs').getByRole('row', { name: /ISO\/IEC 27017/ }).getByText('1 件(うち適用しない 1 件)').waitFor();
    await shotBoth(page, 'oscal', { ready: 'oscal-catalogs' });
    await page.getByRole('radiogroup', { name: '文書の言語' }).getByText('English', { exact: true }).click();
    const download = page.waitForEvent('download');
    await documents.getByRole('link', { name: 'ダウンロード: 是正処置の計画とマイルストーン(POA&M)' }).click();
    const poamFile = await download;
    assert.match(poamFile.suggestedFilename(), /^kumoji-oscal-poam-\d{4}-\d{2}-\d{2}-en\.json$/);
    const poam = JSON.parse(fs.readFileSync((await poamFile.path())!, 'utf8'))['plan-of-action-and-milestones'];
    assert.equal(poam.metadata.title, 'Plan of action and milestones (POA&M) of the corrective actions');
    assert.deepEqual(poam['poam-items'].map((i: { title: string }) => i.title), ['VPN機器のファームウェア更新']);
  });

  assert.deepEqual(kit.errors, [], 'no script errors or CSP violations in the browser');
});
