import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { TEvidenceFile, TEvidenceVersion } from '../../../shared/schemas/evidence.schema.ts';
import { memberActor } from '../audit/audit-actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Db } from '../db/database.ts';
import type { Download } from '../http/download.ts';
import { HttpProblem } from '../http/problem.ts';
import type { OrgAuthContext } from '../http/route.ts';
import { readUpload, type UploadRules } from '../transfer/upload.reader.ts';
import { earlierVersions } from './evidence-version.rules.ts';
import { checkEvidence, safeFileName } from './evidence.rules.ts';
import { findEvidenceContent, insertEvidenceFile, linkEvidence, listEvidenceOf, listVersionsBehind, unlinkEvidence, type EvidenceSubject, type EvidenceVersionRow } from './evidence.repository.ts';

/**
 * Evidence files for every module: read an upload (multipart, one file, by
 * platform/transfer's reader), check it, store it and link it to the module's record in the module's
 * transaction (with its audit entry), list the files of records, serve a
 * download to members only. A module's upload route is declared with
 * `rawBody: true` (multipart is parsed only for those routes, see http/app.ts).
 * New versions of a file are evidence-version.service.ts.
 */

export interface EvidenceDeps {
  database: Database;
  config: { EVIDENCE_MAX_BYTES: number };
}

export interface EvidenceUpload {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

const EVIDENCE_PROBLEMS: UploadRules['problems'] = {
  tooLarge: 'evidenceTooLarge',
  notMultipart: 'evidenceMultipartRequired',
  missing: 'evidenceMissing',
  notOneFile: 'evidenceOneFile',
  malformed: 'badRequest',
};

/**
 * The one file of a multipart/form-data request (field name free), read by
 * the platform's upload reader up to the limit, then checked against the
 * allow-list by its name and its bytes. Any problem is a translated 4xx, and
 * nothing is stored.
 */
export async function readEvidenceUpload(req: FastifyRequest, maxBytes: number): Promise<EvidenceUpload> {
  const limitMb = String(Math.round((maxBytes / 1024 / 1024) * 10) / 10);
  const upload = await readUpload(req, { maxBytes, limitMb, fallbackName: '', problems: EVIDENCE_PROBLEMS });
  const content = upload.bytes;
  const fileName = safeFileName(upload.fileName);
  const check = checkEvidence(fileName, content);
  if (!check.ok) throw new HttpProblem(check.code === 'evidenceEmpty' ? 400 : 415, check.code, check.params ?? {});
  return { fileName, contentType: check.contentType, content, sha256: createHash('sha256').update(content).digest('hex') };
}

export const evidenceUrl = (id: string) => `/api/v1/evidence/${id}`;

export function presentVersion(row: EvidenceVersionRow): TEvidenceVersion {
  return {
    id: row.id,
    versionNo: row.versionNo,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedByLabel,
    downloadUrl: evidenceUrl(row.id),
  };
}

/** A file as a record lists it: its version and the versions behind it (from `behind`, which may hold other files' too). */
export function presentEvidence(row: EvidenceVersionRow, behind: readonly EvidenceVersionRow[] = []): TEvidenceFile {
  return { ...presentVersion(row), earlierVersions: earlierVersions(behind, row).map(presentVersion) };
}

/** The facts of a stored version the audit trail keeps, with the record it went to. */
const uploadFacts = (row: EvidenceVersionRow, subject: EvidenceSubject) => ({ fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256, subjectType: subject.type, subjectId: subject.id });

/**
 * Stores an upload's bytes as a file's first version, or as the version
 * after `previous`, inside the caller's transaction, with its audit entry
 * (`audit.action`, the upload's facts and the record it goes to).
 */
export async function storeUpload(
  tx: Db,
  auth: OrgAuthContext,
  subject: EvidenceSubject,
  upload: EvidenceUpload,
  audit: { action: string; previous?: { id: string; versionNo: number }; before?: Record<string, unknown> },
): Promise<EvidenceVersionRow> {
  const { previous } = audit;
  const row = await insertEvidenceFile(tx, {
    organisationId: auth.organisation.id,
    fileName: upload.fileName,
    contentType: upload.contentType,
    sha256: upload.sha256,
    content: upload.content,
    uploadedBy: auth.user.id,
    uploadedByLabel: auth.user.displayName,
    ...(previous ? { previousId: previous.id, versionNo: previous.versionNo + 1 } : {}),
  });
  const versionFacts = previous ? { versionNo: row.versionNo, previousId: previous.id } : {};
  await appendAudit(tx, { ...memberActor(auth), action: audit.action, entityType: 'evidence', entityId: row.id, before: audit.before, after: { ...uploadFacts(row, subject), ...versionFacts } });
  return row;
}

/**
 * Stores the file and links it to the record, inside the caller's
 * transaction, with an `evidence.upload` audit entry naming the record.
 */
export async function attachEvidence(tx: Db, auth: OrgAuthContext, subject: EvidenceSubject, upload: EvidenceUpload): Promise<TEvidenceFile> {
  const row = await storeUpload(tx, auth, subject, upload, { action: 'evidence.upload' });
  await linkEvidence(tx, auth.organisation.id, [row.id], subject, auth.user.id);
  return presentEvidence(row);
}

/** Takes a file off a record (the module has checked the record may change), audited; 404 when it was not there. */
export async function detachEvidence(tx: Db, auth: OrgAuthContext, subject: EvidenceSubject, evidenceId: string): Promise<void> {
  const organisationId = auth.organisation.id;
  const result = await unlinkEvidence(tx, organisationId, evidenceId, subject);
  if (!result.unlinked) throw new HttpProblem(404, 'notFound');
  await appendAudit(tx, {
    ...memberActor(auth),
    action: 'evidence.remove',
    entityType: 'evidence',
    entityId: evidenceId,
    before: { subjectType: subject.type, subjectId: subject.id },
    after: { fileDeleted: result.deleted, versionsDeleted: result.versionsDeleted },
  });
}

/** Files of many records of one type, each with the versions behind it: record id → files (two queries, whatever the count). */
export async function evidenceBySubject(db: Db, organisationId: string, subjectType: string, subjectIds: readonly string[]): Promise<Map<string, TEvidenceFile[]>> {
  const rows = await listEvidenceOf(db, organisationId, subjectType, subjectIds);
  const behind = await listVersionsBehind(db, organisationId, rows.filter((r) => r.previousId).map((r) => r.id));
  const out = new Map<string, TEvidenceFile[]>();
  for (const row of rows) out.set(row.subjectId, [...(out.get(row.subjectId) ?? []), presentEvidence(row, behind)]);
  return out;
}

/**
 * The download: members of the organisation only (another organisation's id
 * finds nothing), with the type checked at upload (sent by `sendDownload`).
 */
export async function findEvidenceDownload(deps: Pick<EvidenceDeps, 'database'>, auth: OrgAuthContext, evidenceId: string): Promise<Download> {
  const row = await findEvidenceContent(deps.database.db, auth.organisation.id, evidenceId);
  if (!row) throw new HttpProblem(404, 'notFound');
  return { fileName: row.fileName, contentType: row.contentType, content: row.content, sha256: row.sha256 };
}
