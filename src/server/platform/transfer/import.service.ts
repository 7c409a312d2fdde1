import { createHash } from 'node:crypto';
import type { TFunction } from 'i18next';
import type { Database } from '../db/database.ts';
import { HttpProblem } from '../http/problem.ts';
import type { OrgAuthContext } from '../http/route.ts';
import { sendJob } from '../jobs/job-queue.ts';
import { defineJob, type Job } from '../jobs/job.ts';
import { mappingProblems, suggestMapping, type FieldMapping } from './header.rules.ts';
import { importStore, type ImportInfo, type StoredIssue } from './import.repository.ts';
import { runImportJob, type ImportJobData } from './import.run.ts';
import { detectFile, ImportFileError, readHeader, type DetectedFile } from './sheet.reader.ts';
import type { AnyImportRegister } from './transfer.contract.ts';

/**
 * Importing into a register: upload (stored in the database, so any instance
 * can run the work) → detected format and encoding shown, headers mapped →
 * validation (every row's problems, nothing written) → commit (one
 * transaction, all or nothing). Small files are handled within the request;
 * larger ones by a background job (pg-boss), the import row carrying status
 * and progress so the page can be left and found again.
 */

/** Files up to this size are validated and committed within the request. */
export const INLINE_IMPORT_BYTES = 256 * 1024;

/**
 * The job of a register's large imports (validation and commit). Every
 * instance runs its worker; pg-boss gives each job to one of them. A job whose
 * instance dies is expired after 15 minutes and retried once elsewhere, and
 * `runImportJob` only acts while the import is still in the state its phase
 * expects. The register's module lists it in its contract's `jobs`.
 */
export function importJob(register: AnyImportRegister): Job<ImportJobData> {
  return defineJob<ImportJobData>({
    queue: register.queue,
    options: { expireInSeconds: 15 * 60, retryLimit: 1, retryDelaySeconds: 5, pollingIntervalSeconds: 0.5 },
    handler: (data, run) => runImportJob(register, run.deps.database, data, (message, error) => run.log(`${message}: ${(error as Error)?.stack ?? String(error)}`)),
  });
}

/* ------------------------------------------------------------------ upload */

export async function uploadImport(register: AnyImportRegister, database: Database, auth: OrgAuthContext, file: { fileName: string; bytes: Buffer }, t: TFunction): Promise<ImportInfo> {
  let detected: DetectedFile;
  let header: { headers: string[] };
  const refuse = (code: string, params: Record<string, unknown> = {}) =>
    new HttpProblem(400, register.problems.file, { reason: t(`${register.messages}.fileProblems.${code}`, params as Record<string, string>) });
  try {
    detected = detectFile(file.bytes);
    header = await readHeader(file.bytes, detected);
  } catch (e) {
    if (e instanceof ImportFileError) throw refuse(e.code, e.params);
    throw e;
  }
  const headers = header.headers.map((h) => h.slice(0, 200));
  if (headers.every((h) => h === '')) throw refuse('noHeader');
  const store = importStore(register.tables);
  const id = await store.insert(database.db, {
    organisationId: auth.organisation.id,
    createdBy: auth.user.id,
    fileName: file.fileName.slice(0, 255),
    byteSize: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    format: detected.format,
    encoding: detected.format === 'csv' ? detected.encoding : null,
    content: file.bytes,
    headers,
    mapping: suggestMapping(register.fields, headers),
    status: 'uploaded',
  });
  return findImport(register, database, auth, id);
}

export async function findImport(register: AnyImportRegister, database: Database, auth: OrgAuthContext, id: string): Promise<ImportInfo> {
  const row = await importStore(register.tables).find(database.db, auth.organisation.id, id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return row;
}

export async function recentImports(register: AnyImportRegister, database: Database, auth: OrgAuthContext): Promise<ImportInfo[]> {
  return importStore(register.tables).list(database.db, auth.organisation.id);
}

/** A field's name in the reader's language ('' for none). */
export function fieldLabel(register: AnyImportRegister, t: TFunction, field: string | null): string {
  return field ? t(`${register.fieldLabels}.${field}`) : '';
}

/** One issue in the reader's language: a whole-file problem, or a row's (naming the field and the file's header). */
export function issueMessage(register: AnyImportRegister, t: TFunction, issue: Pick<StoredIssue, 'rowNumber' | 'field' | 'header' | 'code' | 'params'>): string {
  const raw = issue.params ?? {};
  const field = typeof raw.field === 'string' ? raw.field : issue.field;
  let params = { ...raw, header: issue.header ?? '', field: fieldLabel(register, t, field) } as Record<string, string>;
  const locale = (t as TFunction & { lng?: string }).lng === 'en' ? 'en' : 'ja';
  if (register.issueParams) params = register.issueParams(params, locale);
  return t(`${register.messages}.${issue.rowNumber === null ? 'fileProblems' : 'issues'}.${issue.code}`, params);
}

export async function importIssues(register: AnyImportRegister, database: Database, auth: OrgAuthContext, id: string, cursor: number, limit: number, t: TFunction) {
  const store = importStore(register.tables);
  await findImport(register, database, auth, id);
  const rows = await store.listIssues(database.db, auth.organisation.id, id, cursor, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      rowNumber: r.rowNumber,
      field: r.field,
      header: r.header,
      code: r.code,
      severity: r.severity === 'notice' ? ('notice' as const) : ('error' as const),
      message: issueMessage(register, t, r),
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].seq : null,
  };
}

