import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCatalogCheck } from './catalog-check.cli.ts';
import {
  catalogChecksum,
  crossCheck,
  formatCatalogError,
  readCatalogDir,
  validateCatalogText,
  type CatalogError,
} from './catalog.files.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BROKEN_DIR = path.join(ROOT, 'test/fixtures/catalog-broken');
const VALID_DIR = path.join(ROOT, 'test/fixtures/catalog-valid');
const SHIPPED_DIR = path.join(ROOT, 'catalog');

// Every error each broken fixture must produce, and no other: [file, line, part of the message].
const EXPECTED_BROKEN: Record<string, [line: number, message: string][]> = {
  'duplicate-id-b.yaml': [
    [7, 'duplicate id urn:kumoji:public:fixture-duplicate-a:shared (first defined at '],
    // The copied id also carries the other file's collection prefix.
    [7, 'must start with the collection id urn:kumoji:public:fixture-duplicate-b:'],
  ],
  'retired-id.yaml': [[11, 'id urn:kumoji:public:fixture-retired-id:old is retired (']],
  'missing-ja.yaml': [[11, 'fixture-missing-ja:two: missing required key "ja"']],
  'missing-en.yaml': [[7, 'fixture-missing-en:one: missing required key "en"']],
  'empty-en.yaml': [[9, 'en: must not be empty']],
  'missing-source.yaml': [[7, 'fixture-missing-source:one: missing required key "source"']],
  'broken-parent.yaml': [[12, 'parent urn:kumoji:public:fixture-broken-parent:nowhere is not an item of this file']],
  'parent-cycle.yaml': [[8, 'parent cycle: urn:kumoji:public:fixture-parent-cycle:one → ']],
  'broken-ref.yaml': [[18, 'attributes.related[1]: refers to unknown item id urn:kumoji:public:fixture-broken-ref:missing']],
  'unknown-key.yaml': [[10, 'unknown key "titel"']],
  'undeclared-attribute.yaml': [[15, 'attributes.ranking: undeclared attribute']],
  'wrong-attribute-type.yaml': [[14, 'attributes.rank: declared integer, got string "first"']],
  'bad-enum-value.yaml': [[14, 'attributes.sensitivity: expected one of "basic", "sensitive", "exceptional", got string "secret"']],
  'bad-id-pattern.yaml': [[7, 'item id must look like urn:kumoji:<source>:<collection>:<local>']],
  'wrong-id-prefix.yaml': [[7, 'must start with the collection id urn:kumoji:public:fixture-wrong-id-prefix:']],
  'invalid-yaml.yaml': [[9, 'invalid YAML: Nested mappings are not allowed in compact mappings']],
  'duplicate-key.yaml': [[10, 'invalid YAML: Map keys must be unique']],
  'checklist-root-kind.yaml': [[13, 'a root item of a checklist file must carry attributes.kind: checklist, not question']],
  'stage-value.yaml': [[14, 'stage must be one of "0", "1", "2", "3", "4", "x"']],
  'glossary-detail.yaml': [[7, 'a glossary term needs a detail']],
  // Screens show a source by its document's title; a document not in the registry has none.
  'unlisted-source.yaml': [[10, 'source "some-notes.md 4" names no document of src/shared/catalog/source-documents.ts']],
};

describe('readCatalogDir on broken fixtures', async () => {
  const { files, errors } = await readCatalogDir(BROKEN_DIR);
  const errorsIn = (name: string) => errors.filter((error) => error.file === path.join(BROKEN_DIR, name));

  for (const [name, expected] of Object.entries(EXPECTED_BROKEN)) {
    test(`${name}: reports exactly its error(s), at the right line`, () => {
      const actual = errorsIn(name);
      const shown = actual.map(formatCatalogError).join('\n');
      assert.equal(actual.length, expected.length, `got:\n${shown}`);
      for (const [line, message] of expected) {
        assert.ok(
          actual.some((error) => error.line === line && error.message.includes(message)),
          `expected line ${line} with "${message}", got:\n${shown}`,
        );
      }
    });
  }

  test('no fixture produces an error the table does not expect', () => {
    const unexpected = errors.filter((error) => !(path.basename(error.file) in EXPECTED_BROKEN));
    assert.deepEqual(unexpected.map(formatCatalogError), []);
  });

  test('reads every yaml file, the retired-ids file included', () => {
    assert.equal(files.length, Object.keys(EXPECTED_BROKEN).length + 2); // + duplicate-id-a.yaml and retired-ids.yaml
    assert.equal(files.filter((file) => file.kind === 'retired-ids').length, 1);
  });

  test('names both places of a duplicate id', () => {
    const [duplicate] = errorsIn('duplicate-id-b.yaml').filter((error) => error.message.startsWith('duplicate id'));
    assert.ok(duplicate?.message.includes(`${path.join(BROKEN_DIR, 'duplicate-id-a.yaml')}:7`));
  });

  test('errors are sorted by file, then line', () => {
    const keys = errors.map((error) => [error.file, error.line] as const);
    const sorted = [...keys].sort(([fileA, lineA], [fileB, lineB]) => (fileA === fileB ? lineA - lineB : fileA < fileB ? -1 : 1));
    assert.deepEqual(keys, sorted);
  });
});

