import { addDays, addMonthsClamped, type IsoDate } from '../platform/calendar-date.ts';

/**
 * Recurring inspections (seed 004 「運用」: quarterly checks; seed 000 V.2
 * operations evaluation): a schedule of due dates every N weeks or months
 * from a first date. A month-based schedule keeps the first date's day where
 * the month has it and takes the month's last day where it does not (31
 * January, quarterly: 30 April, 31 July, 31 October), each date counted from
 * the first, so a short month never shifts the ones after it. A completion
 * covers the due date that was next when it was recorded; the next due date
 * is the first one after the last covered.
 */

export const RECURRENCE_UNITS = ['weeks', 'months'] as const;
export type RecurrenceUnit = (typeof RECURRENCE_UNITS)[number];

export interface Recurrence {
  unit: RecurrenceUnit;
  every: number;
  startsOn: IsoDate;
}

/** The k-th due date (0: the first). */
export function dueDate(r: Recurrence, k: number): IsoDate {
  return r.unit === 'weeks' ? addDays(r.startsOn, 7 * r.every * k) : addMonthsClamped(r.startsOn, r.every * k);
}

/** The first due date after `lastCovered` (or the first date when nothing is covered yet). */
export function nextDueDate(r: Recurrence, lastCovered: IsoDate | null): IsoDate {
  if (lastCovered === null || lastCovered < r.startsOn) return r.startsOn;
  // Jump close by arithmetic, then step: a weekly schedule over decades stays cheap.
  const [ly, lm] = lastCovered.split('-').map(Number) as [number, number];
  const [sy, sm] = r.startsOn.split('-').map(Number) as [number, number];
  const approx = r.unit === 'weeks' ? Math.floor((Date.parse(lastCovered) - Date.parse(r.startsOn)) / (7 * r.every * 86_400_000)) : Math.floor(((ly - sy) * 12 + (lm - sm)) / r.every);
  let k = Math.max(0, approx - 1);
  while (dueDate(r, k) <= lastCovered) k++;
  return dueDate(r, k);
}

export const INSPECTION_STANDINGS = ['upcoming', 'dueSoon', 'overdue'] as const;
export type InspectionStanding = (typeof INSPECTION_STANDINGS)[number];

/** Where the next due date stands on `today`: reminded from `remindDaysBefore` days ahead, overdue after the day itself. */
export function standing(nextDue: IsoDate, remindDaysBefore: number, today: IsoDate): InspectionStanding {
  if (today > nextDue) return 'overdue';
  return today >= addDays(nextDue, -remindDaysBefore) ? 'dueSoon' : 'upcoming';
}

/** The next `n` due dates from `from` on: the calendar view's entries. */
export function upcomingDates(r: Recurrence, from: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [];
  let d = nextDueDate(r, addDays(from, -1));
  while (out.length < n) {
    out.push(d);
    d = nextDueDate(r, d);
  }
  return out;
}
