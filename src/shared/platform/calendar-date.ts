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
