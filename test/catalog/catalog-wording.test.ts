// What a user reads in the catalog names its sources by their titles: the
// words "seed" and 「シード」 are the project's own shorthand for the two source
// documents and never appear in a name, description, note or option a screen
// shows. Source lines (`source:`) keep the file names; they are shown by title
// through src/shared/catalog/source-documents.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CATALOG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../catalog');
const files = fs
  .readdirSync(CATALOG, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => fs.readdirSync(path.join(CATALOG, d.name)).filter((f) => f.endsWith('.yaml')).map((f) => path.join(d.name, f)));

/** A `ja:` or `en:` text line (possibly a list entry), with its value. */
const TEXT_LINE = /^\s*(?:- )?(ja|en):\s*(.*)$/;
const SHORTHAND = { ja: /シード/, en: /\bseeds?\b/i };

test('the catalog has files to check', () => assert.ok(files.length > 20, `${files.length} files`));

test('no text a user reads calls a source document "the seed"', () => {
  const found: string[] = [];
  for (const file of files) {
    fs.readFileSync(path.join(CATALOG, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = TEXT_LINE.exec(line);
        if (!m) return;
        const [, lang, value] = m as unknown as [string, 'ja' | 'en', string];
        if (/urn:|\.txt/.test(value)) return;
        if (SHORTHAND[lang].test(value)) found.push(`${file}:${i + 1}`);
      });
  }
  assert.deepEqual(found, []);
});

test('the check recognises the shorthand', () => {
  assert.ok(SHORTHAND.ja.test('シードの表2'));
  assert.ok(SHORTHAND.en.test("The seed's Table 2"));
  assert.ok(!SHORTHAND.en.test('seedling'));
});
