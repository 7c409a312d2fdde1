/**
 * The audit list benchmark (`npm run bench` runs it first; alone:
 * `node --import tsx bench/audit-list.bench.ts`). Prints figures; never
 * asserts timings.
 *
 * 1. Starts the real server (`startServer`) on an embedded PostgreSQL in a fresh
 *    temporary DATA_DIR, or, when DATABASE_URL is set, on a fresh database created
 *    on that server for this run (dropped afterwards).
 * 2. Seeds one organisation with 100,000 audit entries (the stand-in for the
 *    asset list until that module exists), chained with the product's own
 *    `entryHash`, plus a signed-in owner (MFA policy off).
 * 3. Load-tests with autocannon (50 connections, warm-up, then measurement;
 *    `load.ts`): (a) a bare node:http hello server, (b) a bench-only Fastify
 *    route doing one indexed SELECT on the same pool, (c) GET
 *    /api/v1/audit?limit=50 (+ random keyset cursor) with the session cookie,
 *    (d) a bench-only Fastify route doing the list's own page SELECT (50 rows,
 *    no session, no checks) and answering its rows as JSON: the floor for any
 *    list page of this size, so c/d is what Kumoji itself adds to it.
 * 4. Times `verifyAudit` over the 100,000 entries.
 *
 * Knobs: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2),
 * BENCH_CONNECTIONS (default 50), BENCH_ROWS (default 100000),
 * BENCH_SCENARIOS (default "abcd"; e.g. "c" to profile the list route alone),
 * DATABASE_POOL_SIZE (the app's own setting, default 10), PG_RUN_AS.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../src/server/platform/config.ts';
import type { Database } from '../src/server/platform/db/database.ts';
import { fmt, freePorts, getJson, num, runLoad, verdict, type LoadResult } from './load.ts';
import { recordFigure, recordTarget } from './targets.ts';

// ---------------------------------------------------------------- seed

/**
 * One organisation (MFA policy off) with a signed-in owner and `rows` audit
 * entries chained with the product's `entryHash`, bulk-inserted in batches.
 * Exported so diagnostics can reuse it.
 */
