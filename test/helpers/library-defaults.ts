import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './browser.ts';

/**
 * The English words the web app's libraries put into accessible names when
 * nobody gives them their own: Mantine's literal aria-labels ("Toggle password
 * visibility") and ECharts' English locale (the chart description screen
 * readers hear, "This is a chart about …"). Read from the installed packages,
 * so a new default after an upgrade is caught too; a Japanese screen must
 * contain none of them.
 */
export function libraryEnglishDefaults(): string[] {
  const found = new Set<string>();
  const mantine = path.join(ROOT, 'node_modules/@mantine');
  for (const pkg of fs.readdirSync(mantine)) {
    const esm = path.join(mantine, pkg, 'esm');
    if (!fs.existsSync(esm)) continue;
    for (const file of fs.readdirSync(esm, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.mjs')) continue;
      const source = fs.readFileSync(path.join(esm, file), 'utf8');
      for (const m of source.matchAll(/["']aria-label["']:\s*(["'])([^"']+)\1/g)) found.add(m[2]);
    }
  }
  const echartsEnglish = fs.readFileSync(path.join(ROOT, 'node_modules/echarts/lib/i18n/langEN.js'), 'utf8');
  for (const m of echartsEnglish.matchAll(/'([^'\\]*)'/g)) {
    // "This is a chart about \"{title}\"": the words around the placeholders, two words or more.
    for (const part of m[1].split(/"?\{[^}]*\}"?/)) {
      const words = part.trim().replace(/[.:,]+$/, '');
      if (/^[A-Za-z]+(?: [A-Za-z]+)+$/.test(words)) found.add(words);
    }
  }
  for (const known of ['Toggle password visibility', 'This is a chart about']) {
    if (!found.has(known)) throw new Error(`library defaults: "${known}" not found in the installed packages; the scan needs updating`);
  }
  return [...found].sort();
}
