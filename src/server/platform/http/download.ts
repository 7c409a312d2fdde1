import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/session.ts';
import { renderPdf } from '../pdf/pdf.renderer.ts';
import { WEB_DIST } from './app.ts';
import { contentDisposition } from './content-disposition.ts';

/**
 * Files sent to the browser (evidence, report exports): services return what
 * the file is, routes send it here. Always an attachment with its type as
 * checked, never sniffed, never cached, and with a CSP of its own that
 * repeats `frame-ancestors 'none'`: a file opened in a frame of another site
 * is refused like every other answer.
 */
export interface Download {
  fileName: string;
  /** A readable ASCII name for browsers without RFC 8187 (資産目録 → asset-inventory). */
  asciiName?: string;
  contentType: string;
  content: Buffer;
  /** SHA-256 of the content (hex), sent as Repr-Digest when known. */
  sha256?: string;
}

function attachment(reply: FastifyReply, file: { fileName: string; asciiName?: string; contentType: string }) {
  return reply
    .code(200)
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, file.asciiName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'")
    .header('cache-control', 'private, no-store');
}

export function sendDownload(reply: FastifyReply, file: Download) {
  attachment(reply, file).header('content-length', String(file.content.length));
  if (file.sha256) reply.header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
  return reply.send(file.content);
}

/** A register export streamed as it is written (export.writer.ts): the same headers as a download, without a length. */
export interface StreamedDownload {
  fileName: string;
  asciiName?: string;
  contentType: string;
  stream: Readable;
}

export function sendStream(reply: FastifyReply, file: StreamedDownload) {
  return attachment(reply, file).send(file.stream);
}

/** A printable page of the web app, as the services describe it. */
export interface PrintablePage {
  /** Path and query, e.g. /diagnosis/report?lang=ja&print=1. */
  pagePath: string;
  locale: 'ja' | 'en';
  timeZone: string;
  readyAttribute: string;
  footer?: string;
}

export type PagePrinter = (page: PrintablePage) => Promise<Buffer>;

/** Prints pages as the requester sees them: their session cookie, this app in-process (pdf.renderer.ts). */
export function pagePrinter(req: FastifyRequest, chromiumPath: string): PagePrinter {
  return (page) =>
    renderPdf({
      ...page,
      app: req.server,
      chromiumPath,
      webDist: WEB_DIST,
      cookie: `${SESSION_COOKIE}=${req.cookies[SESSION_COOKIE] ?? ''}`,
      onError: (error) => req.log.warn({ err: error, page: page.pagePath }, 'PDF of a printable page failed'),
    });
}
