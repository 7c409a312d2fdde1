import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, addMonthsClamped, dateIn } from '../../src/shared/platform/calendar-date.ts';
import { createBrowserKit, exactly, pageOf, switchLanguage } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The governance journey through the real UI in headless Chromium, against
 * the real server (issue 13, RACI): the matrix started from seed 004's
 * template, a task of the organisation's own added with a new department's
 * column, its warnings following the letters as they are chosen, saved, and
 * the matrix exported; then the ISMS document register: a document of the
 * seed's Table 11 registered from its coverage list, approved, its review
 * due soon; and the staffing matrix: the seed's roles, the CISO made
 * critical, one certified holder leaving a gap a second holder closes; and
 * the control sets: one FSA item applied and implemented with evidence, one
 * cloud control left out with its reason, its evidence file then given a
 * second version (第2版) with the first kept behind it; and a high data store whose
 * gaps close when it is encrypted with AES-256 under managed keys; and the
 * account review (an administrator without MFA, an idle account disabled)
 * and a log source kept too briefly; the administrator's missing MFA
 * opened as a corrective action and found on the corrective-action list.
 * Screenshots in both languages go to
 * artifacts/screenshots/governance/.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'governance@example.jp', name: '山本 健', organisation: '雲路製作所株式会社' };

const kit = createBrowserKit({ shots: 'governance', rawKeyPrefixes: ['common', 'nav', 'errors', 'governance'], ports: [4000, 4099], scrollToTop: true });
const { newContext, shotBoth, shot, nextShot } = kit;

let setupUrl = '';

before(async () => {
  ({ setupUrl } = await kit.start());
});
after(() => kit.close());

