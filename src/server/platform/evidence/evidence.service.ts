import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { TEvidenceFile } from '../../../shared/schemas/evidence.schema.ts';
import { memberActor } from '../audit/audit-actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Db } from '../db/database.ts';
import type { Download } from '../http/download.ts';
import { HttpProblem } from '../http/problem.ts';
import { uploadFileName, type OrgAuthContext } from '../http/route.ts';
import { checkEvidence, safeFileName } from './evidence.rules.ts';
import {
  findEvidenceContent,
  insertEvidenceFile,
  linkEvidence,
  listEvidenceOf,
  unlinkEvidence,
  type EvidenceListRow,
  type EvidenceSubject,
} from './evidence.repository.ts';

/**
 * Evidence files for every module: read an upload (multipart, one file),
 * check it, store it and link it to the module's record in the module's
 * transaction (with its audit entry), list the files of records, serve a
 * download to members only. A module's upload route is declared with
 * `rawBody: true` (multipart is parsed only for those routes, see http/app.ts).
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

const MULTIPART_CODES: Record<string, [number, string]> = {
  FST_REQ_FILE_TOO_LARGE: [413, 'evidenceTooLarge'],
  FST_FILES_LIMIT: [400, 'evidenceOneFile'],
  FST_PARTS_LIMIT: [400, 'evidenceOneFile'],
  FST_FIELDS_LIMIT: [400, 'evidenceOneFile'],
  FST_PROTO_VIOLATION: [400, 'badRequest'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'evidenceMultipartRequired'],
  FST_MP_PREMATURE_CLOSE: [400, 'badRequest'],
};

/**
 * The one file of a multipart/form-data request (field name free), read into
 * memory up to the limit, then checked against the allow-list by its name and
 * its bytes. Any problem is a translated 4xx, and nothing is stored.
 */
export async function readEvidenceUpload(req: FastifyRequest, maxBytes: number): Promise<EvidenceUpload> {
  const limitMb = String(Math.round((maxBytes / 1024 / 1024) * 10) / 10);
  if (typeof req.isMultipart !== 'function' || !req.isMultipart()) throw new HttpProblem(415, 'evidenceMultipartRequired');
  let part;
  let content: Buffer;
  try {
    part = await req.file({ limits: { fileSize: maxBytes } });
    if (!part) throw new HttpProblem(400, 'evidenceMissing');
    content = await part.toBuffer();
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    const mapped = MULTIPART_CODES[(error as { code?: string }).code ?? ''];
    if (mapped) throw new HttpProblem(mapped[0], mapped[1], { limitMb });
    // A malformed body (bad boundary, truncated stream) is the client's problem, not the server's.
    throw new HttpProblem(400, 'badRequest');
  }
  if (part.file.truncated || content.length > maxBytes) throw new HttpProblem(413, 'evidenceTooLarge', { limitMb });
  const fileName = safeFileName(uploadFileName(part.filename, ''));
  const check = checkEvidence(fileName, content);
  if (!check.ok) throw new HttpProblem(check.code === 'evidenceEmpty' ? 400 : 415, check.code, check.params ?? {});
  return { fileName, contentType: check.contentType, content, sha256: createHash('sha256').update(content).digest('hex') };
}

export const evidenceUrl = (id: string) => `/api/v1/evidence/${id}`;

export function presentEvidence(row: Pick<EvidenceListRow, 'id' | 'fileName' | 'contentType' | 'sizeBytes' | 'uploadedAt' | 'uploadedByLabel'>): TEvidenceFile {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedByLabel,
    downloadUrl: evidenceUrl(row.id),
  };
}

/**
 * Stores the file and links it to the record, inside the caller's
 * transaction, with an `evidence.upload` audit entry naming the record.
 */
export async function attachEvidence(tx: Db, auth: OrgAuthContext, subject: EvidenceSubject, upload: EvidenceUpload): Promise<TEvidenceFile> {
  const organisationId = auth.organisation.id;
  const row = await insertEvidenceFile(tx, {
    organisationId,
    fileName: upload.fileName,
    contentType: upload.contentType,
    sha256: upload.sha256,
    content: upload.content,
    uploadedBy: auth.user.id,
    uploadedByLabel: auth.user.displayName,
  });
  await linkEvidence(tx, organisationId, [row.id], subject, auth.user.id);
  await appendAudit(tx, {
    ...memberActor(auth),
    action: 'evidence.upload',
    entityType: 'evidence',
    entityId: row.id,
    after: { fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: upload.sha256, subjectType: subject.type, subjectId: subject.id },
  });
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
    after: { fileDeleted: result.deleted },
  });
}

/** Files of many records of one type: record id → files. */
export async function evidenceBySubject(db: Db, organisationId: string, subjectType: string, subjectIds: readonly string[]): Promise<Map<string, TEvidenceFile[]>> {
  const rows = await listEvidenceOf(db, organisationId, subjectType, subjectIds);
  const out = new Map<string, TEvidenceFile[]>();
  for (const row of rows) out.set(row.subjectId, [...(out.get(row.subjectId) ?? []), presentEvidence(row)]);
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
