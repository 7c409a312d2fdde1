/**
 * Calendar dates as ISO strings (YYYY-MM-DD), with no time of day and no
 * time zone: contract terms, notice days and due dates are dates on the
 * calendar, so they are counted on the calendar (in UTC, where no day has 23
 * or 25 hours).
 */

export type IsoDate = string;

const parts = (d: IsoDate) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return { y, m, day };
};
const fromUtc = (t: number): IsoDate => new Date(t).toISOString().slice(0, 10);
const utc = (y: number, m: number, day: number) => Date.UTC(y, m - 1, day);

export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(d: IsoDate, days: number): IsoDate {
  const { y, m, day } = parts(d);
  return fromUtc(utc(y, m, day + days));
}

/** The same day `months` later (or earlier), or the month's last day where it has no such day (31 January + 1 month = 28 or 29 February). */
export function addMonthsClamped(d: IsoDate, months: number): IsoDate {
  const { y, m, day } = parts(d);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return fromUtc(utc(ty, tm, Math.min(day, daysInMonth(ty, tm))));
}

/**
 * The last day of a period of `months` whose first day is `first`, as 民法 143
 * counts it: the day before the day of the last month that corresponds to the
 * first day, or that month's last day when it has no such day (1 April + 12
 * months ends 31 March; 31 January + 1 month ends on the last day of February).
 */
export function lastDayOfMonths(first: IsoDate, months: number): IsoDate {
  const { y, m, day } = parts(first);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  if (day > daysInMonth(ty, tm)) return fromUtc(utc(ty, tm, daysInMonth(ty, tm)));
  return fromUtc(utc(ty, tm, day - 1));
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = parts(a);
  const pb = parts(b);
  return Math.round((utc(pb.y, pb.m, pb.day) - utc(pa.y, pa.m, pa.day)) / 86_400_000);
}

/** Today's date in a time zone (Asia/Tokyo for a Japanese organisation), from an instant. */
export function dateIn(timeZone: string, at: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The offset of `timeZone` from UTC at `at`, in milliseconds (Tokyo +9 h; Brussels +1 h in winter, +2 h in summer). */
function offsetAt(timeZone: string, at: number): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(at / 1000) * 1000;
}

/** The instant a day begins in a time zone (midnight there; the first moment of the day where a change of clocks skips midnight). */
export function startOfDayIn(timeZone: string, d: IsoDate): Date {
  const { y, m, day } = parts(d);
  const wall = utc(y, m, day);
  // The offset at the wall-clock time read as UTC, then at the instant it gives: right on both sides of a change of clocks.
  const first = wall - offsetAt(timeZone, wall);
  const second = wall - offsetAt(timeZone, first);
  return new Date(dateIn(timeZone, new Date(second)) === d ? second : first);
}

/** Whether an instant is the very start of its day in a time zone (an event at 0:00, whose day counts in full). */
export const isStartOfDay = (timeZone: string, at: Date) => startOfDayIn(timeZone, dateIn(timeZone, at)).getTime() === at.getTime();

/** The day of the week of a date: 0 Sunday … 6 Saturday. */
export function weekday(d: IsoDate): number {
  const { y, m, day } = parts(d);
  return new Date(utc(y, m, day)).getUTCDay();
}

/** A wall-clock time `YYYY-MM-DDTHH:mm` in a time zone as an instant (the later reading where clocks go back, the first valid minute where they skip). */
export function instantFromWall(timeZone: string, wall: string): Date {
  const [d, hm = '00:00'] = wall.split('T') as [IsoDate, string?];
  const [h, min] = hm.split(':').map(Number) as [number, number];
  const start = startOfDayIn(timeZone, d).getTime();
  const guess = start + (h * 60 + min) * 60_000;
  // Across a change of clocks on that day the offset at the guess differs from midnight's.
  return new Date(guess + (offsetAt(timeZone, start) - offsetAt(timeZone, guess)));
}

/** An instant as the wall clock of a time zone reads it: `YYYY-MM-DDTHH:mm`. */
export function wallIn(timeZone: string, at: Date): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
