import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { CLASS, GROUP, RISK, addNamedMember, loadCatalog } from './asset-fixtures.ts';

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let staffA: TestMember;
let auditorA: TestMember;

const auditCount = async () => (await t.database.pool.query<{ n: number }>('select count(*)::int as n from audit_log')).rows[0].n;

before(async () => {
  t = await createTestApp();
  await loadCatalog(t);
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  staffA = await addMember(t, orgA.id, 'staff');
  auditorA = await addMember(t, orgA.id, 'auditor');
});
after(() => t.close());

const base = { name: 'お得意様台帳', medium: 'electronic', records: 200, rank: 'A', unitValueThousandYen: '150' };

describe('create, read, edit, delete', () => {
  test('an asset with every field; the total is computed, exact', async () => {
    const r = await staffA.client.post('/api/v1/assets', {
      ...base,
      name: '会員M売上DB',
      content: '会員番号、日時、品名、数量、売上、ポイント',
      location: 'サーバ室',
      ownerUserId: staffA.userId,
      records: 10000,
      rank: 'B',
      unitValueThousandYen: '2',
      assetClassId: CLASS(1),
      informationGroupId: GROUP(1),
      riskCategoryId: RISK('customer-personal-info'),
      sensitivity: 'sensitive',
      confidentiality: 'high',
      containsPersonalData: true,
      currentPlacement: 'on_premises',
      plannedPlacement: 'cloud',
      notes: '移行候補',
    });
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.totalValueYen, '20000000');
    assert.equal(r.body.unitValueYen, '2000');
    assert.equal(r.body.owner.userId, staffA.userId);
    assert.equal(r.body.owner.member, true);
    assert.equal(r.body.currentProviderId, null);
    assert.equal(r.body.version, 1);
    const g = await auditorA.client.get(`/api/v1/assets/${r.body.id}`);
    assert.equal(g.status, 200);
    assert.deepEqual(g.body, r.body);
  });

  test('0.5千円 is 500 yen; records × unit value beyond 2^53 stays exact', async () => {
    const r = await staffA.client.post('/api/v1/assets', { ...base, name: '電話注文票', medium: 'paper', records: 150, rank: 'B', unitValueThousandYen: '0.5' });
    assert.equal(r.body.totalValueYen, '75000');
    const big = await staffA.client.post('/api/v1/assets', { ...base, name: '巨大ログ', records: 1_000_000_000_000_000, unitValueThousandYen: '1000000000' });
    assert.equal(big.status, 201, big.raw);
    assert.equal(big.body.totalValueYen, (10n ** 27n).toString());
    await staffA.client.delete(`/api/v1/assets/${big.body.id}`);
  });

  test('bad values are refused per field, in the user language, and change nothing', async () => {
    const before = await auditCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, name: 'x1', records: -1 }, 'records'],
      [{ ...base, name: 'x2', records: 1.5 }, 'records'],
      [{ ...base, name: 'x3', rank: 'D' }, 'rank'],
      [{ ...base, name: 'x4', unitValueThousandYen: '-1' }, 'unitValueThousandYen'],
      [{ ...base, name: 'x5', unitValueThousandYen: '0.0001' }, 'unitValueThousandYen'],
      [{ ...base, name: 'x6', unitValueThousandYen: 'abc' }, 'unitValueThousandYen'],
      [{ ...base, name: '' }, 'name'],
      [{ ...base, name: 'x7', ownerUserId: orgB.owner.userId }, 'ownerUserId'],
      [{ ...base, name: 'x8', assetClassId: 'urn:kumoji:seed-000:asset-classes:99' }, 'assetClassId'],
      [{ ...base, name: 'x9', riskCategoryId: RISK('personal-info.basic') }, 'riskCategoryId'],
    ];
    for (const [body, field] of cases) {
      const r = await staffA.client.post('/api/v1/assets', body);
      assert.equal(r.status, 400, `${field}: ${r.raw}`);
      assert.ok(r.body.errors.some((e: { path: string }) => e.path === field), `${field}: ${r.raw}`);
      assert.ok(!r.body.errors[0].message.startsWith('errors.'), r.body.errors[0].message);
    }
    assert.equal(await auditCount(), before);
  });

  test('a duplicate name (case-insensitive for Latin letters) is a 409 on the name field', async () => {
    await staffA.client.post('/api/v1/assets', { ...base, name: 'Web注文データ' });
    const r = await staffA.client.post('/api/v1/assets', { ...base, name: 'WEB注文データ' });
    assert.equal(r.status, 409);
    assert.equal(r.body.errors[0].path, 'name');
  });

  test('edit with a stale version gets 409 and changes nothing', async () => {
    const c = await staffA.client.post('/api/v1/assets', { ...base, name: '社員名簿', records: 10, rank: 'B', unitValueThousandYen: '10' });
    const e1 = await staffA.client.patch(`/api/v1/assets/${c.body.id}`, { records: 12, version: 1 });
    assert.equal(e1.status, 200, e1.raw);
    assert.equal(e1.body.totalValueYen, '120000');
    assert.equal(e1.body.version, 2);
    const e2 = await orgA.owner.client.patch(`/api/v1/assets/${c.body.id}`, { records: 99, version: 1 });
    assert.equal(e2.status, 409);
    assert.equal((await staffA.client.get(`/api/v1/assets/${c.body.id}`)).body.records, 12);
    const d1 = await staffA.client.delete(`/api/v1/assets/${c.body.id}?version=1`);
    assert.equal(d1.status, 409);
    const d2 = await staffA.client.delete(`/api/v1/assets/${c.body.id}?version=2`);
    assert.equal(d2.status, 204);
    assert.equal((await staffA.client.get(`/api/v1/assets/${c.body.id}`)).status, 404);
  });

  test('the auditor reads but cannot write; another organisation finds nothing', async () => {
    const c = await staffA.client.post('/api/v1/assets', { ...base, name: '監査対象' });
    assert.equal((await auditorA.client.post('/api/v1/assets', { ...base, name: 'nope' })).status, 403);
    assert.equal((await auditorA.client.patch(`/api/v1/assets/${c.body.id}`, { records: 1, version: 1 })).status, 403);
    assert.equal((await orgB.owner.client.get(`/api/v1/assets/${c.body.id}`)).status, 404);
    assert.equal((await orgB.owner.client.patch(`/api/v1/assets/${c.body.id}`, { records: 1, version: 1 })).status, 404);
    assert.equal((await orgB.owner.client.delete(`/api/v1/assets/${c.body.id}`)).status, 404);
    assert.equal((await orgB.owner.client.get(`/api/v1/assets/${c.body.id}/history`)).status, 404);
    const list = await orgB.owner.client.get('/api/v1/assets');
    assert.equal(list.body.total, 0);
  });
});

