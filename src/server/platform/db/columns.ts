import { sql } from 'drizzle-orm';
import { integer, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Columns every table writes the same way. Each helper returns new column
 * builders, so one table's column never stands in another's.
 */

/** A point in time, with its time zone, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** When something happened, stamped by the database (`created_at`, `recorded_at` …). */
export const stampedAt = (name: string) => ts(name).notNull().defaultNow();

/** A row's own id, made by the database. */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();

/** `updated_at` and `version` of an editable row: `version` is raised by every update, so a stale one gets 409. */
export const editColumns = () => ({
  updatedAt: stampedAt('updated_at'),
  version: integer('version').notNull().default(1),
});

/** What every update of an editable row sets besides its changes: the time, and the next version (so the client's copy goes stale). */
export const nextVersion = (table: { version: AnyPgColumn }) => ({ updatedAt: new Date(), version: sql`${table.version} + 1` });

/** `created_at`, `updated_at` and `version` of an editable row. */
export const recordStamps = () => ({ createdAt: stampedAt('created_at'), ...editColumns() });
