import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXIT_ITEM, exitFindings, reviewSummary, type ReviewedItem } from './contract-review.rules.ts';

const id = (n: number) => `urn:kumoji:seed-000:contract-items:${String(n).padStart(2, '0')}`;
const all = (status: ReviewedItem['status']): ReviewedItem[] => Array.from({ length: 17 }, (_, i) => ({ itemId: id(i + 1), status, blocking: false }));
const wholeExit = { exitDataFormat: 'CSV', exitReturnDays: 30, exitDeletionCertificate: true };

describe('the review of the 17 items', () => {
  test('every item present with whole exit terms: ready to sign', () => {
    assert.deepEqual(reviewSummary(all('present'), wholeExit), { present: 17, missing: 0, negotiate: 0, unreviewed: 0, blocking: [], exitFindings: [], readyToSign: true });
  });
  test('nothing reviewed yet: not ready', () => {
    const s = reviewSummary(all(null), wholeExit);
    assert.equal(s.unreviewed, 17);
    assert.equal(s.readyToSign, false);
  });
  test('a blocking item missing or to negotiate blocks; a blocking item present does not', () => {
    const review = all('present');
    review[10] = { itemId: id(11), status: 'negotiate', blocking: true };
    review[12] = { itemId: id(13), status: 'missing', blocking: true };
    review[3] = { itemId: id(4), status: 'present', blocking: true };
    review[5] = { itemId: id(6), status: 'missing', blocking: false };
    const s = reviewSummary(review, wholeExit);
    assert.deepEqual(s.blocking, [id(11), id(13)]);
    assert.equal(s.missing, 2);
    assert.equal(s.negotiate, 1);
    assert.equal(s.readyToSign, false);
  });
  test('a non-blocking missing item alone still lets it be signed', () => {
    const review = all('present');
    review[5] = { itemId: id(6), status: 'missing', blocking: false };
    assert.equal(reviewSummary(review, wholeExit).readyToSign, true);
  });
});

describe('exit terms (item 16)', () => {
  test('the exit clause not present, no format, no period, no certificate: each said', () => {
    const review = all('present').map((r) => (r.itemId === EXIT_ITEM ? { ...r, status: 'missing' as const } : r));
    assert.deepEqual(exitFindings(review, { exitDataFormat: ' ', exitReturnDays: null, exitDeletionCertificate: false }), ['exitClauseNotPresent', 'noDataFormat', 'noReturnPeriod', 'noDeletionCertificate']);
  });
  test('whole exit terms find nothing, and block signing when not', () => {
    assert.deepEqual(exitFindings(all('present'), wholeExit), []);
    assert.equal(reviewSummary(all('present'), { ...wholeExit, exitDeletionCertificate: false }).readyToSign, false);
  });
});
