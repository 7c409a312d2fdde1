import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { count } from '../assets/portfolio-fixtures.ts';
import { multipartFile } from '../helpers/multipart.ts';
import type { TestApp, TestClient, TestMember, TestOrganisation } from '../helpers/test-app.ts';
import { governanceWorld } from './governance-world.ts';

/**
 * Versions of evidence files over HTTP, on a control's judgement (the
 * platform's evidence store, so on a corrective action too): a new version
 * becomes the record's file with its number, the earlier ones stay behind
 * it with their own bytes and digests, each downloadable; a version is
 * superseded once (a second attempt, or two at once, gets 409); the same
 * bytes again are no version; another organisation's file and a reader are
 * refused; the trail has every version; removing the file takes its
 * versions with it.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
const FSA_ENCRYPTION = 'urn:kumoji:seed-004:government-controls:fsa-data-protection';
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const files = (orgId: string) => count(t, `select count(*)::int as n from evidence_files where organisation_id = '${orgId}'`);

async function send(client: TestClient, url: string, name: string, content: string) {
  const file = multipartFile(name, content, 'text/plain');
  return client.request('POST', url, file.body, { 'content-type': file.contentType });
}

async function judged(org: TestOrganisation): Promise<string> {
  const r = await org.owner.client.post('/api/v1/control-assessments', { itemId: FSA_ENCRYPTION, status: 'implemented' });
  assert.equal(r.status, 201, r.raw);
  return r.body.id;
}

before(async () => {
  ({ t, orgA, orgB, auditorA } = await governanceWorld());
});
after(() => t.close());

describe("a control's evidence file and its versions", () => {
  let id = '';
  let v1 = '';
  let v2 = '';
  let v3 = '';
  const V1 = 'AES-256: on';
  const V2 = 'AES-256: on\nKMS: customer-managed';
  const V3 = 'AES-256: on\nKMS: customer-managed\nrotation: yearly';
  const versionsUrl = (evidenceId: string) => `/api/v1/control-assessments/${id}/evidence/${evidenceId}/versions`;

  test('a new version: the record shows version 2, version 1 stays behind it with its own bytes and digest', async () => {
    id = await judged(orgA);
    const up = await send(orgA.owner.client, `/api/v1/control-assessments/${id}/evidence`, '暗号化設定.txt', V1);
    assert.equal(up.status, 201, up.raw);
    v1 = up.body.id;
    assert.deepEqual([up.body.versionNo, up.body.sha256, up.body.earlierVersions], [1, sha(V1), []]);
    const next = await send(orgA.owner.client, versionsUrl(v1), '暗号化設定_改訂.txt', V2);
    assert.equal(next.status, 201, next.raw);
    v2 = next.body.id;
    assert.deepEqual([next.body.versionNo, next.body.fileName, next.body.sha256], [2, '暗号化設定_改訂.txt', sha(V2)]);
    assert.deepEqual(next.body.earlierVersions.map((v: { id: string; versionNo: number; sha256: string }) => [v.id, v.versionNo, v.sha256]), [[v1, 1, sha(V1)]]);
    const record = (await orgA.owner.client.get(`/api/v1/control-assessments/${id}`)).body;
    assert.deepEqual(record.evidence.map((e: { id: string; versionNo: number }) => [e.id, e.versionNo]), [[v2, 2]], 'the record lists the file once, at its newest version');
    assert.equal(record.evidence[0].earlierVersions[0].fileName, '暗号化設定.txt');
    assert.match(record.evidence[0].earlierVersions[0].uploadedBy, /^owner /);
    const old = await orgA.owner.client.get(record.evidence[0].earlierVersions[0].downloadUrl);
    assert.equal(old.status, 200);
    assert.equal(old.raw, V1, 'the earlier version keeps its bytes');
    assert.equal(old.headers['repr-digest'], `sha-256=:${Buffer.from(sha(V1), 'hex').toString('base64')}:`);
    assert.equal((await orgA.owner.client.get(record.evidence[0].downloadUrl)).raw, V2);
    assert.equal(await files(orgA.id), 2, 'nothing overwritten');
  });

  test('a third version counts on; the history lists every version, newest first, for any member', async () => {
    const next = await send(orgA.owner.client, versionsUrl(v2), '暗号化設定_第3版.txt', V3);
    assert.equal(next.status, 201, next.raw);
    v3 = next.body.id;
    assert.equal(next.body.versionNo, 3);
    const history = await auditorA.client.get(`/api/v1/evidence/${v3}/versions`);
    assert.equal(history.status, 200, history.raw);
    assert.deepEqual(history.body.items.map((v: { id: string; versionNo: number }) => [v.id, v.versionNo]), [[v3, 3], [v2, 2], [v1, 1]]);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/evidence/${v2}/versions`)).body.items.map((v: { versionNo: number }) => v.versionNo), [2, 1], 'from a middle version: it and what is behind it');
  });

  test('every version is on the audit trail like an upload, naming the version it superseded', async () => {
    const { rows } = await t.database.pool.query(`select action, entity_id, before, after from audit_log where organisation_id = $1 and entity_type = 'evidence' order by seq`, [orgA.id]);
    assert.deepEqual(rows.map((r) => r.action), ['evidence.upload', 'evidence.version', 'evidence.version']);
    assert.equal(rows[1].entity_id, v2);
    assert.deepEqual(
      [rows[1].before.evidenceId, rows[1].after.previousId, rows[1].after.versionNo, rows[1].after.sha256, rows[1].after.subjectId],
      [v1, v1, 2, sha(V2), id],
    );
  });

  test('superseding a version that is no longer current: 409 (it was superseded once), nothing stored', async () => {
    const before = await files(orgA.id);
    for (const old of [v1, v2]) {
      const r = await send(orgA.owner.client, versionsUrl(old), '別の改訂.txt', 'another change');
      assert.equal(r.status, 409, r.raw);
      assert.equal(r.body.code, 'evidenceSuperseded');
      assert.match(r.body.title, /すでに新しい版が登録されています/);
    }
    assert.equal(await files(orgA.id), before);
  });

  test('two new versions of the current one at once: one is taken, the other gets 409', async () => {
    const before = await files(orgA.id);
    const both = await Promise.all(['a', 'b'].map((n) => send(orgA.owner.client, versionsUrl(v3), `${n}.txt`, `concurrent ${n}`)));
    assert.deepEqual(both.map((r) => r.status).sort(), [201, 409], both.map((r) => r.raw).join('\n'));
    assert.equal(await files(orgA.id), before + 1);
    const record = (await orgA.owner.client.get(`/api/v1/control-assessments/${id}`)).body;
    assert.deepEqual(record.evidence.map((e: { versionNo: number; earlierVersions: unknown[] }) => [e.versionNo, e.earlierVersions.length]), [[4, 3]]);
  });

  test('the same bytes as the current version are no new version: 400', async () => {
    const current = (await orgA.owner.client.get(`/api/v1/control-assessments/${id}`)).body.evidence[0];
    const content = (await orgA.owner.client.get(current.downloadUrl)).raw;
    const r = await send(orgA.owner.client, versionsUrl(current.id), 'again.txt', content);
    assert.equal(r.status, 400, r.raw);
    assert.equal(r.body.code, 'evidenceUnchanged');
  });

  test("another organisation's file, a file of another record, another organisation's member: 404; a reader: 403", async () => {
    const theirs = await judged(orgB);
    const theirFile = (await send(orgB.owner.client, `/api/v1/control-assessments/${theirs}/evidence`, 'b.txt', 'B')).body.id;
    const action = await orgA.owner.client.post('/api/v1/corrective-actions', { title: '鍵のローテーション' });
    const elsewhere = (await send(orgA.owner.client, `/api/v1/corrective-actions/${action.body.id}/evidence`, 'memo.txt', 'memo')).body.id;
    const before = await files(orgA.id);
    assert.equal((await send(orgA.owner.client, versionsUrl(theirFile), 'x.txt', 'x')).status, 404, "another organisation's file id");
    assert.equal((await send(orgB.owner.client, versionsUrl(v3), 'x.txt', 'x')).status, 404, "another organisation's member");
    assert.equal((await orgB.owner.client.get(`/api/v1/evidence/${v3}/versions`)).status, 404);
    assert.equal((await send(orgA.owner.client, versionsUrl(elsewhere), 'x.txt', 'x')).status, 404, 'a file of another record');
    const denied = await send(auditorA.client, versionsUrl(v3), 'x.txt', 'x');
    assert.equal(denied.status, 403, denied.raw);
    assert.equal(await files(orgA.id), before);
  });

  test('a corrective action versions its files the same way', async () => {
    const action = await orgA.owner.client.post('/api/v1/corrective-actions', { title: '再スキャン' });
    const first = await send(orgA.owner.client, `/api/v1/corrective-actions/${action.body.id}/evidence`, 'scan.txt', 'findings: 3');
    const next = await send(orgA.owner.client, `/api/v1/corrective-actions/${action.body.id}/evidence/${first.body.id}/versions`, 'scan.txt', 'findings: 0');
    assert.equal(next.status, 201, next.raw);
    assert.deepEqual(next.body.earlierVersions.map((v: { id: string }) => v.id), [first.body.id], next.raw);
    const record = (await orgA.owner.client.get(`/api/v1/corrective-actions/${action.body.id}`)).body;
    assert.deepEqual(record.evidence.map((e: { versionNo: number; earlierVersions: { id: string }[] }) => [e.versionNo, e.earlierVersions.map((v) => v.id)]), [[2, [first.body.id]]]);
  });

  test('taking the file off the record takes the versions behind it, which nothing else points at', async () => {
    const current = (await orgA.owner.client.get(`/api/v1/control-assessments/${id}`)).body.evidence[0];
    const before = await files(orgA.id);
    assert.equal((await orgA.owner.client.delete(`/api/v1/control-assessments/${id}/evidence/${current.id}`)).status, 204);
    assert.equal(await files(orgA.id), before - 4);
    assert.equal((await orgA.owner.client.get(`/api/v1/evidence/${v1}`)).status, 404);
    const { rows } = await t.database.pool.query(`select after from audit_log where organisation_id = $1 and action = 'evidence.remove' order by seq desc limit 1`, [orgA.id]);
    assert.deepEqual(rows[0].after, { fileDeleted: true, versionsDeleted: 4 });
  });
});
