import { addDays, type IsoDate } from '../platform/calendar-date.ts';

/**
 * The operations calendar (seed 004 「運用保守・定期点検と自動化」; issue 12):
 * every date something is due, from the inspections' schedules, the open
 * corrective actions and the providers and contracts (a contract's last
 * notice day or end, a provider's next evaluation, a certification's
 * expiry), the ISMS documents' reviews and the staff's certifications'
 * expiries, over a span of days from today. What is already past and still
 * open (an inspection overdue, an action overdue, an evaluation overdue, a
 * certification expired) stays at the top: it still asks for action.
 */

export const CALENDAR_KINDS = ['inspection', 'correctiveAction', 'contractNotice', 'contractEnd', 'reevaluation', 'certificationExpiry', 'documentReview', 'qualificationExpiry'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface CalendarEntry {
  kind: CalendarKind;
  date: IsoDate;
  title: string;
  detail: string | null;
  path: string;
  overdue: boolean;
}

export interface CalendarSources {
  inspections: readonly { id: string; title: string; nextDueOn: IsoDate; upcoming: readonly IsoDate[] }[];
  actions: readonly { id: string; title: string; phase: string; dueOn: IsoDate | null }[];
  /** Provider and contract dates (providers.public.ts) and ISMS document reviews and staff certification expiries (governance.public.ts). */
  dated: readonly { kind: Exclude<CalendarKind, 'inspection' | 'correctiveAction'>; date: IsoDate; title: string; detail: string | null; path: string }[];
}

/** Kinds whose past dates still ask for action (a contract's past notice day has moved on to the next term's). */
const STAYS_WHEN_PAST = new Set<CalendarKind>(['inspection', 'correctiveAction', 'reevaluation', 'certificationExpiry', 'documentReview', 'qualificationExpiry']);

export function calendarEntries(s: CalendarSources, today: IsoDate, days: number): CalendarEntry[] {
  const end = addDays(today, days);
  const all: Omit<CalendarEntry, 'overdue'>[] = [
    ...s.inspections.flatMap((i) => [i.nextDueOn, ...i.upcoming].map((date) => ({ kind: 'inspection' as const, date, title: i.title, detail: null, path: `/operations/${i.id}` }))),
    ...s.actions.filter((a) => a.phase !== 'closed' && a.dueOn !== null).map((a) => ({ kind: 'correctiveAction' as const, date: a.dueOn!, title: a.title, detail: null, path: `/corrective-actions/${a.id}` })),
    ...s.dated,
  ];
  return all
    .filter((e) => e.date <= end && (e.date >= today || STAYS_WHEN_PAST.has(e.kind)))
    .map((e) => ({ ...e, overdue: e.date < today }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
}
