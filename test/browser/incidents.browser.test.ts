import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBrowserKit, exactly, pageOf } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';

/**
 * The incidents journey through the real UI in headless Chromium, against
 * the real server (issue 12): an APPI case with sensitive data recorded, both
 * PPC deadlines seen with why they apply, a fact changed and the deadline
 * moving with it, a time in the wrong order refused at the field, and the
 * 速報 recorded as made from its card. Screenshots in both languages go to
 * artifacts/screenshots/incidents/.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'incidents@example.jp', name: '中村 由美', organisation: '雲路メディカル株式会社' };

const kit = createBrowserKit({ shots: 'incidents', rawKeyPrefixes: ['common', 'nav', 'errors', 'incidents'], ports: [3800, 3899], scrollToTop: true });
const { newContext, shotBoth, shotJa } = kit;

let setupUrl = '';

before(async () => {
  ({ setupUrl } = await kit.start());
});
after(() => kit.close());

test('incidents journey: an APPI case with sensitive data and both deadlines', { timeout: 300_000 }, async (t) => {
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);
  const card = (rule: string) => page.locator(`[data-testid="deadline"][data-rule="${rule}"]`);

  await step('set-up and the empty list', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    assert.ok((await mainNavLinks(page)).includes('インシデント'));
    await page.getByRole('navigation').getByRole('link', { name: 'インシデント' }).click();
    await page.getByRole('heading', { level: 1, name: 'インシデント' }).waitFor();
    await page.getByText('インシデントはまだ記録されていません。').waitFor();
  });

  await step('a time in the wrong order is refused at the field; then the case is recorded and both PPC deadlines appear', async () => {
    await page.getByRole('link', { name: 'インシデントを記録' }).click();
    await page.getByLabel(exactly('件名')).fill('健康診断結果の誤送信');
    await page.getByLabel('検出の区分').selectOption({ label: '疑い' });
    await page.getByLabel('重大度').selectOption('high');
    await page.getByLabel(/事態を知った日時/).fill('2026-04-01T10:00');
    await page.getByLabel('発生日時').fill('2026-04-01T11:00');
    await page.getByLabel(/本人の数/).fill('12');
    await page.getByLabel('要配慮個人情報が含まれる').check();
    await page.getByRole('button', { name: 'インシデントを記録する' }).click();
    await page.getByText('発生日時が、事態を知った日時より後になっています。', { exact: false }).waitFor();
    await shotJa(page, 'incident-times-refused');
    await page.getByLabel('発生日時').fill('2026-03-31T18:00');
    await page.getByRole('button', { name: 'インシデントを記録する' }).click();
    await page.getByText('インシデントを記録しました。上に表示した報告期限を確認してください。').waitFor();
    // Awareness at 10:00 on 1 April: the day is not counted, so 5 days end with 6 April and 30 days with 1 May.
    await card('appi-preliminary').getByText('期限 2026/04/06 24:00').waitFor();
    await card('appi-final').getByText('期限 2026/05/01 24:00').waitFor();
    await card('appi-final').getByText('該当する理由: 要配慮個人情報を含む個人データの漏えい等(おそれを含む)').waitFor();
    await card('appi-notice').getByText('法令上の期間の定めはありません。自社の目標を設定してください。').waitFor();
    assert.equal(await page.getByTestId('deadline').count(), 3);
    await shotBoth(page, 'incident-deadlines', { ready: 'deadlines' });
  });

  await step('an improper purpose moves the 確報 to 60 days, past the Sunday it would fall on', async () => {
    await page.getByLabel(/不正の目的をもって行われたおそれがある/).check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('変更を保存しました。').waitFor();
    await card('appi-final-improper-purpose').getByText('期限 2026/06/01 24:00').waitFor();
    assert.equal(await card('appi-final').count(), 0);
    await page.getByLabel(/不正の目的をもって行われたおそれがある/).uncheck();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await card('appi-final').waitFor();
  });

  await step('the 速報 recorded as made from its card, and the first response phase by phase', async () => {
    await card('appi-preliminary').getByTestId('record-submitted').click();
    const add = page.getByTestId('add-action');
    assert.equal(await add.getByLabel('種類').inputValue(), 'reportSubmitted');
    await add.getByLabel('日時').fill('2026-04-03T15:00');
    await add.getByLabel('内容').fill('速報を個人情報保護委員会に提出しました');
    await page.getByTestId('add-action-submit').click();
    await card('appi-preliminary').getByText('期限内に報告').waitFor();
    for (const [kind, at] of [['detected', '2026-04-01T10:05'], ['contained', '2026-04-01T13:00']] as const) {
      await add.getByLabel('種類').selectOption(kind);
      await add.getByLabel('日時').fill(at);
      await page.getByTestId('add-action-submit').click();
      await page.getByTestId('timeline-entry').filter({ hasText: kind === 'detected' ? '検知' : '封じ込め' }).first().waitFor();
    }
    assert.equal(await page.getByTestId('timeline-entry').count(), 3);
    await page.getByTestId('first-response').getByText('目標を過ぎています').waitFor();
    await shotBoth(page, 'incident-timeline', { ready: 'timeline' });
  });

  await step('the 確報 drafted item by item, the number of persons already filled in from the facts', async () => {
    const draft = card('appi-final').getByTestId('report-draft');
    await draft.locator('summary').click();
    assert.equal(await draft.getByLabel('3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数').inputValue(), '12');
    await draft.getByText('未記入の事項が8件あります。確報ではすべての事項が必要です。').waitFor();
    await draft.getByLabel('4. 原因').fill('宛先の選択を誤った');
    await draft.getByTestId('save-draft').click();
    await draft.getByText('下書きを保存しました。').waitFor();
    await draft.getByText('未記入の事項が7件あります。確報ではすべての事項が必要です。').waitFor();
    await shotJa(page, 'incident-report-draft');
  });

  await step('an outside expert asked: the request goes out once the contract is checked and the expert named', async () => {
    const section = page.locator('#escalation');
    await section.getByText('ゼロデイ脆弱性を突いた高度なサイバー攻撃').waitFor();
    await section.getByLabel('大規模インシデントで社内対応体制が飽和する場合').check();
    await section.getByTestId('escalation-save').click();
    // Saved: the criterion chosen no longer stands in the way.
    await section.getByTestId('escalation-missing').getByText('該当する判断基準を選ぶか、その他の理由を記入してください。').waitFor({ state: 'detached' });
    await section.getByTestId('escalation-missing').getByText('依頼する外部専門家(会社名・連絡先)を記入してください。').waitFor();
    assert.equal(await section.getByTestId('escalation-next').isDisabled(), true);
    await section.getByTestId('escalation-expert').fill('雲路セキュリティ株式会社 緊急窓口');
    for (const item of ['支援枠', '作業費用', 'NDA']) await section.getByLabel(item, { exact: true }).check();
    await section.getByLabel('依頼書: 初期調査結果').fill('誤送信先の顧客に削除を依頼済み');
    await section.getByTestId('escalation-save').click();
    await section.getByTestId('escalation-next').and(page.locator(':enabled')).click();
    await section.getByTestId('escalation-status').getByText('依頼済み').waitFor();
    await shotBoth(page, 'incident-escalation', { ready: 'escalation-status' });
  });

  await step("the post-incident review's finding opens a corrective action", async () => {
    await page.getByTestId('incident-review').fill('宛先の自動補完が原因でした。送信前の確認手順がありませんでした。');
    await page.getByTestId('save-incident').click();
    await page.getByText('変更を保存しました。').first().waitFor();
    const add = page.getByTestId('add-finding');
    await add.getByLabel('指摘事項').fill('外部宛メールの送信前確認を導入する');
    await page.getByTestId('add-finding-submit').click();
    await page.getByTestId('findings').getByText('Plan(計画)').waitFor();
    await shotBoth(page, 'incident-review', { ready: 'findings' });
    await page.getByTestId('findings').getByRole('link', { name: '外部宛メールの送信前確認を導入する' }).click();
    await page.getByTestId('action-summary').getByText('インシデント').waitFor();
  });

  await step('the list shows the next deadline', async () => {
    await page.goto(new URL('/incidents', page.url()).href);
    const row = page.getByTestId('incident-row').first();
    await row.getByText('2026/05/01 24:00').waitFor();
    await shotBoth(page, 'incident-list');
  });
});
