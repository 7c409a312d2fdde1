import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testClock } from '../../src/server/platform/clock.ts';
import { count } from '../assets/portfolio-fixtures.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { addMember, type TestApp, type TestClient, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { governanceWorld } from './governance-world.ts';

/**
 * An IAM account's and a log source's findings opened as corrective actions
 * over HTTP (seed 004 「IAM設計とアクセス制御」「監査ログ・ログ管理」 followed
 * through 「定期点検結果のフィードバック」's PDCA): one finding at a time, each
 * once while its action is open (a second attempt, two at once or a stale
 * version get 409), titled and planned in the member's language, naming the
 * record it came from and linking back; a finding the record no longer has,
 * another organisation and a reader are refused.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
let managerEn: TestMember;
const NOW = new Date('2026-12-06T01:00:00Z');
const TODAY = '2026-12-06';
const actions = (orgId: string) => count(t, `select count(*)::int as n from corrective_actions where organisation_id = '${orgId}'`);

async function record(client: TestClient, url: string, body: Record<string, unknown>) {
  const r = await client.post(url, body);
  assert.equal(r.status, 201, r.raw);
  return r.body as { id: string; version: number; findings: string[] };
}

before(async () => {
  ({ t, orgA, orgB, auditorA } = await governanceWorld({ clock: testClock(NOW) }));
  managerEn = await addMember(t, orgA.id, 'manager', 'en');
});
after(() => t.close());

describe("an account's findings as corrective actions", () => {
  let account = { id: '', version: 0, findings: [] as string[] };
  let actionId = '';
  const url = () => `/api/v1/iam-accounts/${account.id}/findings`;

  test('an administrator without MFA: the finding opens as an action in Plan, named after the account, linked back', async () => {
    account = await record(orgA.owner.client, '/api/v1/iam-accounts', { system: 'クラウド管理コンソール', account: 'root-admin', kind: 'admin', lastUsedOn: TODAY, lastReviewedOn: TODAY });
    assert.deepEqual(account.findings, ['noMfa']);
    const r = await orgA.owner.client.post(url(), { finding: 'noMfa', version: account.version });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.version, account.version, 'opening an action is not an edit of the account');
    assert.deepEqual(r.body.actions.map((a: { title: string; phase: string; finding: string }) => [a.title, a.phase, a.finding]), [['MFAが設定されていません: クラウド管理コンソール / root-admin', 'plan', 'noMfa']]);
    actionId = r.body.actions[0].id;
    const action = (await orgA.owner.client.get(`/api/v1/corrective-actions/${actionId}`)).body;
    assert.deepEqual([action.origin, action.originTitle, action.originPath], ['iamAccount', 'クラウド管理コンソール / root-admin', `/governance/access/accounts/${account.id}`]);
    assert.match(action.plan, /多要素認証\(MFA\)を設定し/);
    const list = (await orgA.owner.client.get('/api/v1/corrective-actions')).body.items;
    assert.ok(list.some((a: { id: string; origin: string }) => a.id === actionId && a.origin === 'iamAccount'));
    const review = (await auditorA.client.get('/api/v1/iam-accounts')).body;
    assert.deepEqual(review.items[0].actions.map((a: { id: string }) => a.id), [actionId], 'the review shows it per account');
  });

  test('a second attempt: 409 (an action is open for it); a stale version: 409; nothing opened', async () => {
    const before = await actions(orgA.id);
    const again = await orgA.owner.client.post(url(), { finding: 'noMfa', version: account.version });
    assert.equal(again.status, 409, again.raw);
    assert.equal(again.body.code, 'findingActionOpen');
    assert.match(again.body.title, /対応中の是正処置がすでにあります/);
    const stale = await orgA.owner.client.post(url(), { finding: 'noMfa', version: account.version + 1 });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal(stale.body.code, 'conflict');
    assert.equal(await actions(orgA.id), before);
  });

  test('a finding the account does not have: 409; an unknown finding: 400; nothing opened', async () => {
    const before = await actions(orgA.id);
    const none = await orgA.owner.client.post(url(), { finding: 'unused', version: account.version });
    assert.equal(none.status, 409, none.raw);
    assert.equal(none.body.code, 'findingResolved');
    const unknown = await orgA.owner.client.post(url(), { finding: 'notWorm', version: account.version });
    assert.equal(unknown.status, 400, unknown.raw);
    assert.equal(unknown.body.errors[0].path, 'finding');
    assert.equal(await actions(orgA.id), before);
  });

  test('two attempts at once: one action, one 409', async () => {
    const idle = await record(orgA.owner.client, '/api/v1/iam-accounts', { system: 'クラウド管理コンソール', account: 'old-user', mfa: true, lastUsedOn: '2026-05-01', lastReviewedOn: TODAY });
    assert.deepEqual(idle.findings, ['unused']);
    const before = await actions(orgA.id);
    const both = await Promise.all([orgA.owner.client, managerEn.client].map((c) => c.post(`/api/v1/iam-accounts/${idle.id}/findings`, { finding: 'unused', version: idle.version })));
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409], both.map((r) => r.raw).join('\n'));
    assert.equal(await actions(orgA.id), before + 1);
  });

  test('once its action is closed, a finding that is still there may be opened again', async () => {
    const as = orgA.owner.client;
    let a = (await as.get(`/api/v1/corrective-actions/${actionId}`)).body;
    const step = async (patch: Record<string, unknown>, to: string) => {
      if (Object.keys(patch).length) a = (await as.patch(`/api/v1/corrective-actions/${actionId}`, { ...patch, version: a.version })).body;
      const moved = await as.post(`/api/v1/corrective-actions/${actionId}/phase`, { to, version: a.version });
      assert.equal(moved.status, 200, moved.raw);
      a = moved.body;
    };
    await step({}, 'do');
    await step({ doneNote: 'MFAを設定した' }, 'check');
    await step({ checkNote: 'ログインを確認', effective: true }, 'act');
    const file = multipartFile('mfa.txt', 'MFA: on', 'text/plain');
    assert.equal((await as.request('POST', `/api/v1/corrective-actions/${actionId}/evidence`, file.body, { 'content-type': file.contentType })).status, 201);
    await step({ actNote: '手順書を更新' }, 'closed');
    const reopened = await as.post(url(), { finding: 'noMfa', version: account.version });
    assert.equal(reopened.status, 200, reopened.raw);
    assert.deepEqual(reopened.body.actions.map((x: { phase: string }) => x.phase).sort(), ['closed', 'plan']);
  });

  test('another organisation: 404; a reader: 403; nothing opened', async () => {
    const before = await actions(orgA.id);
    assert.equal((await orgB.owner.client.post(url(), { finding: 'noMfa', version: account.version })).status, 404);
    assert.equal((await auditorA.client.post(url(), { finding: 'noMfa', version: account.version })).status, 403);
    assert.equal(await actions(orgA.id), before);
    assert.deepEqual((await orgB.owner.client.get('/api/v1/corrective-actions')).body.items, []);
  });
});

describe("a log source's findings as corrective actions", () => {
  test('each finding on its own, in the member’s language; the list shows which are open', async () => {
    const log = await record(orgA.owner.client, '/api/v1/log-sources', { name: '管理コンソールの操作ログ', kind: 'access', retentionMonths: 3, clockSync: true, collected: true, encrypted: true });
    assert.deepEqual(log.findings, ['retentionTooShort', 'notWorm']);
    const en = await managerEn.client.post(`/api/v1/log-sources/${log.id}/findings`, { finding: 'retentionTooShort', version: log.version });
    assert.equal(en.status, 200, en.raw);
    assert.equal(en.body.actions[0].title, 'Kept too briefly (12 months or more needed): 管理コンソールの操作ログ');
    const action = (await managerEn.client.get(`/api/v1/corrective-actions/${en.body.actions[0].id}`)).body;
    assert.deepEqual([action.origin, action.originPath], ['logSource', `/governance/access/logs/${log.id}`]);
    assert.equal(action.plan, 'Keep the log for 12 months or more, so that it can serve as evidence after an incident.');
    const ja = await orgA.owner.client.post(`/api/v1/log-sources/${log.id}/findings`, { finding: 'notWorm', version: log.version });
    assert.equal(ja.status, 200, ja.raw);
    const list = (await auditorA.client.get('/api/v1/log-sources')).body.items;
    assert.deepEqual(list[0].actions.map((a: { finding: string }) => a.finding).sort(), ['notWorm', 'retentionTooShort']);
    assert.equal((await orgA.owner.client.post(`/api/v1/log-sources/${log.id}/findings`, { finding: 'notWorm', version: log.version })).status, 409);
    assert.equal((await orgB.owner.client.post(`/api/v1/log-sources/${log.id}/findings`, { finding: 'notWorm', version: log.version })).status, 404);
    assert.equal((await auditorA.client.post(`/api/v1/log-sources/${log.id}/findings`, { finding: 'notWorm', version: log.version })).status, 403);
  });

  test('each action is on the audit trail with the finding it answers', async () => {
    const { rows } = await t.database.pool.query(`select after from audit_log where organisation_id = $1 and action = 'correctiveAction.create' order by seq`, [orgA.id]);
    assert.deepEqual(
      rows.map((r) => [r.after.origin, r.after.originFinding]),
      [
        ['iamAccount', 'noMfa'],
        ['iamAccount', 'unused'],
        ['iamAccount', 'noMfa'],
        ['logSource', 'retentionTooShort'],
        ['logSource', 'notWorm'],
      ],
    );
  });
});
