import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { verifyAudit } from '../../src/server/platform/audit/audit-verify.repository.ts';
import { addMember, createOrganisation, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { TEST_AUDIT_KEY } from '../helpers/test-database.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/kumoji.mjs');

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function cliVerify(): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, 'audit', 'verify'], {
      env: { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent', KUMOJI_AUDIT_KEY: TEST_AUDIT_KEY },
    });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

describe('the tamper-evident audit trail', () => {
  test('changes append entries with actor, before and after; secrets are redacted', async () => {
    const org = await createOrganisation(t);
    const staff = await addMember(t, org.id, 'staff');
    const members = (await org.owner.client.get('/api/v1/members')).body.items;
    const version = members.find((m: { userId: string }) => m.userId === staff.userId).version;
    await org.owner.client.patch(`/api/v1/members/${staff.userId}`, { role: 'manager', version });
    const page = (await org.owner.client.get('/api/v1/audit')).body;
    const entry = page.items[0];
    assert.equal(entry.action, 'member.role-change');
    assert.equal(entry.actorUserId, org.owner.userId);
    assert.deepEqual([entry.before, entry.after], [{ role: 'staff' }, { role: 'manager' }]);
    assert.equal(page.headHash, entry.hash);
    assert.match(entry.hash, /^[0-9a-f]{64}$/);
  });

  test('filters by person, entity and date, with keyset paging', async () => {
    const org = await createOrganisation(t);
    for (let i = 0; i < 5; i++) await org.owner.client.post('/api/v1/invitations', { email: `p${i}@example.jp`, role: 'staff' });
    const first = (await org.owner.client.get('/api/v1/audit?entityType=invitation&limit=2')).body;
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = (await org.owner.client.get(`/api/v1/audit?entityType=invitation&limit=2&cursor=${first.nextCursor}`)).body;
    assert.ok(second.items.every((e: { seq: number }) => e.seq < first.items[1].seq));
    const byPerson = (await org.owner.client.get(`/api/v1/audit?actorUserId=${org.owner.userId}`)).body;
    assert.ok(byPerson.items.every((e: { actorUserId: string }) => e.actorUserId === org.owner.userId));
    const future = (await org.owner.client.get('/api/v1/audit?from=2099-01-01')).body;
    assert.equal(future.items.length, 0);
  });

  test('the serving role cannot disable the guard, update, delete or truncate; the owner still meets the trigger', async () => {
    await createOrganisation(t);
    const role = (await t.database.pool.query('select rolsuper from pg_roles where rolname = current_user')).rows[0];
    assert.equal(role.rolsuper, false, 'the suite serves as a non-superuser role');
    await assert.rejects(t.database.pool.query('alter table audit_log disable trigger audit_log_no_update_delete'), /must be owner/);
    await assert.rejects(t.database.pool.query('alter table audit_log disable trigger all'), /must be owner/);
    await assert.rejects(t.database.pool.query(`update audit_log set action = 'x'`), /permission denied/);
    await assert.rejects(t.database.pool.query(`delete from audit_log`), /permission denied/);
    await assert.rejects(t.database.pool.query(`truncate audit_log`), /permission denied/);
    await assert.rejects(t.database.queryAsOwner(`update audit_log set action = 'x'`), /append-only/);
    await assert.rejects(t.database.queryAsOwner(`delete from audit_log`), /append-only/);
    await assert.rejects(t.database.queryAsOwner(`truncate audit_log`), /append-only/);
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.deepEqual([ready.json().servingRole.superuser, ready.json().servingRole.ownsAuditLog, ready.json().warnings], [false, false, []]);
  });

  test('the export is JSON Lines ending with the head hash, and is itself audited', async () => {
    const org = await createOrganisation(t);
    const auditor = await addMember(t, org.id, 'auditor');
    const res = await auditor.client.get('/api/v1/audit/export');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="kumoji-audit-\d{4}-\d{2}-\d{2}\.jsonl"; filename\*=UTF-8''kumoji-audit-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const lines = res.raw.trim().split('\n').map((l) => JSON.parse(l));
    const head = lines.pop();
    assert.equal(head.head.hash, lines[lines.length - 1].hash);
    assert.equal(lines[lines.length - 1].action, 'audit.export');
    for (let i = 1; i < lines.length; i++) assert.equal(lines[i].prevHash, lines[i - 1].hash);
    const staff = await addMember(t, org.id, 'staff');
    assert.equal((await staff.client.get('/api/v1/audit/export')).status, 403);
  });

  test('`kumoji audit verify` passes, then names the entry edited behind the trigger', async () => {
    const org = await createOrganisation(t);
    await org.owner.client.post('/api/v1/invitations', { email: 'a@example.jp', role: 'staff' });
    await org.owner.client.post('/api/v1/invitations', { email: 'b@example.jp', role: 'staff' });
    const ok = await cliVerify();
    assert.equal(ok.code, 0, ok.stdout);
    assert.match(ok.stdout, /Audit trail verified/);

    // Someone with the owner's (or a superuser's) rights goes around the trigger, in one transaction.
    const { rows } = await t.database.pool.query(`select id, seq from audit_log where chain = $1 and action = 'invitation.create' order by seq limit 1`, [`org:${org.id}`]);
    await t.database.queryAsOwner(
      `begin; alter table audit_log disable trigger audit_log_no_update_delete;
       update audit_log set after = '{"email":"evil@example.jp","role":"owner"}' where id = ${Number(rows[0].id)};
       alter table audit_log enable trigger audit_log_no_update_delete; commit;`,
    );

    const broken = await cliVerify();
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, new RegExp(`BROKEN: chain org:${org.id}: entry seq ${rows[0].seq} \\(row id ${rows[0].id}\\): hash-mismatch`));
    const report = await verifyAudit(t.database.pool, Buffer.from(TEST_AUDIT_KEY, 'hex'), `org:${org.id}`);
    assert.deepEqual(
      report.problems.map((p) => [p.kind, 'seq' in p ? p.seq : null]),
      [['hash-mismatch', rows[0].seq]],
    );
  });
});
