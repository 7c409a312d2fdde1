import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../db/platform.table.ts';

/**
 * An organisation's departments and roles (販売管理, 営業課, 総務 …): what a
 * Japanese SME writes as 資産の責任者 (seed 000 III.3.3 図11) and, later, as the
 * owner of a risk or a control. A department is named once per organisation
 * (`name_key`: NFKC, trimmed, so 「ＮＷ」 and 「NW」 are one department).
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('departments_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('departments_org_name_key').on(t.organisationId, t.nameKey),
    check('departments_name_check', sql`length(${t.name}) between 1 and 100`),
  ],
);
