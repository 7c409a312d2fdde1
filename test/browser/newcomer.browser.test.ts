import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/server.ts';
import { createBrowserKit, pageOf, switchLanguage } from '../helpers/browser.ts';
import { setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * What a newcomer meets first, on a 1366×768 laptop screen: the home page
 * with the journey (stage, gate, next step) in both languages; the roadmap,
 * where an owner chosen on an item without a task and a due date typed at
 * once are both kept, a task changed elsewhere first is a visible conflict,
 * and the table fits the screen with its notes column; the report's PDF,
 * where the summary cards and the profile table keep their right borders.
 * Screenshots go to artifacts/screenshots/newcomer/.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'daihyo@example.jp', name: '山本 花子', organisation: '雲路商事株式会社' };
const VIEWPORT = { width: 1366, height: 768 };
/** The PDF's page drawn at this resolution; its side margins are 12 mm (pdf.renderer.ts). */
const PDF_DPI = 144;

/**
 * The first page of a PDF as grey pixels (pdftoppm, poppler-utils), and the
 * longest run of drawn pixels down any column of a band: a box's border is
 * a line as tall as the box, text only makes short ones.
 */
function firstPageGray(pdfFile: string) {
  const out = pdfFile.replace(/\.pdf$/, '-gray');
  execFileSync('pdftoppm', ['-gray', '-r', String(PDF_DPI), '-f', '1', '-l', '1', '-singlefile', pdfFile, out]);
  const pgm = fs.readFileSync(`${out}.pgm`);
  // Binary PGM: "P5", width, height, maximum value, each followed by one whitespace byte, then the pixels.
  const header: string[] = [];
  let offset = 0;
  while (header.length < 4) {
    let field = '';
    while (pgm[offset] > 0x20) field += String.fromCharCode(pgm[offset++]);
    offset++;
    if (field) header.push(field);
  }
  const [width, height] = [Number(header[1]), Number(header[2])];
  const drawn = (x: number, y: number) => pgm[offset + y * width + x] < 235;
  const longestLine = (from: number, to: number) => {
    let best = 0;
    for (let x = Math.max(0, from); x <= Math.min(width - 1, to); x++) {
      for (let y = 0, run = 0; y < height; y++) {
        run = drawn(x, y) ? run + 1 : 0;
        best = Math.max(best, run);
      }
    }
    return best;
  };
  return { width, margin: Math.round((12 / 25.4) * PDF_DPI), longestLine };
}

const kit = createBrowserKit({
  shots: 'newcomer',
  rawKeyPrefixes: ['common', 'nav', 'shell', 'roles', 'roleDescriptions', 'home', 'members', 'organisation', 'errors', 'diagnosis'],
  ports: [3400, 3499],
  provokedStatuses: [409],
  scrollToTop: true,
  viewport: VIEWPORT,
});
const { newContext, shotBoth } = kit;

let server: RunningServer;
let setupUrl = '';

before(async () => {
  ({ server, setupUrl } = await kit.start());
});

after(() => kit.close());

