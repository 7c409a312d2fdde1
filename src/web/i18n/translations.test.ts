import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mergeMessages } from '../../shared/i18n/messages.ts';
import { PASSWORD_MAX as SHARED_MAX, PASSWORD_MIN as SHARED_MIN } from '../../shared/schemas/auth.schema.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../platform/auth/password-rules.ts';

/**
 * Messages per module (src/shared/i18n/<module>/{ja,en}.json), shared by
 * server and web. Within each module every key exists in both languages;
 * merged, no message is defined by two modules. Plural forms are the one
 * allowed difference: Japanese has only `_other`, English `_one` and `_other`
 * (CLDR plural rules), so `x_one` / `x_other` count as the key `x`.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/i18n');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const MODULES = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

type Tree = { [key: string]: string | Tree };

function load(module: string, lang: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(dir, module, `${lang}.json`), 'utf8')) as Tree;
}

/** Every leaf as a dotted path, plural suffixes folded. Non-string leaves are reported as errors. */
function leaves(tree: Tree, prefix = '', out = new Map<string, string[]>(), bad: string[] = []): { keys: Map<string, string[]>; bad: string[] } {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const base = key.replace(PLURAL, '');
      out.set(base, [...(out.get(base) ?? []), v]);
      if (!v.trim()) bad.push(`${key} is empty`);
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      leaves(v, key, out, bad);
    } else {
      bad.push(`${key} is not a string or an object`);
    }
  }
  return { keys: out, bad };
}

/** {{name}} placeholders of a message. */
const placeholders = (s: string) => new Set([...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]));

describe('translations (src/shared/i18n)', () => {
  test('every module has messages in both languages', () => {
    assert.ok(MODULES.length > 1, MODULES.join());
    for (const module of MODULES) for (const lang of ['ja', 'en']) assert.ok(fs.existsSync(path.join(dir, module, `${lang}.json`)), `${module}/${lang}.json`);
  });

  for (const module of MODULES) {
    describe(module, () => {
      const ja = leaves(load(module, 'ja'));
      const en = leaves(load(module, 'en'));

      test('every key in ja.json exists in en.json', () => {
        const missing = [...ja.keys.keys()].filter((k) => !en.keys.has(k));
        assert.deepEqual(missing, [], `missing in ${module}/en.json:\n  ${missing.join('\n  ')}`);
      });

      test('every key in en.json exists in ja.json', () => {
        const missing = [...en.keys.keys()].filter((k) => !ja.keys.has(k));
        assert.deepEqual(missing, [], `missing in ${module}/ja.json:\n  ${missing.join('\n  ')}`);
      });

      test('no empty or non-text messages', () => {
        assert.deepEqual([...ja.bad, ...en.bad], []);
      });

      test('both languages use the same {{placeholders}} in each message', () => {
        const differ: string[] = [];
        for (const [key, jaTexts] of ja.keys) {
          const enTexts = en.keys.get(key);
          if (!enTexts) continue;
          const a = new Set(jaTexts.flatMap((s) => [...placeholders(s)]));
          const b = new Set(enTexts.flatMap((s) => [...placeholders(s)]));
          // English singular forms may leave out {{count}}.
          b.delete('count');
          a.delete('count');
          if ([...a].sort().join() !== [...b].sort().join()) differ.push(`${key}: ja {${[...a]}} en {${[...b]}}`);
        }
        assert.deepEqual(differ, []);
      });
    });
  }

  test('no message is defined by two modules', () => {
    for (const lang of ['ja', 'en']) {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const module of MODULES) {
        for (const key of leaves(load(module, lang)).keys.keys()) {
          if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${module}`);
          seen.set(key, module);
        }
      }
      assert.deepEqual(twice, [], lang);
      // The loaders' merge refuses the same.
      assert.doesNotThrow(() => mergeMessages(Object.fromEntries(MODULES.map((m) => [`${m}/${lang}.json`, load(m, lang)]))));
    }
  });

  test('the merge refuses a message defined by two modules (self-check)', () => {
    const files = { 'assets/ja.json': { errors: { taken: 'a' } }, 'catalog/ja.json': { errors: { taken: 'b' } } };
    assert.throws(() => mergeMessages(files), /errors\.taken is defined by two modules: assets and catalog/);
    assert.deepEqual(mergeMessages({ 'a/ja.json': { errors: { x: 'x' } }, 'b/ja.json': { errors: { y: 'y' }, b: { z: 'z' } } }), { errors: { x: 'x', y: 'y' }, b: { z: 'z' } });
  });

  test('the walk finds a missing key (self-check)', () => {
    const a = leaves({ x: { y: 'a', z: 'b' } }).keys;
    const b = leaves({ x: { y: 'a' } }).keys;
    assert.deepEqual([...a.keys()].filter((k) => !b.has(k)), ['x.z']);
    assert.ok(leaves({ n_one: 'a', n_other: 'b' }).keys.has('n'));
  });

  test('the web form limits agree with the shared password schema', () => {
    assert.equal(PASSWORD_MIN, SHARED_MIN);
    assert.equal(PASSWORD_MAX, SHARED_MAX);
  });
});
