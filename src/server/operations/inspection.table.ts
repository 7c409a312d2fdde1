import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, stampedAt } from '../platform/db/columns.ts';
import { actorRef, authorshipColumns, organisationKey, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * Operations (PRODUCT.md capability 11; seed 004 「運用保守・定期点検と自動化」):
 * recurring inspections on a schedule (recurrence.rules.ts), each completion
 * with the due date it covered, and the reminders sent, keyed so that one is
 * sent once however many instances run the reminder job.
 */
export const inspections = pgTable(
  'inspections',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    catalogItemId: text('catalog_item_id'),
    /** weeks | months */
    unit: text('unit').notNull().default('months'),
    every: integer('every').notNull().default(3),
    startsOn: date('starts_on').notNull(),
    ownerUserId: actorRef('owner_user_id'),
    remindDaysBefore: integer('remind_days_before').notNull().default(7),
    note: text('note').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('inspections_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('inspections_org_title_key').on(t.organisationId, sql`lower(${t.title})`),
    check('inspections_schedule_check', sql`${t.unit} in ('weeks', 'months') and ${t.every} between 1 and 60 and ${t.remindDaysBefore} between 0 and 90`),
  ],
);

/** An inspection done: the due date it covers (once), when, and what it found. */
export const inspectionCompletions = pgTable(
  'inspection_completions',
  {
    id: idColumn(),
    organisationId: organisationKey(),
    inspectionId: uuid('inspection_id').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on').notNull(),
    /** ok | findings */
    result: text('result').notNull(),
    note: text('note').notNull().default(''),
    actorId: actorRef('actor_id'),
    actorLabel: text('actor_label').notNull(),
    createdAt: stampedAt('created_at'),
  },
  (t) => [
    foreignKey({ name: 'inspection_completions_inspection_fk', columns: [t.organisationId, t.inspectionId], foreignColumns: [inspections.organisationId, inspections.id] }).onDelete('cascade'),
    uniqueIndex('inspection_completions_due_key').on(t.organisationId, t.inspectionId, t.dueOn),
    check('inspection_completions_result_check', sql`${t.result} in ('ok', 'findings')`),
  ],
);

/**
 * A member's reminder digest of one Tokyo day: at most one e-mail a member a
 * day, claimed by the unique key before it is sent, so a second instance
 * running the same job finds it taken and sends nothing.
 */
export const reminderDigests = pgTable(
  'reminder_digests',
  {
    id: idColumn(),
    organisationId: organisationKey(),
    userId: uuid('user_id').notNull(),
    day: date('day').notNull(),
    /** The inspections and due dates it reminded of. */
    items: jsonb('items').$type<{ inspectionId: string; dueOn: string }[]>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reminder_digests_day_key').on(t.organisationId, t.userId, t.day), index('reminder_digests_org_idx').on(t.organisationId)],
);

/** Which due date of which inspection a member was reminded of: each once. */
export const reminderSends = pgTable(
  'reminder_sends',
  {
    id: idColumn(),
    organisationId: organisationKey(),
    inspectionId: uuid('inspection_id').notNull(),
    dueOn: date('due_on').notNull(),
    userId: uuid('user_id').notNull(),
    digestId: uuid('digest_id').notNull(),
  },
  (t) => [
    foreignKey({ name: 'reminder_sends_inspection_fk', columns: [t.organisationId, t.inspectionId], foreignColumns: [inspections.organisationId, inspections.id] }).onDelete('cascade'),
    uniqueIndex('reminder_sends_key').on(t.organisationId, t.inspectionId, t.dueOn, t.userId),
  ],
);

/** A member's choice of reminders by e-mail (on unless they turn it off); the app always shows them. */
export const reminderSettings = pgTable(
  'reminder_settings',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    email: boolean('email').notNull().default(true),
    ...authorshipColumns(),
  },
  (t) => [unique('reminder_settings_org_id_key').on(t.organisationId, t.id), uniqueIndex('reminder_settings_user_key').on(t.organisationId, t.userId)],
);
