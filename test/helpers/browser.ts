import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/server/platform/config.ts';
import { CHROMIUM_ARGS } from '../../src/server/platform/pdf/pdf.renderer.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { libraryEnglishDefaults } from './library-defaults.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/**
 * What the journeys in test/browser share: the real server on a free port,
 * Debian's Chromium with a throw-away profile, and screenshots that check
 * each screen (language, no raw i18n keys, accessible names, heading levels)
 * before taking it.
 */

export type Lang = 'ja' | 'en';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';


/** Ports above 1024 Chromium refuses to open (ERR_UNSAFE_PORT): a journey's server must never get one. */
const CHROMIUM_UNSAFE_PORTS = new Set([1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

/** A port nobody listens on and Chromium will open, tried from a random start so files running side by side rarely collide. */
export async function freePort(from: number, to: number): Promise<number> {
  const start = from + Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((start - from + i) % (to - from + 1));
    if (CHROMIUM_UNSAFE_PORTS.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

export const pageOf = async (context: BrowserContext) => context.pages()[0] ?? (await context.newPage());

/** A field's label exactly, with or without the required-field asterisk. */
export const exactly = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);

/** i18next shows a key when its message is missing: the keys of these namespaces found in `text`, or null. */
export function rawKeys(text: string, prefixes: readonly string[]): RegExpMatchArray | null {
  return text.match(new RegExp(`\\b(${prefixes.join('|')})\\.[a-zA-Z_.]+\\b`, 'g'));
}

export async function switchLanguage(page: Page, lang: Lang) {
  const label = lang === 'ja' ? '日本語' : 'English';
  // The switch is a radio group labelled in the language currently shown.
  const group = page.getByRole('radiogroup', { name: lang === 'ja' ? 'Language' : '表示言語', exact: true }).filter({ visible: true });
  await group.getByText(label, { exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.waitForLoadState('networkidle');
}

export interface BrowserKitOptions {
  /** The folder under artifacts/screenshots; emptied when the server starts. */
  shots: string;
  /** The i18n namespaces the journey's screens use: none of their keys may reach the screen. */
  rawKeyPrefixes: readonly string[];
  /** Where to look for a free port (default 3200-3299). */
  ports?: readonly [number, number];
  /** HTTP statuses the journey provokes on purpose: their console errors do not fail it (default 400, 401, 403, 404, 409). */
  provokedStatuses?: readonly number[];
  /** Lets the pages read and write the clipboard (copy buttons). */
  clipboard?: boolean;
  /** The loading indicator a screenshot waits to go away (default any Mantine loader). */
  loader?: string;
  /** The form fields that must have an accessible name. */
  fields?: string;
  /** Scrolls to the top before a full-page shot: a scrolled page draws its fixed header in the middle. */
  scrollToTop?: boolean;
  viewport?: { width: number; height: number };
}

export interface StartOptions {
  /** More server settings (e.g. CATALOG_DIR). */
  env?: Record<string, string>;
  /**
   * Under scripts/run-tests.mjs, a fresh database on the suite's server rather
   * than a second embedded one (default true; DATABASE_URL wins either way).
   */
  suiteDatabase?: boolean;
}

/**
 * One journey's browser, server and screenshots. The state that belongs to the
 * test file (the shot counter, the errors seen, profiles and contexts) lives
 * here; `close()` in `after` gives everything back.
 */
export function createBrowserKit(options: BrowserKitOptions) {
  const shotsDir = path.join(ROOT, 'artifacts/screenshots', options.shots);
  const [portFrom, portTo] = options.ports ?? [3200, 3299];
  const provoked = new RegExp(`Failed to load resource: the server responded with a status of (${(options.provokedStatuses ?? [400, 401, 403, 404, 409]).join('|')})`);
  const loader = options.loader ?? '.mantine-Loader-root';
  const fields = options.fields ?? 'input:not([type=hidden]), select, textarea';
  /** Script errors and CSP violations seen in any page: the journey ends by asserting there were none. */
  const errors: string[] = [];
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  let server: RunningServer | null = null;
  let testDatabase: TestDatabase | null = null;
  let dataDir = '';
  let shotNumber = 0;
  let lastTotp = '';
  const englishDefaults = libraryEnglishDefaults();

  /** Starts the built web app's server once the prerequisites are there; the set-up link it prints is kept. */
  async function start({ env: extra = {}, suiteDatabase = true }: StartOptions = {}) {
    if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) {
      throw new Error('dist/web is missing: build the web app first with `npx vite build` (or `npm run build`).');
    }
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
    }
    fs.rmSync(shotsDir, { recursive: true, force: true });
    fs.mkdirSync(shotsDir, { recursive: true });
    const port = await freePort(portFrom, portTo);
    const env: Record<string, string> = { HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...extra };
    if (process.env.DATABASE_URL) {
      env.DATABASE_URL = process.env.DATABASE_URL;
    } else if (suiteDatabase && process.env.KUMOJI_TEST_ADMIN_URL) {
      testDatabase = await createTestDatabase();
      env.DATABASE_URL = testDatabase.url;
      env.DATABASE_OWNER_URL = testDatabase.ownerUrl;
    } else {
      env.DATA_DIR = dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-browser-'));
    }
    const config = loadConfig(env);
    let setupUrl = '';
    server = await startServer(config, (line) => {
      const m = line.match(/(http:\/\/\S+\/setup\?token=\S+)/);
      if (m) setupUrl = m[1];
    });
    return { server, config, setupUrl };
  }

  function watch(page: Page) {
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !provoked.test(m.text())) errors.push(`console: ${m.text()}`);
    });
  }

  /** A browser of its own (a fresh profile: no cookies), in Japanese and Tokyo time, every page watched. */
  async function newContext(): Promise<BrowserContext> {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-chromium-'));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: options.viewport ?? { width: 1280, height: 860 },
      acceptDownloads: true,
    });
    if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server!.url });
    contexts.push(context);
    context.on('page', watch);
    for (const p of context.pages()) watch(p);
    return context;
  }

  /** i18next shows a key when its message is missing: none may reach the screen. */
  async function assertNoRawKeys(page: Page) {
    const raw = rawKeys(await page.locator('body').innerText(), options.rawKeyPrefixes);
    assert.equal(raw, null, `untranslated keys on ${page.url()}: ${raw?.join(', ')}`);
  }

  /** Every input has an accessible name; one h1; heading levels never skip. */
  async function assertAccessible(page: Page) {
    const unnamed = await page.locator(fields).evaluateAll((elements) =>
      elements
        .filter((e) => {
          const el = e as HTMLInputElement;
          const aria = el.getAttribute('aria-label')?.trim();
          const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .map((id) => (id ? document.getElementById(id)?.textContent?.trim() : ''))
            .join('');
          const labels = [...(el.labels ?? [])].map((l) => l.textContent?.trim()).join('');
          return !aria && !labelledBy && !labels;
        })
        .map((e) => e.outerHTML.slice(0, 160)),
    );
    assert.deepEqual(unnamed, [], `inputs without an accessible name on ${page.url()}`);
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => Number(h.tagName[1])));
    assert.equal(levels.filter((l) => l === 1).length, 1, `exactly one h1 on ${page.url()} (levels ${levels})`);
    levels.reduce((prev, l) => {
      assert.ok(l <= prev + 1, `heading level jumps from h${prev} to h${l} on ${page.url()}`);
      return l;
    }, 0);
  }

  /** Japanese screens speak Japanese: no accessible name or description carries a library's English default. */
  async function assertNoLibraryEnglish(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown }; description?: { value?: unknown } }[] };
    await cdp.detach();
    const names = nodes.flatMap((n) => [n.name?.value, n.description?.value]).filter((v): v is string => typeof v === 'string' && v !== '');
    const english = names.filter((name) => englishDefaults.some((d) => name.includes(d)));
    assert.deepEqual(english, [], `English library defaults in accessible names on ${page.url()}`);
  }

  /** The next screen's number: the shots of one screen in both languages share it. */
  const nextShot = () => ++shotNumber;

  /** A file of the current screen in the screenshots folder: NN-`rest`. */
  const shotPath = (rest: string) => path.join(shotsDir, `${String(shotNumber).padStart(2, '0')}-${rest}`);

  /** The current screen in `lang`, after the page has settled and passed the checks. */
  async function shot(page: Page, name: string, lang: Lang, { fullPage = true } = {}) {
    await page.waitForLoadState('networkidle');
    await page.locator(loader).first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    await assertNoRawKeys(page);
    await assertAccessible(page);
    if (lang === 'ja') await assertNoLibraryEnglish(page);
    if (fullPage && options.scrollToTop) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shotPath(`${name}-${lang}.png`), fullPage });
  }

  /**
   * A screen in Japanese, then in English, then back to Japanese (through the switch in the header).
   * `ready`: a test id to wait for after each switch (some answers are fetched anew in the other language);
   * `inEnglish`: what to do before the English shot.
   */
  async function shotBoth(page: Page, name: string, { ready, inEnglish }: { ready?: string; inEnglish?: () => Promise<void> } = {}) {
    nextShot();
    await shot(page, name, 'ja');
    await switchLanguage(page, 'en');
    if (ready) await page.getByTestId(ready).waitFor();
    await inEnglish?.();
    await shot(page, name, 'en');
    await switchLanguage(page, 'ja');
    if (ready) await page.getByTestId(ready).waitFor();
  }

  /** `fullPage: false` for a dialog, which sits in the viewport rather than at the top of a long page. */
  async function shotJa(page: Page, name: string, { fullPage = true } = {}) {
    nextShot();
    await shot(page, name, 'ja', { fullPage });
  }

  /** An open menu or dialog: the visible window, after its opening transition. */
  async function shotOverlay(page: Page, name: string) {
    nextShot();
    await page.waitForTimeout(400);
    await shot(page, name, 'ja', { fullPage: false });
  }

  /**
   * A TOTP code not used before: a server may refuse a code twice within its
   * 30-second step (ASVS 2.8.4), so wait for the next step when needed.
   */
  async function freshTotp(secret: string): Promise<string> {
    let code = await generate({ secret });
    if (code === lastTotp) {
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
      code = await generate({ secret });
    }
    lastTotp = code;
    return code;
  }

  /**
   * The journey's steps. It is one story: after a failed step the rest is skipped,
   * not piled up with timeouts. A failed step leaves a screenshot of `page`;
   * `withBrowserErrors` adds the browser errors seen so far to its message.
   */
  function steps(t: TestContext, page: Page, { withBrowserErrors = false } = {}) {
    let failed = false;
    return (name: string, fn: () => Promise<void>) =>
      t.test(name, { skip: failed ? 'an earlier step failed' : false }, async () => {
        try {
          await fn();
        } catch (e) {
          failed = true;
          await page.screenshot({ path: path.join(shotsDir, `failed-${name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
          if (withBrowserErrors && errors.length) (e as Error).message += `\nbrowser errors: ${errors.join('\n')}`;
          throw e;
        }
      });
  }

  /** Closes the browsers and the server, drops the database, removes the profiles and data folder. */
  async function close() {
    for (const c of contexts) await c.close().catch(() => undefined);
    await server?.stop();
    await testDatabase?.drop();
    for (const p of profiles) fs.rmSync(p, { recursive: true, force: true });
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return {
    shotsDir,
    errors,
    start,
    newContext,
    assertNoRawKeys,
    assertAccessible,
    assertNoLibraryEnglish,
    nextShot,
    shotPath,
    shot,
    shotBoth,
    shotJa,
    shotOverlay,
    freshTotp,
    steps,
    close,
  };
}

export type BrowserKit = ReturnType<typeof createBrowserKit>;
