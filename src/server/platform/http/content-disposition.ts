/**
 * RFC 6266 with RFC 8187: an ASCII fallback in `filename` and the real name,
 * UTF-8 percent-encoded, in `filename*`. Always `attachment`: downloads
 * (evidence, exports, reports) are never rendered inside Kumoji's origin.
 * `asciiName` replaces the fallback when a readable one exists (資産目録 → asset-inventory).
 */
export function contentDisposition(fileName: string, asciiName?: string): string {
  const ascii = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
