import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { assetImportIssues, assetImports } from './asset.table.ts';

/** Queries of import jobs, scoped by the organisation from the session (jobs pass the import's own). */

export type AssetImportRow = typeof assetImports.$inferSelect;
type NewImport = typeof assetImports.$inferInsert;

/** Every column but the file and the prepared rows (which can be tens of MB). */
const light = {
  id: assetImports.id,
  organisationId: assetImports.organisationId,
  createdBy: assetImports.createdBy,
  fileName: assetImports.fileName,
  byteSize: assetImports.byteSize,
  sha256: assetImports.sha256,
  format: assetImports.format,
  encoding: assetImports.encoding,
  headers: assetImports.headers,
  mapping: assetImports.mapping,
  status: assetImports.status,
  phase: assetImports.phase,
  progressDone: assetImports.progressDone,
  progressTotal: assetImports.progressTotal,
  rowCount: assetImports.rowCount,
  errorCount: assetImports.errorCount,
  noticeCount: assetImports.noticeCount,
  newDepartments: assetImports.newDepartments,
  preview: assetImports.preview,
  problem: assetImports.problem,
  committedCount: assetImports.committedCount,
  createdAt: assetImports.createdAt,
  updatedAt: assetImports.updatedAt,
  finishedAt: assetImports.finishedAt,
  version: assetImports.version,
  hasPrepared: sql<boolean>`(${assetImports.prepared} is not null)`,
};
export type AssetImportInfo = Omit<AssetImportRow, 'content' | 'prepared'> & { hasPrepared: boolean };

export async function insertImport(db: Db, values: NewImport): Promise<string> {
  const [row] = await db.insert(assetImports).values(values).returning({ id: assetImports.id });
  return row.id;
}

export async function findImport(db: Db, organisationId: string, id: string): Promise<AssetImportInfo | undefined> {
  const [row] = await db.select(light).from(assetImports).where(and(eq(assetImports.organisationId, organisationId), eq(assetImports.id, id)));
  return row;
}

/** For a job: the import by id alone (the job carries no session), with its file or prepared rows. */
export async function findImportForJob(db: Db, id: string, with_: 'content' | 'prepared') {
  const [row] = await db
    .select({ ...light, payload: with_ === 'content' ? assetImports.content : assetImports.prepared })
    .from(assetImports)
    .where(eq(assetImports.id, id));
  return row;
}

export async function listImports(db: Db, organisationId: string, limit = 20): Promise<AssetImportInfo[]> {
  return db.select(light).from(assetImports).where(eq(assetImports.organisationId, organisationId)).orderBy(desc(assetImports.createdAt)).limit(limit);
}

/**
 * Moves an import from one of `from` to the next state, at the version the
 * caller saw (or any version when null): null when someone else moved it first.
 */
export async function transitionImport(
  db: Db,
  where: { organisationId?: string; id: string; from: readonly string[]; version?: number | null },
  set: Partial<NewImport>,
): Promise<AssetImportInfo | null> {
  const [row] = await db
    .update(assetImports)
    .set({ ...set, updatedAt: new Date(), version: sql`${assetImports.version} + 1` })
    .where(
      and(
        eq(assetImports.id, where.id),
        where.organisationId ? eq(assetImports.organisationId, where.organisationId) : undefined,
        inArray(assetImports.status, [...where.from]),
        where.version ? eq(assetImports.version, where.version) : undefined,
      ),
    )
    .returning(light);
  return row ?? null;
}

/** Progress, written outside the job's transaction so the page sees it move. Does not bump the version. */
export async function setImportProgress(db: Db, id: string, done: number, total: number): Promise<void> {
  await db.update(assetImports).set({ progressDone: done, progressTotal: total }).where(eq(assetImports.id, id));
}

export interface IssueRow {
  rowNumber: number | null;
  field: string | null;
  header: string | null;
  code: string;
  params: Record<string, unknown> | null;
  /** 'notice' does not refuse the file (default 'error'). */
  severity?: 'error' | 'notice';
}

export async function replaceIssues(tx: Db, organisationId: string, importId: string, issues: readonly IssueRow[]): Promise<void> {
  await tx.delete(assetImportIssues).where(eq(assetImportIssues.importId, importId));
  const BATCH = 5000;
  for (let i = 0; i < issues.length; i += BATCH) {
    const batch = issues.slice(i, i + BATCH);
    const col = <T>(f: (r: IssueRow, n: number) => T) => sql.param(batch.map((r, n) => f(r, i + n)));
    await tx.execute(sql`
      insert into asset_import_issues (import_id, seq, organisation_id, row_number, field, header, code, params, severity)
      select ${importId}::uuid, u.seq, ${organisationId}::uuid, u.row_number, u.field, u.header, u.code, u.params, u.severity
        from unnest(${col((_r, n) => n + 1)}::int[], ${col((r) => r.rowNumber)}::int[], ${col((r) => r.field)}::text[],
                    ${col((r) => r.header)}::text[], ${col((r) => r.code)}::text[], ${col((r) => (r.params ? JSON.stringify(r.params) : null))}::jsonb[],
                    ${col((r) => r.severity ?? 'error')}::text[])
          as u(seq, row_number, field, header, code, params, severity)`);
  }
}

export async function listIssues(db: Db, organisationId: string, importId: string, afterSeq: number, limit: number) {
  return db
    .select()
    .from(assetImportIssues)
    .where(and(eq(assetImportIssues.organisationId, organisationId), eq(assetImportIssues.importId, importId), gt(assetImportIssues.seq, afterSeq)))
    .orderBy(asc(assetImportIssues.seq))
    .limit(limit);
}
