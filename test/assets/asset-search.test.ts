import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOrganisation, createTestApp, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The inventory search goes through a trigram index (pg_trgm) on search_text.
 * Here: the index can answer a Japanese query (the database's LC_CTYPE lets
 * pg_trgm see Japanese words), results are the same whichever way a query is
 * answered, and the asset columns still fold ASCII letters only (collation "C").
 */

let t: TestApp;
let org: TestOrganisation;
before(async () => {
  t = await createTestApp();
  org = await createOrganisation(t, { name: '検索 株式会社' });
});
after(() => t.close());

const create = (name: string, extra: Record<string, unknown> = {}) =>
  org.owner.client.post('/api/v1/assets', { name, medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1', ...extra });
const names = async (q: string) => {
  const r = await org.owner.client.get(`/api/v1/assets?q=${encodeURIComponent(q)}&sort=name&limit=200`);
  assert.equal(r.status, 200, r.raw);
  return { names: (r.body.items as { name: string }[]).map((i) => i.name), total: r.body.total as number };
};

describe('the inventory search', () => {
  before(async () => {
    for (const [i, name] of ['顧客台帳000123', '顧客台帳000456', '受注データ', 'サーバ室の鍵', 'Backup Tapes'].entries()) {
      assert.equal((await create(name, { content: i === 2 ? '会員番号、住所、TEL' : '', location: i === 3 ? 'サーバ室' : '' })).status, 201);
    }
  });

  test('the trigram index can answer a Japanese query of three characters or more', async (ctx) => {
    const { rows } = await t.database.pool.query<{ ctype: string; sees: boolean }>(
      `select datctype as ctype, show_trgm('台帳') <> '{}' as sees from pg_database where datname = current_database()`,
    );
    if (rows[0].ctype === 'C' && process.env.DATABASE_URL) return ctx.skip(`this server's database has LC_CTYPE C: pg_trgm cannot see Japanese on it`);
    assert.equal(rows[0].sees, true, `pg_trgm sees no Japanese in a database of LC_CTYPE ${rows[0].ctype}`);
    const client = await t.database.pool.connect();
    try {
      await client.query('begin');
      // Four assets would be read faster without an index: ask whether the index can serve at all.
      await client.query('set local enable_seqscan = off');
      const plan = await client.query(`explain select id from assets where search_text like '%台帳000%'`);
      const text = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      assert.match(text, /assets_search_trgm_idx/, text);
      await client.query('rollback');
    } finally {
      client.release();
    }
  });

  test('long and short queries, in any column, find the same assets a reading of every row would', async () => {
    assert.deepEqual(await names('台帳000'), { names: ['顧客台帳000123', '顧客台帳000456'], total: 2 });
    assert.deepEqual(await names('000456'), { names: ['顧客台帳000456'], total: 1 });
    // Two characters and one: fewer than a trigram, read without the index.
    assert.deepEqual(await names('台帳'), { names: ['顧客台帳000123', '顧客台帳000456'], total: 2 });
    assert.deepEqual(await names('鍵'), { names: ['サーバ室の鍵'], total: 1 });
    assert.deepEqual(await names('会員番号'), { names: ['受注データ'], total: 1 });
    assert.deepEqual(await names('サーバ室'), { names: ['サーバ室の鍵'], total: 1 });
    assert.deepEqual(await names('backup tapes'), { names: ['Backup Tapes'], total: 1 });
    assert.deepEqual(await names('台帳999'), { names: [], total: 0 });
  });

  test('names still differ by full-width letters and fold ASCII case only, as the import checks them', async () => {
    assert.equal((await create('ＰＣ台帳')).status, 201);
    assert.equal((await create('ｐｃ台帳')).status, 201);
    const dup = await create('BACKUP TAPES');
    assert.equal(dup.status, 409, dup.raw);
    assert.deepEqual((await names('ｐｃ台')).names, ['ｐｃ台帳']);
  });

  test('a query shorter than a trigram counts to 1,000, one the index answers counts to 10,000', async () => {
    const other = await createOrganisation(t, { name: '検索 件数株式会社' });
    await t.database.pool.query(
      `insert into assets (organisation_id, name, medium, rank, records, unit_value_yen, created_by, updated_by)
       select $1, '在庫台帳' || lpad(i::text, 5, '0'), 'paper', 'C', 1, 500, $2, $2 from generate_series(1, 1200) i`,
      [other.id, other.owner.userId],
    );
    const count = async (q: string) => {
      const r = await other.owner.client.get(`/api/v1/assets?q=${encodeURIComponent(q)}&limit=10`);
      assert.equal(r.status, 200, r.raw);
      assert.equal(r.body.items.length, 10);
      return { total: r.body.total, capped: r.body.totalCapped };
    };
    assert.deepEqual(await count('台帳'), { total: 1000, capped: true });
    assert.deepEqual(await count('台帳0'), { total: 1200, capped: false });
    assert.deepEqual(await count('帳01'), { total: 201, capped: false });
  });
});
