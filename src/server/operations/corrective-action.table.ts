import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { actorRef, authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * Corrective actions through plan, do, check and act (seed 004 「定期点検結果の
 * フィードバック」; corrective-action.rules.ts): what each phase produced, the
 * check's verdict, and where the action came from (an inspection's findings,
 * an incident's post-incident review, a data store's protection gaps, a
 * BCP drill, an IAM account's or a log source's gaps, or elsewhere), with
 * that record's title kept so the action still reads right after its origin
 * is deleted. An action opened for one named finding of its origin (an
 * account without MFA) carries the finding's code: while it is open, no
 * second action for the same finding of the same record can be stored.
 */
export const correctiveActions = pgTable(
  'corrective_actions',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    /** inspection | incident | dataStore | drill | iamAccount | logSource | other */
    origin: text('origin').notNull().default('other'),
    originId: uuid('origin_id'),
    originTitle: text('origin_title').notNull().default(''),
    /** The origin's finding this action answers (`noMfa`, `notWorm` …), for origins whose findings open one at a time. */
    originFinding: text('origin_finding'),
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
    check('corrective_actions_origin_check', sql`${t.origin} in ('inspection', 'incident', 'dataStore', 'drill', 'iamAccount', 'logSource', 'other') and (${t.origin} = 'other') = (${t.originId} is null)`),
    check('corrective_actions_finding_check', sql`${t.originFinding} is null or ${t.originId} is not null`),
    uniqueIndex('corrective_actions_open_finding_key').on(t.organisationId, t.origin, t.originId, t.originFinding).where(sql`${t.originFinding} is not null and ${t.phase} <> 'closed'`),
  ],
);
