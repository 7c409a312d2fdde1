/**
 * Tenant scoping benchmark (`node --import tsx bench/data-context.bench.ts`,
 * also run by `npm run bench`): the cost of the two ways of keeping an
 * organisation's rows to itself, measured in one run on the same data
 * (docs/ARCHITECTURE.md, "Data context"). Prints figures; never asserts.
 *
 * Two throwaway tables shaped like the asset list (name-sorted keyset pages,
 * index on (organisation_id, name, id)) hold the same BENCH_SCOPE_ROWS rows
 * for each of two organisations, in a scratch schema; the second has a
 * row-level security policy on `app.organisation_id`, which applies to the
 * serving role. Then, with
 * BENCH_SCOPE_WORKERS concurrent clients on a pool of 10 for BENCH_DURATION
 * seconds each, list pages per second of:
 *
 *   helper     the DataContext's scoped query: one statement with
 *              `organisation_id = $1` (keysetPage, the register base's list)
 *   rls        the same page with no organisation in the query: a transaction,
 *              `set_config('app.organisation_id', …, true)`, the select, commit
 *   rls+helper both (what defence in depth would cost)
 *
 * each for a first page (with the capped count) and a page deep in the list
 * (a random keyset cursor), the variants interleaved and run BENCH_SCOPE_ROUNDS
 * times (default 3; the median counts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, sql } from 'drizzle-orm';
import { bigint, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fmt } from './load.ts';

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);

const SCHEMA = 'bench_scope';
const scratch = pgSchema(SCHEMA);
const listedTable = (name: string) => scratch.table(name, {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  name: text('name').notNull(),
  rank: text('rank').notNull(),
  records: integer('records').notNull(),
  unitValueYen: bigint('unit_value_yen', { mode: 'number' }).notNull(),
  notes: text('notes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
/** The same rows twice: without a policy (the helper's) and with one (row-level security's). */
const listed = listedTable('listed_assets');
const guarded = listedTable('guarded_assets');

const SETUP = (rows: number, serving: string) => `
  drop schema if exists ${SCHEMA} cascade;
  create schema ${SCHEMA};
  create table ${SCHEMA}.listed_assets (
    id uuid primary key default gen_random_uuid(), organisation_id uuid not null,
    name text not null, rank text not null, records integer not null, unit_value_yen bigint not null, notes text not null,
    updated_at timestamptz not null default now(), version integer not null default 1);
  insert into ${SCHEMA}.listed_assets (organisation_id, name, rank, records, unit_value_yen, notes)
    select o.id, '顧客台帳' || lpad(g::text, 6, '0'), (array['A','B','C'])[1 + g % 3], 1 + g % 5000, 1000 * (1 + g % 150), '備考 ' || g
      from generate_series(1, ${rows}) g,
           (values ('00000000-0000-4000-8000-00000000000a'::uuid), ('00000000-0000-4000-8000-00000000000b'::uuid)) o(id);
  create index on ${SCHEMA}.listed_assets (organisation_id, name, id);
  create table ${SCHEMA}.guarded_assets as table ${SCHEMA}.listed_assets;
  alter table ${SCHEMA}.guarded_assets add primary key (id);
  create index on ${SCHEMA}.guarded_assets (organisation_id, name, id);
  alter table ${SCHEMA}.guarded_assets enable row level security;
  -- After a transaction that set it, the setting reads '' on that connection, not null: nullif keeps the cast from failing.
  create policy guarded_assets_tenant on ${SCHEMA}.guarded_assets
    using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
  grant usage on schema ${SCHEMA} to ${serving};
  grant select on ${SCHEMA}.listed_assets, ${SCHEMA}.guarded_assets to ${serving};
  analyze ${SCHEMA}.listed_assets;
  analyze ${SCHEMA}.guarded_assets;`;

const ORG = '00000000-0000-4000-8000-00000000000a';

