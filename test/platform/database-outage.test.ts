import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { exited, Http, postmasterPids, startServe, type HttpReply, type ServeProcess } from '../helpers/serve-process.ts';
import { TEST_PASSWORD } from '../helpers/test-app.ts';

/**
 * The database goes away while `kumoji serve` runs: only the embedded
 * PostgreSQL is killed (SIGKILL of its postmaster), during a stream of writes.
 * The app stays up, answers every request with a translated 503 problem
 * document (never a 500, never a dropped connection), `/readyz` says 503 too,
 * and once Kumoji has restarted the embedded server the same session works
 * again. Always on an embedded database of its own, also when the suite runs
 * on DATABASE_URL: that server is shared and must not be killed.
 */

const port = 3800 + Math.floor(Math.random() * 400);
let dataDir: string;
let server: ServeProcess | null = null;

function env(): Record<string, string> {
  const e: Record<string, string> = { ...(process.env as Record<string, string>), DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  delete e.KUMOJI_TEST_ADMIN_URL;
  delete e.DATABASE_URL;
  delete e.DATABASE_OWNER_URL;
  return e;
}

const alive = (s: ServeProcess) => s.child.exitCode === null && s.child.signalCode === null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a process (not ours, so never a zombie of ours) no longer exists. */
async function gone(pid: number): Promise<void> {
  for (const until = Date.now() + 10_000; Date.now() < until; await sleep(10)) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  assert.fail(`process ${pid} still runs after SIGKILL`);
}

function assertUnavailable(reply: HttpReply, what: string, output: string) {
  assert.equal(reply.status, 503, `${what}: ${JSON.stringify(reply.body)}\n${output}`);
  assert.match(reply.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
  assert.equal(reply.body.code, 'databaseUnavailable', what);
  // Nobody can be recognised while the database is away: the title is in the Accept-Language, Japanese by default.
  assert.equal(reply.body.title, '一時的にデータを読み書きできない状態です。しばらくしてからもう一度お試しください。', what);
  assert.match(reply.headers.get('retry-after') ?? '', /^\d+$/, `${what}: Retry-After`);
}

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-outage-'));
});
after(async () => {
  if (server && alive(server)) {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the app survives its embedded database being killed, answers 503 meanwhile, and recovers', async () => {
  server = await startServe(env());
  const output = () => server!.output.join('');
  const http = new Http(port);
  await http.session();
  const setupToken = new URL(server.setupUrl!).searchParams.get('token');
  const setup = await http.call('POST', '/api/v1/setup', { token: setupToken, organisationName: '雲路', displayName: 'Owner', email: 'owner@example.jp', password: TEST_PASSWORD });
  assert.equal(setup.status, 201, JSON.stringify(setup.body));
  assert.equal((await http.call('GET', '/readyz')).status, 200);

  // Writers in flight when the database dies: each answer is a 201 or a 503, never a 500 or a reset connection.
  let stop = false;
  const answers: number[] = [];
  const unexpected: string[] = [];
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      const r = await http.call('POST', '/api/v1/organisations', { name: `w${w}-${i}` }).catch((e: Error) => ({ status: 0, body: `${e.message} ${String(e.cause ?? '')}` }) as HttpReply);
      // Once the test is over (or failed) the server may be stopping: later answers prove nothing.
      if (stop) return;
      answers.push(r.status);
      if (r.status === 201) continue;
      if (r.status !== 503 || r.body?.code !== 'databaseUnavailable') unexpected.push(`writer ${w}: ${r.status} ${JSON.stringify(r.body)}`);
      await sleep(50);
    }
  });
  try {
    await sleep(500);
    const [postmaster] = postmasterPids(dataDir);
    assert.ok(postmaster, 'the embedded database runs');
    process.kill(postmaster, 'SIGKILL');
    await gone(postmaster);

    // A backend whose postmaster just died may still answer one query before it notices and exits:
    // until /readyz first fails it may say 200; from then on the database is away until Kumoji restarts it.
    let ready = await http.call('GET', '/readyz');
    for (const until = Date.now() + 10_000; ready.status === 200 && Date.now() < until; ) {
      await sleep(10);
      ready = await http.call('GET', '/readyz');
    }
    const session = await http.call('GET', '/api/v1/session');
    assert.ok(alive(server), `the app is still running:\n${output()}`);
    assertUnavailable(ready, '/readyz', output());
    assertUnavailable(session, 'GET /api/v1/session', output());

    // Kumoji restarts its embedded database; the deadline is generous, nothing is timed.
    const deadline = Date.now() + 120_000;
    let readyAgain = ready;
    while (readyAgain.status !== 200 && Date.now() < deadline) {
      await sleep(250);
      readyAgain = await http.call('GET', '/readyz');
      if (readyAgain.status !== 200) assertUnavailable(readyAgain, '/readyz while the database starts', output());
    }
    assert.equal(readyAgain.status, 200, `the database came back:\n${output()}`);
    assert.ok(alive(server), 'the app is still running');
    const [restarted] = postmasterPids(dataDir);
    assert.ok(restarted && restarted !== postmaster, 'a new postmaster serves the data folder');
    assert.ok(answers.includes(503), `a write met the outage: ${answers.join(',')}`);
  } finally {
    stop = true;
    await Promise.all(writers);
  }
  assert.deepEqual(unexpected, [], output());
  const back = await http.session();
  assert.equal(back.authenticated, true, 'the session survived the outage');
  const write = await http.call('POST', '/api/v1/organisations', { name: 'after the outage' });
  assert.equal(write.status, 201, JSON.stringify(write.body));

  server.child.kill('SIGTERM');
  assert.equal(await exited(server.child), 0, output());
  assert.deepEqual(postmasterPids(dataDir), [], 'SIGTERM stops the restarted database too');
});
