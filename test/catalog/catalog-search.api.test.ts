// Knowledge search over the shipped catalog (issue 9 item 3): collections as
// well as items, ranked, in both languages, width and kana folded.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadShippedCatalog } from '../../src/server/catalog/catalog.loader.ts';
import { createOrganisation, createTestApp, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

const CATALOG = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../catalog');
const BCP_MODES = 'urn:kumoji:seed-004:bcp-modes';
const GLOSSARY = 'urn:kumoji:seed-004:glossary';
const enc = encodeURIComponent;

let t: TestApp;
let org: TestOrganisation;

before(async () => {
  t = await createTestApp();
  await loadShippedCatalog(t.database, CATALOG);
  org = await createOrganisation(t, { name: 'Search organisation' });
});
after(() => t.close());

interface Hit {
  id: string;
  match: string;
  collection: { id: string };
}
const search = async (q: string, limit = 200) => {
  const r = await org.owner.client.get(`/api/v1/catalog/search?q=${enc(q)}&limit=${limit}`);
  assert.equal(r.status, 200, r.raw);
  return r.body as { collections: { id: string; match: string }[]; items: Hit[]; truncated: boolean };
};

test('「BCP」 finds the collection titled 「BCPの3段階運用…」, in every width and case', async () => {
  for (const q of ['BCP', 'bcp', 'ＢＣＰ', 'ｂｃｐ']) {
    const found = await search(q);
    const collection = found.collections.find((c) => c.id === BCP_MODES);
    assert.ok(collection, `${q} finds ${BCP_MODES}`);
    assert.equal(collection.match, 'titlePrefix');
  }
});

test('an English query finds English collection titles; hiragana finds katakana', async () => {
  assert.ok((await search('three-mode bcp')).collections.some((c) => c.id === BCP_MODES));
  const kana = await search('ぜろとらすと');
  assert.equal(kana.items[0]?.id, `${GLOSSARY}:zero-trust`);
  assert.equal(kana.items[0]?.match, 'exactTitle');
});

test('results are ranked: whole title, title start, inside a title, glossary definition, explanation', async () => {
  const order = ['exactTitle', 'titlePrefix', 'title', 'glossary', 'body'];
  for (const q of ['BCP', 'ゼロトラスト', 'backup']) {
    const found = await search(q);
    const ranks = found.items.map((i) => order.indexOf(i.match));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), q);
    assert.ok(!ranks.includes(-1), q);
  }
  const zeroTrust = await search('ゼロトラスト');
  assert.equal(zeroTrust.items[0].id, `${GLOSSARY}:zero-trust`);
  // A glossary term found in its definition ranks above an explanation elsewhere, below titles.
  const immutable = await search('イミュータブル');
  assert.deepEqual(
    immutable.items.map((i) => i.match),
    ['title', 'glossary', 'body', 'body'],
  );
  assert.equal(immutable.items[1].id, `${GLOSSARY}:rule-3-2-1`);
});

test('limit truncates the items; an empty query finds nothing', async () => {
  const limited = await search('backup', 1);
  assert.equal(limited.items.length, 1);
  assert.equal(limited.truncated, true);
  const empty = await search('');
  assert.deepEqual(empty, { q: '', collections: [], items: [], truncated: false });
});
