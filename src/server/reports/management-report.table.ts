import { integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { actorRef, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The management reports an organisation issued for its executive (経営者向け
 * 報告書), each fixed when issued: its contents as JSON, their SHA-256
 * (canonical JSON) and the hash of the audit-trail entry that records the
 * issue, so a printed copy can be checked against the stored one and the
 * trail. Never changed after it is issued; the next report compares with it.
 */
export const managementReports = pgTable(
  'management_reports',
  {
    ...tenantColumns(),
    /** 1, 2, 3 … per organisation, in the order issued. */
    number: integer('number').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: actorRef('issued_by'),
    issuedByLabel: text('issued_by_label').notNull(),
    content: jsonb('content').notNull(),
    contentSha256: text('content_sha256').notNull(),
    auditHeadHash: text('audit_head_hash').notNull(),
  },
  (t) => [
    unique('management_reports_org_id_key').on(t.organisationId, t.id),
    unique('management_reports_org_number_key').on(t.organisationId, t.number),
  ],
);