export async function main(): Promise<void> {
  const ROWS = num(process.env.BENCH_SCOPE_ROWS, 100_000);
  const DURATION = num(process.env.BENCH_DURATION, 10);
  const WORKERS = num(process.env.BENCH_SCOPE_WORKERS, 20);
  const ROUNDS = num(process.env.BENCH_SCOPE_ROUNDS, 3);
  const { default: pg } = await import('pg');
  /** One statement as DATABASE_URL's own user: the bench's database is made and dropped that way. */
  const asAdmin = async (statement: string) => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  const { loadConfig } = await import('../src/server/platform/config.ts');
  const { connect } = await import('../src/server/platform/db/database.ts');
  const { openDatabase } = await import('../src/server/platform/db/open-database.ts');
  const { DataContext } = await import('../src/server/platform/db/data-context.ts');
  const { keysetPage, countCapped, LIST_COUNT_CAP } = await import('../src/server/platform/register/register-page.ts');
  const { encodePageCursor } = await import('../src/server/platform/register/page-cursor.ts');

  console.log('\nKumoji tenant scoping benchmark: scoped helper vs row-level security');
  console.log(`  node ${process.version}, ${os.cpus().length} CPU(s); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-scope-bench-'));
  let benchDb: string | null = null;
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    benchDb = `kumoji_scope_bench_${crypto.randomBytes(4).toString('hex')}`;
    await asAdmin(`create database "${benchDb}"`);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${benchDb}`;
    databaseUrl = u.toString();
  }
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: tmp, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const opened = await openDatabase(config, 'server', 'bench', () => undefined);
  // Row-level security never applies to a superuser: on such a DATABASE_URL the queries run as a role of their own.
  let tenantRole: string | null = null;
  let servingUrl = opened.url;
  const [{ rolsuper, rolbypassrls, role }] = (await opened.pool.query('select rolsuper, rolbypassrls, current_user as role from pg_roles where rolname = current_user')).rows;
  if (rolsuper || rolbypassrls) {
    tenantRole = `kumoji_scope_bench_${crypto.randomBytes(4).toString('hex')}`;
    const password = crypto.randomBytes(12).toString('hex');
    await opened.pool.query(`create role ${tenantRole} login password '${password}'`);
    const u = new URL(opened.url);
    u.username = tenantRole;
    u.password = password;
    servingUrl = u.toString();
  }
  const owner = new pg.Client({ connectionString: opened.ownerUrl });
  await owner.connect();
  const database = connect(servingUrl, 10);
  try {
    const t0 = performance.now();
    await owner.query(SETUP(ROWS, tenantRole ?? (role as string)));
    console.log(`  ${fmt(ROWS)} rows for each of two organisations in ${fmt(performance.now() - t0)} ms; ${WORKERS} clients, pool of 10, ${DURATION} s per figure`);

    const ctx = DataContext.ofJob(database, ORG, { userId: null, label: 'bench' });
    const sorts = { name: { column: listed.name, type: 'text' as const } };
    const guardedSorts = { name: { column: guarded.name, type: 'text' as const } };
    const deepCursor = () => {
      const n = 1 + Math.floor(Math.random() * (ROWS - 100));
      return encodePageCursor('name', 'asc', { value: `顧客台帳${String(n).padStart(6, '0')}`, id: '00000000-0000-4000-8000-000000000000' });
    };
    const afterOf = (cursor: string | undefined) => {
      if (!cursor) return undefined;
      const [, , value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as string[];
      return sql`(${guarded.name}, ${guarded.id}) > (${value}::text, ${id}::uuid)`;
    };
    /** The same page with the organisation left to the policy (and, with `scoped`, in the query too). */
    const rlsPage = (scoped: boolean, cursor: string | undefined) =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.organisation_id', ${ORG}, true)`);
        const bound = DataContext.ofJob({ db: tx as never }, ORG, { userId: null, label: 'bench' });
        if (scoped) return keysetPage(bound, guarded, guardedSorts, { sort: 'name', dir: 'asc', cursor, limit: 50 });
        const rows = await tx.select().from(guarded).where(and(afterOf(cursor))).orderBy(asc(guarded.name), asc(guarded.id)).limit(51);
        const counted = cursor ? null : await tx.select({ n: sql<number>`count(*)::int` }).from(tx.select({ one: sql`1` }).from(guarded).limit(LIST_COUNT_CAP + 1).as('m'));
        return { rows, counted };
      });
    const variants = {
      helper: (cursor?: string) => keysetPage(ctx, listed, sorts, { sort: 'name', dir: 'asc', cursor, limit: 50 }),
      rls: (cursor?: string) => rlsPage(false, cursor),
      'rls+helper': (cursor?: string) => rlsPage(true, cursor),
    };

    // Sanity: each variant sees only organisation A (50 rows from the first page, the same names).
    const names = async (v: keyof typeof variants) => ((await variants[v]()) as { rows: { name: string; organisationId: string }[] }).rows.slice(0, 50).map((r) => `${r.organisationId}:${r.name}`).join();
    const expected = await names('helper');
    for (const v of ['rls', 'rls+helper'] as const) if ((await names(v)) !== expected) throw new Error(`${v}: another page than the helper's`);
    const unscoped = await database.pool.query(`select count(*)::int as n from ${SCHEMA}.guarded_assets`);
    if (unscoped.rows[0].n !== 0) throw new Error('the policy lets rows through without app.organisation_id');
    if ((await countCapped(ctx, listed, undefined, LIST_COUNT_CAP + 1)) !== Math.min(ROWS, LIST_COUNT_CAP + 1)) throw new Error('count sanity');

    /** Pages per second, and this process's CPU per page (µs: the statements and round trips on the client side). */
    const measure = async (work: () => Promise<unknown>) => {
      const end = performance.now() + DURATION * 1000;
      const cpu0 = process.cpuUsage();
      let pages = 0;
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          while (performance.now() < end) {
            await work();
            pages++;
          }
        }),
      );
      const cpu = process.cpuUsage(cpu0);
      return { rate: pages / DURATION, cpuPerPage: (cpu.user + cpu.system) / Math.max(pages, 1) };
    };
    const results: Record<string, { rate: number; cpuPerPage: number }[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [page, cursorOf] of [['first page + count', () => undefined], ['deep keyset page', deepCursor]] as const) {
        for (const [name, run] of Object.entries(variants)) {
          (results[`${page}|${name}`] ??= []).push(await measure(() => run(cursorOf())));
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`\n${'page'.padEnd(20)} ${'variant'.padEnd(12)} ${`pages/s (${ROUNDS} runs)`.padStart(24)} ${'median'.padStart(7)} ${'vs helper'.padStart(10)} ${'node µs/page'.padStart(13)}`);
    for (const [key, runs] of Object.entries(results)) {
      const [page, name] = key.split('|');
      const rate = median(runs.map((r) => r.rate));
      const helper = median(results[`${page}|helper`].map((r) => r.rate));
      const line = [page.padEnd(20), name.padEnd(12), runs.map((r) => fmt(r.rate)).join(' / ').padStart(24), fmt(rate).padStart(7), `${fmt((rate / helper) * 100)} %`.padStart(10), fmt(median(runs.map((r) => r.cpuPerPage))).padStart(13)];
      console.log(line.join(' '));
    }
  } finally {
    await owner.query(`drop schema if exists ${SCHEMA} cascade`).catch(() => undefined);
    await owner.end().catch(() => undefined);
    await database.close().catch(() => undefined);
    if (tenantRole) await opened.pool.query(`drop owned by ${tenantRole}; drop role ${tenantRole}`).catch(() => undefined);
    await opened.close();
    if (benchDb) await asAdmin(`drop database if exists "${benchDb}" with (force)`);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
