/**
 * Asset inventory benchmark (`node --import tsx bench/asset-import.bench.ts`,
 * also run at the end of `npm run bench`). Prints figures; never asserts.
 *
 * 1. Starts the real server (`startServer`, with its pg-boss worker) on an
 *    embedded PostgreSQL in a fresh temporary DATA_DIR, or on a fresh database
 *    on DATABASE_URL (dropped afterwards).
 * 2. Generates a 100,000-row inventory as CSV in Shift_JIS and as XLSX (the
 *    export's 20 columns), and imports each end to end over HTTP: multipart
 *    upload, check (validation job), commit (insert job), polling the import
 *    as the page does. Target: under 10 s each.
 * 3. With 100,000 assets in the organisation, load-tests the list API with
 *    autocannon (50 connections, in a child process): the first page (with its
 *    count), a later keyset page, a sorted page, a search and a filter; then
 *    the SQL statements per request of a notes-only PATCH and of the list's
 *    first page (`bench/statements.bench.ts`).
 * 4. Zip bombs (`bench/zip-bomb.bench.ts`): three XLSX files of about 200 MB
 *    of sheet XML, each refused; time, /healthz and memory before and after.
 *
 * Knobs: BENCH_ASSET_ROWS (default 100000), BENCH_DURATION (s, default 10),
 * BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS (default 50),
 * BENCH_ASSET_PARTS (default "import,bombs,list"; "bombs" alone for the zip bombs).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { statementFigures } from './statements.bench.ts';
import { figure, recordTarget } from './targets.ts';
import { zipBombFigures } from './zip-bomb.bench.ts';
import { fmt } from './load.ts';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(THIS_FILE), '..');
const LOADGEN_FLAG = '--asset-loadgen';
const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);

const OWNERS = ['販売管理', '営業課', '販売課', 'NW', '総務', '人事', '経理', '情報システム課'];
const HEADERS = ['No', '情報資産名', '媒体', '内容', '場所', '資産の責任者', 'データ総件数', 'ランク', '千円', '資産の分類区分', '情報資産グループ', '機微度', '機密性', '個人情報を含む', '現在の配置', '移行予定の配置', '備考'];

/** One generated row: realistic Japanese text, every column filled in some rows. */
function row(i: number): (string | number)[] {
  const kinds = ['顧客台帳', '受注データ', '請求書控え', '社員名簿', '仕入先マスタ', '在庫DB', '契約書', '見積書', '設計図面', 'バックアップ'];
  return [
    i + 1,
    `${kinds[i % kinds.length]}${String(i).padStart(6, '0')}`,
    i % 4 === 0 ? '紙' : '電子媒体',
    `会員番号、住所、TEL、趣味、家族、口座番号（${i % 97}）`,
    ['事務室PC', 'サーバ室', '事務室', '倉庫'][i % 4],
    OWNERS[i % OWNERS.length],
    (i % 5000) + 1,
    ['A', 'B', 'C'][i % 3],
    ['0.5', '2', '10', '50', '150'][i % 5],
    i % 2 ? '情報・データ資産' : '',
    i % 3 ? '個人情報' : '基幹業務情報',
    ['基本', 'センシティブ', '例外的'][i % 3],
    ['高', '中', '低'][i % 3],
    i % 2 ? 'はい' : 'いいえ',
    i % 10 ? 'オンプレミス' : 'クラウド',
    i % 7 ? '' : 'クラウド',
    i % 11 ? '' : `移行候補 ${i}`,
  ];
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function makeFiles(rows: number) {
  const { default: iconv } = await import('iconv-lite');
  const { default: ExcelJS } = await import('exceljs');
  const { PassThrough } = await import('node:stream');
  const lines = [HEADERS.join(',')];
  for (let i = 0; i < rows; i++) lines.push(row(i).map(csvCell).join(','));
  const csv = iconv.encode(lines.join('\r\n') + '\r\n', 'cp932');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('資産目録');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) {
    const r = row(i).map((v, c) => (c === 8 ? Number(v) : v === '' ? null : v));
    ws.addRow(r).commit();
  }
  ws.commit();
  await wb.commit();
  return { csv, xlsx: Buffer.concat(chunks) };
}

