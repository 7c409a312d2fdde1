import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';
import { ROLES, type Role } from '../../src/shared/policy.ts';
import { tenantRows } from '../helpers/database-state.ts';
import { fixturePath, onceEach, pinShippedCatalog, roleMayUse, routeFixtures, routeKey as key, type RouteFixtures } from '../helpers/route-fixtures.ts';
import { sampleFor } from '../helpers/sample-values.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Role tests generated from the route table and the policy
 * (src/shared/policy.ts): for every role and every organisation route, a
 * role the policy keeps off the route gets 403 and changes no row (the
 * rows read, not counted); a read route the role may use answers 200, and a
 * write route it may use gets past the permission check (no 403). Every role
 * boundary, not only the auditor's.
 */

let t: TestApp;
let orgA: TestOrganisation;
let members: Record<Role, TestMember>;
let fixtures: RouteFixtures;
const rowsOfA = () => tenantRows(t.database, [orgA.id]);
const orgRoutes = () => t.routes.filter((r) => r.access.kind === 'org');

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  members = {
    owner: orgA.owner,
    manager: await addMember(t, orgA.id, 'manager'),
    staff: await addMember(t, orgA.id, 'staff'),
    auditor: await addMember(t, orgA.id, 'auditor'),
  };
  // Refused requests change nothing (checked on every one), so one entity serves every role and route.
  fixtures = onceEach(routeFixtures({ t, orgA, staffA: members.staff }));
  await pinShippedCatalog(t, [orgA]);
  // The POA&M has an item per open corrective action and answers 409 without one: made here, not left to the order of the routes.
  await fixtures.correctiveAction();
});
after(() => t.close());

/**
 * Read routes whose fixture is not enough for a 200: the answer they give
 * instead comes from the service, after the permission check let the role in.
 */
const READ_ANSWERS: Record<string, { status: number; code: string; orPdf?: true }> = {
  // A comparison needs two submitted assessments of the checklist; the fixture has one draft.
  'GET /api/v1/diagnosis/assessments/:assessmentId/comparison': { status: 409, code: 'assessmentNothingToCompare' },
  // The PDF is printed by Chromium from the built web app: without either on the machine the answer is the translated 503.
  'GET /api/v1/management-reports/:id/pdf': { status: 503, code: 'pdfUnavailable', orPdf: true },
};

/** A read route's URL with its required query parameters, if any. */
async function readUrl(r: AnyRoute): Promise<string> {
  const path = await fixturePath(r, fixtures);
  const query = (sampleFor(r.query) ?? {}) as Record<string, string>;
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

describe('every role boundary of the policy', () => {
  for (const role of ROLES) {
    test(`the ${role} gets 403 on every organisation route the policy keeps from it, and nothing changes`, async () => {
      const refused = orgRoutes().filter((r) => !roleMayUse(role, r));
      for (const r of refused) {
        const url = r.method === 'GET' ? await readUrl(r) : await fixturePath(r, fixtures);
        const before = await rowsOfA();
        const res = await members[role].client.request(r.method, url, r.method === 'GET' ? undefined : (sampleFor(r.body) ?? {}));
        assert.equal(res.status, 403, `${key(r)} by the ${role}: ${res.status} ${res.raw}`);
        assert.equal(res.body.code, 'forbidden', `${key(r)} by the ${role}`);
        assert.deepEqual(await rowsOfA(), before, `${key(r)} refused to the ${role} changed a row`);
      }
    });

    test(`the ${role} reads every organisation read route the policy allows it`, async () => {
      const reads = orgRoutes().filter((r) => r.method === 'GET' && roleMayUse(role, r));
      assert.ok(reads.length > 0);
      for (const r of reads) {
        const res = await members[role].client.get(await readUrl(r));
        const expected = READ_ANSWERS[key(r)];
        if (expected?.orPdf && res.status === 200) {
          assert.equal(res.headers['content-type'], 'application/pdf', `${key(r)} by the ${role}`);
          continue;
        }
        assert.equal(res.status, expected?.status ?? 200, `${key(r)} by the ${role}: ${res.status} ${res.raw.slice(0, 300)}`);
        if (expected) assert.equal(res.body.code, expected.code, `${key(r)} by the ${role}`);
      }
    });
  }

  for (const role of ROLES) {
    test(`the ${role} passes the permission check on every organisation write route the policy allows it`, async () => {
      // In an organisation of its own, whose entities these requests may change or delete: a later
      // request then gets 404 or 409, never 403, as long as the permission check lets the role in.
      const org = await createOrganisation(t, { name: `Organisation of the ${role}` });
      const member = role === 'owner' ? org.owner : await addMember(t, org.id, role);
      const own = onceEach(routeFixtures({ t, orgA: org, staffA: await addMember(t, org.id, 'staff') }));
      const writes = orgRoutes().filter((r) => r.method !== 'GET' && roleMayUse(role, r));
      if (role !== 'auditor') assert.ok(writes.length > 0, role);
      for (const r of writes) {
        const res = await member.client.request(r.method, await fixturePath(r, own), sampleFor(r.body) ?? {});
        assert.ok(res.status !== 403 && res.status < 500, `${key(r)} by the ${role}: ${res.status} ${res.raw.slice(0, 300)}`);
      }
    });
  }

  test('the session tells each role exactly what the policy allows it', async () => {
    for (const role of ROLES) {
      const { can } = (await members[role].client.session()).organisation;
      for (const r of orgRoutes()) {
        const permission = (r.access as { permission: string }).permission;
        assert.equal(can[permission], roleMayUse(role, r), `${role}: ${permission}`);
      }
    }
  });
});

describe('the boundaries the product names', () => {
  // Spelled out so a policy change that opens them is a visible test change, not a silent one.
  const closed: [Role, string][] = [
    ['staff', 'GET /api/v1/audit'],
    ['staff', 'GET /api/v1/audit/export'],
    ['staff', 'GET /api/v1/invitations'],
    ['staff', 'POST /api/v1/invitations'],
    ['staff', 'PATCH /api/v1/members/:userId'],
    ['staff', 'PATCH /api/v1/organisation/profile'],
    ['staff', 'POST /api/v1/stages/decisions'],
    ['manager', 'GET /api/v1/audit'],
    ['manager', 'GET /api/v1/audit/export'],
    ['manager', 'GET /api/v1/invitations'],
    ['manager', 'DELETE /api/v1/members/:userId'],
    ['manager', 'PATCH /api/v1/organisation'],
    ['manager', 'POST /api/v1/catalog/organisation-files'],
    ['auditor', 'POST /api/v1/assets'],
    ['auditor', 'PATCH /api/v1/diagnosis/assessments/:assessmentId/answers/:itemId'],
  ];
  test('staff and managers neither read the audit trail nor manage members; the auditor changes nothing', () => {
    for (const [role, route] of closed) {
      const r = t.routes.find((x) => key(x) === route);
      assert.ok(r, `${route} is in the route table`);
      assert.equal(roleMayUse(role, r), false, `${role} may use ${route}`);
    }
  });
});
