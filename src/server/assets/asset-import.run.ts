import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { yenToThousandYen } from '../../shared/assets/asset-money.ts';
import type { TAssetImport, TImportField } from '../../shared/schemas/asset.schema.ts';
import { appendAudit } from '../platform/audit/audit.repository.ts';
import type { Db } from '../platform/db/database.ts';
import { assetClassifications, choiceIndex } from './asset-catalog.ts';
import { findImportForJob, replaceIssues, setImportProgress, transitionImport, type IssueRow } from './asset-import.repository.ts';
import { detectFile, ImportFileError, readRows } from './asset-import.read.ts';
import { NOTICE_CODES, type Cell, type RowIssue } from './asset-import.cells.ts';
import { type ImportMapping } from './asset-import.headers.ts';
import { fieldColumns, isEmptyRow, isTotalsRow, newRowState, totalsRowIssue, memberNameKey, nameKey, validateRow, type ImportLookups, type ImportMember, toColumns, type PreparedAsset, type PreparedColumns } from './asset-import.rules.ts';
import { listDepartments } from '../platform/orgs/department.repository.ts';
import { departmentKey } from '../platform/orgs/department.rules.ts';
import { resolveDepartments } from '../platform/orgs/department.service.ts';
import { listMembers } from '../platform/orgs/organisation.repository.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { existingNameKeys, insertPreparedAssets } from './asset-bulk.repository.ts';
import type { AssetDeps } from './asset.service.ts';

/**
 * The work of an import, run by the job (or within the request for a small
 * file): validating every row of the stored file, and committing the
 * prepared rows in one transaction. The requests that start it are in
 * asset-import.service.ts.
 */

/** Issues kept per import (all are counted); beyond this the file is too broken to list. */
export const MAX_STORED_ISSUES = 50_000;
export const PREVIEW_ROWS = 20;

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

export interface ImportJobData {
  importId: string;
  phase: 'validate' | 'commit';
  actorUserId: string;
  actorLabel: string;
}

/* -------------------------------------------------------------- the work */

/** One query after another: inside a transaction they share one connection. */
async function importLookups(db: Db, organisationId: string): Promise<ImportLookups> {
  const members = await listMembers(db, organisationId);
  const classifications = await assetClassifications(db, organisationId);
  const existingNames = await existingNameKeys(DataContext.ofJob({ db }, organisationId, { userId: null, label: null }));
  const departments = await listDepartments(db, organisationId);
  const membersByEmail = new Map<string, ImportMember>();
  const membersByName = new Map<string, ImportMember[]>();
  for (const m of members) {
    membersByEmail.set(m.email.toLowerCase(), m);
    const key = memberNameKey(m.displayName);
    membersByName.set(key, [...(membersByName.get(key) ?? []), m]);
  }
  return {
    membersByEmail,
    membersByName,
    assetClasses: choiceIndex(classifications.assetClasses),
    informationGroups: choiceIndex(classifications.informationGroups),
    riskCategories: choiceIndex(classifications.riskCategories),
    existingNames,
    departmentsByKey: new Map(departments.map((d) => [d.nameKey, { id: d.id, name: d.name }])),
  };
}

/** Writes progress at most every 300 ms. */
function progressWriter(db: Db, id: string) {
  let last = 0;
  let pending: Promise<void> = Promise.resolve();
  return (done: number, total: number, force = false) => {
    const now = Date.now();
    if (!force && now - last < 300) return pending;
    last = now;
    pending = setImportProgress(db, id, done, total).catch(() => undefined);
    return pending;
  };
}

const cellText = (c: Cell): string | null => (c === null ? null : typeof c === 'object' ? `=${c.formula}` : String(c));

interface ValidationResult {
  rows: PreparedAsset[];
  issues: IssueRow[];
  /** Errors only: any refuses the file. */
  issueCount: number;
  noticeCount: number;
  /** Departments the file names that the commit will create. */
  newDepartments: string[];
  rowCount: number;
  preview: NonNullable<TAssetImport['preview']>;
}

