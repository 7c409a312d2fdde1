import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLES, type Role } from '../../src/shared/policy.ts';
import { tenantRows } from '../helpers/database-state.ts';
import { MODULES } from '../../src/server/modules.ts';
import { fillPath, GLOBAL_PARAMS, MODULE_FIXTURES, onceEach, pathParams, pinShippedCatalog, roleMayUse, routeFixtures, routeKey, type RouteFixtures } from '../helpers/route-fixtures.ts';
import { sampleFor } from '../helpers/sample-values.ts';
import { addMember, createOrganisation, createTestApp, TestClient, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Security tests generated from the route table (every module's routes, src/server/modules.ts):
 * - every route whose path names an organisation's entity: every member of
 *   another organisation, whatever their role, gets 404 (403 where their role
 *   may not use the route at all) and no row of either organisation changes;
 * - signed-out requests get 401.
 * Role boundaries are test/platform/roles.test.ts; ids of another
 * organisation in bodies and query strings, tenant-ids.test.ts; list routes,
 * tenant-lists.test.ts; malformed input, bad-input.test.ts.
 * A route that is not covered here (an unknown tenantEntity, a path
 * parameter without a declared tenantEntity) fails the suite.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let attackers: Record<Role, TestMember>;

let fixtures: RouteFixtures;
const key = routeKey;
const rowsOfBoth = () => tenantRows(t.database, [orgA.id, orgB.id]);

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  const staffA = await addMember(t, orgA.id, 'staff');
  // Nothing an attacker sends may change anything (checked on every request), so one entity serves every attack.
  fixtures = onceEach(routeFixtures({ t, orgA, staffA }));
  attackers = {
    owner: orgB.owner,
    manager: await addMember(t, orgB.id, 'manager'),
    staff: await addMember(t, orgB.id, 'staff'),
    auditor: await addMember(t, orgB.id, 'auditor'),
  };
  await pinShippedCatalog(t, [orgA, orgB]);
});
after(() => t.close());

describe('route table coverage', () => {
  test('every module has fixtures, and they make every entity its routes name', () => {
    assert.ok(MODULES.length > 1);
    for (const m of MODULES) {
      const make = MODULE_FIXTURES.get(m.id);
      assert.ok(make, `the module "${m.id}" has no fixtures (test/${m.id}/${m.id}.fixtures.ts exporting \`fixtures\`)`);
      const own = new Set(Object.keys(make({ t, orgA, staffA: orgA.owner, all: fixtures })));
      for (const r of m.routes({ config: t.config, database: t.database })) {
        if (r.tenantEntity) assert.ok(own.has(r.tenantEntity), `${key(r)}: the module "${m.id}" has no fixture for its entity "${r.tenantEntity}"`);
      }
    }
  });

  test("the route table is every module's routes, and nothing else", () => {
    const fromModules = MODULES.flatMap((m) => m.routes({ config: t.config, database: t.database })).map(key).sort();
    assert.deepEqual(t.routes.map(key).sort(), fromModules);
  });

  test('every path parameter is either an organisation entity with a fixture or a known shared parameter', () => {
    for (const r of t.routes) {
      const params = pathParams(r);
      if (!params.length) continue;
      if (params.every((p) => p in GLOBAL_PARAMS)) continue;
      assert.ok(r.tenantEntity, `${key(r)} takes ${params.join(', ')} but declares no tenantEntity`);
      assert.ok(fixtures[r.tenantEntity], `${key(r)}: no tenant fixture for entity "${r.tenantEntity}" in the fixtures of its module`);
    }
  });

  test('every registered API route is in the table (nothing registered around it)', () => {
    const declared = new Set(t.routes.map(key));
    const api = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD');
    assert.ok(api.length >= t.routes.length);
    for (const r of api) assert.ok(declared.has(`${r.method} ${r.url}`), `${r.method} ${r.url} is registered outside the route table`);
  });
});

describe('tenant isolation: another organisation gets 404 and changes nothing', () => {
  for (const role of ROLES) {
    test(`for every route that names an organisation entity, asked by the other organisation's ${role}`, async () => {
      const routes = t.routes.filter((r) => r.tenantEntity);
      assert.ok(routes.length > 0);
      for (const r of routes) {
        const values = await fixtures[r.tenantEntity!]();
        const before = await rowsOfBoth();
        const body = r.method === 'GET' ? undefined : (sampleFor(r.body) ?? {});
        const res = await attackers[role].client.request(r.method, fillPath(r.url, values), body);
        // A role the policy keeps off the route is refused before the entity is looked up; either way nothing is found.
        const expected = roleMayUse(role, r) ? 404 : 403;
        assert.equal(res.status, expected, `${key(r)} by another organisation's ${role}: ${res.status} ${res.raw}`);
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        assert.deepEqual(await rowsOfBoth(), before, `${key(r)} by another organisation's ${role} changed a row`);
      }
    });
  }
});

describe('signed out', () => {
  test('requests to non-public routes get 401', async () => {
    const anonymous = new TestClient(t.app);
    for (const r of t.routes.filter((x) => x.access.kind !== 'public')) {
      const res = await anonymous.request(r.method, fillPath(r.url, {}), r.method === 'GET' ? undefined : {});
      assert.equal(res.status, 401, `${key(r)} signed out: ${res.status} ${res.raw}`);
    }
  });
});
