import { sql } from 'drizzle-orm';
import { check, customType, foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { stampedAt } from '../db/columns.ts';
import { actorRef, tenantColumns } from '../db/tenant-columns.ts';

/**
 * Evidence files (証跡) any module attaches to its records. The bytes live in
 * the database (bytea), so a backup holds them and several instances need no
 * shared disk. `evidence_links` says which record a file belongs to
 * (`subject_type` names the module's entity, e.g. `assessment-answer`); one
 * file may back several records (an answer carried into the next assessment).
 * Links carry the organisation id in a composite foreign key, so the database
 * itself refuses to link a file to another organisation's record.
 *
 * A file is versioned: a new version names the one it supersedes
 * (`previous_id`, through the organisation's own key, so a version never
 * points into another organisation) and counts on from it (`version_no`).
 * A version is superseded at most once (`evidence_files_previous_key`), so
 * two uploads of a new version of the same file cannot both be taken, and
 * an earlier version cannot be deleted while a later one points at it.
 */


const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const evidenceFiles = pgTable(
  'evidence_files',
  {
    ...tenantColumns(),
    /** The name the uploader's computer gave it (shown and used for the download). */
    fileName: text('file_name').notNull(),
    /** From the allow-list, checked against the bytes; never the client's claim as such. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: actorRef('uploaded_by'),
    uploadedByLabel: text('uploaded_by_label'),
    uploadedAt: stampedAt('uploaded_at'),
    /** The version this one supersedes (null for a first version). */
    previousId: uuid('previous_id'),
    /** 1 for a first version, one more than the superseded version's otherwise. */
    versionNo: integer('version_no').notNull().default(1),
  },
  (t) => [
    unique('evidence_files_org_id_key').on(t.organisationId, t.id),
    index('evidence_files_org_idx').on(t.organisationId, t.uploadedAt),
    unique('evidence_files_previous_key').on(t.organisationId, t.previousId),
    foreignKey({ name: 'evidence_files_previous_fk', columns: [t.organisationId, t.previousId], foreignColumns: [t.organisationId, t.id] }),
    check('evidence_files_version_check', sql`${t.versionNo} >= 1 and (${t.previousId} is null) = (${t.versionNo} = 1)`),
  ],
);

export const evidenceLinks = pgTable(
  'evidence_links',
  {
    organisationId: uuid('organisation_id').notNull(),
    evidenceId: uuid('evidence_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    linkedBy: actorRef('linked_by'),
    linkedAt: stampedAt('linked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.evidenceId, t.subjectType, t.subjectId] }),
    foreignKey({ name: 'evidence_links_file_fk', columns: [t.organisationId, t.evidenceId], foreignColumns: [evidenceFiles.organisationId, evidenceFiles.id] }).onDelete('cascade'),
    index('evidence_links_subject_idx').on(t.organisationId, t.subjectType, t.subjectId),
  ],
);
