import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * Cross-organisation links are refused by the database itself, not only by
 * the queries: every foreign key from one organisation's table to another
 * names the organisation too, `(organisation_id, x_id)` → `(organisation_id, id)`.
 * The check reads the catalog of the migrated database, so a new table that
 * links by id alone fails here.
 */

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.drop();
});

/** Tables whose `organisation_id` is optional: the shipped catalog's rows belong to no organisation. */
const SHARED_TARGETS = new Set(['catalog_versions']);

describe('links between an organisation’s rows carry the organisation', () => {
  test('every foreign key between two tenant tables includes organisation_id on both sides', async () => {
    const { rows } = await database.pool.query<{ source: string; target: string; name: string; columns: string[]; targetColumns: string[] }>(`
      select c.conrelid::regclass::text as source, c.confrelid::regclass::text as target, c.conname as name,
             array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k order by a.attname) as columns,
             array(select a.attname::text from unnest(c.confkey) k join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k order by a.attname) as "targetColumns"
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'organisation_id' and not a.attisdropped)
        and exists (select 1 from pg_attribute a where a.attrelid = c.confrelid and a.attname = 'organisation_id' and not a.attisdropped)
      order by 1, 3`);
    assert.ok(rows.length >= 10, `expected the inventory's links, found ${rows.length}`);
    const unscoped = rows
      .filter((r) => !SHARED_TARGETS.has(r.target))
      .filter((r) => !r.columns.includes('organisation_id') || !r.targetColumns.includes('organisation_id'))
      .map((r) => `${r.source}.${r.name} → ${r.target}(${r.targetColumns.join(', ')})`);
    assert.deepEqual(unscoped, []);
  });

  test('linking a workload to another organisation’s asset is refused by the database (23503)', async () => {
    const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
    const orgs = await q(`insert into organisations (name) values ('A'), ('B') returning id`);
    const [a, b] = orgs.rows.map((r) => r.id as string);
    const workload = (await q(`insert into workloads (organisation_id, name) values ($1, 'W') returning id`, [a])).rows[0].id;
    const insertAsset = `insert into assets (organisation_id, name, medium, records, rank, unit_value_yen) values ($1, $2, 'electronic', 1, 'B', 1) returning id`;
    const ownAsset = (await q(insertAsset, [a, 'own'])).rows[0].id;
    const otherAsset = (await q(insertAsset, [b, 'other'])).rows[0].id;
    await q(`insert into workload_assets (organisation_id, workload_id, asset_id) values ($1, $2, $3)`, [a, workload, ownAsset]);
    await assert.rejects(
      q(`insert into workload_assets (organisation_id, workload_id, asset_id) values ($1, $2, $3)`, [a, workload, otherAsset]),
      (err: { code?: string; constraint?: string }) => err.code === '23503' && err.constraint === 'workload_assets_asset_fk',
    );
    const system = (await q(`insert into systems (organisation_id, name, criticality, current_placement) values ($1, 'S', 'high', 'mainframe') returning id`, [a])).rows[0].id;
    await assert.rejects(
      q(`insert into system_assets (organisation_id, system_id, asset_id) values ($1, $2, $3)`, [a, system, otherAsset]),
      (err: { code?: string; constraint?: string }) => err.code === '23503' && err.constraint === 'system_assets_asset_fk',
    );
    const links = await q(`select asset_id from workload_assets where workload_id = $1`, [workload]);
    assert.deepEqual(links.rows.map((r) => r.asset_id), [ownAsset]);
  });
});
