import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { departments } from '../platform/orgs/department.table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The organisation's judgement of each catalog control (control.rules.ts):
 * applicable or left out with the reason (the statement of applicability),
 * how far it is implemented, its owner and due date. One row per control
 * judged; a control not judged yet has none.
 */
export const controlAssessments = pgTable(
  'control_assessments',
  {
    ...tenantColumns(),
    itemId: text('item_id').notNull(),
    applicable: boolean('applicable').notNull().default(true),
    reason: text('reason').notNull().default(''),
    /** notStarted | inProgress | implemented */
    status: text('status').notNull().default('notStarted'),
    ownerDepartmentId: uuid('owner_department_id'),
    dueOn: date('due_on'),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('control_assessments_org_id_key').on(t.organisationId, t.id),
    unique('control_assessments_org_item_key').on(t.organisationId, t.itemId),
    foreignKey({ name: 'control_assessments_owner_fk', columns: [t.organisationId, t.ownerDepartmentId], foreignColumns: [departments.organisationId, departments.id] }),
    check('control_assessments_status_check', sql`${t.status} in ('notStarted', 'inProgress', 'implemented')`),
    check('control_assessments_excluded_check', sql`${t.applicable} or (${t.status} = 'notStarted' and length(btrim(${t.reason})) > 0)`),
  ],
);
