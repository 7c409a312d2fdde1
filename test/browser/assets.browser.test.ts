import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { createSession, SESSION_COOKIE } from '../../src/server/platform/auth/session.ts';
import { insertUser } from '../../src/server/platform/auth/user.repository.ts';
import type { Config } from '../../src/server/platform/config.ts';
import { insertMembership, insertOrganisation } from '../../src/server/platform/orgs/organisation.repository.ts';
import type { RunningServer } from '../../src/server/server.ts';
import { createBrowserKit, pageOf, ROOT } from '../helpers/browser.ts';

/**
 * The information-asset inventory through the real UI in headless Chromium,
 * against the real server (with its pg-boss worker), started as in
 * foundation.browser.test.ts: import the seed's example (図11) as a Shift_JIS
 * CSV → a file with errors (each row's problem shown, nothing written) → the
 * inventory (sort, search, bulk edit) → an asset, a concurrent edit refused,
 * its history → totals and the asset-model check (10,044万円 against 1億円)
 * → a large file whose progress survives leaving the page → export.
 * Screenshots in both languages go to artifacts/screenshots/assets/NN-name-<lang>.png.
 *
 * The organisation and its signed-in owner are written straight into the
 * database (set-up, MFA and sign-in have their own journey in foundation).
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const FIXTURES = path.join(ROOT, 'test/fixtures/asset-import');
// Seed 000 図11 writes departments as 資産の責任者: they are no members, the import creates them.
const DEPARTMENTS = ['販売管理', '営業課', '販売課', 'NW', '総務', '人事'];

const kit = createBrowserKit({
  shots: 'assets',
  rawKeyPrefixes: ['common', 'nav', 'errors', 'assets', 'imports'],
  ports: [3500, 3599],
  // The import wizard's file field sits behind its own button.
  fields: 'input:not([type=hidden]):not([type=file]), select, textarea',
  scrollToTop: true,
});
const { newContext, shotBoth, shotJa } = kit;

let server: RunningServer;
let config: Config;
let organisationId = '';
let ownerToken = '';

/** The API as the signed-in owner, from the test (for the concurrent edit). */
async function api(method: string, url: string, body?: unknown) {
  const cookie = `${SESSION_COOKIE}=${ownerToken}`;
  const session = await fetch(`${server.url}/api/v1/session`, { headers: { cookie } });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { cookie: `${cookie}; kumoji_csrf=${csrfToken}`, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

async function uploadInWizard(page: Page, file: string) {
  await page.goto(`${server.url}/assets/import`);
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('import-upload').click();
  await page.getByTestId('import-detected').waitFor();
}

before(async () => {
  ({ server, config } = await kit.start());
  const { db, pool } = server.database;
  const org = await insertOrganisation(db, '雲路商店株式会社');
  organisationId = org.id;
  await pool.query('update organisations set require_mfa = false where id = $1', [org.id]);
  const owner = await insertUser(db, { email: 'yamada@example.jp', displayName: '山田 太郎', passwordHash: '$argon2id$browser-test', locale: 'ja' });
  await insertMembership(db, org.id, owner.id, 'owner');
  await pool.query('update users set last_organisation_id = $1 where id = $2', [org.id, owner.id]);
  ownerToken = (await createSession(db, { userId: owner.id, organisationId: org.id, mfaPending: false, ipAddress: '127.0.0.1', userAgent: 'browser-test' }, config)).token;
});

after(() => kit.close());

test('asset inventory journey: import, errors, list, bulk edit, edit conflict, history, asset model, progress, export', { timeout: 300_000 }, async (t) => {
  const context = await newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: ownerToken, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await pageOf(context);
  const step = kit.steps(t, page, { withBrowserErrors: true });

  await step('the empty inventory, reached from the navigation', async () => {
    await page.goto(server.url);
    await page.getByRole('navigation').getByRole('link', { name: '資産目録' }).click();
    await page.waitForURL(/\/assets$/);
    await page.getByText('資産目録はまだ空です').waitFor();
    await shotBoth(page, 'inventory-empty');
  });

  await step("import the seed's table as printed (Shift_JIS, departments as owners): detected, mapped, checked, committed", async () => {
    await uploadInWizard(page, path.join(FIXTURES, 'seed-000-table-as-written.sjis.csv'));
    await page.getByTestId('import-detected').getByText('Shift_JIS（CP932）').waitFor();
    await page.getByTestId('import-mapping').waitFor();
    await shotBoth(page, 'import-mapping', { ready: 'import-mapping' });
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-ok').waitFor();
    assert.match(await page.getByTestId('import-ok').innerText(), /7 件の情報資産を登録できます/);
    const departments = await page.getByTestId('import-new-departments').innerText();
    for (const d of DEPARTMENTS) assert.match(departments, new RegExp(d));
    await page.getByTestId('import-notices').getByText(/ファイルでは 8万円、データ総件数 × 千円 では 7.5万円/).waitFor();
    assert.match(await page.getByTestId('import-notices').innerText(), /合計の行として読み飛ばしました（ファイルの合計 10,044万円、計算した合計 10,044万円）/);
    await shotBoth(page, 'import-preview', { ready: 'import-ok' });
    await page.getByTestId('import-commit').click();
    await page.getByText('7 件の情報資産を資産目録に登録しました').waitFor();
    await shotJa(page, 'import-committed');
  });

  await step('a file with errors: every row problem shown, nothing written', async () => {
    await uploadInWizard(page, path.join(FIXTURES, 'bad-values.csv'));
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-errors').waitFor();
    await page.getByTestId('import-issues').getByText(/ランクは A・B・C/).waitFor();
    const issues = await page.getByTestId('import-issues').innerText();
    assert.match(issues, /ランクは A・B・C のいずれか/);
    // A name that is no member becomes a department to create, shown apart from the errors.
    assert.match(await page.getByTestId('import-new-departments').innerText(), /山田太郎/);
    assert.match(issues, /9 行目と重複/);
    assert.equal(await page.getByTestId('import-commit').count(), 0);
    await shotBoth(page, 'import-errors', {
      // The server's messages come again in the new language.
      inEnglish: () => page.getByTestId('import-issues').getByText(/The rank must be A, B or C/).waitFor(),
    });
    await page.getByRole('button', { name: '取り込みを中止' }).click();
    await page.getByText('この取り込みは中止されました').waitFor();
  });

  await step('a file that is not a spreadsheet is refused with a clear message', async () => {
    await page.goto(`${server.url}/assets/import`);
    await page.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'legacy.xls'));
    await page.getByTestId('import-upload').click();
    await page.getByText('古い Excel 形式（.xls）').waitFor();
    await shotJa(page, 'import-refused');
  });

  await step('the inventory: 7 assets, sorted by total value, searched', async () => {
    await page.goto(`${server.url}/assets`);
    await page.getByTestId('asset-row').first().waitFor();
    assert.equal(await page.getByTestId('asset-row').count(), 7);
    assert.match(await page.getByTestId('asset-count').innerText(), /7 件/);
    await page.getByRole('button', { name: '資産総額で並べ替え' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=asset-row]')?.textContent?.includes('会員Mカード台帳'));
    await shotBoth(page, 'inventory');
    await page.getByTestId('asset-search').fill('台帳');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=asset-row]').length === 2);
    await shotJa(page, 'inventory-search');
    await page.getByTestId('asset-search').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=asset-row]').length === 7);
  });

  await step('bulk edit: two assets get a class and an owner at once', async () => {
    await page.getByRole('checkbox', { name: '「電話注文票」を選択' }).check();
    await page.getByRole('checkbox', { name: '「宅配業者情報」を選択' }).check();
    await page.getByTestId('bulk-edit').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('資産の分類区分').selectOption({ label: '情報・データ資産' });
    await dialog.getByLabel('資産の責任者').selectOption({ label: '山田 太郎' });
    // A dialog: the page behind it is inert, so only the visible window is checked and taken.
    kit.nextShot();
    await page.waitForTimeout(400);
    await kit.assertNoRawKeys(page);
    await page.screenshot({ path: kit.shotPath('bulk-edit-ja.png') });
    await dialog.getByTestId('bulk-apply').click();
    await page.getByText('2 件の情報資産を更新しました。').waitFor();
  });

  await step('an asset: edit, a concurrent edit refused, the history', async () => {
    await page.getByRole('link', { name: '「お得意様台帳」を開く' }).click();
    await page.getByTestId('computed-total').getByText('3,000万円').waitFor();
    await page.getByLabel('データ総件数').fill('210');
    await page.getByTestId('computed-total').getByText('3,150万円').waitFor();
    await page.getByTestId('asset-save').click();
    await page.getByText('保存しました。').waitFor();
    // Someone else saves meanwhile (version 2 → 3); this page still holds version 2.
    const id = page.url().split('/').pop()!;
    const other = await api('PATCH', `/api/v1/assets/${id}`, { notes: '別の担当者が更新', version: 2 });
    assert.equal(other.status, 200);
    await page.getByLabel('データ総件数').fill('220');
    await page.getByTestId('asset-save').click();
    await page.getByTestId('conflict').waitFor();
    await shotBoth(page, 'asset-conflict');
    await page.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await page.getByText('別の担当者が更新').first().waitFor();
    const history = await page.getByTestId('asset-history').innerText();
    assert.match(history, /データ総件数: 200 → 210/);
    assert.match(history, /取り込み/);
  });

  await step('totals and the asset-model check: 10,044万円 against revenue of 1億円', async () => {
    await server.database.pool.query('insert into organisation_profiles (organisation_id, annual_revenue_yen) values ($1, 100000000) on conflict (organisation_id) do update set annual_revenue_yen = 100000000', [organisationId]);
    // Back to the seed's figure: お得意様台帳 has 200 records again.
    const list = await api('GET', `/api/v1/assets?q=${encodeURIComponent('お得意様台帳')}`);
    const asset = (list.body.items as { id: string; version: number }[])[0];
    assert.equal((await api('PATCH', `/api/v1/assets/${asset.id}`, { records: 200, version: asset.version })).status, 200);
    await page.goto(`${server.url}/assets/summary`);
    await page.getByTestId('model-total').waitFor();
    assert.equal(await page.getByTestId('model-total').innerText(), '10,044万円');
    // The profile's revenue in the same words as the profile: 1億円, not 10,000万円.
    assert.equal(await page.getByTestId('model-revenue').innerText(), '1億円');
    assert.match(await page.getByTestId('model-verdict').innerText(), /資産モデルとして成立しています/);
    await page.locator('[data-testid=asset-model-chart][data-rendered=true]').waitFor();
    await shotBoth(page, 'asset-model');
  });

  await step('a large file: the progress bar survives leaving the page', async () => {
    const lines = ['情報資産名,媒体,内容,場所,資産の責任者,データ総件数,ランク,千円'];
    for (let i = 0; i < 20_000; i++) lines.push(`受注明細${String(i).padStart(5, '0')},電子媒体,会員番号、品名、数量、単価、${'備考'.repeat(10)},サーバ室,販売課,${i + 1},C,0.5`);
    const bytes = iconv.encode(lines.join('\r\n'), 'cp932');
    await page.goto(`${server.url}/assets/import`);
    await page.locator('input[type=file]').setInputFiles({ name: '受注明細.csv', mimeType: 'text/csv', buffer: bytes });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-validate').click();
    const progress = page.getByTestId('import-progress');
    // The job may be quicker than the page: the bar is photographed when it is seen.
    if (await progress.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      kit.nextShot();
      await page.screenshot({ path: kit.shotPath('import-progress-ja.png') });
    }
    const importUrl = page.url();
    // Leave, come back through the recent imports.
    await page.goto(`${server.url}/assets`);
    await page.goto(`${server.url}/assets/import`);
    await page.getByTestId('import-recent').getByRole('link', { name: '受注明細.csv' }).first().click();
    assert.equal(page.url(), importUrl);
    await page.getByTestId('import-ok').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page.getByText('20,000 件の情報資産を資産目録に登録しました').waitFor({ timeout: 60_000 });
    await page.goto(`${server.url}/assets`);
    // The whole inventory is counted from its totals: exact, however large.
    const { rows } = await server.database.pool.query<{ n: number }>('select count(*)::int as n from assets where organisation_id = $1', [organisationId]);
    assert.ok(rows[0].n >= 20_000);
    await page.getByTestId('asset-count').getByText(`${rows[0].n.toLocaleString('en-US')} 件`, { exact: true }).waitFor();
    await page.getByTestId('load-more').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=asset-row]').length === 100);
    await shotJa(page, 'inventory-large');
  });

  await step('export: CSV with BOM, neutralised formulas', async () => {
    await page.goto(`${server.url}/assets`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV で出力' }).click();
    const file = await (await download).path();
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.subarray(3).toString('utf8').startsWith('No,情報資産名,媒体,内容,場所,資産の責任者'));
  });

  await step('no script errors', async () => {
    assert.deepEqual(kit.errors, []);
  });
});
