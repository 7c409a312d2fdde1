import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import * as tar from 'tar';
import { verifyAudit } from '../../src/server/platform/audit/audit-verify.repository.ts';
import { createBackup } from '../../src/server/platform/backup/backup.ts';
import { restoreBackup } from '../../src/server/platform/backup/restore.ts';
import { migrateTo } from '../../src/server/platform/backup/restore-target.ts';
import { loadConfig, type Config } from '../../src/server/platform/config.ts';
import { connect, shippedMigrationCount } from '../../src/server/platform/db/database.ts';
import { openDatabase } from '../../src/server/platform/db/open-database.ts';
import { JOBS } from '../../src/server/jobs.ts';
import { assess, createDiagnosisWorld, enc, PRE, PRE_ITEMS, upload, type DiagnosisWorld } from '../diagnosis/diagnosis-fixtures.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { testConfig } from '../helpers/test-app.ts';
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from '../helpers/test-database.ts';

/**
 * `kumoji backup` and `kumoji restore`: an installation with data made
 * through the app (organisations, members, a submitted assessment, an
 * evidence file, audit chains) is backed up and restored into an empty
 * database and into a fresh data folder, and every table is compared row for
 * row. A target with data, a changed byte and a newer archive are refused.
 */

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/kumoji.mjs');
const key = Buffer.from(TEST_AUDIT_KEY, 'hex');
const quiet = () => undefined;

let w: DiagnosisWorld;
let work: string;
let archive: string;
const targets: TestDatabase[] = [];

const configOn = (db: { url: string; ownerUrl: string }, extra: Record<string, string> = {}): Config =>
  testConfig({ DATABASE_URL: db.url, DATABASE_OWNER_URL: db.ownerUrl, ...extra });

/** Every row of every table of the application's schema and the migration journal, as JSON text, in a fixed order. */
async function everyRow(pool: pg.Pool): Promise<Record<string, string[]>> {
  const client = await pool.connect();
  try {
    await client.query(`begin isolation level repeatable read; set local timezone = 'UTC'`);
    const { rows: tables } = await client.query<{ name: string }>(
      `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
        where table_type = 'BASE TABLE' and (table_schema = 'public' or (table_schema = 'drizzle' and table_name = '__drizzle_migrations'))
        order by 1`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ r: string }>(`select to_jsonb(t)::text as r from ${name} t order by to_jsonb(t)::text collate "C"`);
      result[name] = rows.map((r) => r.r);
    }
    const { rows: seq } = await client.query<{ v: string }>(`select last_value::text as v from audit_log_id_seq`);
    result['sequence audit_log_id_seq'] = [seq[0].v];
    await client.query('commit');
    return result;
  } finally {
    client.release();
  }
}

