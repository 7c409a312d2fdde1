import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadShippedCatalog } from '../../src/server/catalog/catalog.loader.ts';
import { addMember, createOrganisation, createTestApp, TestClient, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

const KB = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/catalog-kb');
const ownFile = (name: string) => ({ filename: name, content: readFileSync(path.join(KB, 'org', name), 'utf8') });

const CHECKLIST = 'urn:kumoji:public:kb-checklist';
const TERMS = 'urn:kumoji:public:kb-terms';
const OWN = 'urn:kumoji:org:our-rules';
const enc = encodeURIComponent;

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let staffA: TestMember;
let auditorA: TestMember;

async function count(sql: string): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: number }>(sql);
  return rows[0].n;
}
const auditCount = () => count('select count(*)::int as n from audit_log');
const versionCount = () => count('select count(*)::int as n from catalog_versions');
const itemCount = () => count('select count(*)::int as n from catalog_items');

before(async () => {
  t = await createTestApp();
  await loadShippedCatalog(t.database, path.join(KB, 'v1'));
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  staffA = await addMember(t, orgA.id, 'staff');
  auditorA = await addMember(t, orgA.id, 'auditor');
});
after(() => t.close());

describe('browsing the knowledge base', () => {
  test('lists the shipped collections the organisation has, with versions and permissions', async () => {
    const r = await orgA.owner.client.get('/api/v1/catalog/collections');
    assert.equal(r.status, 200, r.raw);
    const ids = r.body.items.map((c: { id: string }) => c.id);
    assert.deepEqual(ids.sort(), [CHECKLIST, TERMS]);
    const checklist = r.body.items.find((c: { id: string }) => c.id === CHECKLIST);
    assert.equal(checklist.type, 'checklist');
    assert.deepEqual(checklist.name, { ja: 'テスト用チェックリスト', en: 'Test checklist' });
    assert.equal(checklist.origin, 'shipped');
    assert.equal(checklist.version, 1);
    assert.equal(checklist.itemCount, 4);
    assert.equal(checklist.updateAvailable, false);
    assert.deepEqual(checklist.can, { load: false, remove: false });
    assert.equal(checklist.fileName, 'public/kb-checklist.yaml');
    const terms = r.body.items.find((c: { id: string }) => c.id === TERMS);
    assert.deepEqual(terms.description, { ja: 'API テスト用の用語集', en: 'Glossary for the API tests' });
  });

  test('a collection: items in display order with parent, depth, source, attributes and their declarations', async () => {
    const r = await staffA.client.get(`/api/v1/catalog/collections/${enc(CHECKLIST)}`);
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.collection.id, CHECKLIST);
    assert.deepEqual(r.body.attributes.kind, { type: 'enum', values: ['checklist', 'group', 'question'], ja: '種別', en: 'Kind' });
    assert.deepEqual(
      r.body.items.map((i: { id: string; depth: number; parent: string | null }) => [i.id.split(':').pop(), i.depth, i.parent?.split(':').pop() ?? null]),
      [
        ['prerequisites', 0, null],
        ['inventory', 1, 'prerequisites'],
        ['backup', 1, 'prerequisites'],
        ['old-question', 1, 'prerequisites'],
      ],
    );
    const inventory = r.body.items[1];
    assert.equal(inventory.order, 1);
    assert.deepEqual(inventory.source, ['000_2afa2b1b220c6436.txt I']);
    assert.deepEqual(inventory.attributes, { kind: 'question', weight: 1 });
    assert.equal(inventory.detail.ja, '情報資産目録(台帳)を作成し、重要度を付けていることを確認します。');
    assert.equal(r.body.items[3].detail, null);
  });

  test('ids work in paths whether or not the colons are encoded; malformed ids get 400, unknown ones 404', async () => {
    const plain = await auditorA.client.get(`/api/v1/catalog/collections/${CHECKLIST}`);
    assert.equal(plain.status, 200);
    const item = await auditorA.client.get(`/api/v1/catalog/items/${enc(`${CHECKLIST}:backup`)}`);
    assert.equal(item.status, 200);
    assert.equal((await auditorA.client.get(`/api/v1/catalog/collections/${enc('urn:kumoji:public:no-such')}`)).status, 404);
    assert.equal((await auditorA.client.get(`/api/v1/catalog/items/${enc(`${CHECKLIST}:no-such`)}`)).status, 404);
    const bad = await auditorA.client.get(`/api/v1/catalog/collections/${enc('urn:kumoji:Bad Id')}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'params.collectionId');
    // A collection id is not an item id.
    assert.equal((await auditorA.client.get(`/api/v1/catalog/items/${enc(CHECKLIST)}`)).status, 400);
  });

  test('an item: its collection, version, ancestors, children and declarations', async () => {
    const root = await staffA.client.get(`/api/v1/catalog/items/${enc(`${CHECKLIST}:prerequisites`)}`);
    assert.equal(root.status, 200, root.raw);
    assert.deepEqual(root.body.collection, { id: CHECKLIST, type: 'checklist', name: { ja: 'テスト用チェックリスト', en: 'Test checklist' }, origin: 'shipped' });
    assert.equal(root.body.version.version, 1);
    assert.equal(root.body.loadedVersion, 1);
    assert.equal(root.body.inLoadedVersion, true);
    assert.deepEqual(root.body.children.map((c: { id: string }) => c.id.split(':').pop()), ['inventory', 'backup', 'old-question']);
    assert.deepEqual(root.body.ancestors, []);
    assert.equal(root.body.history.length, 1);
    const leaf = await staffA.client.get(`/api/v1/catalog/items/${enc(`${CHECKLIST}:backup`)}`);
    assert.deepEqual(leaf.body.ancestors, [{ id: `${CHECKLIST}:prerequisites`, ja: '前提条件チェック', en: 'Prerequisite check' }]);
    assert.equal(leaf.body.attributes.weight.en, 'Weight');
  });

  test('Japanese substring search finds items by title and by explanation', async () => {
    const inDetail = await staffA.client.get(`/api/v1/catalog/search?q=${enc('資産目録')}`);
    assert.equal(inDetail.status, 200, inDetail.raw);
    assert.deepEqual(inDetail.body.items.map((i: { id: string }) => i.id), [`${CHECKLIST}:inventory`]);
    assert.equal(inDetail.body.items[0].collection.id, CHECKLIST);
    assert.equal(inDetail.body.items[0].collection.version, 1);
    const inTitle = await staffA.client.get(`/api/v1/catalog/search?q=${enc('バックアップ')}`);
    assert.deepEqual(inTitle.body.items.map((i: { id: string }) => i.id), [`${CHECKLIST}:backup`]);
    assert.equal(inTitle.body.truncated, false);
  });

  test('English search ignores case; wildcards are taken literally; limit truncates; an empty query finds nothing', async () => {
    const en = await auditorA.client.get('/api/v1/catalog/search?q=BACKUP');
    assert.deepEqual(en.body.items.map((i: { id: string }) => i.id), [`${CHECKLIST}:backup`]);
    const percent = await auditorA.client.get(`/api/v1/catalog/search?q=${enc('100%')}`);
    assert.deepEqual(percent.body.items.map((i: { id: string }) => i.id), [`${TERMS}:availability`]);
    const underscore = await auditorA.client.get(`/api/v1/catalog/search?q=${enc('_')}`);
    assert.deepEqual(underscore.body.items, []);
    const limited = await auditorA.client.get(`/api/v1/catalog/search?q=${enc('可用性')}&limit=1`);
    assert.equal(limited.body.items.length, 1);
    assert.equal(limited.body.truncated, true);
    const empty = await auditorA.client.get('/api/v1/catalog/search?q=');
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body.items, []);
    assert.equal((await auditorA.client.get('/api/v1/catalog/search?q=x&limit=500')).status, 400);
  });

  test('the glossary lists the loaded glossary collections with their terms', async () => {
    const r = await auditorA.client.get('/api/v1/catalog/glossary');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.collections.length, 1);
    assert.equal(r.body.collections[0].collection.id, TERMS);
    assert.equal(r.body.collections[0].items[0].detail.ja, 'どの時点までのデータを復旧できればよいかの目標です。');
    assert.deepEqual(r.body.collections[0].items[0].attributes.see, [`${CHECKLIST}:backup`]);
  });

  test('signed-out requests get 401', async () => {
    assert.equal((await new TestClient(t.app).get('/api/v1/catalog/collections')).status, 401);
  });
});

describe('organisation files', () => {
  test('staff and auditors cannot upload, load or remove (403), and nothing changes', async () => {
    const before = await auditCount();
    for (const member of [staffA, auditorA]) {
      assert.equal((await member.client.post('/api/v1/catalog/organisation-files', ownFile('our-rules.yaml'))).status, 403);
      assert.equal((await member.client.post(`/api/v1/catalog/collections/${enc(CHECKLIST)}/load`)).status, 403);
      assert.equal((await member.client.delete(`/api/v1/catalog/collections/${enc(OWN)}`)).status, 403);
    }
    assert.equal(await auditCount(), before);
  });

  test('a file with errors is refused with each error and its line, and nothing is stored', async () => {
    const before = { audit: await auditCount(), versions: await versionCount(), items: await itemCount() };
    const r = await orgA.owner.client.post('/api/v1/catalog/organisation-files', ownFile('broken-rules.yaml'));
    assert.equal(r.status, 400, r.raw);
    assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(r.body.code, 'catalogFileInvalid');
    assert.equal(r.body.title, 'カタログファイルに 2 件の誤りがあるため、何も登録していません。各行のメッセージをご確認ください。');
    assert.deepEqual(
      r.body.errors.map((e: { path: string }) => e.path),
      ['line 9', 'line 17'],
    );
    assert.match(r.body.errors[0].message, /urn:kumoji:org:broken-rules:one: missing required key "en"/);
    assert.match(r.body.errors[1].message, /refers to unknown item id urn:kumoji:public:kb-checklist:nowhere/);
    assert.deepEqual({ audit: await auditCount(), versions: await versionCount(), items: await itemCount() }, before);
  });

  test('an own file must use the urn:kumoji:org: prefix; the message is translated', async () => {
    const owner = await addMember(t, orgA.id, 'owner', 'en');
    const r = await owner.client.post('/api/v1/catalog/organisation-files', ownFile('shipped-prefix.yaml'));
    assert.equal(r.status, 400, r.raw);
    assert.equal(r.body.title, 'The catalog file has 1 error(s), so nothing was stored. See the message on each line.');
    assert.deepEqual(r.body.errors, [
      {
        path: 'line 1',
        code: 'catalogOrganisationPrefix',
        message: "Your organisation's own collection id must start with urn:kumoji:org: (for example urn:kumoji:org:my-checklist).",
      },
    ]);
  });

  test('a file that is not a catalog at all, or is too large, is refused', async () => {
    const scalar = await orgA.owner.client.post('/api/v1/catalog/organisation-files', { filename: 'x.yaml', content: 'just text' });
    assert.equal(scalar.status, 400);
    assert.equal(scalar.body.code, 'catalogFileInvalid');
    const yamlError = await orgA.owner.client.post('/api/v1/catalog/organisation-files', { filename: 'x.yaml', content: 'id: [unclosed\n' });
    assert.equal(yamlError.status, 400);
    assert.match(yamlError.body.errors[0].message, /invalid YAML/);
    const reserved = await orgA.owner.client.post('/api/v1/catalog/organisation-files', { filename: 'retired-ids.yaml', content: 'ids: []' });
    assert.equal(reserved.status, 400);
    assert.equal(reserved.body.errors[0].code, 'catalogFilenameReserved');
    const big = await orgA.owner.client.post('/api/v1/catalog/organisation-files', { filename: 'big.yaml', content: `# ${'a'.repeat(1_000_000)}` });
    assert.equal(big.status, 400);
    assert.deepEqual(big.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['content', 'catalogFileTooLarge']]);
    const huge = await orgA.owner.client.post('/api/v1/catalog/organisation-files', { filename: 'huge.yaml', content: `# ${'資'.repeat(400_000)}` });
    assert.equal(huge.status, 413, 'beyond the request body limit');
  });

  test('a valid file is stored, loaded, audited, browsable and searchable in its organisation only', async () => {
    const before = await auditCount();
    const r = await orgA.owner.client.post('/api/v1/catalog/organisation-files', ownFile('our-rules.yaml'));
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.stored, true);
    assert.equal(r.body.loaded, true);
    assert.equal(r.body.collection.id, OWN);
    assert.equal(r.body.collection.origin, 'organisation');
    assert.equal(r.body.collection.version, 1);
    assert.equal(r.body.collection.fileName, 'our-rules.yaml');
    assert.deepEqual(r.body.collection.can, { load: false, remove: true });
    assert.equal(await auditCount(), before + 1);
    const { rows } = await t.database.pool.query(`select action, entity_id, after from audit_log where chain = $1 order by seq desc limit 1`, [`org:${orgA.id}`]);
    assert.equal(rows[0].action, 'catalog.upload');
    assert.equal(rows[0].entity_id, OWN);

    const list = await staffA.client.get('/api/v1/catalog/collections');
    const own = list.body.items.find((c: { id: string }) => c.id === OWN);
    assert.equal(own.origin, 'organisation');
    assert.deepEqual(own.can, { load: false, remove: false }, 'staff may read, not manage');
    const detail = await staffA.client.get(`/api/v1/catalog/collections/${enc(OWN)}`);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body.items.map((i: { depth: number }) => i.depth), [0, 1]);
    assert.equal(detail.body.items[0].attributes.related, `${CHECKLIST}:backup`);
    const found = await staffA.client.get(`/api/v1/catalog/search?q=${enc('社内独自規程')}`);
    assert.deepEqual(found.body.items.map((i: { id: string }) => i.id), [`${OWN}:backup-rule`]);
    assert.equal(found.body.items[0].collection.origin, 'organisation');

    // Another organisation sees none of it.
    const b = orgB.owner.client;
    assert.equal((await b.get(`/api/v1/catalog/collections/${enc(OWN)}`)).status, 404);
    assert.equal((await b.get(`/api/v1/catalog/items/${enc(`${OWN}:backup-rule`)}`)).status, 404);
    assert.deepEqual((await b.get(`/api/v1/catalog/search?q=${enc('社内独自規程')}`)).body.items, []);
    assert.ok(!(await b.get('/api/v1/catalog/collections')).body.items.some((c: { id: string }) => c.id === OWN));
    const beforeB = await auditCount();
    assert.equal((await b.post(`/api/v1/catalog/collections/${enc(OWN)}/load`)).status, 404);
    assert.equal((await b.delete(`/api/v1/catalog/collections/${enc(OWN)}`)).status, 404);
    assert.equal(await auditCount(), beforeB);
  });

  test('another organisation may use the same collection id for its own, separate file', async () => {
    const other = ownFile('our-rules-v2.yaml');
    const r = await orgB.owner.client.post('/api/v1/catalog/organisation-files', other);
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.collection.version, 2);
    const a = await orgA.owner.client.get(`/api/v1/catalog/items/${enc(`${OWN}:restore-rule`)}`);
    assert.equal(a.body.item.ja, '週に一度は復元を試す');
    assert.equal(a.body.history.length, 1, "B's version is not in A's history");
    const b = await orgB.owner.client.get(`/api/v1/catalog/items/${enc(`${OWN}:restore-rule`)}`);
    assert.equal(b.body.item.ja, '月に一度は復元を試す');
  });

  test('uploading the same file again changes nothing; new content needs a raised version', async () => {
    const before = { audit: await auditCount(), versions: await versionCount() };
    const same = await orgA.owner.client.post('/api/v1/catalog/organisation-files', ownFile('our-rules.yaml'));
    assert.equal(same.status, 200, same.raw);
    assert.equal(same.body.stored, false);
    assert.equal(same.body.loaded, false);
    assert.deepEqual({ audit: await auditCount(), versions: await versionCount() }, before);

    const notRaised = await orgA.owner.client.post('/api/v1/catalog/organisation-files', ownFile('our-rules-same-version.yaml'));
    assert.equal(notRaised.status, 400, notRaised.raw);
    assert.deepEqual(notRaised.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['line 3', 'catalogVersionNotRaised']]);
    assert.equal(notRaised.body.errors[0].message, 'このコレクションのバージョン 1 は別の内容ですでに登録されています。version を 2 に上げてください。');
    assert.deepEqual({ audit: await auditCount(), versions: await versionCount() }, before);

    const raised = await orgA.owner.client.post('/api/v1/catalog/organisation-files', ownFile('our-rules-v2.yaml'));
    assert.equal(raised.status, 200);
    assert.equal(raised.body.stored, true);
    assert.equal(raised.body.collection.version, 2);
    const item = await orgA.owner.client.get(`/api/v1/catalog/items/${enc(`${OWN}:restore-rule`)}`);
    assert.deepEqual(item.body.history.map((h: { version: number; loaded: boolean; changed: boolean }) => [h.version, h.loaded, h.changed]), [
      [2, true, true],
      [1, false, false],
    ]);
  });

  test('a shipped collection cannot be removed; an own one can, its items stay readable, and loading brings it back', async () => {
    const shipped = await orgA.owner.client.delete(`/api/v1/catalog/collections/${enc(CHECKLIST)}`);
    assert.equal(shipped.status, 409);
    assert.equal(shipped.body.code, 'catalogShippedNotRemovable');

    const before = await auditCount();
    const removed = await orgA.owner.client.delete(`/api/v1/catalog/collections/${enc(OWN)}`);
    assert.equal(removed.status, 204, removed.raw);
    assert.equal(await auditCount(), before + 1);
    assert.equal((await orgA.owner.client.get(`/api/v1/catalog/collections/${enc(OWN)}`)).status, 404);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/catalog/search?q=${enc('社内独自規程')}`)).body.items, []);
    const item = await orgA.owner.client.get(`/api/v1/catalog/items/${enc(`${OWN}:backup-rule`)}`);
    assert.equal(item.status, 200, 'a record pointing at the item still resolves');
    assert.equal(item.body.inLoadedVersion, false);
    assert.equal(item.body.loadedVersion, null);
    assert.equal((await orgA.owner.client.delete(`/api/v1/catalog/collections/${enc(OWN)}`)).status, 404);

    const back = await orgA.owner.client.post(`/api/v1/catalog/collections/${enc(OWN)}/load`);
    assert.equal(back.status, 200, back.raw);
    assert.equal(back.body.changed, true);
    assert.equal(back.body.collection.version, 2);
  });
});

describe('a newer shipped version', () => {
  test('is offered, loaded only when an owner asks, and old item ids keep resolving', async () => {
    // The organisation has used the catalog, so version 1 is pinned for it.
    assert.equal((await orgA.owner.client.get('/api/v1/catalog/collections')).status, 200);
    await loadShippedCatalog(t.database, path.join(KB, 'v2'));

    const list = await orgA.owner.client.get('/api/v1/catalog/collections');
    const checklist = list.body.items.find((c: { id: string }) => c.id === CHECKLIST);
    assert.equal(checklist.version, 1);
    assert.equal(checklist.newestVersion, 2);
    assert.equal(checklist.updateAvailable, true);
    assert.deepEqual(checklist.can, { load: true, remove: false });
    const staffView = (await staffA.client.get('/api/v1/catalog/collections')).body.items.find((c: { id: string }) => c.id === CHECKLIST);
    assert.deepEqual(staffView.can, { load: false, remove: false });
    // Search still looks at the loaded version 1.
    assert.deepEqual((await staffA.client.get(`/api/v1/catalog/search?q=${enc('多要素認証')}`)).body.items, []);

    // An organisation that first uses the catalog now gets version 2.
    const orgC = await createOrganisation(t, { name: 'Organisation C' });
    const c = (await orgC.owner.client.get('/api/v1/catalog/collections')).body.items.find((x: { id: string }) => x.id === CHECKLIST);
    assert.equal(c.version, 2);
    assert.equal(c.updateAvailable, false);

    const before = await auditCount();
    const load = await orgA.owner.client.post(`/api/v1/catalog/collections/${enc(CHECKLIST)}/load`);
    assert.equal(load.status, 200, load.raw);
    assert.equal(load.body.changed, true);
    assert.equal(load.body.collection.version, 2);
    assert.equal(load.body.collection.updateAvailable, false);
    assert.equal(await auditCount(), before + 1);
    const { rows } = await t.database.pool.query(`select action, before, after from audit_log where chain = $1 order by seq desc limit 1`, [`org:${orgA.id}`]);
    assert.equal(rows[0].action, 'catalog.load');
    assert.equal(rows[0].before.version, 1);
    assert.equal(rows[0].after.version, 2);

    const again = await orgA.owner.client.post(`/api/v1/catalog/collections/${enc(CHECKLIST)}/load`);
    assert.equal(again.body.changed, false);
    assert.equal(await auditCount(), before + 1, 'loading what is loaded changes nothing');

    const detail = await staffA.client.get(`/api/v1/catalog/collections/${enc(CHECKLIST)}`);
    assert.deepEqual(detail.body.items.map((i: { id: string }) => i.id.split(':').pop()), ['prerequisites', 'inventory', 'backup', 'mfa']);
    assert.deepEqual((await staffA.client.get(`/api/v1/catalog/search?q=${enc('多要素認証')}`)).body.items.map((i: { id: string }) => i.id), [`${CHECKLIST}:mfa`]);

    // An answer given against version 1 points at an item version 2 removed: it still resolves.
    const old = await staffA.client.get(`/api/v1/catalog/items/${enc(`${CHECKLIST}:old-question`)}`);
    assert.equal(old.status, 200, old.raw);
    assert.equal(old.body.item.ja, '紙の台帳を金庫に保管していますか');
    assert.equal(old.body.version.version, 1);
    assert.equal(old.body.loadedVersion, 2);
    assert.equal(old.body.inLoadedVersion, false);

    // A reworded item shows the loaded text and its history.
    const backup = await staffA.client.get(`/api/v1/catalog/items/${enc(`${CHECKLIST}:backup`)}`);
    assert.equal(backup.body.item.ja, 'バックアップを定期的に取得し、復元を試していますか');
    assert.deepEqual(backup.body.history.map((h: { version: number; loaded: boolean; changed: boolean; item: { ja: string } }) => [h.version, h.loaded, h.changed, h.item.ja]), [
      [2, true, true, 'バックアップを定期的に取得し、復元を試していますか'],
      [1, false, false, 'バックアップを定期的に取得していますか'],
    ]);
    const inventory = await staffA.client.get(`/api/v1/catalog/items/${enc(`${CHECKLIST}:inventory`)}`);
    assert.deepEqual(inventory.body.history.map((h: { changed: boolean }) => h.changed), [false, false], 'unchanged between versions');

    // The glossary file did not change, so there is nothing to load.
    const terms = list.body.items.find((x: { id: string }) => x.id === TERMS);
    assert.equal(terms.updateAvailable, false);
    const noop = await orgA.owner.client.post(`/api/v1/catalog/collections/${enc(TERMS)}/load`);
    assert.equal(noop.body.changed, false);
  });
});
