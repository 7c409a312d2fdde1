import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { addDays, dateIn } from '../../src/shared/platform/calendar-date.ts';
import { createBrowserKit, exactly, pageOf } from '../helpers/browser.ts';
import { mainNavLinks, setUpOwnerWithMfa } from '../helpers/browser-journey.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

/**
 * The operations journey through the real UI in headless Chromium, against
 * the real server with a real SMTP server beside it (issue 12): a quarterly
 * inspection planned from the guide's items, due in three days, reminded in
 * the app and by one e-mail that the running server's scheduled job sends,
 * and a round recorded done. Screenshots in both languages go to
 * artifacts/screenshots/operations/.
 *
 * Needs `npx vite build` first (dist/web) and Debian's /usr/bin/chromium.
 */

const OWNER = { email: 'operations@example.jp', name: '小林 誠', organisation: '雲路運輸株式会社' };

const kit = createBrowserKit({ shots: 'operations', rawKeyPrefixes: ['common', 'nav', 'errors', 'operations'], ports: [3900, 3999], scrollToTop: true });
const { newContext, shotBoth } = kit;

let sink: SmtpSink;
let setupUrl = '';

before(async () => {
  sink = await startSmtpSink();
  ({ setupUrl } = await kit.start({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Kumoji <kumoji@example.jp>' } }));
});
after(async () => {
  await kit.close();
  await sink.close();
});

test('operations journey: an inspection whose reminder arrives once', { timeout: 300_000 }, async (t) => {
  const context = await newContext();
  const page = await pageOf(context);
  const step = kit.steps(t, page);
  const soon = addDays(dateIn('Asia/Tokyo', new Date()), 3);

  await step('set-up and the empty list', async () => {
    await setUpOwnerWithMfa(kit, page, setupUrl, OWNER);
    assert.ok((await mainNavLinks(page)).includes('定期点検'));
    await page.getByRole('navigation').getByRole('link', { name: '定期点検' }).click();
    await page.getByRole('heading', { level: 1, name: '定期点検' }).waitFor();
    await page.getByText('定期点検はまだ計画されていません。').waitFor();
  });

  await step("a quarterly inspection from the guide's items, due in three days", async () => {
    await page.getByRole('link', { name: '点検を計画' }).click();
    await page.getByLabel('移行ガイドの点検項目から始める').selectOption({ label: 'アクセス権限設定の見直しと不要アカウントの削除' });
    assert.equal(await page.getByLabel(exactly('点検名')).inputValue(), 'アクセス権限設定の見直しと不要アカウントの削除');
    await page.getByLabel(exactly('最初の期日')).fill(soon);
    await page.getByRole('button', { name: '点検を計画する' }).click();
    await page.getByText('点検を計画しました。').waitFor();
    await page.getByTestId('inspection-summary').getByText('期日が近い').waitFor();
    await page.getByTestId('inspection-summary').getByText(`${soon} から 3か月ごと`).waitFor();
    await shotBoth(page, 'inspection-form', { ready: 'inspection-summary' });
  });

  await step('reminded in the app, and by one e-mail from the scheduled job', async () => {
    await page.goto(new URL('/operations', page.url()).href);
    await page.getByTestId('reminders').getByText(`アクセス権限設定の見直しと不要アカウントの削除: 期日 ${soon}`).waitFor();
    await page.getByTestId('calendar').getByText(soon).waitFor();
    assert.equal(await page.getByTestId('email-reminders').isChecked(), true, 'e-mail reminders are on unless turned off');
    await shotBoth(page, 'inspection-list');
    // The job runs every minute; pg-boss looks for due schedules every 30 seconds.
    const deadline = Date.now() + 150_000;
    while (sink.received.length === 0 && Date.now() < deadline) await sleep(1000);
    assert.equal(sink.received.length, 1, 'one reminder');
    assert.equal(sink.received[0]!.to[0], OWNER.email);
    // Another tick passes: the same due date is not reminded again.
    await sleep(75_000);
    assert.equal(sink.received.length, 1, 'still one');
  });

  await step('the round recorded done: the next due date three months on', async () => {
    await page.getByRole('link', { name: 'アクセス権限設定の見直しと不要アカウントの削除' }).first().click();
    await page.getByTestId('complete-round').getByLabel('結果', { exact: true }).selectOption('findings');
    await page.getByTestId('complete-round').getByLabel('確認した内容と結果').fill('退職者のアカウント2件を削除しました');
    await page.getByTestId('complete-submit').click();
    await page.getByText('実施済みとして記録しました。').waitFor();
    await page.getByTestId('completion').first().waitFor();
    await page.getByTestId('inspection-summary').getByText('予定').waitFor();
    await shotBoth(page, 'inspection-done', { ready: 'inspection-summary' });
  });

  await step("the findings become a corrective action, closed through PDCA with evidence", async () => {
    await page.getByTestId('open-action').click();
    await page.getByLabel(exactly('是正処置')).fill('退職者アカウント削除手順の整備');
    await page.getByTestId('action-plan').fill('人事の退職連絡を受けた当日にアカウントを停止する手順を作る');
    await page.getByRole('button', { name: '起票する' }).click();
    await page.getByText('是正処置を起票しました。').waitFor();
    await page.getByTestId('action-summary').getByText('アクセス権限設定の見直しと不要アカウントの削除').waitFor();
    await page.getByTestId('move-do').click();
    await page.getByTestId('action-done').fill('手順書を作成し、総務部と合意しました');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('変更を保存しました。').waitFor();
    await page.getByTestId('move-check').click();
    await page.getByTestId('action-check').fill('翌月の棚卸しで不要アカウントは0件でした');
    await page.getByTestId('action-effective').selectOption('yes');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('move-act').click();
    await page.getByTestId('action-act').fill('次回点検項目に退職者照合を追加しました');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('missing-closed').getByText('完了するには、証跡(再スキャン結果や改訂した手順書など)を1件以上添付してください。').waitFor();
    assert.equal(await page.getByTestId('move-closed').isDisabled(), true, 'no closing without evidence');
    await page.locator('input[type=file]').setInputFiles({ name: '棚卸し結果.txt', mimeType: 'text/plain', buffer: Buffer.from('不要アカウント: 0件') });
    await page.getByRole('link', { name: '棚卸し結果.txt' }).waitFor();
    await page.getByTestId('move-closed').click();
    await page.getByText('この是正処置は完了しています。内容と証跡はそのまま保存されます。').waitFor();
    await shotBoth(page, 'corrective-action', { ready: 'action-summary' });
    await page.goto(new URL('/corrective-actions', page.url()).href);
    await page.getByTestId('action-row').getByText('完了').waitFor();
    await shotBoth(page, 'corrective-actions');
  });

  await step('a calendar address of my own, read by a calendar application, then revoked', async () => {
    await page.goto(new URL('/operations', page.url()).href);
    await page.getByTestId('calendar-feed').getByText('カレンダー用のアドレスはまだ発行されていません。').waitFor();
    await page.getByTestId('calendar-feed-create').click();
    const url = (await page.getByTestId('calendar-feed-url').textContent())!;
    const ics = await fetch(url).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: (await r.text()).replace(/\r\n[ \t]/g, '') }));
    assert.equal(ics.status, 200);
    assert.match(ics.type ?? '', /^text\/calendar/);
    assert.ok(ics.body.includes('SUMMARY:定期点検: アクセス権限設定の見直しと不要アカウントの削除'), ics.body);
    await shotBoth(page, 'calendar-feed', { ready: 'calendar-feed' });
    await page.getByTestId('calendar-feed-revoke').click();
    await page.getByTestId('calendar-feed').getByText('アドレスを無効にしました。').waitFor();
    assert.equal((await fetch(url)).status, 404);
  });
});
