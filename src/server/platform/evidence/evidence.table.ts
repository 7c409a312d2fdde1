import { customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../db/platform.table.ts';

/**
 * Evidence files (証跡) any module attaches to its records. The bytes live in
 * the database (bytea), so a backup holds them and several instances need no
 * shared disk. `evidence_links` says which record a file belongs to
 * (`subject_type` names the module's entity, e.g. `assessment-answer`); one
 * file may back several records (an answer carried into the next assessment).
 * Links carry the organisation id in a composite foreign key, so the database
 * itself refuses to link a file to another organisation's record.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The name the uploader's computer gave it (shown and used for the download). */
    fileName: text('file_name').notNull(),
    /** From the allow-list, checked against the bytes; never the client's claim as such. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedByLabel: text('uploaded_by_label'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
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
    linkedBy: uuid('linked_by').references(() => users.id, { onDelete: 'set null' }),
    linkedAt: ts('linked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.evidenceId, t.subjectType, t.subjectId] }),
    foreignKey({ name: 'evidence_links_file_fk', columns: [t.organisationId, t.evidenceId], foreignColumns: [evidenceFiles.organisationId, evidenceFiles.id] }).onDelete('cascade'),
    index('evidence_links_subject_idx').on(t.organisationId, t.subjectType, t.subjectId),
  ],
);
