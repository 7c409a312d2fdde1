import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { tenantRows } from '../helpers/database-state.ts';
import { idFieldsOf } from '../helpers/id-fields.ts';
import { moduleIdFields, onceEach, pinShippedCatalog, routeFixtures, type IdField, type IdRequest, type RouteFixtures } from '../helpers/route-fixtures.ts';
import { addMember, createOrganisation, createTestApp, type Reply, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Ids in request bodies and query strings: every field that holds the id of
 * an organisation's entity, given another organisation's id, finds nothing
 * (a 4xx problem document) and changes no row of either organisation; given
 * the organisation's own id, the same request works, so the refusal is the
 * id's doing. Filters of a list (`GET …?ownerUserId=`) may answer 200, with
 * nothing of the other organisation in it: a member who has left keeps their
 * entries in the trail, so an id that is no member's is not an error there.
 * Each module names its request schemas' uuid fields beside its fixtures
 * (test/<module>/<module>.fixtures.ts, `idFields`); a field no module names
 * fails the suite, so a new module's fields are tested without a change here.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
/** Each organisation's id of every kind an id field names. */
let a: Record<string, string>;
let b: Record<string, string>;
let targets: RouteFixtures;

/** Every module's id fields (test/<module>/<module>.fixtures.ts, `idFields`), listed now and run once the organisations exist. */
const ID_FIELDS: Record<string, IdField> = moduleIdFields({
  get orgA() {
    return orgA;
  },
  // The entities PATCH requests change are others than the ones the fields name (a system does not depend on itself).
  target: (entity) => targets[entity]!(),
  versionOf: async (table, id) => {
    assert.match(table, /^[a-z_]+$/);
    const { rows } = await t.database.pool.query<{ version: number }>(`select version from ${table} where id = $1`, [id]);
    return rows[0].version;
  },
  name: (what) => `${what} ${randomUUID().slice(0, 8)}`,
});
const rowsOfBoth = () => tenantRows(t.database, [orgA.id, orgB.id]);

/** One of each kind the fields name, in `org`: the organisation itself, or the first id of that entity's fixture. */
async function entitiesOf(org: TestOrganisation, kinds: string[]): Promise<Record<string, string>> {
  const staff = await addMember(t, org.id, 'staff');
  const made = onceEach(routeFixtures({ t, orgA: org, staffA: staff }));
  const out: Record<string, string> = {};
  for (const kind of kinds) {
    if (kind === 'organisation') out[kind] = org.id;
    else {
      assert.ok(made[kind], `no fixture makes the entity "${kind}" an id field names`);
      out[kind] = Object.values(await made[kind]())[0]!;
    }
  }
  return out;
}

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  targets = onceEach(routeFixtures({ t, orgA, staffA: orgA.owner }));
  const kinds = [...new Set(Object.values(ID_FIELDS).map((f) => f.kind))].sort();
  a = await entitiesOf(orgA, kinds);
  b = await entitiesOf(orgB, kinds);
  // An asset owned by each organisation's member, so the owner filter has something to find (or to leak).
  for (const [org, ids] of [[orgA, a], [orgB, b]] as const) {
    const r = await org.owner.client.post('/api/v1/assets', { medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1', name: `Owned asset ${randomUUID().slice(0, 8)}`, ownerUserId: ids.member });
    assert.equal(r.status, 201, r.raw);
  }
  await pinShippedCatalog(t, [orgA, orgB]);
});
after(() => t.close());

const send = (r: IdRequest): Promise<Reply> => orgA.owner.client.request(r.method, r.url, r.body);

describe('ids of another organisation in bodies and query strings', () => {
  test('the table names every uuid field of every request schema', () => {
    assert.deepEqual(idFieldsOf(t.routes), Object.keys(ID_FIELDS).sort());
  });

  for (const [field, spec] of Object.entries(ID_FIELDS)) {
    test(field, async () => {
      // Built first: a field's request may make the record it changes (once), which is no change of the request's.
      const request = await spec.request(b[spec.kind]!);
      const before = await rowsOfBoth();
      const foreign = await send(request);
      if (spec.filter && foreign.status === 200) {
        assert.deepEqual(foreign.body.items, [], `${field} with another organisation's id lists something`);
      } else {
        assert.ok(foreign.status >= 400 && foreign.status < 500, `${field} with another organisation's id: ${foreign.status} ${foreign.raw}`);
        assert.equal(foreign.headers['content-type'], 'application/problem+json; charset=utf-8', field);
      }
      assert.deepEqual(await rowsOfBoth(), before, `${field} with another organisation's id changed a row`);

      const own = await send(await spec.request(a[spec.kind]!));
      if (spec.own === 'found') assert.notEqual(own.status, 404, `${field} with the organisation's own id: ${own.status} ${own.raw}`);
      else assert.ok(own.status >= 200 && own.status < 300, `${field} with the organisation's own id: ${own.status} ${own.raw}`);
      if (spec.filter) assert.ok(own.body.items.length > 0, `${field} with the organisation's own id lists nothing`);
    });
  }
});
