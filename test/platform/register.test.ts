import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../src/shared/policy.ts';
import { pageQuery } from '../../src/shared/schemas/common.schema.ts';
import { can } from '../../src/shared/policy.ts';
import { insertUser } from '../../src/server/platform/auth/user.repository.ts';
import { DataContext } from '../../src/server/platform/db/data-context.ts';
import { HttpProblem } from '../../src/server/platform/http/problem.ts';
import type { OrgAuthContext } from '../../src/server/platform/http/route.ts';
import { insertOrganisation } from '../../src/server/platform/orgs/organisation.repository.ts';
import { defineRegister } from '../../src/server/platform/register/register.ts';
import { fieldHeaders, fieldRecord, fieldValues } from '../../src/server/platform/register/register-fields.ts';
import { encodePageCursor } from '../../src/server/platform/register/page-cursor.ts';
import { LIST_COUNT_CAP } from '../../src/server/platform/register/register-page.ts';
import { createTestDatabase, TEST_ROLES, type TestDatabase } from '../helpers/test-database.ts';

/*
 * The register base on a table of its own (created for this file): what
 * every register gets from it, independent of any module's rules.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const probes = pgTable('register_probes', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  name: text('name').notNull(),
  score: integer('score').notNull().default(0),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
type Probe = typeof probes.$inferSelect;

const register = defineRegister({
  table: probes,
  entityType: 'probe',
  auditView: (r: Probe) => ({ name: r.name, score: r.score, version: r.version }),
  nameColumn: probes.name,
  sorts: { name: { column: probes.name, type: 'text' }, score: { column: probes.score, type: 'integer' }, updatedAt: { column: probes.updatedAt, type: 'timestamptz' } },
  can: (r: Probe, role: Role | null) => ({ update: can(role, 'assets.write'), delete: can(role, 'assets.write') && r.score < 100 }),
  fields: [
    { key: 'name', label: { ja: '名称', en: 'Name' }, value: (r: Probe) => r.name },
    { key: 'score', label: { ja: '点数', en: 'Score' }, value: (r: Probe) => r.score },
  ],
});

let database: TestDatabase;
let ctxA: DataContext;
let ctxB: DataContext;
let auditorA: DataContext;

async function member(organisationId: string, role: Role): Promise<DataContext> {
  const user = await insertUser(database.db, { email: `${randomUUID()}@example.jp`, displayName: '試験 利用者', passwordHash: '$argon2id$test', locale: 'ja' });
  const auth: OrgAuthContext = {
    sessionId: randomUUID(),
    mfaPending: false,
    user: { id: user.id, email: user.email, displayName: user.displayName, locale: 'ja', timeZone: 'Asia/Tokyo', mfaEnabled: false, version: 1 },
    organisation: { id: organisationId, name: '試験', requireMfa: false, role },
  };
  return DataContext.ofMember(database, auth);
}

const problemOf = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (e) {
    if (e instanceof HttpProblem) return { status: e.status, code: e.code, fields: e.fieldErrors.map((f) => f.path) };
    throw e;
  }
  assert.fail('expected an HttpProblem');
};

const auditRows = (id: string) =>
  database.pool.query<{ action: string; organisation_id: string; actor_user_id: string; before: unknown; after: unknown }>(
    'select action, organisation_id, actor_user_id, before, after from audit_log where entity_id = $1 order by seq',
    [id],
  );

before(async () => {
  database = await createTestDatabase();
  await database.queryAsOwner(`
    create table register_probes (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null, score integer not null default 0,
      created_by uuid, updated_by uuid,
      created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      version integer not null default 1);
    grant select, insert, update, delete on register_probes to ${TEST_ROLES.serving};`);
  const a = await insertOrganisation(database.db, 'A 社');
  const b = await insertOrganisation(database.db, 'B 社');
  ctxA = await member(a.id, 'staff');
  ctxB = await member(b.id, 'owner');
  auditorA = await member(a.id, 'auditor');
});
after(() => database.drop());

describe('create, update, delete', () => {
  test('create fills in the organisation and the user, and audits the record', async () => {
    const row = await register.create(ctxA, { name: '台帳 1', score: 5 });
    assert.equal(row.organisationId, ctxA.organisationId);
    assert.equal(row.createdBy, ctxA.userId);
    assert.equal(row.updatedBy, ctxA.userId);
    assert.equal(row.version, 1);
    const { rows } = await auditRows(row.id);
    assert.deepEqual(
      rows.map((r) => [r.action, r.organisation_id, r.actor_user_id, r.after]),
      [['probe.create', ctxA.organisationId, ctxA.userId, { name: '台帳 1', score: 5, version: 1 }]],
    );
  });

  test('update bumps the version once and audits before and after; a stale version gets 409 and changes nothing', async () => {
    const row = await register.create(ctxA, { name: '台帳 2', score: 1 });
    const updated = await register.update(ctxA, row.id, 1, { score: 2 }, { before: register.spec.auditView(row) });
    assert.equal(updated.version, 2);
    assert.equal(updated.score, 2);
    assert.ok(updated.updatedAt.getTime() >= row.updatedAt.getTime());
    assert.deepEqual(await problemOf(register.update(ctxA, row.id, 1, { score: 3 }, { before: {} })), { status: 409, code: 'conflict', fields: [] });
    assert.deepEqual(await problemOf(register.expect(ctxA, row.id, 1)), { status: 409, code: 'conflict', fields: [] });
    assert.equal((await register.get(ctxA, row.id)).score, 2);
    const { rows } = await auditRows(row.id);
    assert.deepEqual(rows.map((r) => r.action), ['probe.create', 'probe.update']);
    assert.deepEqual(rows[1].before, { name: '台帳 2', score: 1, version: 1 });
    assert.deepEqual(rows[1].after, { name: '台帳 2', score: 2, version: 2 });
  });

  test('changedOnly keeps only the keys that changed', async () => {
    const row = await register.create(ctxA, { name: '台帳 3', score: 1 });
    await register.update(ctxA, row.id, 1, { score: 9 }, { before: register.spec.auditView(row), changedOnly: true });
    const { rows } = await auditRows(row.id);
    assert.deepEqual([rows[1].before, rows[1].after], [{ score: 1, version: 1 }, { score: 9, version: 2 }]);
  });

  test('delete at a stale version gets 409, at the current one deletes and audits what was there', async () => {
    const row = await register.create(ctxA, { name: '台帳 4' });
    await register.update(ctxA, row.id, 1, { score: 4 }, { before: register.spec.auditView(row) });
    assert.equal((await problemOf(register.remove(ctxA, row.id, 1))).status, 409);
    await register.remove(ctxA, row.id, 2, { before: (r) => ({ ...register.spec.auditView(r), links: ['x'] }) });
    assert.equal(await register.find(ctxA, row.id), undefined);
    assert.equal((await problemOf(register.remove(ctxA, row.id, undefined))).status, 404);
    const { rows } = await auditRows(row.id);
    assert.deepEqual(rows.at(-1)?.before, { name: '台帳 4', score: 4, version: 2, links: ['x'] });
  });

  test('a taken name (any case) gets 409 duplicateName on the name field, except for the record itself', async () => {
    const row = await register.create(ctxA, { name: 'Ledger Five' });
    assert.deepEqual(await problemOf(register.assertNameFree(ctxA, 'LEDGER five')), { status: 409, code: 'duplicateName', fields: ['name'] });
    await register.assertNameFree(ctxA, 'ledger five', row.id);
    await register.assertNameFree(ctxB, 'Ledger Five');
  });

  test('a failure inside transaction() leaves nothing behind, the record nor its audit entry', async () => {
    const name = '取り消される台帳';
    await assert.rejects(
      ctxA.transaction(async (tx) => {
        await register.create(tx, { name });
        throw new Error('later step failed');
      }),
      /later step failed/,
    );
    assert.equal((await ctxA.select(probes, { where: eq(probes.name, name) })).length, 0);
    const { rows } = await database.pool.query("select 1 from audit_log where after->>'name' = $1", [name]);
    assert.equal(rows.length, 0);
  });
});

describe('another organisation', () => {
  test("finds, changes and deletes nothing of A's, and lists none of it", async () => {
    const row = await register.create(ctxA, { name: 'A の台帳', score: 7 });
    assert.equal(await register.find(ctxB, row.id), undefined);
    assert.deepEqual(await problemOf(register.get(ctxB, row.id)), { status: 404, code: 'notFound', fields: [] });
    assert.deepEqual(await problemOf(register.expect(ctxB, row.id, 1)), { status: 404, code: 'notFound', fields: [] });
    assert.deepEqual(await problemOf(register.update(ctxB, row.id, 1, { score: 0 }, { before: {} })), { status: 404, code: 'notFound', fields: [] });
    assert.deepEqual(await problemOf(register.remove(ctxB, row.id, undefined)), { status: 404, code: 'notFound', fields: [] });
    assert.deepEqual(await problemOf(register.history(ctxB, row.id)), { status: 404, code: 'notFound', fields: [] });
    assert.equal((await ctxB.update(probes, eq(probes.id, row.id), { score: 0 })).length, 0);
    assert.equal((await ctxB.delete(probes, eq(probes.id, row.id))).length, 0);
    const page = await register.page(ctxB, { sort: 'name', dir: 'asc', limit: 200 });
    assert.ok(!page.rows.some((r) => r.id === row.id));
    assert.ok(page.rows.every((r) => r.organisationId === ctxB.organisationId));
    const { rows } = await database.pool.query<{ score: number; version: number }>('select score, version from register_probes where id = $1', [row.id]);
    assert.deepEqual(rows, [{ score: 7, version: 1 }]);
  });

  test('an insert through B’s context is B’s, whatever organisation the values name', async () => {
    const [row] = await ctxB.insert(probes, { name: 'B の台帳', organisationId: ctxA.organisationId } as never);
    assert.equal(row.organisationId, ctxB.organisationId);
  });
});

describe('history and presenter', () => {
  test('history lists the record’s entries newest first, with the actor', async () => {
    const row = await register.create(ctxA, { name: '履歴の台帳' });
    await register.update(ctxA, row.id, 1, { score: 1 }, { before: register.spec.auditView(row) });
    const entries = await register.history(auditorA, row.id);
    assert.deepEqual(entries.map((e) => e.action), ['probe.update', 'probe.create']);
    assert.ok(entries[0].seq > entries[1].seq);
    assert.equal(entries[0].actorUserId, ctxA.userId);
  });

  test('present adds what the member may do with each record', async () => {
    const row = await register.create(ctxA, { name: '表示の台帳', score: 150 });
    const present = (r: Probe) => ({ id: r.id, name: r.name });
    assert.deepEqual(register.present(ctxA, row, present), { id: row.id, name: '表示の台帳', can: { update: true, delete: false } });
    assert.deepEqual(register.present(auditorA, row, present).can, { update: false, delete: false });
  });

  test('the field list gives headers in each language, rows and records', () => {
    const fields = register.spec.fields!;
    const row = { name: '台帳', score: 3 } as Probe;
    assert.deepEqual(fieldHeaders(fields, 'ja'), ['名称', '点数']);
    assert.deepEqual(fieldHeaders(fields, 'en'), ['Name', 'Score']);
    assert.deepEqual(fieldValues(fields, row), ['台帳', 3]);
    assert.deepEqual(fieldRecord(fields, row), { name: '台帳', score: 3 });
  });
});

describe('keyset pages', () => {
  let pager: DataContext;
  before(async () => {
    pager = await member((await insertOrganisation(database.db, 'ページ社')).id, 'staff');
    await pager.insert(probes, Array.from({ length: 10 }, (_, i) => ({ name: `item-${String(i * 10).padStart(3, '0')}`, score: i % 3 })));
  });

  const walk = async (ctx: DataContext, sort: 'name' | 'score' | 'updatedAt', dir: 'asc' | 'desc', limit: number, between?: (page: number) => Promise<void>) => {
    const seen: Probe[] = [];
    const totals: (number | null)[] = [];
    let cursor: string | undefined;
    for (let n = 0; ; n++) {
      const page = await register.page(ctx, { sort, dir, cursor, limit });
      seen.push(...page.rows);
      totals.push(page.total);
      if (!page.nextCursor) break;
      await between?.(n);
      cursor = page.nextCursor;
    }
    return { seen, totals };
  };

  test('pages follow (sort key, id) in both directions, the count on the first page only', async () => {
    const asc = await walk(pager, 'name', 'asc', 3);
    assert.deepEqual(asc.seen.map((r) => r.name), Array.from({ length: 10 }, (_, i) => `item-${String(i * 10).padStart(3, '0')}`));
    assert.deepEqual(asc.totals, [10, null, null, null]);
    const desc = await walk(pager, 'name', 'desc', 4);
    assert.deepEqual(desc.seen.map((r) => r.name), asc.seen.map((r) => r.name).reverse());
    // A sort key with ties: the id breaks them, so every row comes once.
    const byScore = await walk(pager, 'score', 'asc', 2);
    assert.equal(new Set(byScore.seen.map((r) => r.id)).size, 10);
    assert.deepEqual(byScore.seen.map((r) => r.score), [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  test('rows inserted while a client pages neither repeat nor skip a row that was there', async () => {
    const before = (await walk(pager, 'name', 'asc', 100)).seen.map((r) => r.name);
    const { seen } = await walk(pager, 'name', 'asc', 3, async (n) => {
      // One row before the cursor (already passed) and one after it, each time.
      await pager.insert(probes, [{ name: `item-${String(n * 30).padStart(3, '0')}-early` }, { name: `item-${String(n * 30 + 25).padStart(3, '0')}-late` }]);
    });
    const names = seen.map((r) => r.name);
    assert.equal(new Set(names).size, names.length, 'no row twice');
    for (const name of before) assert.ok(names.includes(name), `${name} kept`);
    assert.deepEqual(names, [...names].sort(), 'in order');
  });

  test('a garbled cursor, one made for another sort, or a value its column refuses gets 400 on query.cursor', async () => {
    const first = await register.page(pager, { sort: 'name', dir: 'asc', limit: 2 });
    const cases: ['name' | 'score' | 'updatedAt', string][] = [
      ['name', 'not-a-cursor'],
      ['name', first.nextCursor!.slice(0, -4)],
      ['score', first.nextCursor!],
      ['name', encodePageCursor('name', 'desc', { value: 'item', id: randomUUID() })],
      ['score', encodePageCursor('score', 'asc', { value: '99999999999', id: randomUUID() })],
      ['score', encodePageCursor('score', 'asc', { value: '1.5', id: randomUUID() })],
      ['updatedAt', encodePageCursor('updatedAt', 'asc', { value: '2026-13-01 00:00:00+00', id: randomUUID() })],
      ['name', encodePageCursor('name', 'asc', { value: 'a\u0000b', id: randomUUID() })],
      ['name', encodePageCursor('name', 'asc', { value: 'item', id: 'not-an-id' })],
    ];
    for (const [sort, cursor] of cases) {
      assert.deepEqual(await problemOf(register.page(pager, { sort, dir: 'asc', cursor, limit: 2 })), { status: 400, code: 'validation', fields: ['query.cursor'] }, `${sort} ${cursor}`);
    }
    // The same cursors with acceptable values page on.
    const score = await register.page(pager, { sort: 'score', dir: 'asc', cursor: encodePageCursor('score', 'asc', { value: '1', id: randomUUID() }), limit: 20 });
    assert.ok(score.rows.every((r) => r.score >= 1));
    const ts = await register.page(pager, { sort: 'updatedAt', dir: 'asc', limit: 2 });
    assert.equal((await register.page(pager, { sort: 'updatedAt', dir: 'asc', cursor: ts.nextCursor!, limit: 2 })).rows.length, 2);
  });

  test(`the count stops at ${LIST_COUNT_CAP.toLocaleString('en')} and says so`, async () => {
    const many = await member((await insertOrganisation(database.db, '大量社')).id, 'staff');
    await database.pool.query(`insert into register_probes (organisation_id, name) select $1, 'n' || g from generate_series(1, $2::int) g`, [many.organisationId, LIST_COUNT_CAP]);
    const exact = await register.page(many, { sort: 'name', dir: 'asc', limit: 5 });
    assert.deepEqual([exact.total, exact.totalCapped, exact.rows.length], [LIST_COUNT_CAP, false, 5]);
    await many.insert(probes, { name: 'one more' });
    const capped = await register.page(many, { sort: 'name', dir: 'asc', limit: 5 });
    assert.deepEqual([capped.total, capped.totalCapped], [LIST_COUNT_CAP, true]);
    const filtered = await register.page(many, { sort: 'name', dir: 'asc', limit: 5 }, sql`${probes.name} like 'n99%'`);
    assert.deepEqual([filtered.total, filtered.totalCapped], [111, false]);
    let exported = 0;
    for await (const rows of register.exportPages(many, 4000)) exported += rows.length;
    assert.equal(exported, LIST_COUNT_CAP + 1);
  });
});

describe('the page query', () => {
  const ProbeQuerySchema = pageQuery(['name', 'score', 'updatedAt']);
  test('defaults to the first sort, ascending, 50 rows', () => {
    assert.deepEqual(ProbeQuerySchema.parse({}), { sort: 'name', dir: 'asc', limit: 50 });
    assert.deepEqual(ProbeQuerySchema.parse({ sort: 'score', dir: 'desc', limit: '200', cursor: 'WyJu' }), { sort: 'score', dir: 'desc', limit: 200, cursor: 'WyJu' });
  });
  test('refuses an unknown sort, key or direction, a limit out of 1-200 and a cursor that is not base64url', () => {
    for (const q of [{ sort: 'id' }, { dir: 'up' }, { limit: '0' }, { limit: '201' }, { cursor: 'a+b' }, { offset: '10' }]) {
      assert.equal(ProbeQuerySchema.safeParse(q).success, false, JSON.stringify(q));
    }
  });
});
