#!/usr/bin/env node
// Runs the test suite with node's own runner against a real PostgreSQL:
// DATABASE_URL when set, otherwise an embedded server in a fresh temporary folder.
// Each test file creates (and drops) its own database on that server.
//   node scripts/run-tests.mjs [--browser] [files…]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const browser = args.includes('--browser');
const explicit = args.filter((a) => !a.startsWith('--'));

function collect(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'fixtures') continue;
      collect(full, out);
    } else if (/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const all = [...collect(path.join(root, 'src')), ...collect(path.join(root, 'test'))].sort();
const isBrowser = (f) => f.includes(`${path.sep}test${path.sep}browser${path.sep}`);
const files = explicit.length ? explicit.map((f) => path.resolve(f)) : all.filter((f) => (browser ? isBrowser(f) : !isBrowser(f)));

let embedded = null;
let tmp = null;
const env = { ...process.env, NODE_ENV: 'test' };
if (process.env.DATABASE_URL) {
  env.KUMOJI_TEST_ADMIN_URL = process.env.DATABASE_URL;
  console.log(`Tests run on DATABASE_URL (${process.env.DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}).`);
} else {
  const { openEmbeddedDatabase } = await import('../src/server/platform/db/embedded-postgres.ts');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-test-'));
  embedded = await openEmbeddedDatabase({ dataDir: tmp, mode: 'server', command: 'test', runAsUser: process.env.PG_RUN_AS || 'postgres' });
  env.KUMOJI_TEST_ADMIN_URL = embedded.url;
  console.log(`Tests run on an embedded PostgreSQL in ${tmp}.`);
}

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env, cwd: root },
);
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (embedded) await embedded.close();
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(code);
