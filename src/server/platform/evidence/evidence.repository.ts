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

/** One version of a file as lists show it (no bytes). */
export type EvidenceVersionRow = {
  id: string;
  previousId: string | null;
  versionNo: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedByLabel: string | null;
};

export type EvidenceListRow = EvidenceVersionRow & { subjectType: string; subjectId: string };

const versionColumns = {
  id: evidenceFiles.id,
  previousId: evidenceFiles.previousId,
  versionNo: evidenceFiles.versionNo,
  fileName: evidenceFiles.fileName,
  contentType: evidenceFiles.contentType,
  sizeBytes: evidenceFiles.sizeBytes,
  sha256: evidenceFiles.sha256,
  uploadedAt: evidenceFiles.uploadedAt,
  uploadedByLabel: evidenceFiles.uploadedByLabel,
};

/** A version supersedes one file at most: a second successor breaks this key. */
export const EVIDENCE_SUCCESSOR_KEY = 'evidence_files_previous_key';

export async function insertEvidenceFile(
  db: Db,
  file: { organisationId: string; fileName: string; contentType: string; sha256: string; content: Buffer; uploadedBy: string; uploadedByLabel: string; previousId?: string; versionNo?: number },
): Promise<EvidenceVersionRow> {
  const [row] = await db
    .insert(evidenceFiles)
    .values({ ...file, sizeBytes: file.content.length })
    .returning(versionColumns);
  return row!;
}

/** `linkedBy` is the member who linked the files, or null for work no member started (the column allows it). */
export async function linkEvidence(db: Db, organisationId: string, evidenceIds: readonly string[], subject: EvidenceSubject, linkedBy: string | null): Promise<void> {
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
      ...versionColumns,
      subjectType: evidenceLinks.subjectType,
      subjectId: evidenceLinks.subjectId,
    })
    .from(evidenceLinks)
    .innerJoin(evidenceFiles, and(eq(evidenceFiles.id, evidenceLinks.evidenceId), eq(evidenceFiles.organisationId, evidenceLinks.organisationId)))
    .where(and(eq(evidenceLinks.organisationId, organisationId), eq(evidenceLinks.subjectType, subjectType), inArray(evidenceLinks.subjectId, [...subjectIds])))
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id));
}

/** The one link of a file to a record. */
const linkOf = (organisationId: string, evidenceId: string, subject: EvidenceSubject) =>
  and(eq(evidenceLinks.organisationId, organisationId), eq(evidenceLinks.evidenceId, evidenceId), eq(evidenceLinks.subjectType, subject.type), eq(evidenceLinks.subjectId, subject.id));

/**
 * Takes a file off one record. The bytes go too when no other record points
 * at them any more (a file uploaded to a draft by mistake leaves no copy).
 * Returns whether the link existed and whether the file was deleted.
 */
export async function unlinkEvidence(db: Db, organisationId: string, evidenceId: string, subject: EvidenceSubject) {
  const removed = await db.delete(evidenceLinks).where(linkOf(organisationId, evidenceId, subject)).returning({ evidenceId: evidenceLinks.evidenceId });
  if (!removed.length) return { unlinked: false, deleted: false, versionsDeleted: 0 };
  const deleted = await deleteUnlinkedVersions(db, organisationId, [evidenceId]);
  return { unlinked: true, deleted: deleted.includes(evidenceId), versionsDeleted: deleted.length };
}

/**
 * Deletes the files of `ids` that no record points at and no later version
 * supersedes, then the versions behind them on the same terms, back to the
 * first or to one a record still points at (an answer of a submitted
 * assessment keeps the version it was given). Returns the ids deleted.
 */
async function deleteUnlinkedVersions(db: Db, organisationId: string, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  let candidates = [...new Set(ids)];
  while (candidates.length) {
    const deleted = await db
      .delete(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.organisationId, organisationId),
          inArray(evidenceFiles.id, candidates),
          sql`not exists (select 1 from evidence_links l where l.organisation_id = ${organisationId} and l.evidence_id = ${evidenceFiles.id})`,
          sql`not exists (select 1 from evidence_files n where n.organisation_id = ${organisationId} and n.previous_id = ${evidenceFiles.id})`,
        ),
      )
      .returning({ id: evidenceFiles.id, previousId: evidenceFiles.previousId });
    out.push(...deleted.map((d) => d.id));
    candidates = deleted.flatMap((d) => (d.previousId ? [d.previousId] : []));
  }
  return out;
}

