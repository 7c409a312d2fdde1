import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../config.ts';
import { AUDIT_KEY_FILE, loadAuditKey } from './audit-key.ts';
import { headSeal, sealMatches } from './audit.seal.ts';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-key-'));

describe('the audit key', () => {
  test('KUMOJI_AUDIT_KEY wins, and no key file is made', async () => {
    const dir = dataDir();
    const key = await loadAuditKey(loadConfig({ DATA_DIR: dir, KUMOJI_AUDIT_KEY: 'c3'.repeat(32) }));
    assert.equal(key.toString('hex'), 'c3'.repeat(32));
    assert.equal(fs.existsSync(path.join(dir, AUDIT_KEY_FILE)), false);
  });

  test('without it, DATA_DIR/audit.key is made once, readable by its owner only, and read back', async () => {
    const config = loadConfig({ DATA_DIR: path.join(dataDir(), 'not-yet') });
    const first = await loadAuditKey(config);
    assert.equal(first.length, 32);
    const file = path.join(config.dataDir, AUDIT_KEY_FILE);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(await loadAuditKey(config), first);
    assert.deepEqual(fs.readdirSync(config.dataDir), [AUDIT_KEY_FILE], 'no temporary file is left behind');
  });

  test('instances starting together on one data folder agree on one key', async () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadAuditKey(config)));
    for (const key of keys) assert.deepEqual(key, keys[0]);
  });

  test('verification never makes a key, and says where it looked', async () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    await assert.rejects(loadAuditKey(config, { create: false }), (e: Error) => e instanceof ConfigError && e.message.includes(path.join(config.dataDir, AUDIT_KEY_FILE)));
  });

  test('a damaged key file stops with a clear message rather than making a new key', async () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    fs.writeFileSync(path.join(config.dataDir, AUDIT_KEY_FILE), 'abc\n');
    await assert.rejects(loadAuditKey(config), /does not hold an audit key/);
  });
});

describe('the head seal', () => {
  const key = Buffer.alloc(32, 1);
  const head = { chain: 'org:1', seq: 7, hash: 'ab'.repeat(32) };
  test('matches only the same key, chain, seq and hash', () => {
    const seal = headSeal(key, head);
    assert.equal(sealMatches(key, head, seal), true);
    assert.equal(sealMatches(Buffer.alloc(32, 2), head, seal), false);
    assert.equal(sealMatches(key, { ...head, seq: 8 }, seal), false);
    assert.equal(sealMatches(key, { ...head, chain: 'org:2' }, seal), false);
    assert.equal(sealMatches(key, { ...head, hash: 'cd'.repeat(32) }, seal), false);
    assert.equal(sealMatches(key, head, null), false);
    assert.equal(sealMatches(key, head, 'not-hex'), false);
  });
});
