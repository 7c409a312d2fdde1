import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import { HttpProblem } from '../http/problem.ts';

/**
 * Printable pages of the web app as PDF, through the Chromium on the server
 * (CHROMIUM_PATH; fonts from fonts-noto-cjk). The browser never touches the
 * network: every request it makes is answered by this app in-process
 * (`app.inject`) with the requester's own session cookie, and any other
 * origin is refused. So the PDF shows exactly what the member may see, works
 * behind any proxy or bind address, and cannot be turned against other hosts.
 * Without Chromium or without the built web app, `pdfAvailable` is false and
 * `renderPdf` answers a translated 503.
 */

/** Headless without a sandbox or GPU, and nothing that calls home; the browser tests use the same flags. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A name only this renderer uses; requests to it are served in-process. */
const ORIGIN = 'http://kumoji.print';
const TIMEOUT_MS = 30_000;
/** Chromium is heavy: at most this many renders at once per instance, the rest wait their turn. */
const MAX_CONCURRENT = 2;

export function pdfAvailable(chromiumPath: string, webDist: string): boolean {
  return fs.existsSync(chromiumPath) && fs.existsSync(path.join(webDist, 'index.html'));
}

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export interface PdfRequest {
  app: FastifyInstance;
  chromiumPath: string;
  webDist: string;
  /** Path and query of the printable page, e.g. /diagnosis/report?lang=ja&print=1. */
  pagePath: string;
  /** The requester's Cookie header: the page loads with their session and permissions. */
  cookie: string;
  locale: 'ja' | 'en';
  timeZone: string;
  /** The attribute the page sets on an element: "true" once drawn, "error" when its data failed to load. */
  readyAttribute: string;
  footer?: string;
  /** Told what went wrong when the render fails (the client gets a 503 problem). */
  onError?: (error: unknown) => void;
}

const headerValue = (v: string | string[] | number | undefined) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));

export async function renderPdf(r: PdfRequest): Promise<Buffer> {
  if (!pdfAvailable(r.chromiumPath, r.webDist)) throw new HttpProblem(503, 'pdfUnavailable');
  return slot(async () => {
    let browser;
    try {
      browser = await chromium.launch({ executablePath: r.chromiumPath, headless: true, args: CHROMIUM_ARGS, timeout: TIMEOUT_MS });
    } catch (error) {
      r.onError?.(error);
      throw new HttpProblem(503, 'pdfUnavailable');
    }
    try {
      const context = await browser.newContext({
        locale: r.locale === 'ja' ? 'ja-JP' : 'en-GB',
        timezoneId: r.timeZone,
        viewport: { width: 794, height: 1123 },
        serviceWorkers: 'block',
      });
      await context.route('**/*', async (route) => {
        const request = route.request();
        const url = new URL(request.url());
        if (url.origin !== ORIGIN || request.method() !== 'GET') return route.abort('blockedbyclient');
        const res = await r.app.inject({
          method: 'GET',
          url: `${url.pathname}${url.search}`,
          headers: { cookie: r.cookie, 'accept-language': r.locale, accept: request.headers().accept ?? '*/*' },
        });
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (!['content-length', 'transfer-encoding', 'set-cookie', 'connection'].includes(k)) headers[k] = headerValue(v);
        return route.fulfill({ status: res.statusCode, headers, body: res.rawPayload });
      });
      const page = await context.newPage();
      await page.goto(`${ORIGIN}${r.pagePath}`, { waitUntil: 'load', timeout: TIMEOUT_MS });
      // The page marks itself "true" when drawn, "error" when it could not load its data.
      // Wait for either final state: the marker is attached while the data still loads.
      const marker = await page.waitForSelector(`[${r.readyAttribute}="true"], [${r.readyAttribute}="error"]`, { timeout: TIMEOUT_MS, state: 'attached' });
      const state = await marker.getAttribute(r.readyAttribute);
      if (state !== 'true') throw new Error(`the page reported ${state}`);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;color:#666;display:flex;justify-content:space-between;font-family:'Noto Sans CJK JP',sans-serif"><span>${(r.footer ?? '').replace(/[<>&]/g, '')}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      });
      return Buffer.from(pdf);
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      r.onError?.(error);
      throw new HttpProblem(503, 'pdfFailed');
    } finally {
      await browser.close().catch(() => undefined);
    }
  });
}
