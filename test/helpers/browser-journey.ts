import type { Page } from 'playwright-core';
import { exactly, type BrowserKit } from './browser.ts';

/** The password of the journeys' first owner: long enough for the set-up page's strength check. */
export const JOURNEY_PASSWORD = 'Kumoji-Test-Passphrase-2026!';

export interface JourneyOwner {
  email: string;
  name: string;
  organisation: string;
}

/**
 * A newcomer's first steps through the real UI: the set-up link the server
 * printed, the organisation and its owner's account, then TOTP enrolment
 * (which the organisation's policy asks of an owner first) and the recovery
 * codes kept. Ends on the home page; gives the TOTP secret for a later sign-in.
 */
export async function setUpOwnerWithMfa(kit: BrowserKit, page: Page, setupUrl: string, owner: JourneyOwner, password = JOURNEY_PASSWORD): Promise<{ secret: string }> {
  await page.goto(setupUrl);
  await page.getByRole('heading', { level: 1, name: '初期設定' }).waitFor();
  await page.getByLabel('組織名').fill(owner.organisation);
  await page.getByLabel('お名前').fill(owner.name);
  await page.getByLabel('メールアドレス').fill(owner.email);
  await page.getByLabel(exactly('パスワード')).fill(password);
  await page.getByLabel('パスワード(確認用)').fill(password);
  await page.getByRole('button', { name: '組織とアカウントを作成' }).click();
  await page.waitForURL('**/account/mfa-setup');
  await page.getByRole('button', { name: '設定を始める' }).click();
  const secretField = page.getByRole('textbox', { name: '設定キー' });
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  await page.getByLabel('確認コード').fill(await kit.freshTotp(secret));
  await page.getByRole('button', { name: '確認して有効にする' }).click();
  await page.getByTestId('recovery-codes').locator('li').first().waitFor();
  await page.getByRole('button', { name: '保管しました。次へ進む' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  return { secret };
}

/** The labels of the main navigation's links, in order. */
export function mainNavLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link').allInnerTexts();
}
