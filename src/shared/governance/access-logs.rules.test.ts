import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accountFindings, logFindings, mfaCoverage, type AccountFacts } from './access-logs.rules.ts';

const today = '2026-12-06';
const account = (over: Partial<AccountFacts> = {}): AccountFacts => ({ kind: 'person', active: true, mfa: true, lastUsedOn: '2026-12-01', lastReviewedOn: '2026-10-01', ...over });

describe('an account', () => {
  test('a person’s or an administrator’s account needs MFA; a service account does not', () => {
    assert.deepEqual(accountFindings(account({ mfa: false }), today), ['noMfa']);
    assert.deepEqual(accountFindings(account({ kind: 'admin', mfa: false }), today), ['noMfa']);
    assert.deepEqual(accountFindings(account({ kind: 'service', mfa: false }), today), []);
  });
  test('unused after 90 days without use (day 90 still counts as used); never used is unused', () => {
    assert.deepEqual(accountFindings(account({ lastUsedOn: '2026-09-07' }), today), []);
    assert.deepEqual(accountFindings(account({ lastUsedOn: '2026-09-06' }), today), ['unused']);
    assert.deepEqual(accountFindings(account({ lastUsedOn: null }), today), ['unused']);
  });
  test('a review older than six months, or none, is overdue', () => {
    assert.deepEqual(accountFindings(account({ lastReviewedOn: '2026-06-06' }), today), []);
    assert.deepEqual(accountFindings(account({ lastReviewedOn: '2026-06-05' }), today), ['reviewOverdue']);
    assert.deepEqual(accountFindings(account({ lastReviewedOn: null }), today), ['reviewOverdue']);
  });
  test('a disabled account lacks nothing', () => {
    assert.deepEqual(accountFindings(account({ active: false, mfa: false, lastUsedOn: null, lastReviewedOn: null }), today), []);
  });
  test('MFA coverage counts active accounts that sign in as people, rounded down', () => {
    assert.equal(mfaCoverage([account(), account({ mfa: false }), account({ kind: 'admin' }), account({ kind: 'service', mfa: false }), account({ active: false, mfa: false })]), 66);
    assert.equal(mfaCoverage([account({ kind: 'service' })]), null);
  });
});

describe('a log source', () => {
  const good = { kind: 'access', retentionMonths: 12, worm: true, clockSync: true, collected: true, encrypted: true } as const;
  test('access and audit logs a year on WORM storage; system and application logs six months', () => {
    assert.deepEqual(logFindings(good), []);
    assert.deepEqual(logFindings({ ...good, retentionMonths: 11 }), ['retentionTooShort']);
    assert.deepEqual(logFindings({ ...good, kind: 'audit', worm: false }), ['notWorm']);
    assert.deepEqual(logFindings({ ...good, kind: 'system', retentionMonths: 6, worm: false }), []);
    assert.deepEqual(logFindings({ ...good, kind: 'application', retentionMonths: 5 }), ['retentionTooShort']);
  });
  test('every log: NTP time, central collection, encryption', () => {
    assert.deepEqual(logFindings({ ...good, clockSync: false, collected: false, encrypted: false }), ['noClockSync', 'notCollected', 'notEncrypted']);
  });
});
