import { addDays, addMonthsClamped, daysBetween, type IsoDate, lastDayOfMonths } from '../platform/calendar-date.ts';

/**
 * A contract's term, renewal and notice (seed 000 III.6.1 item 14: 契約の満期終了と
 * 更新に関する規定 — is there automatic renewal, and the notice period and method
 * for not renewing), and from them the last day to give notice (解約予告期限).
 *
 * A term of months ends as 民法 143 counts it: on the day before the day of
 * the last month that corresponds to the first day, or, when that month has
 * no such day, on the month's last day (1 April + 12 months ends 31 March;
 * 31 January + 1 month ends on the last day of February). The first day
 * counts: a contract starts at the beginning of its first day (民法 140 ただし書).
 *
 * Notice of N months (or days) must be given before the last N months (or
 * days) of the term begin: the last day to give notice is the day before the
 * day N months (or days) before the next term would start. Where a month has
 * no corresponding day the earlier day is taken, so the date shown is never
 * later than the contract allows.
 */

export const NOTICE_UNITS = ['days', 'months'] as const;
export type NoticeUnit = (typeof NOTICE_UNITS)[number];

export interface ContractTerm {
  startsOn: IsoDate;
  termMonths: number;
  /** Renews itself unless notice is given; each renewal lasts `renewalMonths` (the first term's length when null). */
  autoRenew: boolean;
  renewalMonths: number | null;
  noticeAmount: number;
  noticeUnit: NoticeUnit;
}

/** The last day of a term of `months` from `startsOn` (民法 143). */
export const termEnd = (startsOn: IsoDate, months: number): IsoDate => lastDayOfMonths(startsOn, months);

/** The last day to give notice for a term ending on `endsOn`. */
export function lastNoticeDay(endsOn: IsoDate, amount: number, unit: NoticeUnit): IsoDate {
  const nextStart = addDays(endsOn, 1);
  return addDays(unit === 'days' ? addDays(nextStart, -amount) : addMonthsClamped(nextStart, -amount), -1);
}

/** Whether the notice period fits in the term: notice due before the term has even begun cannot be given. */
export function noticeFitsTerm(c: Pick<ContractTerm, 'startsOn' | 'termMonths' | 'noticeAmount' | 'noticeUnit'>): boolean {
  return lastNoticeDay(termEnd(c.startsOn, c.termMonths), c.noticeAmount, c.noticeUnit) >= c.startsOn;
}

export interface TermStanding {
  /** The term the dates below belong to: the current one, or for a renewing contract whose notice day has passed, the next. */
  termNumber: number;
  termStartsOn: IsoDate;
  termEndsOn: IsoDate;
  /** Null when the contract simply ends (no renewal to stop). */
  lastNoticeOn: IsoDate | null;
  /** Days from today to the last notice day (0 on the day itself), or to the end for a contract that simply ends. */
  daysLeft: number;
  /** ended: a contract without renewal past its end. */
  status: 'running' | 'noticeDueSoon' | 'ended';
}

/** Within this many days of the last notice day the contract is flagged. */
export const NOTICE_WARNING_DAYS = 30;
/** A renewing contract is followed at most this many terms ahead (a hundred years of yearly renewals). */
const MAX_TERMS = 1200;

/**
 * Where the contract stands on `today`: for a renewing contract, the first
 * term whose last notice day is today or later (so the date shown is the one
 * still open to the organisation); for one that does not renew, its only term.
 */
export function termStanding(c: ContractTerm, today: IsoDate): TermStanding {
  if (!c.autoRenew) {
    const termEndsOn = termEnd(c.startsOn, c.termMonths);
    const daysLeft = daysBetween(today, termEndsOn);
    return { termNumber: 1, termStartsOn: c.startsOn, termEndsOn, lastNoticeOn: null, daysLeft, status: daysLeft < 0 ? 'ended' : 'running' };
  }
  let start = c.startsOn;
  let months = c.termMonths;
  for (let n = 1; n <= MAX_TERMS; n++) {
    const end = termEnd(start, months);
    const notice = lastNoticeDay(end, c.noticeAmount, c.noticeUnit);
    if (notice >= today) {
      const daysLeft = daysBetween(today, notice);
      return { termNumber: n, termStartsOn: start, termEndsOn: end, lastNoticeOn: notice, daysLeft, status: daysLeft <= NOTICE_WARNING_DAYS ? 'noticeDueSoon' : 'running' };
    }
    start = addDays(end, 1);
    months = c.renewalMonths ?? c.termMonths;
  }
  throw new Error('contract term beyond the horizon');
}
