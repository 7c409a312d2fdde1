import { sql } from 'drizzle-orm';
import { check, date, foreignKey, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { departments } from '../platform/orgs/department.table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The organisation's ISMS documents (seed 000 III.5.2 表11・表12): each with
 * its owner, its own version label, approval and review dates. A document of
 * the seed's tables is registered at most once (`catalog_item_id`);
 * `next_review_on` is stored as isms-document.rules.ts computes it, so the
 * calendar and the list read it without recomputing.
 */
export const ismsDocuments = pgTable(
  'isms_documents',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    catalogItemId: text('catalog_item_id'),
    ownerDepartmentId: uuid('owner_department_id'),
    documentVersion: text('document_version').notNull().default(''),
    /** draft | approved | retired */
    status: text('status').notNull().default('draft'),
    approvedOn: date('approved_on'),
    lastReviewedOn: date('last_reviewed_on'),
    reviewIntervalMonths: integer('review_interval_months').notNull().default(12),
    nextReviewOn: date('next_review_on'),
    location: text('location').notNull().default(''),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('isms_documents_org_id_key').on(t.organisationId, t.id),
    unique('isms_documents_org_item_key').on(t.organisationId, t.catalogItemId),
    foreignKey({ name: 'isms_documents_owner_fk', columns: [t.organisationId, t.ownerDepartmentId], foreignColumns: [departments.organisationId, departments.id] }),
    check('isms_documents_status_check', sql`${t.status} in ('draft', 'approved', 'retired')`),
    check('isms_documents_approved_check', sql`${t.status} <> 'approved' or ${t.approvedOn} is not null`),
    check('isms_documents_interval_check', sql`${t.reviewIntervalMonths} between 1 and 60`),
  ],
);