interface Timed {
  upload: number;
  validate: number;
  commit: number;
  total: number;
  rows: number;
  errors: number;
}

async function importOverHttp(base: string, headers: Record<string, string>, fileName: string, bytes: Buffer): Promise<Timed> {
  const t0 = performance.now();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const up = await fetch(`${base}/api/v1/asset-imports`, { method: 'POST', headers, body: form });
  const imp = (await up.json()) as { id: string; version: number; mapping: Record<string, string | null>; title?: string };
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(imp)}`);
  const t1 = performance.now();
  const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const wait = async () => {
    for (;;) {
      const r = (await (await fetch(`${base}/api/v1/asset-imports/${imp.id}`, { headers })).json()) as { status: string; version: number; rowCount: number; errorCount: number; committedCount: number | null };
      if (r.status !== 'validating' && r.status !== 'committing') return r;
      await new Promise((res) => setTimeout(res, 50));
    }
  };
  const v = await post(`${base}/api/v1/asset-imports/${imp.id}/validate`, { mapping: imp.mapping, version: imp.version });
  if (v.status !== 202) throw new Error(`validate: ${v.status} ${await v.text()}`);
  const validated = await wait();
  const t2 = performance.now();
  if (validated.status !== 'validated' || validated.errorCount) throw new Error(`validation: ${JSON.stringify(validated)}`);
  const c = await post(`${base}/api/v1/asset-imports/${imp.id}/commit`, { version: validated.version });
  if (c.status !== 202) throw new Error(`commit: ${c.status} ${await c.text()}`);
  const committed = await wait();
  const t3 = performance.now();
  if (committed.status !== 'committed') throw new Error(`commit: ${JSON.stringify(committed)}`);
  return { upload: t1 - t0, validate: t2 - t1, commit: t3 - t2, total: t3 - t0, rows: committed.committedCount ?? 0, errors: validated.errorCount };
}

// ---------------------------------------------------------------- load generator (child process)

interface LoadJob {
  name: string;
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmup: number;
  duration: number;
}

type Autocannon = (opts: Record<string, unknown>) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}>;

async function loadgen(job: LoadJob) {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const opts = (duration: number) => ({ url: job.url, connections: job.connections, duration, headers: job.headers });
  if (job.warmup > 0) await autocannon(opts(job.warmup));
  const r = await autocannon(opts(job.duration));
  process.stdout.write(`${JSON.stringify({ rps: r.requests.average, total: r.requests.total, ...r.latency, non2xx: r.non2xx, errors: r.errors + r.timeouts })}\n`);
}

function runLoad(job: LoadJob): Promise<{ rps: number; total: number; p50: number; p90: number; p99: number; max: number; non2xx: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE, LOADGEN_FLAG, JSON.stringify(job)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}')) : reject(new Error(`autocannon exited ${code}`))));
  });
}

async function freePort(): Promise<number> {
  for (let p = 3400; p < 3500; p++) {
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return p;
  }
  throw new Error('no free port in 3400-3499');
}

// ---------------------------------------------------------------- main

export async function main(): Promise<void> {
  const ROWS = num(process.env.BENCH_ASSET_ROWS, 100_000);
  const DURATION = num(process.env.BENCH_DURATION, 10);
  const WARMUP = num(process.env.BENCH_WARMUP, 2);
  const CONNECTIONS = num(process.env.BENCH_CONNECTIONS, 50);
  const PARTS = new Set((process.env.BENCH_ASSET_PARTS ?? 'import,bombs,list').split(','));
  const { default: pg } = await import('pg');
  const { loadConfig } = await import('../src/server/platform/config.ts');
  const { startServer } = await import('../src/server/server.ts');
  const { createSession, SESSION_COOKIE } = await import('../src/server/platform/auth/session.ts');
  const { insertUser } = await import('../src/server/platform/auth/user.repository.ts');
  const { insertMembership, insertOrganisation } = await import('../src/server/platform/orgs/organisation.repository.ts');

  console.log('\nKumoji asset inventory benchmark');
  console.log(`  node ${process.version}, ${os.cpus().length} CPU(s): ${os.cpus()[0]?.model ?? '?'}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-asset-bench-'));
  let databaseUrl: string | undefined;
  let benchDb: string | null = null;
  if (process.env.DATABASE_URL) {
    benchDb = `kumoji_asset_bench_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database "${benchDb}"`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${benchDb}`;
    databaseUrl = u.toString();
  }
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATA_DIR: tmp,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(process.env.PG_RUN_AS ? { PG_RUN_AS: process.env.PG_RUN_AS } : {}),
  });
  const server = await startServer(config, () => undefined);
  const base = `http://127.0.0.1:${port}`;
  try {
    const { db, pool } = server.database;
    /** An organisation with the generated owners as members and a signed-in owner. */
    const organisation = async (name: string) => {
      const org = await insertOrganisation(db, name);
      await pool.query('update organisations set require_mfa = false where id = $1', [org.id]);
      const owner = await insertUser(db, { email: `owner-${org.id.slice(0, 8)}@example.jp`, displayName: 'ベンチ 所有者', passwordHash: '$argon2id$bench', locale: 'ja' });
      await insertMembership(db, org.id, owner.id, 'owner');
      for (const [i, n] of OWNERS.entries()) {
        const u = await insertUser(db, { email: `m${i}-${org.id.slice(0, 8)}@example.jp`, displayName: n, passwordHash: '$argon2id$bench', locale: 'ja' });
        await insertMembership(db, org.id, u.id, 'staff');
      }
      const session = await createSession(db, { userId: owner.id, organisationId: org.id, mfaPending: false, ipAddress: '127.0.0.1', userAgent: 'kumoji-bench' }, config);
      // The CSRF token (double submit): the cookie and the header carry the same value.
      const res = await fetch(`${base}/api/v1/session`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { id: org.id, headers: { cookie: `${SESSION_COOKIE}=${session.token}; kumoji_csrf=${csrfToken}`, 'x-csrf-token': csrfToken } };
    };

    let csvOrg: Awaited<ReturnType<typeof organisation>> | undefined;
    if (PARTS.has('import')) {
      const tg = performance.now();
      const files = await makeFiles(ROWS);
      console.log(`  generated ${fmt(ROWS)} rows x ${HEADERS.length} columns: CSV (Shift_JIS) ${fmt(files.csv.length / 1024 / 1024, 1)} MB, XLSX ${fmt(files.xlsx.length / 1024 / 1024, 1)} MB in ${fmt(performance.now() - tg)} ms`);

      console.log('\nImport end to end over HTTP (upload → check → commit), target < 10 s each');
      console.log(`${'file'.padEnd(22)} ${'upload'.padStart(9)} ${'check'.padStart(9)} ${'commit'.padStart(9)} ${'total'.padStart(9)} ${'rows'.padStart(9)}`);
      csvOrg = await organisation('ベンチ CSV 株式会社');
      const xlsxOrg = await organisation('ベンチ XLSX 株式会社');
      for (const [label, org, name, bytes] of [
        ['CSV Shift_JIS', csvOrg, 'inventory.csv', files.csv],
        ['XLSX', xlsxOrg, 'inventory.xlsx', files.xlsx],
      ] as const) {
        const r = await importOverHttp(base, org.headers, name, bytes);
        const s = (ms: number) => `${fmt(ms / 1000, 2)} s`;
        console.log(`${label.padEnd(22)} ${s(r.upload).padStart(9)} ${s(r.validate).padStart(9)} ${s(r.commit).padStart(9)} ${s(r.total).padStart(9)} ${fmt(r.rows).padStart(9)}   ${r.total < 10_000 ? 'PASS' : 'MISS'}`);
        recordTarget({ label: `import of ${fmt(ROWS)} rows, ${label}, s`, value: r.total / 1000, target: '< 10', ok: (v) => v < 10, digits: 2 });
      }
    }
    if (PARTS.has('bombs')) await zipBombFigures(base, (await organisation('ベンチ 爆弾 株式会社')).headers);
    if (csvOrg && PARTS.has('list')) {
      // What autovacuum does shortly after a 100,000-row insert: statistics and the visibility map
      // (index-only scans for the capped counts). Done here so the figures are those of a settled table.
      await pool.query('vacuum (analyze) assets');

      console.log(`\nList API at ${fmt(ROWS)} assets: autocannon, ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${DURATION} s each`);
      const first = (await (await fetch(`${base}/api/v1/assets?sort=name&limit=50`, { headers: csvOrg.headers })).json()) as { total: number; nextCursor: string; items: unknown[] };
      // Unfiltered, the count comes from the totals: exact at any size.
      if (first.total !== ROWS || first.items.length !== 50) throw new Error(`list sanity: ${first.total} / ${first.items.length}`);
      let cursor = first.nextCursor;
      // A cursor deep in the list (page 202 at 100,000 assets; the last page on a smaller run).
      for (let i = 0; i < 200; i++) {
        const next = ((await (await fetch(`${base}/api/v1/assets?sort=name&limit=50&cursor=${cursor}`, { headers: csvOrg.headers })).json()) as { nextCursor: string | null }).nextCursor;
        if (!next) break;
        cursor = next;
      }
      const scenarios: [string, string][] = [
        ['first page (with count)', '/api/v1/assets?sort=name&limit=50'],
        ['keyset page (deep)', `/api/v1/assets?sort=name&limit=50&cursor=${cursor}`],
        ['sort total value desc', '/api/v1/assets?sort=totalValue&dir=desc&limit=50'],
        ['search 台帳000 (count)', `/api/v1/assets?q=${encodeURIComponent('台帳000')}&limit=50`],
        // Rare matches (one asset): the search must not read the inventory to find them.
        ['search 000123 (count)', `/api/v1/assets?q=000123&limit=50`],
        // Two characters: fewer than the trigram index can use (one asset in ten matches).
        ['search 台帳 (2 chars)', `/api/v1/assets?q=${encodeURIComponent('台帳')}&limit=50`],
        ['filter rank=A (count)', '/api/v1/assets?rank=A&limit=50'],
        ['summary + model check', '/api/v1/assets/summary'],
      ];
      console.log(`${'scenario'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p90 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'requests'.padStart(9)} ${'non-2xx'.padStart(8)}`);
      for (const [name, url] of scenarios) {
        const r = await runLoad({ name, url: base + url, headers: { cookie: csvOrg.headers.cookie }, connections: CONNECTIONS, warmup: WARMUP, duration: DURATION });
        console.log(`${name.padEnd(26)} ${fmt(r.rps).padStart(8)} ${fmt(r.p50).padStart(7)} ${fmt(r.p90).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.max).padStart(7)} ${fmt(r.total).padStart(9)} ${fmt(r.non2xx + r.errors).padStart(8)}`);
        if (name.startsWith('first page')) {
          const oneSelect = figure('oneSelectRps');
          recordTarget({ label: 'asset list / one-SELECT route (audit bench b)', value: oneSelect ? r.rps / oneSelect : null, target: '>= 0.50', ok: (v) => v >= 0.5, digits: 3 });
        }
        if (name.startsWith('search 台帳000') || name.startsWith('summary')) {
          recordTarget({ label: `${name} p99 ms`, value: r.p99, target: '< 50', ok: (v) => v < 50 });
        }
      }
      await statementFigures(pool, base, csvOrg.headers);
    }
  } finally {
    // Let the last load generator's connections drain before the pool closes.
    await new Promise((res) => setTimeout(res, 1000));
    await server.stop();
    if (benchDb && process.env.DATABASE_URL) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists "${benchDb}" with (force)`);
      await admin.end();
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === LOADGEN_FLAG) {
  await loadgen(JSON.parse(process.argv[3]) as LoadJob);
} else if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  await main();
}
