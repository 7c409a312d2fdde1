import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { withStartupLock } from '../../src/server/platform/db/database.ts';
import { servingRoleOf, servingRoleWarnings } from '../../src/server/platform/db/database-roles.ts';
import { openDatabase, type OpenedDatabase } from '../../src/server/platform/db/open-database.ts';
import { prepareDatabase } from '../../src/server/platform/db/prepare-database.ts';
import { JOBS } from '../../src/server/jobs.ts';
import { testConfig } from '../helpers/test-app.ts';

/**
 * Kumoji's own embedded database (whatever server the rest of the suite
 * uses): it makes `kumoji_owner` and `kumoji_app` itself, migrates as the
 * owner and serves as `kumoji_app`, which cannot touch the audit trail's guard.
 */

let database: OpenedDatabase;
let dataDir: string;
before(async () => {
  const config = testConfig();
  dataDir = config.dataDir;
  database = await openDatabase({ ...config, DATABASE_URL: undefined, DATABASE_OWNER_URL: undefined }, 'server', 'test', () => undefined);
  await withStartupLock(database.ownerUrl, () => prepareDatabase(database, JOBS));
});
after(async () => {
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database serves as a role of its own', () => {
  test('kumoji_app is no superuser, does not own audit_log, and cannot disable, update, delete or truncate it', async () => {
    const role = await servingRoleOf(database.pool);
    assert.deepEqual(role, { name: 'kumoji_app', superuser: false, ownsAuditLog: false });
    assert.deepEqual(servingRoleWarnings(role), []);
    await assert.rejects(database.pool.query('alter table audit_log disable trigger audit_log_no_update_delete'), /must be owner/);
    await assert.rejects(database.pool.query(`update audit_log set action = 'x'`), /permission denied/);
    await assert.rejects(database.pool.query('delete from audit_log'), /permission denied/);
    await assert.rejects(database.pool.query('truncate audit_log'), /permission denied/);
    const owner = (await database.pool.query(`select pg_get_userbyid(relowner) as owner from pg_class where oid = 'audit_log'::regclass`)).rows[0];
    assert.equal(owner.owner, 'kumoji_owner');
  });

  test('a second preparation changes nothing and the serving role reads the job queue', async () => {
    assert.equal(await withStartupLock(database.ownerUrl, () => prepareDatabase(database, JOBS)), 0);
    // Every job's queue; pg-boss's own (between a schedule and its job) aside.
    const { rows } = await database.pool.query(`select name from pgboss.queue where name not like '\\_\\_pgboss\\_\\_%' order by name`);
    assert.deepEqual(rows.map((r) => r.name), JOBS.map((j) => j.queue).sort());
  });

  test('a superuser or the owner serving is warned about', () => {
    assert.deepEqual(servingRoleWarnings({ name: 'postgres', superuser: true, ownsAuditLog: true }), ['serving-role-is-superuser']);
    assert.deepEqual(servingRoleWarnings({ name: 'kumoji', superuser: false, ownsAuditLog: true }), ['serving-role-owns-audit-log']);
  });
});
