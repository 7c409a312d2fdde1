import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonthsClamped, dateIn } from '../platform/calendar-date.ts';
import { lastNoticeDay, noticeFitsTerm, termEnd, termStanding, type ContractTerm } from './contract-term.rules.ts';

describe('a term of months ends as 民法 143 counts it', () => {
  for (const [start, months, end] of [
    ['2026-04-01', 12, '2027-03-31'],
    ['2026-04-15', 12, '2027-04-14'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-01-30', 1, '2028-02-29'],
    ['2028-01-29', 1, '2028-02-28'],
    ['2027-01-29', 1, '2027-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-12-01', 1, '2026-12-31'],
    ['2026-12-15', 3, '2027-03-14'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-05-31', 36, '2029-05-30'],
  ] as const) {
    test(`${start} + ${months} months ends ${end}`, () => assert.equal(termEnd(start, months), end));
  }
});

describe('the last day to give notice (解約予告期限)', () => {
  for (const [end, amount, unit, last] of [
    ['2027-03-31', 3, 'months', '2026-12-31'],
    ['2027-03-31', 1, 'months', '2027-02-28'],
    ['2028-03-31', 1, 'months', '2028-02-29'],
    ['2027-03-31', 30, 'days', '2027-03-01'],
    ['2027-03-31', 90, 'days', '2026-12-31'],
    ['2027-02-28', 3, 'months', '2026-11-30'],
    ['2028-02-29', 1, 'months', '2028-01-31'],
    ['2027-05-30', 3, 'months', '2027-02-27'],
    ['2027-01-15', 1, 'months', '2026-12-15'],
    ['2027-03-31', 0, 'days', '2027-03-31'],
  ] as const) {
    test(`a term ending ${end}, notice ${amount} ${unit}: ${last}`, () => assert.equal(lastNoticeDay(end, amount, unit), last));
  }
  test('notice as long as the term cannot be given', () => {
    assert.equal(noticeFitsTerm({ startsOn: '2026-04-01', termMonths: 3, noticeAmount: 3, noticeUnit: 'months' }), false);
    assert.equal(noticeFitsTerm({ startsOn: '2026-04-01', termMonths: 3, noticeAmount: 2, noticeUnit: 'months' }), true);
    assert.equal(noticeFitsTerm({ startsOn: '2026-04-01', termMonths: 1, noticeAmount: 31, noticeUnit: 'days' }), false);
    assert.equal(noticeFitsTerm({ startsOn: '2026-04-01', termMonths: 1, noticeAmount: 29, noticeUnit: 'days' }), true);
  });
});

describe('where a contract stands today', () => {
  const yearly: ContractTerm = { startsOn: '2025-04-01', termMonths: 12, autoRenew: true, renewalMonths: null, noticeAmount: 3, noticeUnit: 'months' };
  test('a renewing contract before its notice day: this term, days to notice', () => {
    const s = termStanding(yearly, '2025-10-01');
    assert.deepEqual(s, { termNumber: 1, termStartsOn: '2025-04-01', termEndsOn: '2026-03-31', lastNoticeOn: '2025-12-31', daysLeft: 91, status: 'running' });
  });
  test('on the notice day itself notice can still be given; within 30 days it is flagged', () => {
    assert.equal(termStanding(yearly, '2025-12-31').daysLeft, 0);
    assert.equal(termStanding(yearly, '2025-12-31').status, 'noticeDueSoon');
    assert.equal(termStanding(yearly, '2025-12-01').status, 'noticeDueSoon');
    assert.equal(termStanding(yearly, '2025-11-30').status, 'running');
  });
  test('the day after the notice day the contract has renewed: the next term and its notice day', () => {
    const s = termStanding(yearly, '2026-01-01');
    assert.equal(s.termNumber, 2);
    assert.equal(s.termStartsOn, '2026-04-01');
    assert.equal(s.termEndsOn, '2027-03-31');
    assert.equal(s.lastNoticeOn, '2026-12-31');
  });
  test('renewals of another length: a 3-year first term, then yearly', () => {
    const s = termStanding({ ...yearly, termMonths: 36, renewalMonths: 12 }, '2028-06-01');
    assert.equal(s.termNumber, 2);
    assert.equal(s.termStartsOn, '2028-04-01');
    assert.equal(s.termEndsOn, '2029-03-31');
  });
  test('a month-end start across a leap February keeps counting from the calendar', () => {
    const s = termStanding({ startsOn: '2027-08-31', termMonths: 6, autoRenew: true, renewalMonths: null, noticeAmount: 1, noticeUnit: 'months' }, '2028-02-01');
    assert.equal(s.termEndsOn, '2028-08-31');
    assert.equal(s.termStartsOn, '2028-03-01');
    assert.equal(s.lastNoticeOn, '2028-07-31');
  });
  test('a contract that does not renew ends; no notice is needed', () => {
    const once = { ...yearly, autoRenew: false };
    assert.deepEqual(termStanding(once, '2026-03-31'), { termNumber: 1, termStartsOn: '2025-04-01', termEndsOn: '2026-03-31', lastNoticeOn: null, daysLeft: 0, status: 'running' });
    assert.equal(termStanding(once, '2026-04-01').status, 'ended');
  });
});

describe('calendar dates', () => {
  test('months added keep the day or clamp to the month end', () => {
    assert.equal(addMonthsClamped('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonthsClamped('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonthsClamped('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonthsClamped('2027-01-15', -1), '2026-12-15');
  });
  test("today in Tokyo: 15:00 UTC is already tomorrow", () => {
    assert.equal(dateIn('Asia/Tokyo', new Date('2026-12-31T15:00:00Z')), '2027-01-01');
    assert.equal(dateIn('Asia/Tokyo', new Date('2026-12-31T14:59:59Z')), '2026-12-31');
  });
});