export async function seedOrganisation(database: Database, config: Config, rows: number) {
  const { db, pool } = database;
  const { entryHash, GENESIS_HASH } = await import('../src/server/platform/audit/audit.chain.ts');
  const { chainOf } = await import('../src/server/platform/audit/audit.repository.ts');
  const { auditKey } = await import('../src/server/platform/audit/audit-key.ts');
  const { headSeal } = await import('../src/server/platform/audit/audit.seal.ts');
  const { createSession, SESSION_COOKIE } = await import('../src/server/platform/auth/session.ts');
  const { insertUser } = await import('../src/server/platform/auth/user.repository.ts');
  const { insertMembership, insertOrganisation } = await import('../src/server/platform/orgs/organisation.repository.ts');
  const ROWS = rows;
  const org = await insertOrganisation(db, '雲路ベンチマーク株式会社');
  await pool.query('update organisations set require_mfa = false where id = $1', [org.id]);
  const user = await insertUser(db, {
    email: 'bench-owner@example.jp',
    displayName: 'ベンチ 所有者',
    passwordHash: '$argon2id$bench-user-never-signs-in',
    locale: 'ja',
  });
  await insertMembership(db, org.id, user.id, 'owner');
  await pool.query('update users set last_organisation_id = $1 where id = $2', [org.id, user.id]);
  const session = await createSession(db, { userId: user.id, organisationId: org.id, mfaPending: false, ipAddress: '127.0.0.1', userAgent: 'kumoji-bench' }, config);
  const cookie = `${SESSION_COOKIE}=${session.token}`;

  const chain = chainOf(org.id);
  const actions = ['asset.create', 'asset.update', 'asset.update', 'asset.retire'];
  const statuses = ['active', 'maintenance', 'retired'];
  const startAt = Date.now() - ROWS * 1000;
  const BATCH = 20_000;
  let prev = GENESIS_HASH;
  let hashTime = 0;
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (let from = 1; from <= ROWS; from += BATCH) {
      const cols = { seq: [] as number[], at: [] as string[], action: [] as string[], entityId: [] as string[], before: [] as (string | null)[], after: [] as string[], meta: [] as (string | null)[], prev: [] as string[], hash: [] as string[] };
      const th = performance.now();
      for (let seq = from; seq < Math.min(from + BATCH, ROWS + 1); seq++) {
        const n = seq % 5000;
        const action = actions[seq % actions.length];
        const before = action === 'asset.create' ? null : { status: statuses[(seq + 1) % 3], owner: '情報システム部', cost: (seq * 7) % 100_000 };
        const after = { status: statuses[seq % 3], name: `サーバー ${n}`, owner: '情報システム部', cost: (seq * 11) % 100_000, tags: ['prod', 'tokyo'] };
        const meta = seq % 10 === 0 ? { ip: '192.0.2.10', via: 'import' } : null;
        const entry = {
          chain,
          seq,
          organisationId: org.id,
          actorUserId: user.id,
          actorLabel: user.email,
          at: new Date(startAt + seq * 1000),
          action,
          entityType: 'asset',
          entityId: `asset-${n}`,
          before,
          after,
          meta,
        };
        const hash = entryHash(prev, entry);
        cols.seq.push(seq);
        cols.at.push(entry.at.toISOString());
        cols.action.push(action);
        cols.entityId.push(entry.entityId);
        cols.before.push(before ? JSON.stringify(before) : null);
        cols.after.push(JSON.stringify(after));
        cols.meta.push(meta ? JSON.stringify(meta) : null);
        cols.prev.push(prev);
        cols.hash.push(hash);
        prev = hash;
      }
      hashTime += performance.now() - th;
      await client.query(
        `insert into audit_log (chain, seq, organisation_id, actor_user_id, actor_label, at, action, entity_type, entity_id, before, after, meta, prev_hash, hash)
         select $1, u.seq, $2::uuid, $3::uuid, $4, u.at, u.action, 'asset', u.entity_id, u.before, u.after, u.meta, u.prev_hash, u.hash
           from unnest($5::bigint[], $6::timestamptz[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[], $11::jsonb[], $12::text[], $13::text[])
                as u(seq, at, action, entity_id, before, after, meta, prev_hash, hash)`,
        [chain, org.id, user.id, user.email, cols.seq, cols.at, cols.action, cols.entityId, cols.before, cols.after, cols.meta, cols.prev, cols.hash],
      );
    }
    await client.query(
      `insert into audit_heads (chain, seq, hash, seal) values ($1, $2, $3, $4)
         on conflict (chain) do update set seq = excluded.seq, hash = excluded.hash, seal = excluded.seal`,
      // Sealed with the key the server installed, as appendAudit would have.
      [chain, ROWS, prev, headSeal(auditKey(), { chain, seq: ROWS, hash: prev })],
    );
    await client.query('commit');
    await client.query('analyze audit_log');
    await client.query('analyze sessions');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  return { organisationId: org.id, userId: user.id, chain, cookie, token: session.token, hashMs: hashTime };
}

// ---------------------------------------------------------------- main