async function chooseOption(page: Page, input: ReturnType<Page['getByLabel']>, option: string) {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The API as another tab of the same member would use it. */
async function apiAs(context: BrowserContext) {
  const session = await (await context.request.get(`${server.url}/api/v1/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken as string, 'content-type': 'application/json' };
  return {
    get: async (path: string) => (await context.request.get(`${server.url}${path}`)).json(),
    patch: (path: string, data: unknown) => context.request.patch(`${server.url}${path}`, { headers, data }),
  };
}

test('a newcomer: the journey at home, roadmap edits kept, a visible conflict, layouts that fit', { timeout: 300_000 }, async (t) => {
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page, { withBrowserErrors: true });
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
  const tasks: string[] = [];
  let inFlight = 0;
  const isApi = (url: string) => url.includes('/api/v1/');
  page.on('request', (r) => void (isApi(r.url()) && inFlight++));
  page.on('requestfinished', (r) => void (isApi(r.url()) && inFlight--));
  page.on('requestfailed', (r) => void (isApi(r.url()) && inFlight--));
  page.on('response', (r) => {
    const method = r.request().method();
    if (r.url().includes('/api/v1/roadmap/tasks') && method !== 'GET') tasks.push(`${method} ${r.status()}`);
  });
  /** Until no API request has been open for half a second (the saves and the roadmap read after them). */
  const settled = async () => {
    for (let quiet = 0, i = 0; quiet < 5 && i < 300; i++) {
      await page.waitForTimeout(100);
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
    assert.equal(inFlight, 0, 'the page settled');
  };

  await step('set-up and MFA', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
  });

  await step('home: a new organisation sees where it stands and that the next step is to start the diagnosis', async () => {
    await h1('ホーム');
    await page.getByTestId('home-stage').getByText('第0段階').first().waitFor();
    await page.getByTestId('home-gate').getByText(/^次は第1段階/).waitFor();
    const next = page.getByTestId('home-next-step');
    await next.getByRole('link', { name: '診断を始める' }).waitFor();
    await page.getByTestId('home-due').getByText('期限を設定したタスクはまだありません。', { exact: false }).waitFor();
    // The journey comes first; the members and audit shortcuts follow it.
    const order = await page.getByRole('main').locator('h2').allInnerTexts();
    assert.equal(order[0], 'クラウド移行の現在地', `sections in order: ${order.join(' / ')}`);
    assert.ok(order.indexOf('組織とアカウント') > order.indexOf('クラウド移行の現在地'));
    await shotBoth(page, 'home', {
      inEnglish: async () => {
        await page.getByTestId('home-stage').getByText('Stage 0').first().waitFor();
        await page.getByTestId('home-next-step').getByRole('link', { name: 'Start the diagnosis' }).waitFor();
        await page.getByTestId('home-gate').getByText(/^Next: Stage 1/).waitFor();
      },
    });
    await next.getByRole('link', { name: '診断を始める' }).click();
    await page.waitForURL('**/organisation-profile');
  });

  await step('roadmap at 1366 px: the table does not scroll sideways and shows its notes column', async () => {
    await page.goto(`${server.url}/roadmap`);
    await h1('ロードマップ');
    const table = page.locator('#roadmap-stage-0 table');
    await table.waitFor();
    const fit = await table.evaluate((el) => {
      let box: HTMLElement | null = el.parentElement;
      while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      return { scrollWidth: box?.scrollWidth ?? 0, clientWidth: box?.clientWidth ?? 0, page: document.documentElement.scrollWidth, window: window.innerWidth };
    });
    assert.ok(fit.scrollWidth <= fit.clientWidth, `the table scrolls sideways: ${fit.scrollWidth} > ${fit.clientWidth}`);
    assert.ok(fit.page <= fit.window, `the page scrolls sideways: ${fit.page} > ${fit.window}`);
    const notes = page.locator('#roadmap-stage-0').getByRole('columnheader', { name: 'メモ・証跡' });
    const header = (await notes.boundingBox())!;
    const area = (await table.evaluate((el) => el.parentElement!.getBoundingClientRect().toJSON())) as { x: number; width: number };
    assert.ok(header.x + header.width <= area.x + area.width + 1, `the notes column is cut: ${header.x + header.width} > ${area.x + area.width}`);
    assert.ok(header.x + header.width <= VIEWPORT.width);
  });

  const row = () => page.getByTestId('task-row').first();
  const owner = () => row().getByLabel(/の担当者$/);
  const due = () => row().getByLabel(/の期限$/);

  await step('roadmap: an owner chosen on an item without a task, a due date typed at once: both kept, no 409', async () => {
    assert.equal(await owner().inputValue(), '', 'the first item has no task yet');
    await chooseOption(page, owner(), OWNER.name);
    await due().fill('2026-12-25');
    await settled();
    await page.reload();
    await h1('ロードマップ');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(tasks, ['POST 201', 'PATCH 200'], 'the due date went as a PATCH after the create');
    assert.equal(await owner().inputValue(), OWNER.name);
    assert.equal(await due().inputValue(), '2026-12-25');
  });

  await step('roadmap: a task changed in another session first is a visible, translated conflict with a reload', async () => {
    const api = await apiAs(context);
    const roadmap = await api.get('/api/v1/roadmap');
    const task = roadmap.stages.flatMap((s: { items: { task: { id: string; version: number } | null }[] }) => s.items).find((i: { task: unknown }) => i.task).task;
    const res = await api.patch(`/api/v1/roadmap/tasks/${task.id}`, { dueDate: '2027-01-15', version: task.version });
    assert.equal(res.status(), 200);
    await chooseOption(page, row().getByLabel(/の状況$/), '対応中');
    const problem = page.getByTestId('task-problem');
    await problem.getByText('のタスクを先に更新したため、この変更は保存されていません。', { exact: false }).waitFor();
    await kit.shotJa(page, 'roadmap-conflict', { fullPage: false });
    await problem.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await problem.waitFor({ state: 'detached' });
    for (let i = 0; i < 50 && (await due().inputValue()) !== '2027-01-15'; i++) await page.waitForTimeout(100);
    assert.equal(await due().inputValue(), '2027-01-15', 'the other session’s date is shown after the reload');
    await switchLanguage(page, 'en');
    await chooseOption(page, row().getByLabel(/^Status of /), 'In progress');
    await settled();
    assert.equal(await page.getByTestId('task-problem').count(), 0, 'after the reload the change saves');
    await switchLanguage(page, 'ja');
  });

  await step('the report PDF: the right borders of the summary cards and the profile table are on the page', async () => {
    const pdf = await context.request.get(`${server.url}/api/v1/diagnosis/report/export?format=pdf&lang=ja`);
    assert.equal(pdf.status(), 200);
    kit.nextShot();
    const file = kit.shotPath('report.pdf');
    fs.writeFileSync(file, await pdf.body());
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, kit.shotPath('report-pdf')]);
    const page1 = firstPageGray(file);
    // The boxes' left borders draw long vertical lines at the left margin; their right borders must draw as long ones at the right margin.
    const left = page1.longestLine(page1.margin - 8, page1.margin + 8);
    const right = page1.longestLine(page1.width - page1.margin - 8, page1.width - page1.margin + 8);
    assert.ok(left > 100, `the left borders are found (${left} px)`);
    assert.ok(right >= left * 0.9, `right borders cut: the longest vertical line at the right margin is ${right} px, at the left ${left} px`);
  });

  assert.deepEqual(kit.errors, [], 'no script errors or CSP violations in the browser');
});
