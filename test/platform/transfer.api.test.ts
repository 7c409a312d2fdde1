import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { OrgAuthContext } from '../../src/server/platform/http/route.ts';
import { HttpProblem } from '../../src/server/platform/http/problem.ts';
import { translator } from '../../src/server/platform/i18n/translate.ts';
import * as pipeline from '../../src/server/platform/transfer/import.service.ts';
import { createOrganisation, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createFakeTable, FAKE_TABLE, fakeRegister } from './transfer-register.ts';

// The pipeline end to end on the database with a tiny register: the report of a bad file, and a commit that is all or nothing.

let t: TestApp;
const ja = translator('ja');
const en = translator('en');

before(async () => {
  t = await createTestApp();
  await createFakeTable(t.database);
});
after(() => t.close());

async function memberAuth(): Promise<OrgAuthContext> {
  const org = await createOrganisation(t);
  const user = { id: org.owner.userId, email: org.owner.email, displayName: 'owner', locale: 'ja' as const, timeZone: 'Asia/Tokyo', mfaEnabled: false, version: 1 };
  return { sessionId: 'test', mfaPending: false, user, organisation: { id: org.id, name: org.name, requireMfa: false, role: 'owner' } };
}

const itemsOf = async (auth: OrgAuthContext) =>
  (await t.database.pool.query<{ name: string }>(`select name from ${FAKE_TABLE} where organisation_id = $1 order by name`, [auth.organisation.id])).rows.map((r) => r.name);

async function validated(register: ReturnType<typeof fakeRegister>, auth: OrgAuthContext, csv: string) {
  const up = await pipeline.uploadImport(register, t.database, auth, { fileName: 'items.csv', bytes: Buffer.from(csv) }, ja);
  return pipeline.startValidation(register, t.database, auth, up.id, up.mapping, up.version, ja);
}

describe('the import pipeline with a register of its own', () => {
  test('a bad row refuses the whole file: a per-row, per-field report in the reader\'s language, nothing written, no commit', async () => {
    const register = fakeRegister();
    const auth = await memberAuth();
    const imp = await validated(register, auth, 'Name,Count\n顧客台帳,12\n見積書,many\n請求書,3\n');
    assert.deepEqual([imp.status, imp.rowCount, imp.errorCount, imp.hasPrepared], ['validated', 3, 1, false]);
    const issues = await pipeline.importIssues(register, t.database, auth, imp.id, 0, 50, en);
    assert.deepEqual(
      issues.items.map((i) => [i.rowNumber, i.field, i.header, i.code, i.message]),
      [[3, 'records', 'Count', 'notNumber', '"Records" must be a number.']],
    );
    const japanese = await pipeline.importIssues(register, t.database, auth, imp.id, 0, 50, ja);
    assert.match(japanese.items[0].message, /数/);
    await assert.rejects(pipeline.startCommit(register, t.database, auth, imp.id, imp.version), (e: HttpProblem) => e.status === 409 && e.code === 'assetImportNotReady');
    assert.deepEqual(await itemsOf(auth), []);
  });

  test('a good file commits every row in one go, with its audit entry', async () => {
    const register = fakeRegister();
    const auth = await memberAuth();
    const imp = await validated(register, auth, '名称,件数,備考\n顧客台帳,12,営業部\n見積書,3,\n');
    assert.deepEqual([imp.status, imp.errorCount, imp.hasPrepared], ['validated', 0, true]);
    const done = await pipeline.startCommit(register, t.database, auth, imp.id, imp.version);
    assert.deepEqual([done.status, done.committedCount], ['committed', 2]);
    assert.deepEqual(await itemsOf(auth), ['見積書', '顧客台帳']);
    const audit = await t.database.db.execute(sql`select after from audit_log where organisation_id = ${auth.organisation.id} and action = 'transfer-test.import'`);
    assert.equal(audit.rows.length, 1);
    assert.deepEqual((audit.rows[0] as { after: Record<string, unknown> }).after, { fileName: 'items.csv', sha256: imp.sha256, format: 'csv', encoding: 'utf-8', count: 2, written: 2 });
  });

  test('a commit that fails half-way keeps none of its rows', async () => {
    const register = fakeRegister({ failAfter: 1 });
    const auth = await memberAuth();
    const imp = await validated(register, auth, '名称,件数\n顧客台帳,12\n見積書,3\n');
    const done = await pipeline.startCommit(register, t.database, auth, imp.id, imp.version);
    assert.deepEqual([done.status, done.problem?.code], ['failed', 'unexpected']);
    assert.deepEqual(await itemsOf(auth), []);
  });

  test('rows that changed since validation go back to validated with the rows named', async () => {
    const register = fakeRegister({ vanished: '見積書' });
    const auth = await memberAuth();
    const imp = await validated(register, auth, '名称,件数\n顧客台帳,12\n見積書,3\n');
    const back = await pipeline.startCommit(register, t.database, auth, imp.id, imp.version);
    assert.deepEqual([back.status, back.errorCount, back.problem?.code, back.hasPrepared], ['validated', 1, 'changedSinceValidation', false]);
    const issues = await pipeline.importIssues(register, t.database, auth, imp.id, 0, 50, ja);
    assert.deepEqual(
      issues.items.map((i) => [i.rowNumber, i.field, i.code]),
      [[3, 'name', 'duplicateExisting']],
    );
    assert.deepEqual(await itemsOf(auth), []);
  });

  test('another organisation finds none of it', async () => {
    const register = fakeRegister();
    const auth = await memberAuth();
    const imp = await validated(register, auth, '名称,件数\n顧客台帳,12\n');
    const other = await memberAuth();
    await assert.rejects(pipeline.findImport(register, t.database, other, imp.id), (e: HttpProblem) => e.status === 404);
    await assert.rejects(pipeline.startCommit(register, t.database, other, imp.id, imp.version), (e: HttpProblem) => e.status === 404);
    await assert.rejects(pipeline.cancelImport(register, t.database, other, imp.id, imp.version), (e: HttpProblem) => e.status === 404);
    assert.deepEqual(await pipeline.recentImports(register, t.database, other), []);
    assert.equal((await pipeline.findImport(register, t.database, auth, imp.id)).status, 'validated');
  });
});
