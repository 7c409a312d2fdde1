import type { FastifyRequest } from 'fastify';
import type { TEvidenceFile, TEvidenceVersion } from '../../../shared/schemas/evidence.schema.ts';
import type { DataContext } from '../db/data-context.ts';
import type { Db } from '../db/database.ts';
import { HttpProblem } from '../http/problem.ts';
import type { OrgAuthContext } from '../http/route.ts';
import { uniqueKeyAs } from '../register/register-statement.ts';
import { earlierVersions, supersedeCheck } from './evidence-version.rules.ts';
import { EVIDENCE_SUCCESSOR_KEY, findEvidenceVersion, findSuccessor, isVersionOf, listVersionsBehind, moveLink, type EvidenceSubject, type EvidenceVersionRow } from './evidence.repository.ts';
import { presentEvidence, presentVersion, readEvidenceUpload, storeUpload, type EvidenceDeps, type EvidenceUpload } from './evidence.service.ts';

/**
 * New versions of evidence files, for every module (evidence-version.rules.ts):
 * a module's route names the record's file (`evidenceVersionRoute`), its
 * service hands the record check to `uploadEvidenceVersion`; the history
 * of any file is `GET /api/v1/evidence/:evidenceId/versions`.
 */

/**
 * The file of a record that a new version would supersede: 404 unless it is
 * one of the record's files or a version behind one (another organisation's
 * id finds nothing). Checked before the upload is read, and again under a
 * lock by `supersedeEvidence`.
 */
async function expectRecordVersion(db: Db, organisationId: string, subject: EvidenceSubject, evidenceId: string, lock = false): Promise<EvidenceVersionRow> {
  const row = await findEvidenceVersion(db, organisationId, evidenceId, lock);
  if (!row || !(await isVersionOf(db, organisationId, evidenceId, subject))) throw new HttpProblem(404, 'notFound');
  return row;
}

/**
 * Stores `upload` as the next version of the record's file `previousId`,
 * inside the caller's transaction. The superseded version is locked, so of
 * two uploads at once the second finds it superseded (409); its bytes stay,
 * and records that shared it keep it. The record's link moves to the new
 * version: a record lists each file once, at its newest version, and the
 * versions behind it come with it as its history (rather than keeping links
 * to every version and listing only heads, which would also move a file
 * shared with a submitted assessment's answer). Audited as
 * `evidence.version`, with an upload's facts and the version it supersedes.
 */
export async function supersedeEvidence(tx: Db, auth: OrgAuthContext, subject: EvidenceSubject, previousId: string, upload: EvidenceUpload): Promise<TEvidenceFile> {
  const organisationId = auth.organisation.id;
  const previous = await expectRecordVersion(tx, organisationId, subject, previousId, true);
  const check = supersedeCheck({ ...previous, supersededBy: await findSuccessor(tx, organisationId, previousId) }, upload.sha256);
  if (!check.ok) throw new HttpProblem(check.status, check.code, { versionNo: String(previous.versionNo) });
  const row = await storeUpload(tx, auth, subject, upload, {
    action: 'evidence.version',
    previous,
    before: { evidenceId: previous.id, versionNo: previous.versionNo, fileName: previous.fileName, sha256: previous.sha256 },
  });
  await moveLink(tx, organisationId, previousId, row.id, subject, auth.user.id);
  return presentEvidence(row, await listVersionsBehind(tx, organisationId, [row.id]));
}

/** A second successor that got past the lock (it cannot, but the key decides): 409 as the check answers. */
const supersededAsConflict = uniqueKeyAs(EVIDENCE_SUCCESSOR_KEY, () => new HttpProblem(409, 'evidenceSuperseded'));

/**
 * A module's new-version upload, whole: the record checked by the module
 * (`expectRecord`: 404, or its own refusal, before a byte is read), the file
 * found among the record's, the upload read, then in one transaction the
 * record checked again and the version stored (`supersedeEvidence`).
 */
export async function uploadEvidenceVersion(
  ctx: DataContext,
  auth: OrgAuthContext,
  subject: EvidenceSubject,
  evidenceId: string,
  req: FastifyRequest,
  maxBytes: number,
  expectRecord: (ctx: DataContext) => Promise<unknown>,
): Promise<TEvidenceFile> {
  await expectRecord(ctx);
  await expectRecordVersion(ctx.db, auth.organisation.id, subject, evidenceId);
  const upload = await readEvidenceUpload(req, maxBytes);
  return ctx
    .transaction(async (tx) => {
      await expectRecord(tx);
      return supersedeEvidence(tx.db, auth, subject, evidenceId, upload);
    })
    .catch(supersededAsConflict);
}

/** A file's versions, newest first: the file, then the ones behind it (members only; another organisation's id finds nothing). */
export async function evidenceVersions(deps: Pick<EvidenceDeps, 'database'>, auth: OrgAuthContext, evidenceId: string): Promise<{ items: TEvidenceVersion[] }> {
  const db = deps.database.db;
  const row = await findEvidenceVersion(db, auth.organisation.id, evidenceId);
  if (!row) throw new HttpProblem(404, 'notFound');
  const behind = await listVersionsBehind(db, auth.organisation.id, [row.id]);
  return { items: [row, ...earlierVersions(behind, row)].map(presentVersion) };
}