export async function main(): Promise<void> {
  const ROWS = num(process.env.BENCH_ROWS, 100_000);
  const DURATION = num(process.env.BENCH_DURATION, 10);
  const WARMUP = num(process.env.BENCH_WARMUP, 2);
  const CONNECTIONS = num(process.env.BENCH_CONNECTIONS, 50);
  const SCENARIOS = process.env.BENCH_SCENARIOS ?? 'abcd';

  const { default: Fastify } = await import('fastify');
  const { default: pg } = await import('pg');
  const { loadConfig } = await import('../src/server/platform/config.ts');
  const { startServer } = await import('../src/server/server.ts');
  const { verifyAudit } = await import('../src/server/platform/audit/audit-verify.repository.ts');
  const { auditKey } = await import('../src/server/platform/audit/audit-key.ts');

  const cpus = os.cpus();
  console.log('Kumoji benchmark');
  console.log(`  node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPU(s): ${cpus[0]?.model ?? '?'}`);
  console.log(
    `  NOTE: the load generator (autocannon, child process), the Node server and PostgreSQL all share these ${cpus.length} core(s);` +
      ' absolute figures are pessimistic, the ratios measured in this one run are what count.',
  );
  console.log(`  load average before the run: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (anything above ~0.2 means other work shares the machine)`);

  const [appPort, barePort, fastifyPort] = await freePorts(3);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-bench-'));
  let dbAdminUrl: string | null = null;
  let benchDbName: string | null = null;
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    dbAdminUrl = process.env.DATABASE_URL;
    benchDbName = `kumoji_bench_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: dbAdminUrl });
    await admin.connect();
    await admin.query(`create database "${benchDbName}"`);
    await admin.end();
    const u = new URL(dbAdminUrl);
    u.pathname = `/${benchDbName}`;
    databaseUrl = u.toString();
  }

  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(appPort),
    LOG_LEVEL: 'warn',
    DATA_DIR: tmp,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(process.env.PG_RUN_AS ? { PG_RUN_AS: process.env.PG_RUN_AS } : {}),
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
  });

  const dropBenchDatabase = async () => {
    if (!dbAdminUrl || !benchDbName) return;
    const admin = new pg.Client({ connectionString: dbAdminUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${benchDbName}" with (force)`);
    await admin.end();
    console.log(`\nDropped database ${benchDbName}.`);
  };

  const t0 = performance.now();
  // The set-up link is of no use here; keep the rest of the start-up log.
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, (m) => {
      if (m && !m.includes('/setup?token=') && !m.startsWith('No account exists')) console.log(`  [server] ${m}`);
    });
  } catch (e) {
    await dropBenchDatabase().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  console.log(`  database: ${databaseUrl ? `fresh database ${benchDbName} on DATABASE_URL` : `embedded PostgreSQL in ${tmp}`}`);
  console.log(`  server started in ${fmt(performance.now() - t0)} ms on ${server.url} (pool size ${config.DATABASE_POOL_SIZE})`);

  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello world');
  });
  let benchApp: FastifyInstance | null = null;
  let failed = false;
  try {
    const { pool } = server.database;

    // ---------------------------------------------------------- seed
    const ts = performance.now();
    const { chain, cookie, hashMs } = await seedOrganisation(server.database, config, ROWS);
    console.log(
      `  seeded ${fmt(ROWS)} audit entries in chain ${chain} in ${fmt(performance.now() - ts)} ms` +
        ` (hashing ${fmt(hashMs)} ms), a signed-in owner, MFA policy off`,
    );

    // ---------------------------------------------------------- servers (a) and (b)
    await new Promise<void>((resolve, reject) => {
      bare.once('error', reject);
      bare.listen(barePort, '127.0.0.1', resolve);
    });
    const benchFastify = Fastify({ logger: false });
    benchApp = benchFastify;
    benchFastify.get('/one', async (req) => {
      const seq = Number((req.query as { seq?: string }).seq);
      const { rows } = await pool.query('select id, seq, action from audit_log where chain = $1 and seq = $2', [chain, seq]);
      return rows[0] ?? null;
    });
    benchFastify.get('/page', async (req) => {
      const cursor = Number((req.query as { cursor?: string }).cursor);
      const { rows } = await pool.query({
        name: 'bench_page',
        text: `select seq, at, actor_user_id as "actorUserId", actor_label as "actorLabel", action, entity_type as "entityType",
                      entity_id as "entityId", before, after, hash
                 from audit_log where chain = $1 and seq < $2 order by seq desc limit 51`,
        values: [chain, cursor],
      });
      return { items: rows.slice(0, 50), nextCursor: rows.length > 50 ? rows[49].seq : null };
    });
    await benchFastify.listen({ port: fastifyPort, host: '127.0.0.1' });

    // ---------------------------------------------------------- sanity checks
    const appBase = `http://127.0.0.1:${appPort}`;
    const authHeaders = { cookie };
    const first = await getJson(`${appBase}/api/v1/audit?limit=50`, authHeaders);
    const page = first.body as { items?: { seq: number }[]; nextCursor?: number; headSeq?: number };
    if (first.status !== 200 || page.items?.length !== 50 || page.headSeq !== ROWS) {
      throw new Error(`GET /api/v1/audit?limit=50 did not answer as expected: ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
    }
    const paged = await getJson(`${appBase}/api/v1/audit?limit=50&cursor=${page.nextCursor}`, authHeaders);
    const page2 = paged.body as { items?: { seq: number }[] };
    if (paged.status !== 200 || page2.items?.[0]?.seq !== ROWS - 50) throw new Error(`keyset page 2 unexpected: ${paged.status}`);
    const anon = await getJson(`${appBase}/api/v1/audit?limit=50`);
    if (anon.status !== 401) throw new Error(`the list answered ${anon.status} without a session`);
    const one = await getJson(`http://127.0.0.1:${fastifyPort}/one?seq=123`);
    if (one.status !== 200 || (one.body as { seq?: number }).seq !== 123) throw new Error('bench route (b) unexpected');
    const bare50 = await getJson(`http://127.0.0.1:${fastifyPort}/page?cursor=5000`);
    if (bare50.status !== 200 || (bare50.body as { items?: unknown[] }).items?.length !== 50) throw new Error('bench route (d) unexpected');
    const sample = await fetch(`${appBase}/api/v1/audit?limit=50&cursor=5000`, { headers: authHeaders });
    const sampleBody = Buffer.from(await sample.arrayBuffer());
    console.log(`  list response: ${fmt(sampleBody.length)} bytes, content-type ${sample.headers.get('content-type')}, content-length ${sample.headers.get('content-length')}`);
    console.log('  sanity: list 200 with 50 items, keyset page 2 continues, 401 without session, routes (b) and (d) 200');

    // ---------------------------------------------------------- load
    console.log(`\nLoad: autocannon, ${CONNECTIONS} connections, 127.0.0.1, ${WARMUP} s warm-up then ${DURATION} s each`);
    // The embedded server's postmaster, to account PostgreSQL's CPU separately (not possible on DATABASE_URL).
    const pidFile = path.join(config.dataDir, 'pg', 'postmaster.pid');
    const postgresPid = !databaseUrl && fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) || null : null;
    const common = { connections: CONNECTIONS, warmupSeconds: WARMUP, durationSeconds: DURATION };
    /** Scenario `key`, unless BENCH_SCENARIOS leaves it out. */
    const scenario = (key: string, name: string, baseUrl: string, pathTemplate: string, headers: Record<string, string> = {}) =>
      SCENARIOS.includes(key) ? runLoad({ ...common, name, baseUrl, pathTemplate, headers }, postgresPid) : null;
    const a = await scenario('a', '(a) bare node:http hello', `http://127.0.0.1:${barePort}`, '/');
    const b = await scenario('b', '(b) Fastify + 1 indexed SELECT', `http://127.0.0.1:${fastifyPort}`, `/one?seq={rand:1:${ROWS}}`);
    const c = await scenario('c', '(c) GET /api/v1/audit?limit=50', appBase, `/api/v1/audit?limit=50&cursor={rand:51:${ROWS}}`, authHeaders);
    const d = await scenario('d', '(d) Fastify + the page SELECT', `http://127.0.0.1:${fastifyPort}`, `/page?cursor={rand:51:${ROWS}}`);

    const rows = [a, b, c, d].filter((r): r is LoadResult => r !== null);
    console.log('');
    console.log(`${'scenario'.padEnd(34)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p90 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'requests'.padStart(9)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)}`);
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(34)} ${fmt(r.rps).padStart(9)} ${fmt(r.p50).padStart(7)} ${fmt(r.p90).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.max).padStart(7)} ${fmt(r.total).padStart(9)} ${fmt(r.non2xx).padStart(8)} ${fmt(r.errors + r.timeouts).padStart(7)}`,
      );
    }
    console.log('');
    console.log('CPU during each measurement, in cores (of ' + os.cpus().length + '), and CPU time per request');
    console.log(`${'scenario'.padEnd(34)} ${'server'.padStart(7)} ${'µs/req'.padStart(7)} ${'postgres'.padStart(9)} ${'µs/req'.padStart(7)} ${'autocannon'.padStart(11)} ${'other'.padStart(6)}`);
    const cores = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
    const perReq = (v: number | null, r: LoadResult) => (v === null ? 'n/a' : fmt((v / r.rps) * 1e6));
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(34)} ${cores(r.cpu.server).padStart(7)} ${perReq(r.cpu.server, r).padStart(7)} ${cores(r.cpu.postgres).padStart(9)} ${perReq(r.cpu.postgres, r).padStart(7)} ${cores(r.cpu.loadgen).padStart(11)} ${cores(r.cpu.other).padStart(6)}`,
      );
    }
    console.log('  (server = this process: the app and the two bench servers; postgres = the embedded server and its backends;');
    console.log('   other = the rest of the machine, i.e. anything else running on it)');
    console.log('');
    console.log('Targets');
    const ratio = (x: LoadResult | null, y: LoadResult | null) => (x && y ? x.rps / y.rps : null);
    const line = (label: string, value: number | null, target: string, ok: (v: number) => boolean) =>
      console.log(`  ${label.padEnd(8)} = ${value === null ? 'n/a'.padStart(7) : value.toFixed(3).padStart(7)}   target ${target.padEnd(36)} ${value === null ? 'not measured' : verdict(ok(value))}`);
    line('c/b', ratio(c, b), '>= 0.50', (v) => v >= 0.5);
    line('c/d', ratio(c, d), '>= 0.50 (against the same page read)', (v) => v >= 0.5);
    line('c/a', ratio(c, a), '>= 0.25 (this brief)', (v) => v >= 0.25);
    line('c/a', ratio(c, a), '>= 0.333 (PRODUCT.md, asset list)', (v) => v >= 1 / 3);
    line('p99(c)', c ? c.p99 : null, '< 50 ms', (v) => v < 50);
    if (rows.some((r) => r.non2xx || r.errors || r.timeouts)) console.log('  WARNING: some responses were not 2xx or failed; the figures above are not trustworthy.');
    if (b) recordFigure('oneSelectRps', b.rps);
    recordTarget({ label: 'audit list / one-SELECT route (c/b)', value: ratio(c, b), target: '>= 0.50', ok: (v) => v >= 0.5, digits: 3 });
    recordTarget({ label: 'audit list / the same page read bare (c/d)', value: ratio(c, d), target: '>= 0.50', ok: (v) => v >= 0.5, digits: 3 });
    recordTarget({ label: 'audit list p99 ms', value: c ? c.p99 : null, target: '< 50', ok: (v) => v < 50 });

    // ---------------------------------------------------------- verifyAudit
    console.log('');
    const tv = performance.now();
    const report = await verifyAudit(pool, auditKey(), chain);
    const seconds = (performance.now() - tv) / 1000;
    const rate = report.entries / seconds;
    console.log(`verifyAudit(${chain}): ${fmt(report.entries)} entries in ${fmt(seconds * 1000)} ms = ${fmt(rate)} entries/s` + `   target >= 200,000/s   ${verdict(rate >= 200_000)}`);
    recordTarget({ label: 'verifyAudit entries/s', value: rate, target: '>= 200,000', ok: (v) => v >= 200_000 });
    const problem = report.problems[0];
    console.log(`  chain ${problem ? `BROKEN: ${report.problems.length} problem(s), the first ${problem.kind}` : 'intact, head sealed'}, head seq ${report.heads[0]?.seq ?? 0}`);
  } catch (e) {
    failed = true;
    console.error(`\nBenchmark failed: ${(e as Error).stack ?? e}`);
  } finally {
    // ---------------------------------------------------------- shutdown
    await benchApp?.close().catch(() => undefined);
    await new Promise<void>((resolve) => (bare.listening ? bare.close(() => resolve()) : resolve()));
    await server.stop();
    await dropBenchDatabase();
    fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`\nStopped; removed ${tmp}. Load average now: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
