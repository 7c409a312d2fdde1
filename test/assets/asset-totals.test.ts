import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, createOrganisation, type TestApp, type TestClient } from '../helpers/test-app.ts';
import { CLASS, GROUP, fixture, importFile } from './asset-fixtures.ts';
import { closeImportTestApp, importTestApp, seedOrganisation } from './asset-import-setup.ts';

/**
 * The inventory's totals are kept by statement triggers (`asset_totals`), not
 * counted per request. Whatever the writers do, side by side, the summary must
 * equal a count made over the assets themselves at the end.
 */

let t: TestApp;
before(async () => {
  t = await importTestApp();
});
after(() => closeImportTestApp(t));

/** The totals counted from the assets, as the summary used to: the reference. */
async function scanned(organisationId: string) {
  const { rows } = await t.database.pool.query<{ dim: string; key: string | null; count: number; total: string }>(
    `select 'all' as dim, null as key, count(*)::int as count, coalesce(sum(total_value_yen), 0)::text as total from assets where organisation_id = $1
     union all select 'rank', rank, count(*)::int, sum(total_value_yen)::text from assets where organisation_id = $1 group by rank
     union all select 'group', information_group_id, count(*)::int, sum(total_value_yen)::text from assets where organisation_id = $1 group by information_group_id
     union all select 'class', asset_class_id, count(*)::int, sum(total_value_yen)::text from assets where organisation_id = $1 group by asset_class_id
     union all select 'none', null, count(*)::int, '0' from assets a where organisation_id = $1 and owner_department_id is null
        and not exists (select 1 from memberships m where m.organisation_id = a.organisation_id and m.user_id = a.owner_user_id)`,
    [organisationId],
  );
  const sorted = (dim: string) =>
    rows
      .filter((r) => r.dim === dim)
      .map((r) => ({ key: r.key, count: r.count, totalValueYen: r.total }))
      .sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
  const all = rows.find((r) => r.dim === 'all')!;
  return {
    count: all.count,
    totalValueYen: all.total,
    withoutOwner: rows.find((r) => r.dim === 'none')!.count,
    byRank: sorted('rank'),
    byInformationGroup: sorted('group'),
    byAssetClass: sorted('class'),
  };
}

async function summaryOf(client: TestClient) {
  const s = await client.get('/api/v1/assets/summary');
  assert.equal(s.status, 200, s.raw);
  const { modelCheck: _check, ...totals } = s.body;
  return totals;
}

const asset = (i: number) => ({
  name: `並行資産${i}`,
  medium: 'electronic',
  records: 10 + i,
  rank: ['A', 'B', 'C'][i % 3],
  unitValueThousandYen: ['0.5', '2', '150'][i % 3],
  ...(i % 2 ? { informationGroupId: GROUP(1 + (i % 3)) } : {}),
  ...(i % 4 === 0 ? { assetClassId: CLASS(1 + (i % 2)) } : {}),
});

describe('the inventory totals follow every write', () => {
  test('creates, edits, deletes, an import and a member leaving, side by side, add up to a count of the assets', async () => {
    const org = await seedOrganisation('集計 並行株式会社');
    const other = await createOrganisation(t, { name: '集計 別組織' });
    const leaver = await addMember(t, org.id, 'staff');
    const c = org.owner.client;
    await other.owner.client.post('/api/v1/assets', asset(1));
    const otherBefore = await summaryOf(other.owner.client);

    // Twenty assets, created side by side, some owned by the member who will leave.
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => c.post('/api/v1/assets', { ...asset(i), ...(i % 5 === 0 ? { ownerUserId: leaver.userId } : {}) })),
    );
    for (const r of created) assert.equal(r.status, 201, r.raw);

    // Then, all at once: an import, edits of rank, records and value, deletes, a note (counts nothing), and the member leaving.
    const [imported] = await Promise.all([
      importFile(c, 'seed.csv', fixture('seed-000-example.csv')),
      ...created.slice(0, 8).map((r, i) => c.patch(`/api/v1/assets/${r.body.id}`, { rank: ['C', 'A'][i % 2], records: 1000 + i, unitValueThousandYen: '10', version: r.body.version })),
      ...created.slice(8, 12).map((r) => c.delete(`/api/v1/assets/${r.body.id}`)),
      ...created.slice(12, 14).map((r) => c.patch(`/api/v1/assets/${r.body.id}`, { notes: '棚卸し済み', version: r.body.version })),
      c.delete(`/api/v1/members/${leaver.userId}`),
    ]);
    assert.equal(imported.body.status, 'committed', imported.raw);

    const expected = await scanned(org.id);
    assert.ok(expected.count > 16, `the import added assets (${expected.count})`);
    assert.ok(expected.withoutOwner > 0);
    assert.deepEqual(await summaryOf(c), expected);
    // The list's first-page count of the whole inventory and of one rank, group or class comes from the same totals.
    const listTotal = async (query: string) => {
      const { total, totalCapped } = (await c.get(`/api/v1/assets?${query}&limit=1`)).body as { total: number; totalCapped: boolean };
      return { total, totalCapped };
    };
    assert.deepEqual(await listTotal('sort=name'), { total: expected.count, totalCapped: false });
    for (const r of expected.byRank) assert.equal((await listTotal(`rank=${r.key}`)).total, r.count, `rank ${r.key}`);
    for (const g of expected.byInformationGroup.filter((x) => x.key)) assert.equal((await listTotal(`informationGroupId=${g.key}`)).total, g.count);
    for (const k of expected.byAssetClass.filter((x) => x.key)) assert.equal((await listTotal(`assetClassId=${k.key}`)).total, k.count);
    // Two filters at once are counted by reading, and agree.
    const [firstRank] = expected.byRank;
    const both = await c.get(`/api/v1/assets?rank=${firstRank.key}&medium=electronic&limit=1`);
    const { rows } = await t.database.pool.query<{ n: number }>(
      `select count(*)::int as n from assets where organisation_id = $1 and rank = $2 and medium = 'electronic'`,
      [org.id, firstRank.key],
    );
    assert.equal(both.body.total, rows[0].n);
    // The other organisation's totals did not move.
    assert.deepEqual(await summaryOf(other.owner.client), otherBefore);
    assert.deepEqual(otherBefore, await scanned(other.id));
  });

  test('writes that bypass the routes are counted too, and an organisation deleted takes its totals with it', async () => {
    const org = await createOrganisation(t, { name: '集計 直接株式会社' });
    const { pool } = t.database;
    const insert = `insert into assets (organisation_id, name, medium, rank, records, unit_value_yen, created_by, updated_by)
                    values ($1, $2, 'paper', $3, $4, 500, $5, $5)`;
    // Concurrent transactions of several statements each, on the same totals rows.
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query(insert, [org.id, `直接${i}-1`, 'A', i + 1, org.owner.userId]);
          await client.query(insert, [org.id, `直接${i}-2`, 'B', i + 10, org.owner.userId]);
          await client.query(`update assets set rank = 'C', records = records * 2 where organisation_id = $1 and name = $2`, [org.id, `直接${i}-2`]);
          await client.query('commit');
        } finally {
          client.release();
        }
      }),
    );
    await pool.query(`delete from assets where organisation_id = $1 and name like '直接0-%'`, [org.id]);
    assert.deepEqual(await summaryOf(org.owner.client), await scanned(org.id));

    await pool.query('delete from organisations where id = $1', [org.id]);
    const left = await pool.query('select count(*)::int as n from asset_totals where organisation_id = $1', [org.id]);
    assert.equal(left.rows[0].n, 0);
  });
});