/**
 * The versions behind each of `headIds` (not the heads themselves), in one
 * recursive query: follows `previous_id` within the organisation.
 */
export async function listVersionsBehind(db: Db, organisationId: string, headIds: readonly string[]): Promise<EvidenceVersionRow[]> {
  if (!headIds.length) return [];
  const heads = sql.join([...new Set(headIds)].map((id) => sql`${id}::uuid`), sql`, `);
  const result = await db.execute<{ id: string; previous_id: string | null; version_no: number; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date | string; uploaded_by_label: string | null }>(sql`
    with recursive behind(id) as (
      select f.previous_id from evidence_files f where f.organisation_id = ${organisationId} and f.id in (${heads}) and f.previous_id is not null
      union
      select p.previous_id from evidence_files p join behind b on p.organisation_id = ${organisationId} and p.id = b.id where p.previous_id is not null
    )
    select f.id, f.previous_id, f.version_no, f.file_name, f.content_type, f.size_bytes, f.sha256, f.uploaded_at, f.uploaded_by_label
    from evidence_files f join behind b on f.organisation_id = ${organisationId} and f.id = b.id`);
  return result.rows.map((r) => ({
    id: r.id,
    previousId: r.previous_id,
    versionNo: r.version_no,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedAt: new Date(r.uploaded_at),
    uploadedByLabel: r.uploaded_by_label,
  }));
}

/** One version (no bytes), or undefined; `lock` holds it until the transaction ends (a new version of it is on its way). */
export async function findEvidenceVersion(db: Db, organisationId: string, evidenceId: string, lock = false): Promise<EvidenceVersionRow | undefined> {
  const q = db.select(versionColumns).from(evidenceFiles).where(and(eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.id, evidenceId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The version that superseded this one, if any. */
export async function findSuccessor(db: Db, organisationId: string, evidenceId: string): Promise<string | null> {
  const [row] = await db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(and(eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.previousId, evidenceId)));
  return row?.id ?? null;
}

/**
 * Whether the file is one of the record's: linked to it, or a version
 * behind a file linked to it (the record's history).
 */
export async function isVersionOf(db: Db, organisationId: string, evidenceId: string, subject: EvidenceSubject): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    with recursive mine(id, previous_id) as (
      select f.id, f.previous_id from evidence_links l join evidence_files f on f.organisation_id = l.organisation_id and f.id = l.evidence_id
      where l.organisation_id = ${organisationId} and l.subject_type = ${subject.type} and l.subject_id = ${subject.id}
      union
      select p.id, p.previous_id from evidence_files p join mine m on p.organisation_id = ${organisationId} and p.id = m.previous_id
    )
    select exists (select 1 from mine where id = ${evidenceId}::uuid) as found`);
  return result.rows[0]?.found === true;
}

/** Moves the record's link from one version to the next (other records keep the version they had). */
export async function moveLink(db: Db, organisationId: string, fromId: string, toId: string, subject: EvidenceSubject, linkedBy: string | null): Promise<void> {
  await db.delete(evidenceLinks).where(linkOf(organisationId, fromId, subject));
  await linkEvidence(db, organisationId, [toId], subject, linkedBy);
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
  return deleteUnlinkedVersions(db, organisationId, removed.map((r) => r.evidenceId));
}

/** The links of records, to carry files over to their successors (an answer carried into a new draft). */
export async function listLinks(db: Db, organisationId: string, subjectType: string, subjectIds: readonly string[]) {
  if (!subjectIds.length) return [];
  return db
    .select({ evidenceId: evidenceLinks.evidenceId, subjectId: evidenceLinks.subjectId })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.organisationId, organisationId), eq(evidenceLinks.subjectType, subjectType), inArray(evidenceLinks.subjectId, [...subjectIds])));
}