describe('list: sort, filter, search, keyset pages', () => {
  let org: TestOrganisation;
  before(async () => {
    org = await createOrganisation(t, { name: 'List org' });
    const owner = org.owner.client;
    const names = ['顧客台帳', '受注データ', '請求書控え', '社員名簿', '仕入先マスタ', 'Backup tapes', 'backup logs', '在庫DB', '契約書', '見積書'];
    for (const [i, name] of names.entries()) {
      const r = await owner.post('/api/v1/assets', {
        name,
        medium: i % 3 === 0 ? 'paper' : 'electronic',
        records: (i + 1) * 100,
        rank: (['A', 'B', 'C'] as const)[i % 3],
        unitValueThousandYen: String(i + 1),
        content: i === 4 ? '取引先の口座番号' : '',
        containsPersonalData: i % 2 === 0,
        ...(i < 3 ? { ownerUserId: org.owner.userId } : {}),
      });
      assert.equal(r.status, 201, r.raw);
    }
  });

  async function walk(query: string, limit = 3) {
    const seen: { name: string; totalValueYen: string }[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const r = await org.owner.client.get(`/api/v1/assets?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(r.status, 200, r.raw);
      if (first) assert.equal(typeof r.body.total, 'number');
      else assert.equal(r.body.total, null);
      first = false;
      seen.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return seen;
  }

  test('every sort key in both directions visits every asset once, in order', async () => {
    for (const sort of ['name', 'rank', 'records', 'unitValue', 'totalValue', 'updatedAt']) {
      for (const dir of ['asc', 'desc']) {
        const rows = await walk(`sort=${sort}&dir=${dir}`);
        assert.equal(rows.length, 10, `${sort} ${dir}`);
        assert.equal(new Set(rows.map((r) => r.name)).size, 10, `${sort} ${dir}`);
      }
    }
    const byTotal = await walk('sort=totalValue&dir=desc');
    const totals = byTotal.map((r) => BigInt(r.totalValueYen));
    assert.deepEqual(totals, [...totals].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  });

  test('filters and Japanese substring search', async () => {
    assert.deepEqual((await walk('q=台帳')).map((r) => r.name), ['顧客台帳']);
    assert.deepEqual((await walk('q=口座')).map((r) => r.name), ['仕入先マスタ']);
    assert.deepEqual((await walk('q=BACKUP&sort=name')).map((r) => r.name).sort(), ['Backup tapes', 'backup logs'].sort());
    assert.equal((await walk('q=%25')).length, 0);
    assert.equal((await walk('rank=A')).length, 4);
    assert.equal((await walk('medium=paper')).length, 4);
    assert.equal((await walk('personalData=true')).length, 5);
    assert.equal((await walk(`ownerUserId=${org.owner.userId}`)).length, 3);
    assert.equal((await walk('ownerUserId=none')).length, 7);
    assert.equal((await walk('rank=A&personalData=true')).length, 2);
  });

  test('a garbled or foreign cursor is a 400, not a 500', async () => {
    const r = await org.owner.client.get('/api/v1/assets?sort=name&limit=2');
    const c = r.body.nextCursor as string;
    assert.equal((await org.owner.client.get(`/api/v1/assets?sort=records&cursor=${c}`)).status, 400);
    assert.equal((await org.owner.client.get('/api/v1/assets?cursor=AAAA')).status, 400);
    assert.equal((await org.owner.client.get('/api/v1/assets?sort=nope')).status, 400);
  });
});

describe('bulk edit', () => {
  let org: TestOrganisation;
  let ids: { id: string; version: number }[];
  before(async () => {
    org = await createOrganisation(t, { name: 'Bulk org' });
    ids = [];
    for (let i = 0; i < 5; i++) {
      const r = await org.owner.client.post('/api/v1/assets', { ...base, name: `資産${i}` });
      ids.push({ id: r.body.id, version: r.body.version });
    }
  });

  test('classification and owner of several assets, audited per asset under one bulk id', async () => {
    const member = await addNamedMember(t, org.id, '情報システム課');
    const before = await auditCount();
    const r = await org.owner.client.post('/api/v1/assets/bulk-update', {
      items: ids.slice(0, 3),
      set: { ownerUserId: member.userId, rank: 'C', assetClassId: CLASS(1), sensitivity: 'basic' },
    });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.updated, 3);
    for (const a of r.body.items) {
      assert.equal(a.owner.userId, member.userId);
      assert.equal(a.rank, 'C');
      assert.equal(a.version, 2);
    }
    assert.equal(await auditCount(), before + 3);
    const h = await org.owner.client.get(`/api/v1/assets/${ids[0].id}/history`);
    assert.equal(h.body.items[0].action, 'asset.bulk-update');
    assert.deepEqual(h.body.items[0].after, { ownerUserId: member.userId, rank: 'C', assetClassId: CLASS(1), sensitivity: 'basic' });
    assert.deepEqual(h.body.items[0].before, { ownerUserId: null, rank: 'A', assetClassId: null, sensitivity: null });
    const h2 = await org.owner.client.get(`/api/v1/assets/${ids[1].id}/history`);
    assert.equal(h2.body.items[0].batchId, h.body.items[0].batchId);
    assert.equal(h.body.items.at(-1).action, 'asset.create');
    ids = ids.map((x, i) => (i < 3 ? { ...x, version: 2 } : x));
  });

  test('all or nothing: one stale version, one foreign id, one bad owner → nothing changes', async () => {
    const foreignAsset = await orgA.owner.client.post('/api/v1/assets', { ...base, name: '他社資産' });
    const before = await auditCount();
    const stale = await org.owner.client.post('/api/v1/assets/bulk-update', { items: [ids[3], { ...ids[0], version: 1 }], set: { rank: 'B' } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.errors[0].path, 'items.1.version');
    const foreign = await org.owner.client.post('/api/v1/assets/bulk-update', { items: [ids[3], { id: foreignAsset.body.id, version: 1 }], set: { rank: 'B' } });
    assert.equal(foreign.status, 404);
    const badOwner = await org.owner.client.post('/api/v1/assets/bulk-update', { items: [ids[3]], set: { ownerUserId: staffA.userId } });
    assert.equal(badOwner.status, 400);
    const empty = await org.owner.client.post('/api/v1/assets/bulk-update', { items: [ids[3]], set: {} });
    assert.equal(empty.status, 400);
    const dup = await org.owner.client.post('/api/v1/assets/bulk-update', { items: [ids[3], ids[3]], set: { rank: 'B' } });
    assert.equal(dup.status, 400);
    assert.equal(await auditCount(), before);
    assert.equal((await org.owner.client.get(`/api/v1/assets/${ids[3].id}`)).body.rank, 'A');
  });
});

describe('history', () => {
  test('create, edit and delete each leave an entry with before and after', async () => {
    const c = await staffA.client.post('/api/v1/assets', { ...base, name: '履歴テスト' });
    await staffA.client.patch(`/api/v1/assets/${c.body.id}`, { rank: 'B', notes: '見直し', version: 1 });
    const h = await auditorA.client.get(`/api/v1/assets/${c.body.id}/history`);
    assert.equal(h.status, 200);
    assert.deepEqual(
      h.body.items.map((e: { action: string }) => e.action),
      ['asset.update', 'asset.create'],
    );
    assert.deepEqual(h.body.items[0].before, { rank: 'A', notes: '' });
    assert.deepEqual(h.body.items[0].after, { rank: 'B', notes: '見直し' });
    assert.equal(h.body.items[0].actorUserId, staffA.userId);
  });
});

describe('summary and the asset-model check', () => {
  test('totals by rank, group and class; the check against annual revenue', async () => {
    const org = await createOrganisation(t, { name: 'Summary org' });
    const c = org.owner.client;
    await c.post('/api/v1/assets', { ...base, name: 'a', rank: 'A', records: 200, unitValueThousandYen: '150', informationGroupId: GROUP(1), assetClassId: CLASS(1) });
    await c.post('/api/v1/assets', { ...base, name: 'b', rank: 'B', records: 150, unitValueThousandYen: '0.5' });
    const s = await c.get('/api/v1/assets/summary');
    assert.equal(s.status, 200, s.raw);
    assert.equal(s.body.count, 2);
    assert.equal(s.body.totalValueYen, '30075000');
    assert.equal(s.body.withoutOwner, 2);
    assert.deepEqual(s.body.byRank, [
      { key: 'A', count: 1, totalValueYen: '30000000' },
      { key: 'B', count: 1, totalValueYen: '75000' },
    ]);
    assert.deepEqual(s.body.byInformationGroup, [
      { key: GROUP(1), count: 1, totalValueYen: '30000000' },
      { key: null, count: 1, totalValueYen: '75000' },
    ]);
    // No revenue known yet (the organisation profile has none): the check says so.
    assert.equal(s.body.modelCheck.verdict, 'noRevenue');
  });
});

describe('choices', () => {
  test('classifications from the loaded catalog and the members as owners', async () => {
    const r = await auditorA.client.get('/api/v1/assets/choices');
    assert.equal(r.status, 200);
    assert.ok(r.body.assetClasses.some((c: { id: string }) => c.id === CLASS(1)));
    assert.equal(r.body.informationGroups.length, 6);
    assert.ok(r.body.riskCategories.every((c: { id: string }) => !c.id.includes('.')));
    assert.ok(r.body.owners.some((o: { userId: string }) => o.userId === staffA.userId));
  });
});
