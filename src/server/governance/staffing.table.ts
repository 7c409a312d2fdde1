import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { linkTable } from '../platform/db/link-table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The staffing matrix (seed 004 「人材確保と資格」): the roles security work
 * needs, with the certifications each calls for and whether it is critical
 * (held by two people at least); the people who hold them, on the staff or
 * outside, with their certifications and expiry dates; and who holds what.
 */
export const staffingRoles = pgTable(
  'staffing_roles',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    templateItemId: text('template_item_id'),
    /** The roles' order on the screen: as they were added (the template's in its order). */
    position: integer('position').notNull(),
    critical: boolean('critical').notNull().default(false),
    requiredCertifications: jsonb('required_certifications').$type<string[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('staffing_roles_org_id_key').on(t.organisationId, t.id),
    unique('staffing_roles_org_template_key').on(t.organisationId, t.templateItemId),
    check('staffing_roles_title_check', sql`length(${t.title}) between 1 and 200`),
  ],
);

export const staffingPeople = pgTable(
  'staffing_people',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    /** internal | external */
    affiliation: text('affiliation').notNull().default('internal'),
    certifications: jsonb('certifications').$type<{ name: string; expiresOn: string | null }[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('staffing_people_org_id_key').on(t.organisationId, t.id),
    check('staffing_people_affiliation_check', sql`${t.affiliation} in ('internal', 'external')`),
    check('staffing_people_name_check', sql`length(${t.name}) between 1 and 100`),
  ],
);

/** Who holds which role: both ends in the same organisation, refused by the database otherwise. */
export const staffingAssignments = linkTable(
  'staffing_assignments',
  { key: 'personId', column: 'person_id', table: () => staffingPeople },
  { key: 'roleId', column: 'role_id', table: () => staffingRoles },
);
