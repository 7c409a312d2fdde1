import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { evidenceFiles, evidenceLinks } from './evidence.table.ts';

/**
 * Evidence queries. Every function takes the organisation id from the
 * session; lists never select the bytes.
 */

export interface EvidenceSubject {
  type: string;
  id: string;
}

export type EvidenceListRow = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedByLabel: string | null;
  subjectType: string;
  subjectId: string;
};

export async function insertEvidenceFile(
  db: Db,
  file: { organisationId: string; fileName: string; contentType: string; sha256: string; content: Buffer; uploadedBy: string; uploadedByLabel: string },
) {
  const [row] = await db
    .insert(evidenceFiles)
    .values({ ...file, sizeBytes: file.content.length })
    .returning({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, contentType: evidenceFiles.contentType, sizeBytes: evidenceFiles.sizeBytes, uploadedAt: evidenceFiles.uploadedAt, uploadedByLabel: evidenceFiles.uploadedByLabel });
  return row;
}

export async function linkEvidence(db: Db, organisationId: string, evidenceIds: readonly string[], subject: EvidenceSubject, linkedBy: string): Promise<void> {
  if (!evidenceIds.length) return;
  await db
    .insert(evidenceLinks)
    .values(evidenceIds.map((evidenceId) => ({ organisationId, evidenceId, subjectType: subject.type, subjectId: subject.id, linkedBy })))
    .onConflictDoNothing();
}

/** The files of many records of one type at once (no N+1), oldest first. */
export async function listEvidenceOf(db: Db, organisationId: string, subjectType: string, subjectIds: readonly string[]): Promise<EvidenceListRow[]> {
  if (!subjectIds.length) return [];
  return db
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      contentType: evidenceFiles.contentType,
      sizeBytes: evidenceFiles.sizeBytes,
      uploadedAt: evidenceFiles.uploadedAt,
      uploadedByLabel: evidenceFiles.uploadedByLabel,
      subjectType: evidenceLinks.subjectType,
      subjectId: evidenceLinks.subjectId,
    })
    .from(evidenceLinks)
    .innerJoin(evidenceFiles, and(eq(evidenceFiles.id, evidenceLinks.evidenceId), eq(evidenceFiles.organisationId, evidenceLinks.organisationId)))
    .where(and(eq(evidenceLinks.organisationId, organisationId), eq(evidenceLinks.subjectType, subjectType), inArray(evidenceLinks.subjectId, [...subjectIds])))
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id));
}

/**
 * Takes a file off one record. The bytes go too when no other record points
 * at them any more (a file uploaded to a draft by mistake leaves no copy).
 * Returns whether the link existed and whether the file was deleted.
 */
export async function unlinkEvidence(db: Db, organisationId: string, evidenceId: string, subject: EvidenceSubject) {
  const removed = await db
    .delete(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.organisationId, organisationId),
        eq(evidenceLinks.evidenceId, evidenceId),
        eq(evidenceLinks.subjectType, subject.type),
        eq(evidenceLinks.subjectId, subject.id),
      ),
    )
    .returning({ evidenceId: evidenceLinks.evidenceId });
  if (!removed.length) return { unlinked: false, deleted: false };
  const deleted = await db
    .delete(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organisationId, organisationId),
        eq(evidenceFiles.id, evidenceId),
        sql`not exists (select 1 from evidence_links l where l.organisation_id = ${organisationId} and l.evidence_id = ${evidenceId})`,
      ),
    )
    .returning({ id: evidenceFiles.id });
  return { unlinked: true, deleted: deleted.length > 0 };
}

/** One file with its bytes, for the download. */
export async function findEvidenceContent(db: Db, organisationId: string, evidenceId: string) {
  const [row] = await db
    .select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, contentType: evidenceFiles.contentType, sizeBytes: evidenceFiles.sizeBytes, sha256: evidenceFiles.sha256, content: evidenceFiles.content })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.id, evidenceId)));
  return row;
}

/**
 * Takes every file off records that are going away (a discarded draft's
 * answers); files no other record points at are deleted with them.
 */
export async function unlinkSubjects(db: Db, organisationId: string, subjectType: string, subjectIds: readonly string[]): Promise<string[]> {
  if (!subjectIds.length) return [];
  const removed = await db
    .delete(evidenceLinks)
    .where(and(eq(evidenceLinks.organisationId, organisationId), eq(evidenceLinks.subjectType, subjectType), inArray(evidenceLinks.subjectId, [...subjectIds])))
    .returning({ evidenceId: evidenceLinks.evidenceId });
  const ids = [...new Set(removed.map((r) => r.evidenceId))];
  if (!ids.length) return [];
  const deleted = await db
    .delete(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organisationId, organisationId),
        inArray(evidenceFiles.id, ids),
        sql`not exists (select 1 from evidence_links l where l.organisation_id = ${organisationId} and l.evidence_id = ${evidenceFiles.id})`,
      ),
    )
    .returning({ id: evidenceFiles.id });
  return deleted.map((d) => d.id);
}

/** The links of records, to carry files over to their successors (an answer carried into a new draft). */
export async function listLinks(db: Db, organisationId: string, subjectType: string, subjectIds: readonly string[]) {
  if (!subjectIds.length) return [];
  return db
    .select({ evidenceId: evidenceLinks.evidenceId, subjectId: evidenceLinks.subjectId })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.organisationId, organisationId), eq(evidenceLinks.subjectType, subjectType), inArray(evidenceLinks.subjectId, [...subjectIds])));
}
