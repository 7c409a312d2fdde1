import { customType, foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [unique('evidence_files_org_id_key').on(t.organisationId, t.id), index('evidence_files_org_idx').on(t.organisationId, t.uploadedAt)],
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
