import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { translator } from '../platform/i18n/translate.ts';
import { defineJob, type JobDeps } from '../platform/jobs/job.ts';
import { createMailer, type Mailer } from '../platform/mail/mailer.ts';
import { claimDigest, completionsOf, emailOptOuts, listInspections, members, remindedKey, remindedKeys } from './inspection.repository.ts';
import { inspections } from './inspection.table.ts';
import { nextDueOf, OPERATIONS_TIME_ZONE, recipientsOf, todayInJapan } from './inspection.service.ts';
import { standing } from '../../shared/operations/recurrence.rules.ts';

/**
 * Reminders of inspections due soon or overdue: one e-mail digest a member a
 * Tokyo day, each due date of each inspection reminded once. The digest row
 * is claimed by its unique key inside the transaction that sends the mail,
 * so two instances running the job at once send it once: the second's insert
 * waits for the first to commit and then finds the row taken. A failed send
 * rolls the claim back and the job is retried. Without SMTP_URL the claim is
 * still made, so the app's list and the record of what was reminded agree.
 */

export interface ReminderRunResult {
  digests: number;
  mailed: number;
}

/** Every organisation's due reminders at `now`. */
export async function sendDueReminders(deps: Pick<JobDeps, 'database'>, mailer: Mailer | null, now: Date, publicUrl: string): Promise<ReminderRunResult> {
  const today = todayInJapan(now);
  const result: ReminderRunResult = { digests: 0, mailed: 0 };
  // The organisations with inspections at all: each is then read through its own context.
  const orgs = await deps.database.db.selectDistinct({ id: inspections.organisationId }).from(inspections);
  for (const { id } of orgs) {
    const ctx = DataContext.ofJob(deps.database, id, { userId: null, label: null });
    const [rows, people, optedOut, reminded] = await Promise.all([listInspections(ctx), members(ctx), emailOptOuts(ctx), remindedKeys(ctx)]);
    const completions = await completionsOf(ctx, rows.map((r) => r.id));
    const due = rows
      .map((r) => ({ row: r, dueOn: nextDueOf(r, completions.get(r.id) ?? []) }))
      .filter((x) => standing(x.dueOn, x.row.remindDaysBefore, today) !== 'upcoming');
    // A member who turned e-mail off is reminded in the app only: nothing is claimed, so turning it on again sends what is due.
    for (const person of people.filter((p) => !optedOut.has(p.userId))) {
      const mine = due.filter((x) => recipientsOf(x.row, people).includes(person.userId) && !reminded.has(remindedKey(person.userId, x.row.id, x.dueOn)));
      if (!mine.length) continue;
      const sent = await ctx.transaction(async (tx) => {
        const claimed = await claimDigest(tx, person.userId, today, mine.map((x) => ({ inspectionId: x.row.id, dueOn: x.dueOn })));
        if (!claimed) return false;
        if (mailer) {
          const t = translator(person.locale);
          const lines = mine.map((x) => t(standing(x.dueOn, x.row.remindDaysBefore, today) === 'overdue' ? 'operations.mail.overdueLine' : 'operations.mail.dueLine', { title: x.row.title, date: x.dueOn }));
          await mailer.send({
            to: person.email,
            subject: t('operations.mail.subject', { count: mine.length }),
            text: [t('operations.mail.greeting', { name: person.name }), '', ...lines, '', t('operations.mail.open', { url: `${publicUrl}/operations` })].join('\n'),
          });
          result.mailed++;
        }
        return true;
      });
      if (sent) result.digests++;
    }
  }
  return result;
}

/** Every minute (a few queries an organisation): a member's digest goes out with the first run of the day that finds something due, so a newly due inspection is reminded within minutes. */
export const reminderJob = defineJob<{ kind: 'tick' }>({
  queue: 'operations-reminders',
  schedule: { cron: '* * * * *', timeZone: OPERATIONS_TIME_ZONE, data: { kind: 'tick' } },
  options: { retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 600 },
  async handler(_data, run) {
    const mailer = createMailer(run.deps.config);
    try {
      const r = await sendDueReminders(run.deps, mailer, clockOf(run.deps).now(), run.deps.config.publicUrl);
      if (r.digests) run.log(`reminders: ${r.digests} digest(s), ${r.mailed} e-mailed`);
    } finally {
      mailer?.close();
    }
  },
});
