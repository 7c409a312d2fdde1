import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { CatalogInvalidError, loadShippedCatalog } from './catalog.loader.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const KB = path.join(ROOT, 'test/fixtures/catalog-kb');
const BROKEN_DIR = path.join(ROOT, 'test/fixtures/catalog-broken');
const SHIPPED_DIR = path.join(ROOT, 'catalog');

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.drop());

async function reset() {
  // Audit rows cannot be deleted (trigger); the catalog tables can, by their owner (the serving role may not truncate).
  await database.queryAsOwner('truncate organisation_catalogs, catalog_items, catalog_versions cascade');
}

/** Every stored version and item, in every scope. */
async function countStore(): Promise<{ versions: number; items: number }> {
  const { rows } = await database.pool.query<{ versions: number; items: number }>(
    'select (select count(*)::int from catalog_versions) as versions, (select count(*)::int from catalog_items) as items',
  );
  return rows[0];
}

async function storeAuditEntries(): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'catalog.store'`);
  return rows[0].n;
}

describe('loadShippedCatalog', () => {
  test('stores every file once; loading the same files again changes nothing', async () => {
    await reset();
    const auditBefore = await storeAuditEntries();
    const first = await loadShippedCatalog(database, path.join(KB, 'v1'));
    assert.equal(first.collections, 2);
    assert.equal(first.items, 7);
    assert.equal(first.stored.length, 2);
    const counts = await countStore();
    assert.deepEqual(counts, { versions: 2, items: 7 });
    assert.equal(await storeAuditEntries(), auditBefore + 1, 'one audit entry names what was stored');

    const second = await loadShippedCatalog(database, path.join(KB, 'v1'));
    assert.deepEqual(second.stored, []);
    assert.deepEqual(await countStore(), counts);
    assert.equal(await storeAuditEntries(), auditBefore + 1, 'nothing stored, nothing audited');
  });

  test('a changed file with a raised version is stored next to the old one; the old items stay', async () => {
    await reset();
    await loadShippedCatalog(database, path.join(KB, 'v1'));
    const report = await loadShippedCatalog(database, path.join(KB, 'v2'));
    // The glossary file is byte-identical in v1 and v2: only the checklist is new.
    assert.deepEqual(report.stored, [{ collectionId: 'urn:kumoji:public:kb-checklist', version: 2 }]);
    assert.deepEqual(await countStore(), { versions: 3, items: 11 });
    const { rows } = await database.pool.query(
      `select v.version from catalog_items i join catalog_versions v on v.id = i.catalog_version_id
        where i.item_id = 'urn:kumoji:public:kb-checklist:old-question'`,
    );
    assert.deepEqual(rows.map((r) => r.version), [1], 'the item removed in version 2 is still stored with version 1');
  });

  test('items are stored in display order with their depth', async () => {
    await reset();
    await loadShippedCatalog(database, path.join(KB, 'v1'));
    const { rows } = await database.pool.query(
      `select i.item_id, i.depth, i.source, i.attributes from catalog_items i join catalog_versions v on v.id = i.catalog_version_id
        where v.collection_id = 'urn:kumoji:public:kb-checklist' order by i.position`,
    );
    assert.deepEqual(
      rows.map((r) => [r.item_id.split(':').pop(), r.depth]),
      [['prerequisites', 0], ['inventory', 1], ['backup', 1], ['old-question', 1]],
    );
    assert.deepEqual(rows[1].source, ['000_2afa2b1b220c6436.txt I']);
    assert.deepEqual(rows[1].attributes, { kind: 'question', weight: 1 });
  });

  test('changed content without a raised version refuses to start, at the version line, and stores nothing', async () => {
    await reset();
    await loadShippedCatalog(database, path.join(KB, 'v1'));
    const before = await countStore();
    const dir = path.join(KB, 'v1-changed');
    await assert.rejects(loadShippedCatalog(database, dir), (e: unknown) => {
      assert.ok(e instanceof CatalogInvalidError);
      assert.equal(e.errors.length, 1);
      assert.equal(e.errors[0].file, path.join(dir, 'public/kb-checklist.yaml'));
      assert.equal(e.errors[0].line, 4);
      assert.match(e.message, /kb-checklist\.yaml:4: content changed since version 1 was stored, but version is 1; raise it to 2/);
      return true;
    });
    assert.deepEqual(await countStore(), before);
  });

  test('an invalid catalog refuses to start with file:line errors and stores nothing', async () => {
    await reset();
    await assert.rejects(loadShippedCatalog(database, BROKEN_DIR), (e: unknown) => {
      assert.ok(e instanceof CatalogInvalidError);
      assert.ok(e.errors.length >= 20);
      assert.match(e.message, /^The catalog in .* has \d+ errors; Kumoji does not start until they are fixed/);
      assert.match(e.message, /missing-en\.yaml:7: urn:kumoji:public:fixture-missing-en:one: missing required key "en"/);
      // The command line prints the stack of unknown errors: here it is the message itself.
      assert.equal(e.stack, e.message);
      return true;
    });
    assert.deepEqual(await countStore(), { versions: 0, items: 0 });
  });

  test('a catalog folder that does not exist refuses to start', async () => {
    await assert.rejects(loadShippedCatalog(database, path.join(KB, 'no-such-folder')), /cannot read the catalog folder/);
  });

  test('the shipped catalog may not use the organisation id prefix', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kumoji-catalog-'));
    try {
      await cp(path.join(KB, 'v1'), dir, { recursive: true });
      await cp(path.join(KB, 'org/our-rules.yaml'), path.join(dir, 'public/our-rules.yaml'));
      await assert.rejects(loadShippedCatalog(database, dir), (e: unknown) => {
        assert.ok(e instanceof CatalogInvalidError);
        assert.match(e.message, /our-rules\.yaml:1: ids under urn:kumoji:org: are for an organisation's own files/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('two instances starting at once store each file once', async () => {
    await reset();
    const results = await Promise.all([loadShippedCatalog(database, path.join(KB, 'v2')), loadShippedCatalog(database, path.join(KB, 'v2'))]);
    assert.deepEqual(results.map((r) => r.stored.length).sort(), [0, 2]);
    assert.deepEqual(await countStore(), { versions: 2, items: 7 });
  });

  test('the shipped catalog loads, and loads again without a change', async () => {
    await reset();
    const first = await loadShippedCatalog(database, SHIPPED_DIR);
    assert.ok(first.collections > 40 && first.items > 500, `${first.collections} collections, ${first.items} items`);
    const counts = await countStore();
    assert.deepEqual(counts, { versions: first.collections, items: first.items });
    const again = await loadShippedCatalog(database, SHIPPED_DIR);
    assert.deepEqual(again.stored, []);
    assert.deepEqual(await countStore(), counts);
  });
});
