import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dueDate, nextDueDate, standing, upcomingDates, type Recurrence } from './recurrence.rules.ts';

const quarterly: Recurrence = { unit: 'months', every: 3, startsOn: '2026-01-31' };

test('quarterly from 31 January: the month-end where a month is short, without drifting', () => {
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => dueDate(quarterly, k)), ['2026-01-31', '2026-04-30', '2026-07-31', '2026-10-31', '2027-01-31']);
  assert.deepEqual(upcomingDates({ unit: 'months', every: 1, startsOn: '2028-01-31' }, '2028-01-01', 3), ['2028-01-31', '2028-02-29', '2028-03-31']);
});

test('the next due date follows the last one covered; nothing covered: the first date', () => {
  assert.equal(nextDueDate(quarterly, null), '2026-01-31');
  assert.equal(nextDueDate(quarterly, '2026-01-31'), '2026-04-30');
  assert.equal(nextDueDate(quarterly, '2026-04-30'), '2026-07-31');
  assert.equal(nextDueDate(quarterly, '2025-12-01'), '2026-01-31', 'covered before the schedule began');
  const weekly: Recurrence = { unit: 'weeks', every: 2, startsOn: '2026-01-05' };
  assert.equal(nextDueDate(weekly, '2026-01-05'), '2026-01-19');
  assert.equal(nextDueDate(weekly, '2046-01-05'), '2046-01-08', 'twenty years of fortnights: 7,305 days, the 522nd fortnight');
});

test('reminded from the set number of days before; overdue the day after', () => {
  assert.equal(standing('2026-04-30', 7, '2026-04-22'), 'upcoming');
  assert.equal(standing('2026-04-30', 7, '2026-04-23'), 'dueSoon');
  assert.equal(standing('2026-04-30', 7, '2026-04-30'), 'dueSoon');
  assert.equal(standing('2026-04-30', 0, '2026-04-29'), 'upcoming');
  assert.equal(standing('2026-04-30', 7, '2026-05-01'), 'overdue');
});
