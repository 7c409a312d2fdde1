import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coverage, futureDates, nextReviewOn, reviewStanding } from './isms-document.rules.ts';

const approved = { status: 'approved' as const, approvedOn: '2026-01-31', lastReviewedOn: null, reviewIntervalMonths: 12 };

describe('the next review', () => {
  test('a year after the approval; after the last review once there is one', () => {
    assert.equal(nextReviewOn(approved), '2027-01-31');
    assert.equal(nextReviewOn({ ...approved, lastReviewedOn: '2026-06-15' }), '2027-06-15');
  });
  test('the later of the two counts (a review recorded before a re-approval)', () => {
    assert.equal(nextReviewOn({ ...approved, approvedOn: '2026-09-01', lastReviewedOn: '2026-06-15', reviewIntervalMonths: 6 }), '2027-03-01');
  });
  test('a month end stays within the month (31 January + 1 month is 28 February)', () => {
    assert.equal(nextReviewOn({ ...approved, reviewIntervalMonths: 1 }), '2026-02-28');
    assert.equal(nextReviewOn({ ...approved, approvedOn: '2027-01-31', reviewIntervalMonths: 13 }), '2028-02-29');
  });
  test('a draft, a retired document or one with no date has none', () => {
    assert.equal(nextReviewOn({ ...approved, status: 'draft' }), null);
    assert.equal(nextReviewOn({ ...approved, status: 'retired' }), null);
    assert.equal(nextReviewOn({ ...approved, approvedOn: null }), null);
  });
});

describe('where a document stands', () => {
  const today = '2026-12-06';
  test('overdue the day after its review date; due soon from 30 days before to the date itself', () => {
    assert.equal(reviewStanding({ status: 'approved', nextReviewOn: '2026-12-05' }, today), 'overdue');
    assert.equal(reviewStanding({ status: 'approved', nextReviewOn: '2026-12-06' }, today), 'dueSoon');
    assert.equal(reviewStanding({ status: 'approved', nextReviewOn: '2027-01-05' }, today), 'dueSoon');
    assert.equal(reviewStanding({ status: 'approved', nextReviewOn: '2027-01-06' }, today), 'current');
  });
  test('drafts and retired documents are not reviewed', () => {
    assert.equal(reviewStanding({ status: 'draft', nextReviewOn: null }, today), 'notApproved');
    assert.equal(reviewStanding({ status: 'retired', nextReviewOn: '2020-01-01' }, today), 'retired');
  });
  test('dates after today are named', () => {
    assert.deepEqual(futureDates({ approvedOn: '2026-12-07', lastReviewedOn: '2026-12-06' }, today), ['approvedOn']);
    assert.deepEqual(futureDates({ approvedOn: null }, today), []);
  });
});

describe('coverage of the seed’s tables', () => {
  test('per table: how many are registered and which are missing', () => {
    const items = [
      { itemId: 't11', parentId: null },
      { itemId: 't11.1', parentId: 't11' },
      { itemId: 't11.2', parentId: 't11' },
      { itemId: 't12', parentId: null },
      { itemId: 't12.1', parentId: 't12' },
    ];
    const c = coverage(['t11', 't12'], items, new Set(['t11.2']));
    assert.deepEqual(
      c.map((g) => ({ ...g, missing: g.missing.map((i) => i.itemId) })),
      [
        { groupId: 't11', total: 2, registered: 1, missing: ['t11.1'] },
        { groupId: 't12', total: 1, registered: 0, missing: ['t12.1'] },
      ],
    );
  });
});
