import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { DataContext } from '../db/data-context.ts';
import type { Database, Db } from '../db/database.ts';
import { fieldColumns, type FieldMapping } from './header.rules.ts';
import { importStore, type ImportStore, type IssueRow } from './import.repository.ts';
import { detectFile, ImportFileError, isEmptyRow, readRows, type Cell } from './sheet.reader.ts';
import { RowsChangedError, type AnyImportRegister, type RowIssue } from './transfer.contract.ts';

/**
 * The work of an import, run by the job (or within the request for a small
 * file): validating every row of the stored file through the register's
 * `readRow`, and committing the prepared rows in one transaction through its
 * `commitRows`. The requests that start it are in import.service.ts.
 */

/** Issues kept per import (all are counted); beyond this the file is too broken to list. */
export const MAX_STORED_ISSUES = 50_000;
export const PREVIEW_ROWS = 20;

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

export interface ImportJobData {
  /** The import's organisation: every query of the job is scoped by it. */
  organisationId: string;
  importId: string;
  phase: 'validate' | 'commit';
  actorUserId: string;
  actorLabel: string;
  /** When the step was asked for (the server's clock): the rules that count time judge the rows as of then. Absent from jobs queued before it was added. */
  requestedAt?: string;
}

/** The instant a step's rules count time from. */
export const stepTime = (data: ImportJobData): Date => (data.requestedAt ? new Date(data.requestedAt) : new Date());

/** The context the register's hooks work through: the import's organisation, and the member who asked for the step. */
const jobContext = (database: Pick<Database, 'db'>, data: ImportJobData): DataContext =>
  DataContext.ofJob(database, data.organisationId, { userId: data.actorUserId, label: data.actorLabel });

/** Writes progress at most every 300 ms. */
function progressWriter(store: ImportStore, db: Db, organisationId: string, id: string) {
  let last = 0;
  let pending: Promise<void> = Promise.resolve();
  return (done: number, total: number, force = false) => {
    const now = Date.now();
    if (!force && now - last < 300) return pending;
    last = now;
    pending = store.setProgress(db, organisationId, id, done, total).catch(() => undefined);
    return pending;
  };
}

const cellText = (c: Cell): string | null => (c === null ? null : typeof c === 'object' ? `=${c.formula}` : String(c));

export interface PreviewRow {
  rowNumber: number;
  values: Record<string, string | null>;
  valid: boolean;
}

export interface ValidationResult<Row> {
  rows: Row[];
  issues: IssueRow[];
  /** Errors only: any refuses the file. */
  issueCount: number;
  noticeCount: number;
  /** Departments the file names that the commit will create. */
  newDepartments: string[];
  rowCount: number;
  preview: PreviewRow[];
}

/** Reads the whole file through the register's row rules. Pure apart from progress reporting. */
export async function validateImportFile<Row, Lookups>(
  register: AnyImportRegister,
  bytes: Buffer,
  headers: readonly string[],
  mapping: FieldMapping,
  lookups: Lookups,
  onProgress?: (bytesRead: number) => void,
): Promise<ValidationResult<Row>> {
  const columns = fieldColumns(mapping) as Record<string, number>;
  const mapped = new Set(Object.entries(mapping).filter(([, f]) => f).map(([c]) => Number(c)));
  const ctx = { columns, mapped, headerCount: headers.length, lookups, state: register.newState() };
  const result: ValidationResult<Row> = { rows: [], issues: [], issueCount: 0, noticeCount: 0, newDepartments: [], rowCount: 0, preview: [] };
  const headerOf = (column: number | null) => (column === null ? null : (headers[column] ?? null));
  const notices = register.noticeCodes ?? new Set<string>();
  const push = (i: IssueRow) => {
    if (i.severity === 'notice') result.noticeCount++;
    else result.issueCount++;
    if (result.issues.length < MAX_STORED_ISSUES) result.issues.push(i);
  };
  const toRow = (i: RowIssue): IssueRow => ({
    rowNumber: i.rowNumber,
    field: i.field,
    header: headerOf(i.column),
    code: i.code,
    params: i.params ?? null,
    severity: i.severity ?? (notices.has(i.code) ? 'notice' : 'error'),
  });
  try {
    const detected = detectFile(bytes);
    let sawHeader = false;
    for await (const row of readRows(bytes, detected, onProgress)) {
      if (isEmptyRow(row.cells)) continue;
      if (!sawHeader) {
        sawHeader = true;
        continue;
      }
      const verdict = register.readRow(row.cells, row.rowNumber, ctx);
      for (const i of verdict.issues) push(toRow(i));
      if (verdict.kind === 'skip') continue;
      result.rowCount++;
      if (verdict.row) result.rows.push(verdict.row as Row);
      if (result.preview.length < PREVIEW_ROWS) {
        const values: Record<string, string | null> = {};
        for (const [field, column] of Object.entries(columns)) values[field] = cellText(row.cells[column] ?? null);
        if (verdict.row && register.previewValues) Object.assign(values, register.previewValues(verdict.row));
        result.preview.push({ rowNumber: row.rowNumber, values, valid: !!verdict.row });
      }
    }
    result.newDepartments = register.summary?.(ctx.state).newDepartments ?? [];
    if (result.rowCount === 0) push({ rowNumber: null, field: null, header: null, code: sawHeader ? 'noRows' : 'empty', params: null });
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    // Listed first and always kept: a file cut off at the row cap has usually filled the list with row issues by then.
    result.issueCount++;
    result.issues.unshift({ rowNumber: null, field: null, header: null, code: e.code, params: e.params, severity: 'error' });
    result.issues.length = Math.min(result.issues.length, MAX_STORED_ISSUES);
  }
  return result;
}

