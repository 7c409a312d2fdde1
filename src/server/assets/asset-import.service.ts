import { createHash } from 'node:crypto';
import type { TFunction } from 'i18next';
import type { TAssetImport } from '../../shared/schemas/asset.schema.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import { sendJob } from '../platform/jobs/job-queue.ts';
import { fieldLabel, issueMessage, presentImport } from './asset-import.present.ts';
import { findImport, insertImport, listImports, listIssues, transitionImport, type AssetImportInfo } from './asset-import.repository.ts';
import { detectFile, ImportFileError, readHeader, type DetectedFile } from './asset-import.read.ts';
import { mappingProblems, suggestMapping, type ImportMapping } from './asset-import.headers.ts';
import { runImportJob, type ImportJobData } from './asset-import.run.ts';
import type { AssetDeps } from './asset.service.ts';

/**
 * Importing an inventory: upload (stored in the database, so any instance can
 * run the work) → detected format and encoding shown, headers mapped →
 * validation (every row's problems, nothing written) → commit (one
 * transaction, all or nothing). Small files are handled within the request;
 * larger ones by a background job (pg-boss), the import row carrying status
 * and progress so the page can be left and found again.
 */

/** Largest upload accepted; bigger files are refused from their Content-Length, before any byte is read. */
export const ASSET_IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Files up to this size are validated and committed within the request. */
export const INLINE_IMPORT_BYTES = 256 * 1024;
export const ASSET_IMPORT_QUEUE = 'asset-import';


/* ------------------------------------------------------------------ upload */

export async function uploadImport(deps: AssetDeps, auth: OrgAuthContext, file: { fileName: string; bytes: Buffer }, t: TFunction): Promise<TAssetImport> {
  let detected: DetectedFile;
  let header: { headers: string[] };
  try {
    detected = detectFile(file.bytes);
    header = await readHeader(file.bytes, detected);
  } catch (e) {
    if (e instanceof ImportFileError) throw new HttpProblem(400, 'assetImportFile', { reason: t(`assets.import.fileProblems.${e.code}`, e.params as Record<string, string>) });
    throw e;
  }
  const headers = header.headers.map((h) => h.slice(0, 200));
  if (headers.every((h) => h === '')) throw new HttpProblem(400, 'assetImportFile', { reason: t('assets.import.fileProblems.noHeader') });
  const { db } = deps.database;
  const id = await insertImport(db, {
    organisationId: auth.organisation.id,
    createdBy: auth.user.id,
    fileName: file.fileName.slice(0, 255),
    byteSize: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    format: detected.format,
    encoding: detected.format === 'csv' ? detected.encoding : null,
    content: file.bytes,
    headers,
    mapping: suggestMapping(headers),
    status: 'uploaded',
  });
  return getImport(deps, auth, id, t);
}

export async function getImport(deps: AssetDeps, auth: OrgAuthContext, id: string, t: TFunction): Promise<TAssetImport> {
  const row = await findImport(deps.database.db, auth.organisation.id, id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return presentImport(row, t);
}

export async function recentImports(deps: AssetDeps, auth: OrgAuthContext, t: TFunction) {
  return (await listImports(deps.database.db, auth.organisation.id)).map((r) => presentImport(r, t));
}

export async function importIssues(deps: AssetDeps, auth: OrgAuthContext, id: string, cursor: number, limit: number, t: TFunction) {
  const { db } = deps.database;
  const imp = await findImport(db, auth.organisation.id, id);
  if (!imp) throw new HttpProblem(404, 'notFound');
  const rows = await listIssues(db, auth.organisation.id, id, cursor, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      rowNumber: r.rowNumber,
      field: r.field,
      header: r.header,
      code: r.code,
      severity: r.severity === 'notice' ? ('notice' as const) : ('error' as const),
      message: issueMessage(t, r),
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].seq : null,
  };
}

/* ------------------------------------------------------- starting a phase */

async function dispatch(deps: AssetDeps, imp: AssetImportInfo, data: ImportJobData): Promise<void> {
  if (imp.byteSize <= INLINE_IMPORT_BYTES) {
    await runImportJob(deps, data);
    return;
  }
  // Retries and expiry are the queue's (asset-import.jobs.ts); this instance's worker starts at once.
  if (await sendJob(deps.database, ASSET_IMPORT_QUEUE, data)) return;
  // No queue in this process (a test app): run after the answer, as the job would.
  setImmediate(() => void runImportJob(deps, data).catch(() => undefined));
}

export async function startValidation(deps: AssetDeps, auth: OrgAuthContext, id: string, mapping: ImportMapping, version: number, t: TFunction): Promise<TAssetImport> {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const imp = await findImport(db, organisationId, id);
  if (!imp) throw new HttpProblem(404, 'notFound');
  const problems = mappingProblems(mapping, imp.headers.length);
  if (problems.length) {
    throw new HttpProblem(
      400,
      'validation',
      {},
      problems.map((p) => ({ path: 'mapping', code: p.code, params: { ...p.params, ...(p.params.field ? { field: fieldLabel(t, p.params.field) } : {}) } })),
    );
  }
  const moved = await transitionImport(
    db,
    { organisationId, id, from: ['uploaded', 'validated'], version },
    {
      status: 'validating',
      phase: 'validate',
      mapping,
      progressDone: 0,
      progressTotal: imp.byteSize,
      errorCount: 0,
      noticeCount: 0,
      newDepartments: null,
      rowCount: null,
      preview: null,
      problem: null,
      prepared: null,
    },
  );
  if (!moved) throw new HttpProblem(409, imp.version !== version ? 'conflict' : 'assetImportNotReady');
  await dispatch(deps, moved, { importId: id, phase: 'validate', actorUserId: auth.user.id, actorLabel: auth.user.email });
  return getImport(deps, auth, id, t);
}

export async function startCommit(deps: AssetDeps, auth: OrgAuthContext, id: string, version: number, t: TFunction): Promise<TAssetImport> {
  const { db } = deps.database;
  const organisationId = auth.organisation.id;
  const imp = await findImport(db, organisationId, id);
  if (!imp) throw new HttpProblem(404, 'notFound');
  if (imp.version !== version) throw new HttpProblem(409, 'conflict');
  if (imp.status !== 'validated' || imp.errorCount > 0 || !imp.hasPrepared) throw new HttpProblem(409, 'assetImportNotReady');
  const moved = await transitionImport(
    db,
    { organisationId, id, from: ['validated'], version },
    { status: 'committing', phase: 'commit', progressDone: 0, progressTotal: (imp.rowCount ?? 0) * 2, problem: null },
  );
  if (!moved) throw new HttpProblem(409, 'conflict');
  await dispatch(deps, moved, { importId: id, phase: 'commit', actorUserId: auth.user.id, actorLabel: auth.user.email });
  return getImport(deps, auth, id, t);
}

export async function cancelImport(deps: AssetDeps, auth: OrgAuthContext, id: string, version: number, t: TFunction): Promise<TAssetImport> {
  const { db } = deps.database;
  const imp = await findImport(db, auth.organisation.id, id);
  if (!imp) throw new HttpProblem(404, 'notFound');
  const moved = await transitionImport(
    db,
    { organisationId: auth.organisation.id, id, from: ['uploaded', 'validated', 'failed'], version },
    { status: 'cancelled', phase: null, content: null, prepared: null, finishedAt: new Date() },
  );
  if (!moved) throw new HttpProblem(409, imp.version !== version ? 'conflict' : 'assetImportRunning');
  return presentImport(moved, t);
}
