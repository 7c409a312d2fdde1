import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { createBrowserKit, exactly, pageOf } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The continuity journey through the real UI in headless Chromium, against
 * the real server (issue 13, continuity): a backup plan of two copies that
 * misses 3-2-1 point by point, given a NAS and an immutable cloud copy until
 * only the restore test is missing, then a clean restore test that meets
 * 3-2-1-1-0; the workload's RTO set tighter than the measured restore and
 * then eased; a cell of the BCP grid planned and approved; a drill of it
 * recorded with two findings opened as corrective actions.
 * Screenshots in both languages go to artifacts/screenshots/continuity/.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'continuity@example.jp', name: '佐藤 花子', organisation: '雲路物流株式会社' };

const kit = createBrowserKit({ shots: 'continuity', rawKeyPrefixes: ['common', 'nav', 'errors', 'continuity'], ports: [4100, 4199], scrollToTop: true });
const { newContext, shotBoth } = kit;

let server: { url: string };
let setupUrl = '';

before(async () => {
  ({ server, setupUrl } = await kit.start());
});
after(() => kit.close());

test('continuity journey: a backup plan to 3-2-1-1-0, a workload’s RTO, a BCP cell and a drill', { timeout: 300_000 }, async (t) => {
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);

  await step('set-up, a workload, and an empty list of plans', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    const { csrfToken } = await (await page.request.get(`${server.url}/api/v1/session`)).json();
    const made = await page.request.post(`${server.url}/api/v1/workloads`, { headers: { 'x-csrf-token': csrfToken }, data: { name: '受注管理' } });
    assert.equal(made.status(), 201);
    assert.ok((await mainNavLinks(page)).includes('バックアップ計画'));
    await page.getByRole('navigation').getByRole('link', { name: 'バックアップ計画' }).click();
    await page.getByRole('heading', { level: 1, name: 'バックアップ計画' }).waitFor();
    await page.getByText('まだバックアップ計画がありません。').waitFor();
  });

  await step('two copies on site: each missing point of 3-2-1 is named', async () => {
    await page.getByRole('button', { name: 'バックアップ計画を追加' }).or(page.getByRole('link', { name: 'バックアップ計画を追加' })).first().click();
    await page.getByLabel(exactly('データセット')).fill('受注データベース');
    const workloads = page.locator('input:not([type=hidden])').and(page.getByLabel('このデータを使うワークロード', { exact: true }));
    await workloads.click();
    await page.getByRole('option', { name: '受注管理' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel(exactly('コピーの名前')).fill('本番DBサーバー');
    await page.getByRole('button', { name: 'コピーを追加' }).click();
    await page.getByLabel(exactly('コピーの名前')).nth(1).fill('同じサーバーの別ディスク');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('バックアップ計画を登録しました。').waitFor();
    const scores = page.getByTestId('plan-scores');
    await scores.getByText('コピーが2つです。3つ以上必要です。').first().waitFor();
    await scores.getByText('媒体が1種類です。2種類以上の異なる媒体が必要です。').first().waitFor();
    await scores.getByText('オフサイトのコピーが0つです。1つ以上必要です。').first().waitFor();
    await scores.getByText('リストアテストの記録がありません。テストで復元を確かめてください。').waitFor();
  });

  await step('a NAS and an immutable, encrypted cloud copy: 3-2-1 met, only the restore test missing', async () => {
    await page.getByRole('button', { name: 'コピーを追加' }).click();
    await page.getByLabel(exactly('コピーの名前')).nth(1).fill('NAS');
    await page.getByLabel(exactly('媒体')).nth(1).selectOption('nas');
    await page.getByLabel(exactly('コピーの名前')).nth(2).fill('クラウドストレージ');
    await page.getByLabel(exactly('媒体')).nth(2).selectOption('objectStorage');
    await page.getByLabel(exactly('保管場所')).nth(2).selectOption('cloud');
    await page.getByTestId('copy-row').nth(2).getByLabel('イミュータブル(変更不可)').check();
    await page.getByTestId('copy-row').nth(2).getByLabel('暗号化').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('バックアップ計画を保存しました。').waitFor();
    await page.getByTestId('rule-3-2-1').getByText('3-2-1 満たしています').waitFor();
    await page.getByTestId('rule-3-2-1-1-0').getByText('3-2-1-1-0 4/5項目').waitFor();
  });

  await step('a restore test without errors meets 3-2-1-1-0', async () => {
    await page.getByLabel(exactly('所要時間(分)')).fill('180');
    await page.getByRole('button', { name: 'テスト結果を記録' }).click();
    await page.getByTestId('restore-test-row').waitFor();
    await page.getByTestId('rule-3-2-1-1-0').getByText('3-2-1-1-0 満たしています').waitFor();
    await shotBoth(page, 'backup-plan', { ready: 'plan-scores' });
    await page.getByRole('link', { name: 'バックアップ計画の一覧に戻る' }).click();
    await page.getByText('1件の計画があります。 3-2-1を満たす計画: 1件 3-2-1-1-0を満たす計画: 1件').waitFor();
    await shotBoth(page, 'backup-plans', { ready: 'plans-summary' });
    // Every plan's restore tests as one file, with the plan each belongs to.
    const download = page.waitForEvent('download');
    await page.getByTestId('restore-test-export').getByRole('link', { name: 'CSVで出力' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^リストアテスト-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    assert.match(csv, /^\uFEFFデータセット,実施日,所要時間\(分\),エラー数,備考\r?\n/);
    assert.match(csv, /,180,0,/);
  });

  await step("the workload's RTO: tighter than the measured restore, then eased", async () => {
    await page.getByRole('navigation').getByRole('link', { name: '復旧目標(RTO/RPO)' }).click();
    const row = page.getByTestId('recovery-row').filter({ hasText: '受注管理' });
    await row.getByText('RTOとRPOが未設定です').waitFor();
    await row.getByText('3時間').waitFor();
    await page.getByRole('button', { name: '受注管理の復旧目標を設定' }).click();
    await page.getByLabel(exactly('RTO(分)')).fill('120');
    await page.getByLabel(exactly('RPO(分)')).fill('1440');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await row.getByText('リストアの実測がRTOを超えています').waitFor();
    await page.getByRole('button', { name: '受注管理の復旧目標を設定' }).click();
    await page.getByLabel(exactly('RTO(分)')).fill('240');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await row.getByText('目標を満たしています').waitFor();
    await page.getByText('1件のワークロードのうち、目標を定めたものは1件、目標を満たしているものは1件です。').waitFor();
    await shotBoth(page, 'recovery', { ready: 'recovery-summary' });
  });

  await step('a cell of the BCP grid planned and approved', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'BCP・訓練' }).click();
    await page.getByRole('heading', { level: 1, name: 'BCP(事業継続計画)' }).waitFor();
    await page.getByText('15マスのうち、対応策が承認済みのものは0マス、12か月以内に訓練したものは0マスです。').waitFor();
    await page.getByRole('button', { name: '対応策を編集: 緊急時 × 地震、台風等の広域災害' }).click();
    await page.getByLabel(exactly('対応策')).fill('クラウド環境へフェールオーバーし、経営者とCSIRTに第一報を入れます。');
    await page.locator('input').and(page.getByLabel('担当部門', { exact: true })).fill('情報システム部');
    await page.getByLabel(exactly('状態')).selectOption('approved');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('15マスのうち、対応策が承認済みのものは1マス、12か月以内に訓練したものは0マスです。').waitFor();
  });

  await step('a drill of it with two findings, opened as corrective actions', async () => {
    await page.getByRole('link', { name: '訓練を記録' }).click();
    await page.getByLabel(exactly('訓練名')).fill('地震想定の初動訓練');
    await page.getByLabel(exactly('災害の種類')).selectOption({ label: '地震、台風等の広域災害' });
    await page.getByLabel(exactly('復旧にかかった時間(分)')).fill('150');
    await page.getByLabel(exactly('見つかった課題')).fill('緊急連絡網が古い\n手順書の保管場所が周知されていない');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('訓練を記録しました。').waitFor();
    await page.getByRole('button', { name: '課題を是正処置として開く' }).click();
    await page.getByTestId('drill-actions').getByRole('link', { name: '緊急連絡網が古い' }).waitFor();
    await page.getByTestId('drill-actions').getByRole('link', { name: '手順書の保管場所が周知されていない' }).waitFor();
    assert.equal(await page.getByRole('button', { name: '課題を是正処置として開く' }).count(), 0);
    await shotBoth(page, 'drill', { ready: 'drill-actions' });
    await page.getByRole('link', { name: 'BCPに戻る' }).click();
    await page.getByText('15マスのうち、対応策が承認済みのものは1マス、12か月以内に訓練したものは1マスです。').waitFor();
    await shotBoth(page, 'bcp', { ready: 'bcp-summary' });
  });
  await context.close();
});
