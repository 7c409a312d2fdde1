/**
 * The first page's JavaScript (`npm run bench` runs it after the audit list;
 * alone: `node --import tsx bench/web-bundle.bench.ts`): the gzipped size
 * (level 9) of the scripts and module preloads dist/web/index.html names.
 * Skipped while the web app is not built (`npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { fmt, ROOT, verdict } from './load.ts';

function firstPageJs(): { files: { file: string; raw: number; gzip: number }[] } | null {
  const dist = path.join(ROOT, 'dist/web');
  const indexHtml = path.join(dist, 'index.html');
  if (!fs.existsSync(indexHtml)) return null;
  const html = fs.readFileSync(indexHtml, 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) refs.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel=["']modulepreload["']/i.test(tag)) continue;
    const href = /\bhref=["']([^"']+)["']/i.exec(tag);
    if (href) refs.add(href[1]);
  }
  const files: { file: string; raw: number; gzip: number }[] = [];
  for (const ref of refs) {
    if (/^[a-z]+:\/\//i.test(ref)) continue; // external: not ours
    const file = path.join(dist, ref.split(/[?#]/)[0].replace(/^\//, ''));
    if (!fs.existsSync(file)) continue;
    const buf = fs.readFileSync(file);
    files.push({ file: path.relative(dist, file), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length });
  }
  return { files };
}

export function main(): void {
  console.log('');
  const js = firstPageJs();
  if (!js) console.log('First page JavaScript: skipped (dist/web/index.html not found; run `npm run build` first)');
  else {
    const total = js.files.reduce((s, f) => s + f.gzip, 0);
    console.log(`First page JavaScript (gzip -9) of ${js.files.length} file(s) referenced by dist/web/index.html:`);
    for (const f of js.files) console.log(`  ${f.file.padEnd(50)} ${fmt(f.raw / 1024, 1).padStart(9)} KB raw ${fmt(f.gzip / 1024, 1).padStart(8)} KB gzip`);
    console.log(`  total ${fmt(total / 1024, 1)} KB gzip   target < 300 KB   ${verdict(total < 300 * 1024)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
