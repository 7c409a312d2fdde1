import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';
import { fixturePath, onceEach, pinShippedCatalog, routeFixtures, routeKey as key, type RouteFixtures } from '../helpers/route-fixtures.ts';
import { sampleFor } from '../helpers/sample-values.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Lists, exports and every other read, generated from the route table: with
 * rows of every kind in two organisations, no answer to organisation A's
 * members carries an id (or a member's e-mail address) of organisation B.
 * The same reads by B's owner show B's ids, so the search would see a leak.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let readersA: TestMember[];
let fixturesA: RouteFixtures;
let secretsOfB: string[];

/** Every entity a fixture makes, in `org`; plus an asset owned by a member and a department, and links between them. */
async function fillOrganisation(org: TestOrganisation): Promise<RouteFixtures> {
  const staff = await addMember(t, org.id, 'staff');
  const fixtures = onceEach(routeFixtures({ t, orgA: org, staffA: staff }));
  for (const make of Object.values(fixtures)) await make();
  const { rows } = await t.database.pool.query<{ id: string }>(
    `insert into departments (organisation_id, name, name_key) values ($1, '営業課', '営業課') returning id`,
    [org.id],
  );
  const owned = await org.owner.client.post('/api/v1/assets', { name: '顧客台帳', medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1', ownerUserId: staff.userId });
  const byDepartment = await org.owner.client.post('/api/v1/assets', { name: '見積書', medium: 'paper', records: 1, rank: 'C', unitValueThousandYen: '1', ownerDepartmentId: rows[0].id });
  assert.equal(owned.status, 201, owned.raw);
  assert.equal(byDepartment.status, 201, byDepartment.raw);
  const workload = await org.owner.client.post('/api/v1/workloads', { name: '受注業務', assetIds: [owned.body.id] });
  assert.equal(workload.status, 201, workload.raw);
  const other = await fixtures.system();
  const linked = await org.owner.client.post('/api/v1/systems', {
    name: '販売管理', criticality: 'high', currentPlacement: 'mainframe', workloadIds: [workload.body.id], assetIds: [owned.body.id], dependsOnIds: [other.id],
  });
  assert.equal(linked.status, 201, linked.raw);
  return fixtures;
}

/**
 * The ids of `organisationId`'s own rows (the `id` of every row of a table
 * that carries organisation_id: references to shared rows, such as a pinned
 * catalog version, are no secret), its members' ids and e-mail addresses.
 */
async function secretsOf(organisationId: string): Promise<string[]> {
  const { rows: tables } = await t.database.pool.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'
        and exists (select 1 from information_schema.columns o where o.table_schema = 'public' and o.table_name = c.table_name and o.column_name = 'organisation_id')`,
  );
  const found = new Set<string>([organisationId]);
  for (const { table_name: table } of tables) {
    const { rows } = await t.database.pool.query<{ id: string }>(`select id::text from ${table} where organisation_id = $1`, [organisationId]);
    for (const r of rows) found.add(r.id);
  }
  const { rows: members } = await t.database.pool.query<{ id: string; email: string }>(
    `select u.id::text, u.email from users u join memberships m on m.user_id = u.id where m.organisation_id = $1`,
    [organisationId],
  );
  return [...found, ...members.flatMap((m) => [m.id, m.email])];
}

/** A read route's URL, naming organisation A's entities, with its required query parameters. */
async function readUrl(r: AnyRoute, fixtures: RouteFixtures): Promise<string> {
  const path = await fixturePath(r, fixtures);
  const query = (sampleFor(r.query) ?? {}) as Record<string, string>;
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  await pinShippedCatalog(t, [orgA, orgB]);
  fixturesA = await fillOrganisation(orgA);
  await fillOrganisation(orgB);
  readersA = [orgA.owner, await addMember(t, orgA.id, 'auditor')];
  secretsOfB = await secretsOf(orgB.id);
});
after(() => t.close());

const reads = () => t.routes.filter((r) => r.method === 'GET');

describe("another organisation's rows never appear", () => {
  test("no read of organisation A's members carries an id or e-mail of organisation B", async () => {
    assert.ok(secretsOfB.length > 20, `B has rows of every kind (${secretsOfB.length} ids)`);
    for (const reader of readersA) {
      for (const r of reads()) {
        const res = await reader.client.get(await readUrl(r, fixturesA));
        // A PDF is printed by Chromium from the built web app; a machine without either answers the translated 503.
        if (r.produces === 'application/pdf' && res.status === 503 && res.body.code === 'pdfUnavailable') continue;
        assert.ok(res.status < 500, `${key(r)}: ${res.status} ${res.raw.slice(0, 300)}`);
        const leaked = secretsOfB.filter((s) => res.raw.toLowerCase().includes(s.toLowerCase()));
        assert.deepEqual(leaked, [], `${key(r)} shows organisation B's ${leaked.join(', ')}`);
      }
    }
  });

  test("the same reads by B's owner show B's rows, so a leak would be seen", async () => {
    const { rows } = await t.database.pool.query<{ id: string }>(
      `select id::text from assets where organisation_id = $1 union all select id::text from workloads where organisation_id = $1
       union all select id::text from systems where organisation_id = $1 union all select id::text from assessments where organisation_id = $1
       union all select id::text from invitations where organisation_id = $1 union all select id::text from asset_imports where organisation_id = $1`,
      [orgB.id],
    );
    let seen = '';
    for (const r of reads().filter((x) => !x.tenantEntity)) {
      const res = await orgB.owner.client.get(await readUrl(r, {}));
      seen += res.raw;
    }
    const unseen = rows.map((r) => r.id).filter((id) => !seen.includes(id));
    assert.deepEqual(unseen, []);
  });
});