test('governance journey: a RACI matrix from the template, a task of our own, exported', { timeout: 300_000 }, async (t) => {
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);
  const rows = page.getByTestId('raci-row');

  await step('set-up and the empty matrix', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    assert.ok((await mainNavLinks(page)).includes('責任分界(RACI)'));
    await page.getByRole('navigation').getByRole('link', { name: '責任分界(RACI)' }).click();
    await page.getByRole('heading', { level: 1, name: 'RACI表(責任分界)' }).waitFor();
    await page.getByText('まだタスクがありません。').waitFor();
  });

  await step("the template's three tasks, each with one accountable and a responsible", async () => {
    await page.getByRole('button', { name: 'テンプレートのタスクを追加' }).click();
    await page.getByText('3件のタスクのうち、3件は役割がそろっています。確認が必要なタスクは0件です。').waitFor();
    assert.equal(await rows.count(), 3);
    assert.equal(await page.getByLabel('リスクアセスメント実施:CISOの役割').inputValue(), 'A');
    await page.getByRole('columnheader', { name: '法務部長' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'テンプレートのタスクを追加' }).count(), 0, 'nothing more to add');
    await shotBoth(page, 'raci-template', { ready: 'raci-matrix' });
  });

  await step('a task of our own with a new department: its warnings follow the letters; saved complete', async () => {
    await page.getByLabel('新しいタスク').fill('バックアップの確認');
    await page.getByRole('button', { name: 'タスクを追加' }).click();
    await page.getByText('4件のタスクのうち、3件は役割がそろっています。確認が必要なタスクは1件です。').waitFor();
    const mine = rows.filter({ has: page.locator('input[value="バックアップの確認"]') });
    await mine.getByText('最終責任者(A)がいません').waitFor();
    await mine.getByText('実行者(R)がいません').waitFor();
    await page.getByLabel('部門・役割の列を追加').fill('総務部');
    await page.getByRole('button', { name: '列を追加' }).click();
    await page.getByRole('columnheader', { name: '総務部' }).waitFor();
    await page.getByLabel('バックアップの確認:総務部の役割').selectOption('A');
    await mine.getByText('実行者(R)がいません').waitFor();
    assert.equal(await mine.getByText('最終責任者(A)がいません').count(), 0);
    await page.getByLabel('バックアップの確認:IT部門の役割').selectOption('R');
    await mine.getByText('役割がそろっています').waitFor();
    await mine.getByRole('button', { name: '保存' }).click();
    await page.getByText('4件のタスクのうち、4件は役割がそろっています。確認が必要なタスクは0件です。').waitFor();
    await shotBoth(page, 'raci-own-task', { ready: 'raci-matrix' });
  });

  await step('the matrix as a CSV to share', async () => {
    const csv = await context.request.get(new URL('/api/v1/raci-tasks/export?format=csv', page.url()).href);
    assert.equal(csv.status(), 200);
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split(/\r?\n/);
    assert.match(header!, /^タスク,CISO,情報セキュリティ部,IT部門,法務部,経営層,CIO,財務部,法務部長,総務部,確認事項$/);
    assert.ok(lines.includes('バックアップの確認,,,R,,,,,,A,'), lines.join('\n'));
  });

  await step("a document of Table 11 registered from the coverage list, approved, its review due soon", async () => {
    const today = dateIn('Asia/Tokyo', new Date());
    const approvedOn = addDays(addMonthsClamped(today, -12), 10);
    await page.getByRole('navigation').getByRole('link', { name: 'ISMS文書' }).click();
    await page.getByRole('heading', { level: 1, name: 'ISMS文書管理台帳' }).waitFor();
    await page.getByText('まだ文書が登録されていません。', { exact: false }).waitFor();
    await page.getByTestId('coverage-table').first().getByText('件中0件を登録済み', { exact: false }).waitFor();
    await page.getByRole('link', { name: '登録: ISMS マニュアル' }).click();
    await page.getByRole('heading', { level: 1, name: '文書を登録' }).waitFor();
    await page.getByText('ISMSで必要とされる作成文書一覧(例示)の文書: ISMS マニュアル').waitFor();
    assert.equal(await page.getByLabel(exactly('文書名')).inputValue(), 'ISMS マニュアル');
    await page.getByLabel(/責任者/).and(page.locator('input')).fill('情報セキュリティ部');
    await page.getByLabel(exactly('版')).fill('第1版');
    await page.getByLabel(exactly('状態')).selectOption('approved');
    await page.getByLabel(exactly('承認日')).fill(approvedOn);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('文書を登録しました。').waitFor();
    await page.getByTestId('document-summary').getByText('期限間近').waitFor();
    await shotBoth(page, 'isms-document', { ready: 'document-summary' });
    await page.getByRole('link', { name: 'ISMS文書管理台帳に戻る' }).click();
    await page.getByTestId('document-row').getByText('期限間近').waitFor();
    await page.getByTestId('documents-summary').getByText('見直し期限が近い文書1件', { exact: false }).waitFor();
    await page.getByTestId('coverage-table').first().getByText('件中1件を登録済み', { exact: false }).waitFor();
    await shotBoth(page, 'isms-documents', { ready: 'documents-summary' });
  });

  await step('the staffing matrix: a critical role held by one, then two', async () => {
    const today = dateIn('Asia/Tokyo', new Date());
    await page.getByRole('navigation').getByRole('link', { name: '人材と資格' }).click();
    await page.getByRole('heading', { level: 1, name: '人材と資格' }).waitFor();
    await page.getByRole('button', { name: 'テンプレートの役割を追加' }).click();
    await page.getByTestId('role-row').nth(3).waitFor();
    await page.getByRole('link', { name: 'CISO(最高情報セキュリティ責任者)' }).click();
    await page.getByLabel('重要').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('変更を保存しました。').waitFor();
    await page.getByRole('link', { name: '人材と資格に戻る' }).click();
    await page.getByRole('link', { name: '担当者を追加' }).click();
    await page.getByLabel(exactly('氏名')).fill('田中 一郎');
    await page.getByLabel('CISO(最高情報セキュリティ責任者)').check();
    await page.getByRole('button', { name: '資格を追加' }).click();
    await page.getByTestId('certification-row').getByLabel('資格名').fill('CISSP');
    await page.getByTestId('certification-row').getByLabel('有効期限').fill(addDays(today, 400));
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText('担当者を追加しました。').waitFor();
    await page.getByRole('link', { name: '人材と資格に戻る' }).click();
    const ciso = page.getByTestId('role-row').filter({ hasText: 'CISO' });
    await ciso.getByText('重要な役割の担当者が2人未満です').waitFor();
    await page.getByRole('link', { name: '担当者を追加' }).click();
    await page.getByLabel(exactly('氏名')).fill('佐藤 花子');
    await page.getByLabel(exactly('所属')).selectOption('external');
    await page.getByLabel('CISO(最高情報セキュリティ責任者)').check();
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText('担当者を追加しました。').waitFor();
    await page.getByRole('link', { name: '人材と資格に戻る' }).click();
    await ciso.getByText('不足はありません').waitFor();
    await page.getByLabel('佐藤 花子がCISO(最高情報セキュリティ責任者)を担当').waitFor();
    await shotBoth(page, 'staffing', { ready: 'staffing-summary' });
  });

  await step('controls: one applied and implemented with evidence, one left out with its reason', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '管理策' }).click();
    await page.getByRole('heading', { level: 1, name: '管理策と適用宣言' }).waitFor();
    await page.getByRole('button', { name: '評価する: データ保護:個人情報や機密データの暗号化を必須とする' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(exactly('理由')).fill('顧客の個人データをクラウドに保存するため');
    await dialog.getByLabel(exactly('実施状況')).selectOption('implemented');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('保存しました。').waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: '暗号化設定.txt', mimeType: 'text/plain', buffer: Buffer.from('AES-256: on') });
    await dialog.getByRole('link', { name: '暗号化設定.txt' }).waitFor();
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await page.getByTestId('control-set-fsa').getByText('適用する').waitFor();
    await page.getByRole('button', { name: '評価する: 仮想コンピューティング環境における分離' }).click();
    await dialog.getByLabel('適用する').uncheck();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('適用しない管理策には、その理由を入力してください。').waitFor();
    await dialog.getByLabel(exactly('理由')).fill('仮想環境を自社で運用しないため');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('保存しました。').waitFor();
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await page.getByTestId('control-set-iso27017').getByText('適用しない').waitFor();
    await page.getByTestId('controls-summary').getByText('評価済み2件', { exact: false }).waitFor();
    await shotBoth(page, 'controls', { ready: 'controls-summary' });
  });

  await step('a new version of the evidence: 第2版 on the control, the first version kept behind it', async () => {
    const dialog = page.getByRole('dialog');
    const openDialog = async (button: string, history: string) => {
      await page.getByRole('button', { name: button }).click();
      await dialog.getByTestId('evidence-file').waitFor();
      await dialog.getByText(history).click();
      await dialog.getByTestId('evidence-version').waitFor();
    };
    await page.getByRole('button', { name: '編集: データ保護:個人情報や機密データの暗号化を必須とする' }).click();
    await dialog
      .locator('input[type=file][aria-label="暗号化設定.txt の新しい版を登録"]')
      .setInputFiles({ name: '暗号化設定_改訂.txt', mimeType: 'text/plain', buffer: Buffer.from('AES-256: on\nKMS: customer-managed keys') });
    const file = dialog.getByTestId('evidence-file');
    await file.getByText('第2版').waitFor();
    await file.getByRole('link', { name: '暗号化設定_改訂.txt' }).waitFor();
    await dialog.getByText('以前の版(1件)').click();
    const earlier = dialog.getByTestId('evidence-version');
    await earlier.getByText('第1版').waitFor();
    await earlier.getByRole('link', { name: '暗号化設定.txt' }).waitFor();
    await earlier.getByText(/SHA-256: [0-9a-f]{12}…/).waitFor();
    assert.equal(await dialog.getByTestId('evidence-file').count(), 1, 'the file is listed once, at its newest version');
    nextShot();
    await shot(page, 'control-evidence-versions', 'ja', { fullPage: false });
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(page, 'en');
    await openDialog('Edit: Data protection: encryption of personal information and confidential data is mandatory', 'Earlier versions (1)');
    await dialog.getByTestId('evidence-file').getByText('version 2').waitFor();
    await dialog.getByTestId('evidence-version').getByText('version 1').waitFor();
    await shot(page, 'control-evidence-versions', 'en', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(page, 'ja');
    await page.getByTestId('controls-summary').waitFor();
  });

  await step('a high data store: its gaps, then none once AES-256 and managed keys are set', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'データ保護' }).click();
    await page.getByRole('heading', { level: 1, name: 'データの分類と暗号化' }).waitFor();
    await page.getByText('まだデータの保管場所が登録されていません。').waitFor();
    await page.getByRole('link', { name: '保管場所を追加' }).click();
    await page.getByLabel(exactly('保管場所')).fill('顧客データベース');
    await page.getByLabel(/所在/).fill('クラウド 東京リージョン');
    await page.getByLabel(exactly('機密度(この場所に設定)')).selectOption('high');
    await page.getByLabel(exactly('転送時のTLS')).selectOption('1.2');
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText('保管場所を追加しました。').waitFor();
    const summary = page.getByTestId('store-summary');
    await summary.getByText('保存時にAES-256で暗号化されていません').waitFor();
    await summary.getByText('暗号鍵の管理者が決まっていません').waitFor();
    await page.getByLabel(exactly('保存時の暗号化')).selectOption('aes256');
    await page.getByLabel(exactly('鍵の管理')).selectOption('customer');
    await page.getByRole('button', { name: '保存' }).click();
    await summary.getByText('不足はありません').waitFor();
    await page.getByLabel(exactly('転送時のTLS')).selectOption('1.1');
    await page.getByRole('button', { name: '保存' }).click();
    await summary.getByText('転送時にTLS 1.2以上が使われていません').waitFor();
    await page.getByRole('button', { name: '不足を是正処置として起票' }).click();
    await page.getByTestId('store-actions').getByRole('link', { name: '転送時にTLS 1.2以上が使われていません: 顧客データベース' }).waitFor();
    await shotBoth(page, 'data-store', { ready: 'store-summary' });
    await page.getByRole('link', { name: 'データの分類と暗号化に戻る' }).click();
    await page.getByTestId('stores-summary').getByText('不足のある場所は1件', { exact: false }).waitFor();
  });

  await step('accounts and logs: an administrator without MFA, an idle account disabled, an access log kept too briefly', async () => {
    const today = dateIn('Asia/Tokyo', new Date());
    await page.getByRole('navigation').getByRole('link', { name: 'アカウントとログ' }).click();
    await page.getByRole('heading', { level: 1, name: 'アカウントの棚卸しとログの点検' }).waitFor();
    const addAccount = async (account: string, kind: string, mfa: boolean, lastUsedOn: string) => {
      const accounts = page.locator('#accounts');
      await accounts.getByLabel(exactly('システム')).fill('クラウド管理コンソール');
      await accounts.getByLabel(exactly('アカウント名')).fill(account);
      await accounts.getByLabel(exactly('種別')).selectOption(kind);
      await accounts.getByLabel(exactly('最終利用日')).fill(lastUsedOn);
      await accounts.getByLabel(exactly('最終見直し日')).fill(today);
      if (mfa) await accounts.getByLabel(exactly('MFA')).check();
      await accounts.getByRole('button', { name: 'アカウントを追加' }).click();
      await page.getByTestId('account-row').filter({ hasText: account }).waitFor();
    };
    await addAccount('root-admin', 'admin', false, today);
    await addAccount('old-user', 'person', true, addDays(today, -200));
    await page.getByTestId('account-row').filter({ hasText: 'root-admin' }).getByText('MFAが設定されていません').waitFor();
    const idle = page.getByTestId('account-row').filter({ hasText: 'old-user' });
    await idle.getByText('90日以上使われていません').waitFor();
    await page.getByRole('button', { name: '無効にする: old-user' }).click();
    await idle.getByText('問題ありません').waitFor();
    await page.getByTestId('iam-systems').getByText('MFA適用率0%', { exact: false }).waitFor();
    const logs = page.locator('#logs');
    await logs.getByLabel(exactly('ログ名')).fill('管理コンソールの操作ログ');
    await logs.getByLabel(exactly('保持期間(月)')).fill('3');
    await logs.getByLabel(exactly('NTP時刻同期')).check();
    await logs.getByRole('button', { name: 'ログの保管元を追加' }).click();
    const row = page.getByTestId('log-row').filter({ hasText: '管理コンソールの操作ログ' });
    await row.getByText('保持期間が不足しています(12か月以上必要)').waitFor();
    await row.getByText('WORMストレージに保存されていません').waitFor();
    await shotBoth(page, 'accounts-logs');
  });

  await step("the administrator's missing MFA opened as a corrective action, found on the corrective-action list", async () => {
    const title = 'MFAが設定されていません: クラウド管理コンソール / root-admin';
    await page.getByTestId('account-row').filter({ hasText: 'root-admin' }).getByRole('link', { name: 'root-admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'root-admin' }).waitFor();
    await page.getByText('まだ是正処置は起票されていません。').waitFor();
    await page.getByRole('button', { name: '是正処置を起票: MFAが設定されていません' }).click();
    await page.getByTestId('finding-actions-findings').getByRole('link', { name: '是正処置を実施中' }).waitFor();
    await page.getByTestId('finding-actions').getByRole('link', { name: title }).waitFor();
    assert.equal(await page.getByRole('button', { name: '是正処置を起票: MFAが設定されていません' }).count(), 0, 'not opened twice');
    await shotBoth(page, 'iam-account-actions', { ready: 'finding-actions' });
    await page.getByRole('link', { name: 'アカウントとログに戻る' }).click();
    await page.getByTestId('account-row').filter({ hasText: 'root-admin' }).getByText('MFAが設定されていません(是正処置を実施中)').waitFor();
    await shotBoth(page, 'accounts-with-action', { inEnglish: () => page.getByText('No MFA (corrective action open)').waitFor() });
    await page.getByRole('navigation').getByRole('link', { name: '是正処置', exact: true }).click();
    const action = page.getByTestId('action-row').filter({ hasText: title });
    await action.getByTestId('action-origin').getByText('アカウントの棚卸し', { exact: false }).waitFor();
    await shotBoth(page, 'corrective-actions-from-iam', { inEnglish: () => action.getByTestId('action-origin').getByText('Account review', { exact: false }).waitFor() });
    await action.getByTestId('action-origin').getByRole('link', { name: 'クラウド管理コンソール / root-admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'root-admin' }).waitFor();
  });
});
