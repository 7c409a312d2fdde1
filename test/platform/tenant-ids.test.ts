import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { tenantRows } from '../helpers/database-state.ts';
import { idFieldsOf } from '../helpers/id-fields.ts';
import { pinShippedCatalog, routeFixtures } from '../helpers/route-fixtures.ts';
import { addMember, createOrganisation, createTestApp, type Reply, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Ids in request bodies and query strings: every field that holds the id of
 * an organisation's entity, given another organisation's id, finds nothing
 * (a 4xx problem document) and changes no row of either organisation; given
 * the organisation's own id, the same request works, so the refusal is the
 * id's doing. Filters of a list (`GET …?ownerUserId=`) may answer 200, with
 * nothing of the other organisation in it: a member who has left keeps their
 * entries in the trail, so an id that is no member's is not an error there.
 * The table below names every uuid field of every request schema; a field it
 * does not name fails the suite.
 */

type IdKind = 'organisation' | 'member' | 'department' | 'asset' | 'workload' | 'system' | 'assessment' | 'insurancePolicy';
type Ids = Record<IdKind, string>;
type Request = { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: unknown };
interface IdField {
  kind: IdKind;
  /** The request with `id` in the field, everything else valid for organisation A. */
  request(id: string): Promise<Request>;
  /** What organisation A's own id gets: created or changed (`ok`), or just found (a comparison needs two submitted assessments). */
  own?: 'ok' | 'found';
  /** A list filter: another organisation's id may answer 200 with no items. */
  filter?: boolean;
}

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let a: Ids;
let b: Ids;
/** Organisation A's entities the PATCH requests change (another system than `a.system`, so depending on it is no self-dependency). */
let target: { asset: string; workload: string; system: string; task: string; assessment: string; risk: string };
const rowsOfBoth = () => tenantRows(t.database, [orgA.id, orgB.id]);

async function versionOf(table: 'assets' | 'workloads' | 'systems' | 'roadmap_tasks' | 'risks', id: string): Promise<number> {
  const { rows } = await t.database.pool.query<{ version: number }>(`select version from ${table} where id = $1`, [id]);
  return rows[0].version;
}

async function department(org: TestOrganisation, name: string): Promise<string> {
  const { rows } = await t.database.pool.query<{ id: string }>(
    `insert into departments (organisation_id, name, name_key) values ($1, $2, $2) returning id`,
    [org.id, name],
  );
  return rows[0].id;
}

/** One of each entity a request field can name, in `org`. */
async function entitiesOf(org: TestOrganisation): Promise<Ids> {
  const staff = await addMember(t, org.id, 'staff');
  const made = routeFixtures({ t, orgA: org, staffA: staff });
  return {
    organisation: org.id,
    member: staff.userId,
    department: await department(org, `営業課 ${randomUUID().slice(0, 4)}`),
    asset: (await made.asset()).id,
    workload: (await made.workload()).id,
    system: (await made.system()).id,
    assessment: (await made.assessment()).assessmentId,
    insurancePolicy: (await made.insurancePolicy()).id,
  };
}

/** A practice item of A's roadmap that is no task yet (each created task takes one). */
async function freePracticeItem(): Promise<string> {
  const roadmap = await orgA.owner.client.get('/api/v1/roadmap');
  const items = roadmap.body.stages.flatMap((s: { items: { item: { id: string }; task: unknown }[] }) => s.items);
  return items.find((i: { task: unknown }) => !i.task).item.id;
}

const asset = { medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1' };
const system = { criticality: 'high', currentPlacement: 'mainframe' };
const risk = { inherent: { annualFrequency: 1, lowYen: 100_000, highYen: 1_000_000 } };
const name = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

const ID_FIELDS: Record<string, IdField> = {
  'POST /api/v1/session/organisation body.organisationId': {
    kind: 'organisation',
    request: async (id) => ({ method: 'POST', url: '/api/v1/session/organisation', body: { organisationId: id } }),
  },
  'GET /api/v1/audit query.actorUserId': { kind: 'member', filter: true, request: async (id) => ({ method: 'GET', url: `/api/v1/audit?actorUserId=${id}` }) },
  'GET /api/v1/assets query.ownerUserId': { kind: 'member', filter: true, request: async (id) => ({ method: 'GET', url: `/api/v1/assets?ownerUserId=${id}` }) },
  'GET /api/v1/diagnosis/assessments/:assessmentId/comparison query.with': {
    kind: 'assessment',
    own: 'found',
    request: async (id) => ({ method: 'GET', url: `/api/v1/diagnosis/assessments/${target.assessment}/comparison?with=${id}` }),
  },
  'POST /api/v1/roadmap/tasks body.ownerUserId': {
    kind: 'member',
    request: async (id) => ({ method: 'POST', url: '/api/v1/roadmap/tasks', body: { practiceItemId: await freePracticeItem(), ownerUserId: id } }),
  },
  'PATCH /api/v1/roadmap/tasks/:taskId body.ownerUserId': {
    kind: 'member',
    request: async (id) => ({ method: 'PATCH', url: `/api/v1/roadmap/tasks/${target.task}`, body: { ownerUserId: id, version: await versionOf('roadmap_tasks', target.task) } }),
  },
  'POST /api/v1/assets body.ownerUserId': { kind: 'member', request: async (id) => ({ method: 'POST', url: '/api/v1/assets', body: { ...asset, name: name('Asset'), ownerUserId: id } }) },
  'POST /api/v1/assets body.ownerDepartmentId': {
    kind: 'department',
    request: async (id) => ({ method: 'POST', url: '/api/v1/assets', body: { ...asset, name: name('Asset'), ownerDepartmentId: id } }),
  },
  'PATCH /api/v1/assets/:id body.ownerUserId': {
    kind: 'member',
    request: async (id) => ({ method: 'PATCH', url: `/api/v1/assets/${target.asset}`, body: { ownerUserId: id, ownerDepartmentId: null, version: await versionOf('assets', target.asset) } }),
  },
  'PATCH /api/v1/assets/:id body.ownerDepartmentId': {
    kind: 'department',
    request: async (id) => ({ method: 'PATCH', url: `/api/v1/assets/${target.asset}`, body: { ownerDepartmentId: id, ownerUserId: null, version: await versionOf('assets', target.asset) } }),
  },
  'POST /api/v1/assets/bulk-update body.items[].id': {
    kind: 'asset',
    request: async (id) => ({ method: 'POST', url: '/api/v1/assets/bulk-update', body: { items: [{ id, version: await versionOf('assets', id) }], set: { rank: 'A' } } }),
  },
  'POST /api/v1/assets/bulk-update body.set.ownerUserId': {
    kind: 'member',
    request: async (id) => ({
      method: 'POST',
      url: '/api/v1/assets/bulk-update',
      body: { items: [{ id: target.asset, version: await versionOf('assets', target.asset) }], set: { ownerUserId: id, ownerDepartmentId: null } },
    }),
  },
  'POST /api/v1/assets/bulk-update body.set.ownerDepartmentId': {
    kind: 'department',
    request: async (id) => ({
      method: 'POST',
      url: '/api/v1/assets/bulk-update',
      body: { items: [{ id: target.asset, version: await versionOf('assets', target.asset) }], set: { ownerDepartmentId: id, ownerUserId: null } },
    }),
  },
  'POST /api/v1/workloads body.assetIds[]': { kind: 'asset', request: async (id) => ({ method: 'POST', url: '/api/v1/workloads', body: { name: name('Workload'), assetIds: [id] } }) },
  'PATCH /api/v1/workloads/:id body.assetIds[]': {
    kind: 'asset',
    request: async (id) => ({ method: 'PATCH', url: `/api/v1/workloads/${target.workload}`, body: { assetIds: [id], version: await versionOf('workloads', target.workload) } }),
  },
  ...Object.fromEntries(
    (['workloadIds', 'assetIds', 'dependsOnIds'] as const).flatMap((field) => {
      const kind: IdKind = field === 'workloadIds' ? 'workload' : field === 'assetIds' ? 'asset' : 'system';
      const created: IdField = { kind, request: async (id) => ({ method: 'POST', url: '/api/v1/systems', body: { ...system, name: name('System'), [field]: [id] } }) };
      const changed: IdField = {
        kind,
        request: async (id) => ({ method: 'PATCH', url: `/api/v1/systems/${target.system}`, body: { [field]: [id], version: await versionOf('systems', target.system) } }),
      };
      return [[`POST /api/v1/systems body.${field}[]`, created], [`PATCH /api/v1/systems/:id body.${field}[]`, changed]];
    }),
  ),
  // A risk names its owner, its insurance policy and what it concerns.
  ...Object.fromEntries(
    ([
      ['ownerUserId', 'member', (id: string) => id],
      ['insurancePolicyId', 'insurancePolicy', (id: string) => id],
      ['assetIds[]', 'asset', (id: string) => [id]],
      ['workloadIds[]', 'workload', (id: string) => [id]],
      ['systemIds[]', 'system', (id: string) => [id]],
    ] as const).flatMap(([field, kind, value]) => {
      const key = field.replace('[]', '');
      const created: IdField = { kind, request: async (id) => ({ method: 'POST', url: '/api/v1/risks', body: { ...risk, title: name('Risk'), [key]: value(id) } }) };
      const changed: IdField = { kind, request: async (id) => ({ method: 'PATCH', url: `/api/v1/risks/${target.risk}`, body: { [key]: value(id), version: await versionOf('risks', target.risk) } }) };
      return [[`POST /api/v1/risks body.${field}`, created], [`PATCH /api/v1/risks/:id body.${field}`, changed]];
    }),
  ),
};

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  a = await entitiesOf(orgA);
  b = await entitiesOf(orgB);
  // An asset owned by each organisation's member, so the owner filter has something to find (or to leak).
  for (const [org, ids] of [[orgA, a], [orgB, b]] as const) {
    const r = await org.owner.client.post('/api/v1/assets', { ...asset, name: name('Owned asset'), ownerUserId: ids.member });
    assert.equal(r.status, 201, r.raw);
  }
  const made = routeFixtures({ t, orgA, staffA: orgA.owner });
  target = {
    asset: (await made.asset()).id,
    workload: (await made.workload()).id,
    system: (await made.system()).id,
    task: (await made['roadmap-task']()).taskId,
    assessment: a.assessment,
    risk: (await made.risk()).id,
  };
  await pinShippedCatalog(t, [orgA, orgB]);
});
after(() => t.close());

