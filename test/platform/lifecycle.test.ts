import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { BIN, exited, Http, postmasterPids, startServe, type ServeProcess } from '../helpers/serve-process.ts';
import { TEST_PASSWORD } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * The life cycle of `kumoji serve` as a real process: start, refuse a second
 * server on the same data folder, SIGKILL during a stream of acknowledged
 * writes and restart without losing any of them, and stop in order on SIGTERM.
 * On the embedded database (the default) the kill leaves an orphaned
 * PostgreSQL that the next start adopts; once, the database is killed too and
 * PostgreSQL's crash recovery replays the WAL. With DATABASE_URL the same
 * kill-and-restart runs against that server.
 */

const run = promisify(execFile);
const external = !!process.env.DATABASE_URL;
const port = 3400 + Math.floor(Math.random() * 400);
/** Writes acknowledged in each round before the kill may come. */
const PER_ROUND = 6;

let dataDir: string;
let externalDb: TestDatabase | null = null;

function env(extra: Record<string, string> = {}) {
  const e: Record<string, string> = { ...(process.env as Record<string, string>), DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...extra };
  delete e.KUMOJI_TEST_ADMIN_URL;
  delete e.DATABASE_OWNER_URL;
  if (externalDb) {
    e.DATABASE_URL = externalDb.url;
    e.DATABASE_OWNER_URL = externalDb.ownerUrl;
  } else delete e.DATABASE_URL;
  return e;
}

function startServer(): Promise<ServeProcess> {
  return startServe(env());
}

const postgresPids = () => postmasterPids(dataDir);

let firstSetupUrl: string | undefined;
before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-life-'));
  if (external) externalDb = await createTestDatabase();
});
after(async () => {
  await externalDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`kumoji serve as a process (${external ? 'DATABASE_URL' : 'embedded PostgreSQL'})`, () => {
  test('first start prints a set-up link; a second server on the same data folder refuses', async () => {
    const server = await startServer();
    assert.ok(server.setupUrl, server.output.join(''));
    firstSetupUrl = server.setupUrl;
    if (!external) {
      const second = spawn(process.execPath, [BIN, 'serve'], { env: env({ PORT: String(port + 1) }), stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      second.stderr!.on('data', (c) => (err += c));
      assert.equal(await exited(second), 1);
      assert.match(err, /is in use by Kumoji process \d+/);
      assert.match(err, /Nothing was changed/);
    }
    // The tools use the running database instead of starting another.
    const { stdout } = await run(process.execPath, [BIN, 'migrate'], { env: env() });
    assert.match(stdout, /Applied 0 migration\(s\)/);
    server.child.kill('SIGTERM');
    assert.equal(await exited(server.child), 0, server.output.join(''));
    assert.match(server.output.join(''), /Stopped\./);
    if (!external) {
      assert.deepEqual(postgresPids(), [], 'SIGTERM stops the embedded database too');
      assert.equal(fs.existsSync(path.join(dataDir, 'kumoji.lock')), false);
    }
  });

  test('SIGKILL during acknowledged writes loses none of them; the chain verifies', async () => {
    let server = await startServer();
    // The link the first start printed still works: a later start keeps an unused set-up token.
    assert.equal(server.setupUrl, undefined, 'a later start prints no new link');
    assert.match(server.output.join(''), /A set-up link was printed earlier and still works/);
    const http = new Http(port);
    await http.session();
    const setupToken = new URL(firstSetupUrl!).searchParams.get('token');
    const setup = await http.call('POST', '/api/v1/setup', { token: setupToken, organisationName: '雲路', displayName: 'Owner', email: 'owner@example.jp', password: TEST_PASSWORD });
    assert.equal(setup.status, 201, JSON.stringify(setup.body));

    const acknowledged: string[] = [];
    const rounds = external ? 3 : 4;
    for (let round = 0; round < rounds; round++) {
      const before = acknowledged.length;
      let stop = false;
      // Four writers in parallel, each sending the next write as soon as the last is acknowledged.
      const writers = Array.from({ length: 4 }, async (_, w) => {
        let i = 0;
        while (!stop) {
          try {
            const r = await http.call('POST', '/api/v1/organisations', { name: `r${round}-w${w}-${i++}` });
            if (r.status === 201) acknowledged.push(r.body.id);
          } catch {
            return; // the server is gone
          }
        }
      });
      // The kill comes after this round's first acknowledged writes, at a random moment
      // after them: counting writes, not waiting a fixed time, keeps the check meaningful
      // however slow the machine is.
      while (acknowledged.length - before < PER_ROUND) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, Math.random() * 600));
      // The last embedded round kills the database too: a power cut rather than an app crash.
      const killDatabase = !external && round === rounds - 1;
      if (killDatabase) for (const pid of postgresPids()) process.kill(pid, 'SIGKILL');
      server.child.kill('SIGKILL');
      stop = true;
      await exited(server.child);
      await Promise.all(writers);
      if (!external && !killDatabase) assert.equal(postgresPids().length, 1, 'the database outlives the app (orphaned)');
      server = await startServer();
      assert.equal(server.setupUrl, undefined, 'set-up is not offered again');
      await http.session();
      const s = await http.session();
      assert.equal(s.authenticated, true, 'the session survived the crash');
      const ids = new Set(s.memberships.map((m: { organisationId: string }) => m.organisationId));
      const lost = acknowledged.filter((id) => !ids.has(id));
      assert.deepEqual(lost, [], `round ${round}: acknowledged writes lost`);
    }
    const { stdout } = await run(process.execPath, [BIN, 'audit', 'verify'], { env: env() });
    assert.match(stdout, /Audit trail verified/);
    console.log(`# reliability: ${rounds} SIGKILLs, ${acknowledged.length} acknowledged writes, 0 lost; ${stdout.trim().split('\n').pop()}`);
    server.child.kill('SIGTERM');
    assert.equal(await exited(server.child), 0, server.output.join(''));
  });
});

