import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, createOrganisation, createTestApp, TestClient, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { countAuditEntries, fillPath, GLOBAL_PARAMS, pathParams, routeFixtures, routeKey, type RouteFixtures } from '../helpers/route-fixtures.ts';
import { sampleFor } from '../helpers/sample-values.ts';

/**
 * Security tests generated from the route table (src/server/routes.ts):
 * - every route whose path names an organisation's entity: another
 *   organisation's owner gets 404 and nothing changes;
 * - every organisation route that writes: an auditor gets 403.
 * Malformed input on every route is test/platform/bad-input.test.ts.
 * A route that is not covered here (an unknown tenantEntity, a path
 * parameter without a declared tenantEntity) fails the suite.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
let staffA: TestMember;

let fixtures: RouteFixtures;
const key = routeKey;
const auditCount = () => countAuditEntries(t);

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  auditorA = await addMember(t, orgA.id, 'auditor');
  staffA = await addMember(t, orgA.id, 'staff');
  fixtures = routeFixtures({ t, orgA, staffA });
});
after(() => t.close());

describe('route table coverage', () => {
  test('every path parameter is either an organisation entity with a fixture or a known shared parameter', () => {
    for (const r of t.routes) {
      const params = pathParams(r);
      if (!params.length) continue;
      if (params.every((p) => p in GLOBAL_PARAMS)) continue;
      assert.ok(r.tenantEntity, `${key(r)} takes ${params.join(', ')} but declares no tenantEntity`);
      assert.ok(fixtures[r.tenantEntity], `${key(r)}: no tenant fixture for entity "${r.tenantEntity}" in test/helpers/route-fixtures.ts`);
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
  test('for every route that names an organisation entity', async () => {
    const routes = t.routes.filter((r) => r.tenantEntity);
    assert.ok(routes.length > 0);
    for (const r of routes) {
      const values = await fixtures[r.tenantEntity!]();
      const before = await auditCount();
      const res = await orgB.owner.client.request(r.method, fillPath(r.url, values), r.method === 'GET' ? undefined : (sampleFor(r.body) ?? {}));
      assert.equal(res.status, 404, `${key(r)} by another organisation's owner: ${res.status} ${res.raw}`);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(await auditCount(), before, `${key(r)} changed something`);
    }
  });

  test('an id of another organisation in a body finds nothing either', async () => {
    const r = await orgB.owner.client.post('/api/v1/session/organisation', { organisationId: orgA.id });
    assert.equal(r.status, 404);
  });
});

describe('roles: the auditor reads everything and changes nothing', () => {
  test('every organisation write route refuses the auditor with 403', async () => {
    const writes = t.routes.filter((r) => r.access.kind === 'org' && r.method !== 'GET');
    assert.ok(writes.length > 0);
    for (const r of writes) {
      const values = r.tenantEntity ? await fixtures[r.tenantEntity]() : {};
      const before = await auditCount();
      const res = await auditorA.client.request(r.method, fillPath(r.url, values), sampleFor(r.body) ?? {});
      assert.equal(res.status, 403, `${key(r)} by an auditor: ${res.status} ${res.raw}`);
      assert.equal(await auditCount(), before);
    }
  });

  test('the auditor can read every organisation read route it is allowed by the policy', async () => {
    const reads = t.routes.filter((r) => r.access.kind === 'org' && r.method === 'GET' && !pathParams(r).length);
    for (const r of reads) {
      const res = await auditorA.client.get(r.url);
      const allowed = (await auditorA.client.session()).organisation.can[(r.access as { permission: string }).permission];
      assert.equal(res.status, allowed ? 200 : 403, `${key(r)}: ${res.status}`);
    }
  });

  test('staff cannot manage members', async () => {
    const res = await staffA.client.post('/api/v1/invitations', { email: 'x@example.jp', role: 'owner' });
    assert.equal(res.status, 403);
  });

  test('signed-out requests to non-public routes get 401', async () => {
    const anonymous = new TestClient(t.app);
    for (const r of t.routes.filter((x) => x.access.kind !== 'public')) {
      const res = await anonymous.request(r.method, fillPath(r.url, {}), r.method === 'GET' ? undefined : {});
      assert.equal(res.status, 401, `${key(r)} signed out: ${res.status}`);
    }
  });
});
