import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The IAM review and the log policy check over HTTP (seed 004): accounts with
 * what each lacks on a frozen day and each system's MFA coverage; log
 * sources against the policy; bad input, duplicates and stale versions
 * changing nothing; another organisation's and a reader's limits.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
const NOW = new Date('2026-12-06T01:00:00Z');
const accounts = (orgId: string) => count(t, `select count(*)::int as n from iam_accounts where organisation_id = '${orgId}'`);

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp(NOW));
});
after(() => t.close());

describe('the IAM review', () => {
  let idle = { id: '', version: 0 };

  test('each account’s findings on the day; the system’s MFA coverage counts people, not services', async () => {
    const add = async (body: Record<string, unknown>) => {
      const r = await orgA.owner.client.post('/api/v1/iam-accounts', { system: '基幹システム', lastReviewedOn: '2026-10-01', lastUsedOn: '2026-12-01', ...body });
      assert.equal(r.status, 201, r.raw);
      return r.body;
    };
    assert.deepEqual((await add({ account: 'tanaka', mfa: true })).findings, []);
    assert.deepEqual((await add({ account: 'admin', kind: 'admin', mfa: false })).findings, ['noMfa']);
    assert.deepEqual((await add({ account: 'batch', kind: 'service', mfa: false })).findings, []);
    idle = await add({ account: 'retired-user', mfa: true, lastUsedOn: '2026-08-01', lastReviewedOn: '2026-01-15' });
    assert.deepEqual((idle as unknown as { findings: string[] }).findings, ['unused', 'reviewOverdue']);
    const review = (await orgA.owner.client.get('/api/v1/iam-accounts')).body;
    assert.deepEqual(review.systems, [{ system: '基幹システム', accounts: 4, active: 4, mfaPercent: 66, unused: 1, reviewOverdue: 1 }]);
    assert.ok(review.source.length > 0);
  });

  test('disabled after the review: no findings left', async () => {
    const r = await orgA.owner.client.patch(`/api/v1/iam-accounts/${idle.id}`, { active: false, lastReviewedOn: '2026-12-06', version: idle.version });
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.findings, []);
    idle = r.body;
  });

  test('the same account on the same system: 409 on the field; bad input: 400; a stale version: 409; nothing changed', async () => {
    const before = await accounts(orgA.id);
    const dup = await orgA.owner.client.post('/api/v1/iam-accounts', { system: '基幹システム', account: 'tanaka' });
    assert.equal(dup.status, 409, dup.raw);
    assert.equal(dup.body.errors[0].path, 'account');
    for (const [body, path] of [
      [{ system: '基幹システム', account: 'x', kind: 'robot' }, 'kind'],
      [{ system: '', account: 'x' }, 'system'],
      [{ system: 'S', account: 'x', lastUsedOn: '2026-13-01' }, 'lastUsedOn'],
      [{ system: 'S', account: 'x', mfa: 'yes' }, 'mfa'],
    ] as const) {
      const r = await orgA.owner.client.post('/api/v1/iam-accounts', body);
      assert.equal(r.status, 400, r.raw);
      assert.equal(r.body.errors[0].path, path, r.raw);
    }
    assert.equal((await orgA.owner.client.patch(`/api/v1/iam-accounts/${idle.id}`, { active: true, version: idle.version + 1 })).status, 409);
    assert.equal(await accounts(orgA.id), before);
    assert.equal((await orgA.owner.client.get(`/api/v1/iam-accounts/${idle.id}`)).body.active, false);
  });
});

describe('the log policy check', () => {
  test('an access log kept six months, off WORM: both named, with the months it needs; a compliant system log: none', async () => {
    const access = await orgA.owner.client.post('/api/v1/log-sources', { name: 'VPNアクセスログ', system: 'VPN装置', kind: 'access', retentionMonths: 6, clockSync: true, collected: true, encrypted: true });
    assert.equal(access.status, 201, access.raw);
    assert.deepEqual(access.body.findings, ['retentionTooShort', 'notWorm']);
    assert.equal(access.body.requiredMonths, 12);
    const system = await orgA.owner.client.post('/api/v1/log-sources', { name: 'サーバーのシステムログ', kind: 'system', retentionMonths: 6, clockSync: true, collected: true, encrypted: true });
    assert.deepEqual(system.body.findings, []);
    const fixed = await orgA.owner.client.patch(`/api/v1/log-sources/${access.body.id}`, { retentionMonths: 13, worm: true, version: access.body.version });
    assert.deepEqual(fixed.body.findings, []);
    const list = (await orgA.owner.client.get('/api/v1/log-sources')).body;
    assert.deepEqual(list.summary, { sources: 2, withFindings: 0 });
    assert.equal((await orgA.owner.client.post('/api/v1/log-sources', { name: 'x', retentionMonths: -1 })).status, 400);
    assert.equal((await orgA.owner.client.post('/api/v1/log-sources', { name: 'x' })).body.errors[0].path, 'retentionMonths');
  });

  test('another organisation sees none of it; an auditor reads but does not write', async () => {
    assert.deepEqual((await orgB.owner.client.get('/api/v1/iam-accounts')).body.items, []);
    assert.deepEqual((await orgB.owner.client.get('/api/v1/log-sources')).body.items, []);
    const mine = (await auditorA.client.get('/api/v1/log-sources')).body.items[0];
    assert.equal(mine.can.update, false);
    assert.equal((await orgB.owner.client.get(`/api/v1/log-sources/${mine.id}`)).status, 404);
    assert.equal((await auditorA.client.patch(`/api/v1/log-sources/${mine.id}`, { worm: false, version: mine.version })).status, 403);
    assert.equal((await auditorA.client.post('/api/v1/iam-accounts', { system: 'S', account: 'x' })).status, 403);
  });
});