async function runValidation(register: AnyImportRegister, database: Database, data: ImportJobData): Promise<void> {
  const { db } = database;
  const store = importStore(register.tables);
  const imp = await store.findWithPayload(db, data.organisationId, data.importId, 'content');
  if (!imp || imp.status !== 'validating' || !imp.payload) return;
  const progress = progressWriter(store, db, imp.organisationId, imp.id);
  const lookups = await register.loadLookups(jobContext(database, data), stepTime(data));
  const result = await validateImportFile(register, imp.payload, imp.headers, imp.mapping, lookups, (n) => void progress(n, imp.byteSize));
  const prepared = result.issueCount === 0 ? await gzip(Buffer.from(JSON.stringify(register.pack(result.rows)))) : null;
  await db.transaction(async (tx) => {
    await store.replaceIssues(tx, imp.organisationId, imp.id, result.issues);
    await store.transition(
      tx,
      { organisationId: imp.organisationId, id: imp.id, from: ['validating'] },
      {
        status: 'validated',
        phase: null,
        rowCount: result.rowCount,
        errorCount: result.issueCount,
        noticeCount: result.noticeCount,
        newDepartments: result.newDepartments,
        preview: result.preview,
        prepared,
        progressDone: imp.byteSize,
        progressTotal: imp.byteSize,
      },
    );
  });
}

async function runCommit(register: AnyImportRegister, database: Database, data: ImportJobData): Promise<void> {
  const { db } = database;
  const store = importStore(register.tables);
  const organisationId = data.organisationId;
  const imp = await store.findWithPayload(db, organisationId, data.importId, 'prepared');
  if (!imp || imp.status !== 'committing') return;
  const at = { organisationId, id: imp.id, from: ['committing'] };
  if (!imp.payload) {
    await store.transition(db, at, { status: 'failed', phase: null, problem: { code: 'notValidated' }, finishedAt: new Date() });
    return;
  }
  const packed: unknown = JSON.parse((await gunzip(imp.payload)).toString('utf8'));
  const count = register.count(packed);
  const total = count * 2;
  const progress = progressWriter(store, db, organisationId, imp.id);
  void progress(count, total, true);
  try {
    await db.transaction(async (tx) => {
      const ctx = jobContext({ db: tx }, data);
      const extra = await register.commitRows({ ctx, importId: imp.id, now: stepTime(data), progress: (n) => progress(count + n, total) }, packed);
      await ctx.audit({
        action: register.audit.action,
        entityType: register.audit.entityType,
        entityId: imp.id,
        after: { fileName: imp.fileName, sha256: imp.sha256, format: imp.format, encoding: imp.encoding, count, ...extra },
      });
      const done = await store.transition(tx, at, {
        status: 'committed',
        phase: null,
        committedCount: count,
        content: null,
        prepared: null,
        progressDone: total,
        progressTotal: total,
        finishedAt: new Date(),
      });
      // Cancelled or taken over meanwhile: write nothing.
      if (!done) throw new Error('import no longer committing');
    });
  } catch (e) {
    const issues = e instanceof RowsChangedError ? e.issues : (register.commitConflict?.(e) ?? null);
    if (!issues) throw e;
    await db.transaction(async (tx) => {
      await store.replaceIssues(tx, organisationId, imp.id, issues.slice(0, MAX_STORED_ISSUES));
      await store.transition(tx, at, {
        status: 'validated',
        phase: null,
        errorCount: issues.length,
        noticeCount: 0,
        prepared: null,
        problem: { code: 'changedSinceValidation' },
        progressDone: 0,
        progressTotal: 0,
      });
    });
  }
}

/**
 * The job (or the in-request run of a small file). Idempotent: it acts only
 * while the import is still in the state its phase expects, so a job run twice
 * (an instance died, pg-boss retried) does the work once.
 */
export async function runImportJob(register: AnyImportRegister, database: Database, data: ImportJobData, log?: (message: string, error: unknown) => void): Promise<void> {
  try {
    if (data.phase === 'validate') await runValidation(register, database, data);
    else await runCommit(register, database, data);
  } catch (e) {
    log?.(`${register.queue} ${data.importId} (${data.phase}) failed`, e);
    await importStore(register.tables)
      .transition(
        database.db,
        { organisationId: data.organisationId, id: data.importId, from: [data.phase === 'validate' ? 'validating' : 'committing'] },
        { status: 'failed', phase: null, problem: { code: 'unexpected' }, finishedAt: new Date() },
      )
      .catch(() => undefined);
  }
}
