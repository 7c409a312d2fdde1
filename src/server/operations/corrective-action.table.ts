import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { actorRef, authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * Corrective actions through plan, do, check and act (seed 004 「定期点検結果の
 * フィードバック」; corrective-action.rules.ts): what each phase produced, the
 * check's verdict, and where the action came from (an inspection's findings,
 * an incident's post-incident review, a data store's protection gaps, or
 * elsewhere), with that record's title
 * kept so the action still reads right after its origin is deleted.
 */
export const correctiveActions = pgTable(
  'corrective_actions',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    /** inspection | incident | dataStore | drill | other */
    origin: text('origin').notNull().default('other'),
    originId: uuid('origin_id'),
    originTitle: text('origin_title').notNull().default(''),
    /** plan | do | check | act | closed */
    phase: text('phase').notNull().default('plan'),
    ownerUserId: actorRef('owner_user_id'),
    dueOn: date('due_on'),
    plan: text('plan').notNull().default(''),
    doneNote: text('done_note').notNull().default(''),
    checkNote: text('check_note').notNull().default(''),
    effective: boolean('effective'),
    actNote: text('act_note').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('corrective_actions_org_id_key').on(t.organisationId, t.id),
    index('corrective_actions_origin_idx').on(t.organisationId, t.origin, t.originId),
    check('corrective_actions_phase_check', sql`${t.phase} in ('plan', 'do', 'check', 'act', 'closed')`),
    check('corrective_actions_origin_check', sql`${t.origin} in ('inspection', 'incident', 'dataStore', 'drill', 'other') and (${t.origin} = 'other') = (${t.originId} is null)`),
  ],
);