/** Reads the whole file through the row rules. Pure apart from progress reporting. */
export async function validateImportFile(
  bytes: Buffer,
  headers: readonly string[],
  mapping: ImportMapping,
  lookups: ImportLookups,
  onProgress?: (bytesRead: number) => void,
): Promise<ValidationResult> {
  const columns = fieldColumns(mapping);
  const mapped = new Set(Object.entries(mapping).filter(([, f]) => f).map(([c]) => Number(c)));
  const state = newRowState();
  const result: ValidationResult = { rows: [], issues: [], issueCount: 0, noticeCount: 0, newDepartments: [], rowCount: 0, preview: [] };
  const headerOf = (column: number | null) => (column === null ? null : (headers[column] ?? null));
  const push = (i: IssueRow) => {
    if (i.severity === 'notice') result.noticeCount++;
    else result.issueCount++;
    if (result.issues.length < MAX_STORED_ISSUES) result.issues.push(i);
  };
  try {
    const detected = detectFile(bytes);
    let sawHeader = false;
    for await (const row of readRows(bytes, detected, onProgress)) {
      if (isEmptyRow(row.cells)) continue;
      if (!sawHeader) {
        sawHeader = true;
        continue;
      }
      const toRow = (i: RowIssue): IssueRow => ({
        rowNumber: i.rowNumber,
        field: i.field,
        header: headerOf(i.column),
        code: i.code,
        params: i.params ?? null,
        severity: i.severity ?? (NOTICE_CODES.has(i.code) ? 'notice' : 'error'),
      });
      if (isTotalsRow(row.cells, columns)) {
        push(toRow(totalsRowIssue(row.cells, row.rowNumber, columns, state)));
        continue;
      }
      result.rowCount++;
      const { asset, issues } = validateRow(row.cells, row.rowNumber, columns, lookups, state, mapped, headers.length);
      for (const i of issues) push(toRow(i));
      if (asset) result.rows.push(asset);
      if (result.preview.length < PREVIEW_ROWS) {
        const values: Record<string, string | null> = {};
        for (const [field, column] of Object.entries(columns) as [TImportField, number][]) values[field] = cellText(row.cells[column] ?? null);
        if (asset) {
          values.totalValueYen = (BigInt(asset.records) * BigInt(asset.unitValueYen)).toString();
          values.unitValueThousandYen = yenToThousandYen(BigInt(asset.unitValueYen));
        }
        result.preview.push({ rowNumber: row.rowNumber, values, valid: !!asset });
      }
    }
    result.newDepartments = [...state.newDepartments.values()];
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

async function runValidation(deps: AssetDeps, data: ImportJobData): Promise<void> {
  const { db } = deps.database;
  const imp = await findImportForJob(db, data.importId, 'content');
  if (!imp || imp.status !== 'validating' || !imp.payload) return;
  const progress = progressWriter(db, imp.id);
  const lookups = await importLookups(db, imp.organisationId);
  const result = await validateImportFile(imp.payload, imp.headers, imp.mapping as ImportMapping, lookups, (n) => void progress(n, imp.byteSize));
  const prepared = result.issueCount === 0 ? await gzip(Buffer.from(JSON.stringify(toColumns(result.rows)))) : null;
  await db.transaction(async (tx) => {
    await replaceIssues(tx, imp.organisationId, imp.id, result.issues);
    await transitionImport(
      tx,
      { id: imp.id, from: ['validating'] },
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

/** What changed since validation (a member left, a name was taken, a catalog item unloaded), per row. */
function recheck(rows: PreparedColumns, lookups: ImportLookups): IssueRow[] {
  const owners = new Set([...lookups.membersByEmail.values()].map((m) => m.userId));
  const ids = (m: Map<string, string>) => new Set(m.values());
  const catalog: [keyof PreparedColumns, string, Set<string>][] = [
    ['assetClassId', 'assetClass', ids(lookups.assetClasses)],
    ['informationGroupId', 'informationGroup', ids(lookups.informationGroups)],
    ['riskCategoryId', 'riskCategory', ids(lookups.riskCategories)],
  ];
  const issues: IssueRow[] = [];
  for (let i = 0; i < rows.name.length; i++) {
    const at = { rowNumber: rows.rowNumber[i], header: null };
    const owner = rows.ownerUserId[i];
    if (owner && !owners.has(owner)) issues.push({ ...at, field: 'owner', code: 'changedOwner', params: null });
    if (lookups.existingNames.has(nameKey(rows.name[i]))) issues.push({ ...at, field: 'name', code: 'duplicateExisting', params: { value: rows.name[i].slice(0, 80) } });
    for (const [key, field, valid] of catalog) {
      const id = rows[key][i] as string | null;
      if (id && !valid.has(id)) issues.push({ ...at, field, code: 'changedCatalog', params: null });
    }
  }
  return issues;
}

class ChangedSinceValidation extends Error {
  constructor(readonly issues: IssueRow[]) {
    super('changed since validation');
  }
}

async function runCommit(deps: AssetDeps, data: ImportJobData): Promise<void> {
  const { db } = deps.database;
  const imp = await findImportForJob(db, data.importId, 'prepared');
  if (!imp || imp.status !== 'committing') return;
  if (!imp.payload) {
    await transitionImport(db, { id: imp.id, from: ['committing'] }, { status: 'failed', phase: null, problem: { code: 'notValidated' }, finishedAt: new Date() });
    return;
  }
  const rows = JSON.parse((await gunzip(imp.payload)).toString('utf8')) as PreparedColumns;
  const count = rows.name.length;
  const total = count * 2;
  const progress = progressWriter(db, imp.id);
  void progress(count, total, true);
  try {
    await db.transaction(async (tx) => {
      const lookups = await importLookups(tx, imp.organisationId);
      const changes = recheck(rows, lookups);
      if (changes.length) throw new ChangedSinceValidation(changes);
      const owners = rows.ownerDepartment ?? [];
      const departments = await resolveDepartments(tx, imp.organisationId, owners.filter((d): d is string => !!d), { userId: data.actorUserId, label: data.actorLabel });
      const departmentIds = rows.name.map((_n, i) => (owners[i] ? (departments.byKey.get(departmentKey(owners[i]!))?.id ?? null) : null));
      const ctx = DataContext.ofJob({ db: tx }, imp.organisationId, { userId: data.actorUserId, label: data.actorLabel });
      await insertPreparedAssets(ctx, rows, departmentIds, imp.id, (n) => progress(count + n, total));
      await appendAudit(tx, {
        organisationId: imp.organisationId,
        actorUserId: data.actorUserId,
        actorLabel: data.actorLabel,
        action: 'asset.import',
        entityType: 'asset-import',
        entityId: imp.id,
        after: { fileName: imp.fileName, sha256: imp.sha256, format: imp.format, encoding: imp.encoding, count, departmentsCreated: departments.created },
      });
      const done = await transitionImport(
        tx,
        { id: imp.id, from: ['committing'] },
        { status: 'committed', phase: null, committedCount: count, content: null, prepared: null, progressDone: total, progressTotal: total, finishedAt: new Date() },
      );
      // Cancelled or taken over meanwhile: write nothing.
      if (!done) throw new Error('import no longer committing');
    });
  } catch (e) {
    const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pg = err.code ? err : err.cause;
    let issues: IssueRow[] | null = null;
    if (e instanceof ChangedSinceValidation) issues = e.issues;
    else if (pg?.code === '23505' && pg.constraint === 'assets_org_name_key') issues = [{ rowNumber: null, field: 'name', header: null, code: 'changedNames', params: null }];
    if (!issues) throw e;
    await db.transaction(async (tx) => {
      await replaceIssues(tx, imp.organisationId, imp.id, issues.slice(0, MAX_STORED_ISSUES));
      await transitionImport(
        tx,
        { id: imp.id, from: ['committing'] },
        { status: 'validated', phase: null, errorCount: issues.length, noticeCount: 0, prepared: null, problem: { code: 'changedSinceValidation' }, progressDone: 0, progressTotal: 0 },
      );
    });
  }
}

/**
 * The job (or the in-request run of a small file). Idempotent: it acts only
 * while the import is still in the state its phase expects, so a job run twice
 * (an instance died, pg-boss retried) does the work once.
 */
export async function runImportJob(deps: AssetDeps, data: ImportJobData, log?: (message: string, error: unknown) => void): Promise<void> {
  try {
    if (data.phase === 'validate') await runValidation(deps, data);
    else await runCommit(deps, data);
  } catch (e) {
    log?.(`asset import ${data.importId} (${data.phase}) failed`, e);
    await transitionImport(
      deps.database.db,
      { id: data.importId, from: [data.phase === 'validate' ? 'validating' : 'committing'] },
      { status: 'failed', phase: null, problem: { code: 'unexpected' }, finishedAt: new Date() },
    ).catch(() => undefined);
  }
}
