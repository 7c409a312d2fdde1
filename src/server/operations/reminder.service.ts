import type { TReminderList } from '../../shared/operations/operation.schema.ts';
import { standing } from '../../shared/operations/recurrence.rules.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { listActions } from './corrective-action.service.ts';
import { members } from './inspection.repository.ts';
import { listInspections, recipientsOf, todayInJapan } from './inspection.service.ts';

/** An open corrective action is reminded of from this many days before its due date. */
export const ACTION_REMIND_DAYS = 7;

/**
 * What the signed-in member is reminded of now, in the app: inspection
 * rounds due soon or overdue, and open corrective actions due within a week
 * or overdue; each to its owner, or with none named to every owner and
 * manager. The soonest first.
 */
export async function remindersFor(ctx: DataContext, userId: string, now: Date): Promise<TReminderList> {
  const [inspections, actions, people] = await ctx.sideBySide(
    () => listInspections(ctx, now),
    () => listActions(ctx, now),
    () => members(ctx),
  );
  const today = todayInJapan(now);
  const mine = (r: { ownerUserId: string | null }) => recipientsOf(r, people).includes(userId);
  const items: TReminderList['items'] = [
    ...inspections.items.filter((i) => i.standing !== 'upcoming' && mine(i)).map((i) => ({ kind: 'inspection' as const, id: i.id, title: i.title, dueOn: i.nextDueOn, standing: i.standing, path: `/operations/${i.id}` })),
    ...actions.items
      .filter((a) => a.phase !== 'closed' && a.dueOn !== null && mine(a))
      .map((a) => ({ kind: 'correctiveAction' as const, id: a.id, title: a.title, dueOn: a.dueOn!, standing: standing(a.dueOn!, ACTION_REMIND_DAYS, today), path: `/corrective-actions/${a.id}` }))
      .filter((a) => a.standing !== 'upcoming'),
  ];
  return { items: items.sort((a, b) => a.dueOn.localeCompare(b.dueOn)) };
}