const send = (r: Request): Promise<Reply> => orgA.owner.client.request(r.method, r.url, r.body);

describe('ids of another organisation in bodies and query strings', () => {
  test('the table names every uuid field of every request schema', () => {
    assert.deepEqual(idFieldsOf(t.routes), Object.keys(ID_FIELDS).sort());
  });

  for (const [field, spec] of Object.entries(ID_FIELDS)) {
    test(field, async () => {
      const before = await rowsOfBoth();
      const foreign = await send(await spec.request(b[spec.kind]));
      if (spec.filter && foreign.status === 200) {
        assert.deepEqual(foreign.body.items, [], `${field} with another organisation's id lists something`);
      } else {
        assert.ok(foreign.status >= 400 && foreign.status < 500, `${field} with another organisation's id: ${foreign.status} ${foreign.raw}`);
        assert.equal(foreign.headers['content-type'], 'application/problem+json; charset=utf-8', field);
      }
      assert.deepEqual(await rowsOfBoth(), before, `${field} with another organisation's id changed a row`);

      const own = await send(await spec.request(a[spec.kind]));
      if (spec.own === 'found') assert.notEqual(own.status, 404, `${field} with the organisation's own id: ${own.status} ${own.raw}`);
      else assert.ok(own.status >= 200 && own.status < 300, `${field} with the organisation's own id: ${own.status} ${own.raw}`);
      if (spec.filter) assert.ok(own.body.items.length > 0, `${field} with the organisation's own id lists nothing`);
    });
  }
});
