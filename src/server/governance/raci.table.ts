import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { departments } from '../platform/orgs/department.table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The RACI matrix (seed 004 「RACIモデルによる責任分界」): one row per task,
 * started from the template (`template_item_id`, at most once per
 * organisation) or written by the organisation, in the order they were added.
 */
export const raciTasks = pgTable(
  'raci_tasks',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    templateItemId: text('template_item_id'),
    position: integer('position').notNull(),
    ...authorshipColumns(),
  },
  (t) => [
    unique('raci_tasks_org_id_key').on(t.organisationId, t.id),
    unique('raci_tasks_org_template_key').on(t.organisationId, t.templateItemId),
    index('raci_tasks_org_position_idx').on(t.organisationId, t.position),
    check('raci_tasks_title_check', sql`length(${t.title}) between 1 and 200`),
  ],
);

/**
 * What each department holds in a task (raci.rules.ts `RACI_CELLS`): one cell
 * per department and task. Both ends are composite keys on the organisation,
 * so the database refuses a department of another organisation.
 */
export const raciAssignments = pgTable(
  'raci_assignments',
  {
    organisationId: uuid('organisation_id').notNull(),
    taskId: uuid('task_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    cell: text('cell').notNull(),
    /** The cell's place in the row, as the member ordered the departments. */
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.departmentId] }),
    foreignKey({ name: 'raci_assignments_task_fk', columns: [t.organisationId, t.taskId], foreignColumns: [raciTasks.organisationId, raciTasks.id] }).onDelete('cascade'),
    foreignKey({ name: 'raci_assignments_department_fk', columns: [t.organisationId, t.departmentId], foreignColumns: [departments.organisationId, departments.id] }).onDelete('cascade'),
    index('raci_assignments_org_department_idx').on(t.organisationId, t.departmentId),
    check('raci_assignments_cell_check', sql`${t.cell} in ('R', 'A', 'AR', 'C', 'I')`),
  ],
);