/* ------------------------------------------------------- starting a phase */

async function dispatch(register: AnyImportRegister, database: Database, imp: ImportInfo, data: ImportJobData): Promise<void> {
  if (imp.byteSize <= INLINE_IMPORT_BYTES) {
    await runImportJob(register, database, data);
    return;
  }
  // This instance's worker starts at once; other instances find the job at their next poll.
  if (await sendJob(database, register.queue, data)) return;
  // No queue in this process (a test app): run after the answer, as the job would.
  setImmediate(() => void runImportJob(register, database, data).catch(() => undefined));
}

const jobData = (auth: OrgAuthContext, importId: string, phase: ImportJobData['phase'], now: Date): ImportJobData => ({
  organisationId: auth.organisation.id,
  importId,
  phase,
  actorUserId: auth.user.id,
  actorLabel: auth.user.email,
  requestedAt: now.toISOString(),
});

export async function startValidation(
  register: AnyImportRegister,
  database: Database,
  auth: OrgAuthContext,
  id: string,
  mapping: FieldMapping,
  version: number,
  t: TFunction,
  now: Date = new Date(),
): Promise<ImportInfo> {
  const store = importStore(register.tables);
  const organisationId = auth.organisation.id;
  const imp = await findImport(register, database, auth, id);
  const problems = mappingProblems(register.fields, mapping, imp.headers.length);
  if (problems.length) {
    throw new HttpProblem(
      400,
      'validation',
      {},
      problems.map((p) => ({ path: 'mapping', code: p.code, params: { ...p.params, ...(p.params.field ? { field: fieldLabel(register, t, p.params.field) } : {}) } })),
    );
  }
  const moved = await store.transition(
    database.db,
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
  if (!moved) throw new HttpProblem(409, imp.version !== version ? 'conflict' : register.problems.notReady);
  await dispatch(register, database, moved, jobData(auth, id, 'validate', now));
  return findImport(register, database, auth, id);
}

export async function startCommit(register: AnyImportRegister, database: Database, auth: OrgAuthContext, id: string, version: number, now: Date = new Date()): Promise<ImportInfo> {
  const store = importStore(register.tables);
  const organisationId = auth.organisation.id;
  const imp = await findImport(register, database, auth, id);
  if (imp.version !== version) throw new HttpProblem(409, 'conflict');
  if (imp.status !== 'validated' || imp.errorCount > 0 || !imp.hasPrepared) throw new HttpProblem(409, register.problems.notReady);
  const moved = await store.transition(
    database.db,
    { organisationId, id, from: ['validated'], version },
    { status: 'committing', phase: 'commit', progressDone: 0, progressTotal: (imp.rowCount ?? 0) * 2, problem: null },
  );
  if (!moved) throw new HttpProblem(409, 'conflict');
  await dispatch(register, database, moved, jobData(auth, id, 'commit', now));
  return findImport(register, database, auth, id);
}

export async function cancelImport(register: AnyImportRegister, database: Database, auth: OrgAuthContext, id: string, version: number): Promise<ImportInfo> {
  const imp = await findImport(register, database, auth, id);
  const moved = await importStore(register.tables).transition(
    database.db,
    { organisationId: auth.organisation.id, id, from: ['uploaded', 'validated', 'failed'], version },
    { status: 'cancelled', phase: null, content: null, prepared: null, finishedAt: new Date() },
  );
  if (!moved) throw new HttpProblem(409, imp.version !== version ? 'conflict' : register.problems.running);
  return moved;
}