/** Until the sessions a closed pool had on the database have ended (watched from another database). */
async function untilAlone(target: TestDatabase): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.KUMOJI_TEST_ADMIN_URL ?? process.env.DATABASE_URL });
  await admin.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1`, [target.name]);
      if (!rows[0].n) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await admin.end();
  }
}

async function newTarget(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const target = await createTestDatabase({ migrate: options.migrate ?? false });
  targets.push(target);
  return target;
}

/** The archive unpacked, changed by `edit`, packed again in the same order. */
async function repack(name: string, edit: (dir: string) => void): Promise<string> {
  const dir = fs.mkdtempSync(path.join(work, 'unpacked-'));
  const entries: string[] = [];
  await tar.x({ file: archive, cwd: dir, onReadEntry: (e) => void entries.push(e.path) });
  edit(dir);
  const file = path.join(work, name);
  await tar.c({ gzip: true, cwd: dir, file, portable: true }, entries);
  return file;
}

before(async () => {
  w = await createDiagnosisWorld();
  // A submitted checklist: its answers sit behind a trigger that refuses new ones, which the load must step around.
  await assess(w.owner, PRE, PRE_ITEMS, { [PRE_ITEMS[2]]: 'no' });
  const draft = await w.owner.post('/api/v1/diagnosis/assessments', { checklistId: PRE, carryOver: true });
  assert.equal(draft.status, 201, draft.raw);
  const file = await upload(w.staff.client, `/api/v1/diagnosis/assessments/${draft.body.id}/answers/${enc(PRE_ITEMS[4])}/evidence`, '方針.pdf', SAMPLE_PDF, 'application/pdf');
  assert.equal(file.status, 201, file.raw);
  const profile = await w.manager.client.patch('/api/v1/organisation/profile', { employees: 48, version: 0 });
  assert.equal(profile.status, 200, profile.raw);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-backup-test-'));
  fs.chmodSync(work, 0o755);
  archive = path.join(work, 'kumoji.tar.gz');
  const made = await createBackup(configOn(w.t.database), { out: archive, includeAuditKey: false, log: quiet });
  assert.equal(made.manifest.migrations.count, shippedMigrationCount());
  assert.equal(made.auditKeySource, 'KUMOJI_AUDIT_KEY', 'the key stays out and the reminder says where it is');
});

after(async () => {
  for (const target of targets) await target.drop();
  await w.t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  test('the archive holds every table, with row counts, SHA-256, the migration count and the audit heads', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'listed-'));
    await tar.x({ file: archive, cwd: dir });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const tables = Object.keys(await everyRow(w.t.database.pool)).filter((n) => !n.startsWith('sequence'));
    assert.deepEqual(manifest.tables.map((t: { schema: string; name: string }) => `${t.schema}.${t.name}`).sort(), tables.sort());
    assert.ok(!manifest.tables.some((t: { schema: string }) => t.schema === 'pgboss'), 'the job queue is not backed up');
    const evidence = manifest.tables.find((t: { name: string }) => t.name === 'evidence_files');
    assert.equal(evidence.rows, 1, 'evidence files are rows of the database');
    assert.match(evidence.sha256, /^[0-9a-f]{64}$/);
    const { heads } = await verifyAudit(w.t.database.pool, key);
    assert.deepEqual(manifest.auditHeads.map((h: { chain: string; seq: number; hash: string }) => ({ chain: h.chain, seq: h.seq, hash: h.hash })), [...heads].sort((a, b) => (a.chain < b.chain ? -1 : 1)));
    assert.equal(fs.existsSync(path.join(dir, 'audit.key')), false, 'no audit key unless asked for');
  });

  test('restored into an empty database, every table equals the source row for row, and the audit trail verifies', async () => {
    const target = await newTarget();
    const restored = await restoreBackup(configOn(target), archive, { force: false, jobs: JOBS, log: quiet });
    assert.deepEqual(restored.audit.problems, []);
    assert.equal(restored.headsMatch, true);
    assert.deepEqual(await everyRow(target.pool), await everyRow(w.t.database.pool));
    const [source, copy] = [await verifyAudit(w.t.database.pool, key), await verifyAudit(target.pool, key)];
    assert.deepEqual(copy.problems, []);
    assert.deepEqual(copy.heads, source.heads);
    const { rows } = await target.pool.query(`select count(*)::int as n from pgboss.queue`);
    assert.ok(rows[0].n > 0, 'the job queues are made again');
  });

  test('a target that holds data is refused, changed in nothing; --force replaces what it holds', async () => {
    // Migrated and empty is empty; one organisation in it is not.
    const target = await newTarget({ migrate: true });
    await target.queryAsOwner(`insert into organisations (name) values ('既存の組織')`);
    const before = await everyRow(target.pool);
    await assert.rejects(restoreBackup(configOn(target), archive, { force: false, jobs: JOBS, log: quiet }), /target is not empty: it holds data \(rows in 1 table\(s\): organisations\)[^]*--force/);
    assert.deepEqual(await everyRow(target.pool), before);
    // --force never empties a database another session is using.
    const busy = await target.pool.connect();
    try {
      await assert.rejects(restoreBackup(configOn(target), archive, { force: true, jobs: JOBS, log: quiet }), /other session/);
    } finally {
      busy.release();
    }
    await target.close();
    await untilAlone(target);
    const forced = await restoreBackup(configOn(target), archive, { force: true, jobs: JOBS, log: quiet });
    assert.equal(forced.emptied, true);
    assert.deepEqual(forced.audit.problems, []);
    const check = connect(target.url, 2);
    try {
      assert.deepEqual(await everyRow(check.pool), await everyRow(w.t.database.pool));
    } finally {
      await check.close();
    }
  });

  test('an archive with one byte of a table changed is refused by the hash check, before the target is touched', async () => {
    const tampered = await repack('tampered.tar.gz', (dir) => {
      const file = path.join(dir, 'tables/public.organisations.copy');
      const bytes = fs.readFileSync(file);
      const at = bytes.indexOf('雲路テスト');
      assert.ok(at >= 0);
      bytes[at + 2] ^= 0x01;
      fs.writeFileSync(file, bytes);
    });
    const target = await newTarget();
    await assert.rejects(
      restoreBackup(configOn(target), tampered, { force: false, jobs: JOBS, log: quiet }),
      /damaged or was changed: tables\/public\.organisations\.copy does not have the SHA-256/,
    );
    const { rows } = await target.pool.query(`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`);
    assert.equal(rows[0].n, 0, 'nothing was migrated or loaded');
  });

  test('an archive from a newer migration count is refused', async () => {
    const newer = await repack('newer.tar.gz', (dir) => {
      const file = path.join(dir, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      manifest.migrations.count = shippedMigrationCount() + 1;
      fs.writeFileSync(file, JSON.stringify(manifest));
    });
    const target = await newTarget();
    await assert.rejects(
      restoreBackup(configOn(target), newer, { force: false, jobs: JOBS, log: quiet }),
      new RegExp(`made by a newer Kumoji \\(\\S+, ${shippedMigrationCount() + 1} migrations\\)`),
    );
  });

  test('an archive from fewer migrations is loaded at its own schema, then migrated to this version', async () => {
    const shipped = shippedMigrationCount();
    const older = await newTarget();
    await migrateTo(older.ownerUrl, shipped - 1);
    await older.queryAsOwner(`insert into setup_tokens (token_hash) values ('from-the-older-version')`);
    const file = path.join(work, 'older.tar.gz');
    const made = await createBackup(configOn(older), { out: file, includeAuditKey: false, log: quiet });
    assert.equal(made.manifest.migrations.count, shipped - 1);
    const target = await newTarget();
    const restored = await restoreBackup(configOn(target), file, { force: false, jobs: JOBS, log: quiet });
    assert.deepEqual([restored.migrated, restored.later, restored.audit.problems], [shipped - 1, 1, []]);
    const { rows } = await target.pool.query(`select token_hash from setup_tokens`);
    assert.deepEqual(rows, [{ token_hash: 'from-the-older-version' }]);
  });

  test('the CLI: backup with the audit key, restore into a fresh data folder on the embedded database', async () => {
    const file = path.join(work, 'cli.tar.gz');
    const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent', NODE_ENV: 'production' };
    delete env.KUMOJI_TEST_ADMIN_URL;
    const backup = await run(process.execPath, [BIN, 'backup', '--out', file, '--include-audit-key'], {
      env: { ...env, DATABASE_URL: w.t.database.url, DATABASE_OWNER_URL: w.t.database.ownerUrl, KUMOJI_AUDIT_KEY: TEST_AUDIT_KEY, DATA_DIR: work },
    });
    assert.match(backup.stdout, /Backed up [^]* tables, \d+ rows, \d+ migrations, \d+ audit chain\(s\)[^]*carries the audit key/);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    await assert.rejects(
      run(process.execPath, [BIN, 'backup', '--out', file], { env: { ...env, DATABASE_URL: w.t.database.url, KUMOJI_AUDIT_KEY: TEST_AUDIT_KEY } }),
      (e: { code: number; stderr: string }) => e.code === 1 && /exists already/.test(e.stderr),
    );

    // A fresh folder, no key configured: the archive's key is written to DATA_DIR/audit.key.
    const dataDir = fs.mkdtempSync(path.join(work, 'fresh-'));
    const embeddedEnv: Record<string, string> = { ...env, DATA_DIR: dataDir };
    delete embeddedEnv.DATABASE_URL;
    delete embeddedEnv.DATABASE_OWNER_URL;
    delete embeddedEnv.KUMOJI_AUDIT_KEY;
    const restore = await run(process.execPath, [BIN, 'restore', file], { env: embeddedEnv });
    assert.match(restore.stdout, /Restored .* into embedded PostgreSQL[^]*SHA-256 equal the archive's[^]*written to .*audit\.key[^]*Audit trail verified/);
    assert.equal(fs.readFileSync(path.join(dataDir, 'audit.key'), 'utf8').trim(), TEST_AUDIT_KEY);
    await assert.rejects(
      run(process.execPath, [BIN, 'restore', file], { env: embeddedEnv }),
      (e: { code: number; stderr: string }) => e.code === 1 && /target is not empty/.test(e.stderr),
    );

    const embedded = await openDatabase(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), 'tool', 'test', quiet);
    try {
      assert.deepEqual(await everyRow(embedded.pool), await everyRow(w.t.database.pool));
      const verified = await verifyAudit(embedded.pool, key);
      assert.deepEqual(verified.problems, []);
      assert.deepEqual(verified.heads, (await verifyAudit(w.t.database.pool, key)).heads);
    } finally {
      await embedded.close();
    }
  });
});