describe('validateCatalogText and crossCheck on strings', () => {
  const header = (name: string, type = 'reference') =>
    `id: urn:kumoji:public:${name}\ntype: ${type}\nversion: 1\nname: { ja: 名, en: Name }\nsource: s\n`;

  test('a valid file yields its parsed content and the checksum of its bytes', () => {
    const text = `${header('one')}items:\n  - id: urn:kumoji:public:one:a\n    ja: あ\n    en: A\n    source: s\n`;
    const { file, errors } = validateCatalogText('one.yaml', text);
    assert.deepEqual(errors, []);
    assert.equal(file.kind, 'collection');
    assert.equal(file.kind === 'collection' ? file.catalog?.items[0]?.en : undefined, 'A');
    assert.equal(file.checksum, catalogChecksum(Buffer.from(text, 'utf8')));
    assert.match(file.checksum, /^[0-9a-f]{64}$/);
  });

  test('an invalid file keeps its ids for cross-file checks but no parsed content', () => {
    const text = `${header('two')}items:\n  - id: urn:kumoji:public:two:a\n    ja: あ\n    source: s\n`;
    const { file, errors } = validateCatalogText('two.yaml', text);
    assert.equal(errors.length, 1);
    assert.ok(file.kind === 'collection' && file.catalog === null);
    assert.deepEqual(file.kind === 'collection' ? file.itemIds : [], [{ id: 'urn:kumoji:public:two:a', line: 7 }]);
  });

  test('refs resolve across files; collection ids are not items', () => {
    const target = validateCatalogText('a.yaml', `${header('a')}items:\n  - id: urn:kumoji:public:a:x\n    ja: あ\n    en: A\n    source: s\n`);
    const source = validateCatalogText(
      'b.yaml',
      `${header('b')}attributes:\n  see: { type: ref-list, ja: 参照, en: See }\nitems:\n  - id: urn:kumoji:public:b:y\n    ja: い\n    en: B\n    source: s\n    attributes:\n      see: [urn:kumoji:public:a:x, urn:kumoji:public:a:nothing]\n`,
    );
    assert.deepEqual([...target.errors, ...source.errors], []);
    const errors: CatalogError[] = crossCheck([target.file, source.file]);
    assert.deepEqual(errors.map(formatCatalogError), [
      'b.yaml:14: urn:kumoji:public:b:y attributes.see[1]: refers to unknown item id urn:kumoji:public:a:nothing',
    ]);
  });

  const cases: [title: string, text: string, line: number, message: string][] = [
    ['an empty file', '', 1, 'expected object, got null'],
    ['an unquoted number where text is expected', `${header('n').replace('en: Name', 'en: 2024')}items: []\n`, 4, 'quote it in YAML'],
    ['an enum declared with unquoted numbers', `${header('e')}attributes:\n  s: { type: enum, values: [0, x], ja: 段, en: S }\nitems: []\n`, 7, 'values[0]: expected string, got number 0'],
    ['an unknown attribute type', `${header('t')}attributes:\n  s: { type: date, ja: 日, en: D }\nitems: []\n`, 7, 'expected one of "enum", "string"'],
    ['a checklist without the kind enum', `${header('c', 'checklist')}items: []\n`, 1, 'must declare attributes.kind as an enum'],
    ['a version below 1', `${header('v').replace('version: 1', 'version: 0')}items: []\n`, 3, 'version: must be at least 1'],
  ];
  for (const [title, text, line, message] of cases) {
    test(`reports ${title}`, () => {
      const { errors } = validateCatalogText('x.yaml', text);
      assert.ok(
        errors.some((error) => error.line === line && error.message.includes(message)),
        errors.map(formatCatalogError).join('\n'),
      );
    });
  }
});

describe('runCatalogCheck', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, out: { write: (text: string) => lines.push(...text.split('\n').filter(Boolean)) } };
  };

  test('exits 0 and prints the summary on a valid catalog', async () => {
    const { lines, out } = capture();
    assert.equal(await runCatalogCheck(VALID_DIR, out), 0);
    assert.deepEqual(lines, ['catalog: 3 files, 4 items, 0 errors']);
  });

  test('exits 1 and prints each error as file:line: message', async () => {
    const { lines, out } = capture();
    assert.equal(await runCatalogCheck(BROKEN_DIR, out), 1);
    const errorLines = lines.slice(0, -1);
    assert.ok(errorLines.length > 0);
    for (const line of errorLines) assert.match(line, /^.+\.yaml:\d+: \S/);
    assert.match(lines.at(-1) ?? '', /^catalog: 23 files, \d+ items, \d+ errors$/);
  });

  test('exits 1 on a missing folder', async () => {
    const { lines, out } = capture();
    assert.equal(await runCatalogCheck(path.join(VALID_DIR, 'nowhere'), out), 1);
    assert.match(lines[0] ?? '', /cannot read the catalog folder/);
  });
});

// The real content: must fail on any error, so it is not skipped or softened.
test('the shipped catalog/ folder validates with zero errors', async () => {
  const { files, errors } = await readCatalogDir(SHIPPED_DIR);
  assert.deepEqual(errors.map(formatCatalogError), []);
  const collections = files.filter((file) => file.kind === 'collection');
  assert.ok(collections.length > 0, 'catalog/ holds no collection files');
  for (const file of collections) assert.notEqual(file.catalog, null, `${file.path} was not parsed`);
});
