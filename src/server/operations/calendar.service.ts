import { calendarEntries, type CalendarEntry } from '../../shared/operations/calendar.rules.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { governanceDates } from '../governance/governance.public.ts';
import { providerDates } from '../providers/providers.public.ts';
import { listActions } from './corrective-action.service.ts';
import { listInspections, todayInJapan } from './inspection.service.ts';

/**
 * The organisation's operations calendar over `days` from today in Japan
 * (calendar.rules.ts): inspections, open corrective actions, and the
 * contract, evaluation and certification dates the providers module keeps,
 * and the ISMS documents' reviews and staff certifications governance keeps.
 * The screen's calendar and the iCalendar feed both read it.
 */
export async function calendarOf(ctx: DataContext, now: Date, days: number): Promise<CalendarEntry[]> {
  const today = todayInJapan(now);
  const [inspections, actions, dated, reviews] = await ctx.sideBySide(
    () => listInspections(ctx, now),
    () => listActions(ctx, now),
    () => providerDates(ctx, today),
    () => governanceDates(ctx),
  );
  return calendarEntries({ inspections: inspections.items, actions: actions.items, dated: [...dated, ...reviews] }, today, days);
}
