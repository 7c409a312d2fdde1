import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults make a working configuration', () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 3000);
  assert.equal(c.HOST, 'localhost');
  assert.equal(c.dataDir, path.resolve('./data'));
  assert.equal(c.publicUrl, 'http://localhost:3000');
  assert.equal(c.DATABASE_URL, undefined);
});

test('values are typed and the public URL follows HOST and PORT', () => {
  const c = loadConfig({ PORT: '8080', HOST: '0.0.0.0', TRUST_PROXY: 'true', SESSION_IDLE_MINUTES: '15' });
  assert.equal(c.PORT, 8080);
  assert.deepEqual(c.TRUST_PROXY, ['loopback', 'linklocal', 'uniquelocal']);
  assert.equal(c.SESSION_IDLE_MINUTES, 15);
  assert.equal(c.publicUrl, 'http://localhost:8080');
  assert.equal(loadConfig({ PUBLIC_URL: 'https://kumoji.example.jp/' }).publicUrl, 'https://kumoji.example.jp');
});

test('TRUST_PROXY names the trusted hops: never "every hop", which would let anyone forge X-Forwarded-For', () => {
  const cases: [string | undefined, false | string[]][] = [
    [undefined, false],
    ['false', false],
    ['0', false],
    ['true', ['loopback', 'linklocal', 'uniquelocal']],
    ['1', ['loopback', 'linklocal', 'uniquelocal']],
    ['10.0.0.5', ['10.0.0.5']],
    ['loopback, 10.0.0.0/8,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
  ];
  for (const [value, expected] of cases) assert.deepEqual(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY, expected, value);
});

const bad: [Record<string, string>, RegExp][] = [
  [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
  [{ TRUST_PROXY: 'proxy.example.jp' }, /TRUST_PROXY/],
  [{ TRUST_PROXY: '2' }, /hop counts/],
  [{ PORT: 'eighty' }, /PORT/],
  [{ PORT: '70000' }, /PORT/],
  [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
  [{ DATABASE_URL: 'postgres://app@db/kumoji', DATABASE_OWNER_URL: 'mysql://x' }, /DATABASE_OWNER_URL/],
  [{ DATABASE_OWNER_URL: 'postgres://owner@db/kumoji' }, /DATABASE_OWNER_URL: needs DATABASE_URL/],
  [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY/],
  [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  [{ PUBLIC_URL: 'ftp://x' }, /PUBLIC_URL/],
  [{ SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES/],
  [{ KUMOJI_AUDIT_KEY: 'ab'.repeat(31) }, /KUMOJI_AUDIT_KEY: must be at least 32 random bytes/],
  [{ KUMOJI_AUDIT_KEY: Buffer.alloc(31, 7).toString('base64') }, /KUMOJI_AUDIT_KEY/],
  [{ KUMOJI_AUDIT_KEY: 'not a key, just a long sentence of text here' }, /KUMOJI_AUDIT_KEY/],
];
for (const [env, name] of bad) {
  test(`a bad value stops start-up naming the variable: ${JSON.stringify(env)}`, () => {
    assert.throws(() => loadConfig(env), (e: Error) => e instanceof ConfigError && name.test(e.message));
  });
}

test('the audit key is read as hex, or else as base64', () => {
  const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));
  assert.deepEqual(loadConfig({ KUMOJI_AUDIT_KEY: bytes.toString('hex') }).KUMOJI_AUDIT_KEY, bytes);
  assert.deepEqual(loadConfig({ KUMOJI_AUDIT_KEY: bytes.toString('base64') }).KUMOJI_AUDIT_KEY, bytes);
  assert.equal(loadConfig({}).KUMOJI_AUDIT_KEY, undefined);
});
