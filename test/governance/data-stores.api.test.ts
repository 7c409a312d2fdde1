import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Data stores against their class's encryption over HTTP (seed 004
 * 「データ保護と暗号化」): a store's class raised by the assets it holds
 * (personal data makes it high), the gaps for that class, assets of another
 * organisation refused, bad input and stale versions changing nothing,
 * exports, and a reader's limits.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
const stores = (orgId: string) => count(t, `select count(*)::int as n from data_stores where organisation_id = '${orgId}'`);
const links = (orgId: string) => count(t, `select count(*)::int as n from data_store_assets where organisation_id = '${orgId}'`);

async function asset(org: TestOrganisation, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await org.owner.client.post('/api/v1/assets', { name, medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1', ...extra });
  assert.equal(r.status, 201, r.raw);
  return r.body.id;
}

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp());
});
after(() => t.close());

describe('a data store and its class', () => {
  let id = '';
  let version = 0;
  let customers = '';

  test('set low, but it holds customers’ personal data: protected as high, and what high lacks is named', async () => {
    customers = await asset(orgA, '顧客台帳', { confidentiality: 'medium', containsPersonalData: true });
    const manuals = await asset(orgA, '業務マニュアル', { confidentiality: 'low' });
    const r = await orgA.owner.client.post('/api/v1/data-stores', { name: 'ファイルサーバー', location: '本社サーバー室', classification: 'low', atRest: 'aes128', tlsMinimum: '1.2', keyManagement: 'unknown', assetIds: [customers, manuals] });
    assert.equal(r.status, 201, r.raw);
    ({ id, version } = r.body);
    assert.equal(r.body.effectiveClass, 'high');
    assert.deepEqual(r.body.gaps, ['atRestNotAes256', 'keysUnmanaged']);
    assert.deepEqual(r.body.assets.map((a: { name: string }) => a.name).sort(), ['業務マニュアル', '顧客台帳']);
  });

  test('AES-256 with the provider’s keys closes the gaps; the list counts it', async () => {
    const r = await orgA.owner.client.patch(`/api/v1/data-stores/${id}`, { atRest: 'aes256', keyManagement: 'provider', version });
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.gaps, []);
    version = r.body.version;
    const list = (await orgA.owner.client.get('/api/v1/data-stores')).body;
    assert.deepEqual(list.summary, { stores: 1, withGaps: 0, high: 1 });
    assert.ok(list.source.length > 0);
  });

  test('without the personal data it falls back to its own class, and a low store only needs TLS 1.2', async () => {
    const r = await orgA.owner.client.patch(`/api/v1/data-stores/${id}`, { assetIds: [], tlsMinimum: '1.0', version });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.effectiveClass, 'low');
    assert.deepEqual(r.body.gaps, ['inTransitBelowTls12']);
    version = r.body.version;
    const unclassified = await orgA.owner.client.post('/api/v1/data-stores', { name: '共有ドライブ', tlsMinimum: '1.3' });
    assert.deepEqual(unclassified.body.gaps, ['unclassified']);
  });

  test('an asset of another organisation, a method that does not exist, an unknown field: 400, nothing stored', async () => {
    const theirs = await asset(orgB, '他社の台帳');
    const beforeStores = await stores(orgA.id);
    const beforeLinks = await links(orgA.id);
    for (const [body, path] of [
      [{ name: '倉庫', assetIds: [theirs] }, 'assetIds.0'],
      [{ name: '倉庫', atRest: 'rot13' }, 'atRest'],
      [{ name: '倉庫', tlsMinimum: '1.4' }, 'tlsMinimum'],
      [{ name: '倉庫', assetIds: [customers, customers] }, 'assetIds'],
      [{ name: '' }, 'name'],
    ] as const) {
      const r = await orgA.owner.client.post('/api/v1/data-stores', body);
      assert.equal(r.status, 400, r.raw);
      assert.equal(r.body.errors[0].path, path, r.raw);
      assert.ok(r.body.errors[0].message);
    }
    const patch = await orgA.owner.client.patch(`/api/v1/data-stores/${id}`, { assetIds: [theirs], version });
    assert.equal(patch.status, 400, patch.raw);
    assert.equal(await stores(orgA.id), beforeStores);
    assert.equal(await links(orgA.id), beforeLinks);
  });

  test('a stale version gets 409 and changes nothing; the history keeps the assets held', async () => {
    assert.equal((await orgA.owner.client.patch(`/api/v1/data-stores/${id}`, { name: 'x', version: version + 1 })).status, 409);
    assert.equal((await orgA.owner.client.get(`/api/v1/data-stores/${id}`)).body.name, 'ファイルサーバー');
    const history = (await orgA.owner.client.get(`/api/v1/data-stores/${id}/history`)).body.items;
    assert.equal(history.length, 3);
    assert.equal(history[0].before.assetIds.length, 2);
    assert.deepEqual(history[0].after.assetIds, []);
  });

  test('the gaps opened as corrective actions in Plan, each once, linked back to the store', async () => {
    const store = (await orgA.owner.client.get(`/api/v1/data-stores/${id}`)).body;
    assert.deepEqual(store.gaps, ['inTransitBelowTls12']);
    const r = await orgA.owner.client.post(`/api/v1/data-stores/${id}/findings`, { version: store.version });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.actions.length, 1);
    assert.equal(r.body.actions[0].title, '転送時にTLS 1.2以上が使われていません: ファイルサーバー');
    const action = (await orgA.owner.client.get(`/api/v1/corrective-actions/${r.body.actions[0].id}`)).body;
    assert.equal(action.phase, 'plan');
    assert.equal(action.origin, 'dataStore');
    assert.equal(action.originPath, `/governance/data-stores/${id}`);
    assert.match(action.plan, /TLS 1.2/);
    assert.equal(r.body.actions[0].finding, 'inTransitBelowTls12', 'the action names the gap it answers');
    const again = await orgA.owner.client.post(`/api/v1/data-stores/${id}/findings`, { version: store.version });
    assert.equal(again.body.actions.length, 1, 'an open action is not opened twice');
    // The gap, not its title in the member's language, tells whether it is open already.
    await t.database.db.execute(sql`update users set locale = 'en' where id = ${orgA.owner.userId}`);
    try {
      const inEnglish = await orgA.owner.client.post(`/api/v1/data-stores/${id}/findings`, { version: store.version });
      assert.equal(inEnglish.status, 200, inEnglish.raw);
      assert.deepEqual(inEnglish.body.actions.map((a: { id: string }) => a.id), [r.body.actions[0].id], 'not opened again in another language');
      // An action opened before actions named their gap is recognised by its title, in either language.
      await t.database.db.execute(sql`update corrective_actions set origin_finding = null where id = ${r.body.actions[0].id}`);
      const legacy = await orgA.owner.client.post(`/api/v1/data-stores/${id}/findings`, { version: store.version });
      assert.equal(legacy.body.actions.length, 1, legacy.raw);
    } finally {
      await t.database.db.execute(sql`update users set locale = 'ja' where id = ${orgA.owner.userId}`);
    }
    assert.equal((await orgA.owner.client.post(`/api/v1/data-stores/${id}/findings`, { version: store.version + 1 })).status, 409);
    assert.equal((await auditorA.client.post(`/api/v1/data-stores/${id}/findings`, { version: store.version })).status, 403);
    assert.equal((await orgB.owner.client.post(`/api/v1/data-stores/${id}/findings`, { version: store.version })).status, 404);
  });

  test('exports; another organisation and a reader', async () => {
    const csv = await orgA.owner.client.get('/api/v1/data-stores/export?format=csv');
    assert.equal(csv.status, 200, csv.raw);
    const lines = csv.raw.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0]!, /^保管場所,所在/);
    assert.ok(lines.some((l) => l.startsWith('ファイルサーバー,') && l.includes('転送時にTLS 1.2以上が使われていません')), lines.join('\n'));
    const json = await auditorA.client.get('/api/v1/data-stores/export?format=json');
    assert.ok(json.body.some((s: { gaps: string }) => s.gaps === 'No class yet'));
    assert.deepEqual((await orgB.owner.client.get('/api/v1/data-stores')).body.items, []);
    assert.equal((await orgB.owner.client.get(`/api/v1/data-stores/${id}`)).status, 404);
    assert.equal((await auditorA.client.patch(`/api/v1/data-stores/${id}`, { name: 'x', version })).status, 403);
    assert.equal((await auditorA.client.get('/api/v1/data-stores')).body.items[0].can.update, false);
  });
});
