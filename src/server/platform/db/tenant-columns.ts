import { uuid } from 'drizzle-orm/pg-core';
import { idColumn, recordStamps } from './columns.ts';
import { organisations, users } from './platform.table.ts';

/** The tenant key: the organisation a row belongs to, deleted with it. */
export const organisationKey = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

/** The person who did something; null once the account is gone (a `…_label` column keeps the name where the history needs it). */
export const actorRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

/** `id` and `organisation_id` of a record an organisation owns. */
export const tenantColumns = () => ({ id: idColumn(), organisationId: organisationKey() });

/** Who created and last changed an editable record, and when, with its `version`. */
export const authorshipColumns = () => ({
  createdBy: actorRef('created_by'),
  updatedBy: actorRef('updated_by'),
  ...recordStamps(),
});
