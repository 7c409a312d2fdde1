import { sql } from 'drizzle-orm';
import { check, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordStamps } from '../db/columns.ts';
import { actorRef, tenantColumns } from '../db/tenant-columns.ts';

/**
 * An organisation's departments and roles (販売管理, 営業課, 総務 …): what a
 * Japanese SME writes as 資産の責任者 (seed 000 III.3.3 図11) and, later, as the
 * owner of a risk or a control. A department is named once per organisation
 * (`name_key`: NFKC, trimmed, so 「ＮＷ」 and 「NW」 are one department).
 */


export const departments = pgTable(
  'departments',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    createdBy: actorRef('created_by'),
    ...recordStamps(),
  },
  (t) => [
    unique('departments_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('departments_org_name_key').on(t.organisationId, t.nameKey),
    check('departments_name_check', sql`length(${t.name}) between 1 and 100`),
  ],
);
