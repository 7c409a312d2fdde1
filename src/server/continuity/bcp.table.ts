import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { departments } from '../platform/orgs/department.table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The BCP grid's cells (seed 004 「BCP:緊急時・無電化時・停止時の3段階運用」 ×
 * seed 000 V.6.2 の5種類の災害): the response planned for one operating mode
 * and one disaster type, at most one per pair, with its owner.
 */
export const bcpScenarios = pgTable(
  'bcp_scenarios',
  {
    ...tenantColumns(),
    /** emergency | power-loss | full-stop */
    mode: text('mode').notNull(),
    /** The disaster type's catalog item id (seed 000 bcp-disaster-types). */
    disasterTypeId: text('disaster_type_id').notNull(),
    response: text('response').notNull(),
    ownerDepartmentId: uuid('owner_department_id'),
    /** draft | approved */
    status: text('status').notNull().default('draft'),
    ...authorshipColumns(),
  },
  (t) => [
    unique('bcp_scenarios_org_id_key').on(t.organisationId, t.id),
    unique('bcp_scenarios_org_cell_key').on(t.organisationId, t.mode, t.disasterTypeId),
    foreignKey({ name: 'bcp_scenarios_owner_fk', columns: [t.organisationId, t.ownerDepartmentId], foreignColumns: [departments.organisationId, departments.id] }),
    check('bcp_scenarios_mode_check', sql`${t.mode} in ('emergency', 'power-loss', 'full-stop')`),
    check('bcp_scenarios_status_check', sql`${t.status} in ('draft', 'approved')`),
  ],
);

/**
 * A BCP drill (訓練): which mode and disaster it exercised, when, how long
 * recovery took, and what it found. Findings open as corrective actions.
 */
export const bcpDrills = pgTable(
  'bcp_drills',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    mode: text('mode').notNull(),
    disasterTypeId: text('disaster_type_id').notNull(),
    participants: integer('participants'),
    recoveryMinutes: integer('recovery_minutes'),
    findings: jsonb('findings').$type<string[]>().notNull(),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('bcp_drills_org_id_key').on(t.organisationId, t.id),
    index('bcp_drills_org_held_idx').on(t.organisationId, t.heldOn),
    check('bcp_drills_mode_check', sql`${t.mode} in ('emergency', 'power-loss', 'full-stop')`),
    check('bcp_drills_title_check', sql`length(${t.title}) between 1 and 200`),
    check('bcp_drills_findings_check', sql`jsonb_typeof(${t.findings}) = 'array'`),
  ],
);
