import { foreignKey, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stampedAt, ts } from '../platform/db/columns.ts';
import { users } from '../platform/db/platform.table.ts';
import { tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * A member's iCalendar feed: a secret address a calendar application reads
 * without signing in. Only the token's SHA-256 is stored; a new address
 * replaces the old one, and revoking deletes it. One per member and
 * organisation; it stops answering when the member leaves.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: stampedAt('created_at'),
    lastReadAt: ts('last_read_at'),
  },
  (t) => [
    unique('calendar_feeds_org_id_key').on(t.organisationId, t.id),
    uniqueIndex('calendar_feeds_member_key').on(t.organisationId, t.userId),
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    foreignKey({ name: 'calendar_feeds_user_fk', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
  ],
);
