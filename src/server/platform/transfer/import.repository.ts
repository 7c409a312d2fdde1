import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { nextVersion } from '../db/columns.ts';
import type { Db } from '../db/database.ts';

/**
 * Queries of a register's imports and their issues. Every statement is
 * scoped by organisation: from the session for a request, from the job's own
 * data for a job (which carries no session), never by import id alone.
 *
 * A register brings its own pair of tables with these columns (the asset
 * register's are `asset_imports` and `asset_import_issues`), so each
 * register's imports stay beside its records and cascade with them.
 */

type Columns<K extends string> = { [k in K]: AnyPgColumn };

export type ImportTable = PgTable &
  Columns<
    | 'id'
    | 'organisationId'
    | 'createdBy'
    | 'fileName'
    | 'byteSize'
    | 'sha256'
    | 'format'
    | 'encoding'
    | 'content'
    | 'prepared'
    | 'headers'
    | 'mapping'
    | 'status'
    | 'phase'
    | 'progressDone'
    | 'progressTotal'
    | 'rowCount'
    | 'errorCount'
    | 'noticeCount'
    | 'newDepartments'
    | 'preview'
    | 'problem'
    | 'committedCount'
    | 'createdAt'
    | 'updatedAt'
    | 'finishedAt'
    | 'version'
  >;
export type IssueTable = PgTable & Columns<'importId' | 'seq' | 'organisationId' | 'rowNumber' | 'field' | 'header' | 'severity' | 'code' | 'params'>;
export interface ImportTables {
  imports: ImportTable;
  issues: IssueTable;
}

/** An import as the pipeline reads it: every column but the file and the prepared rows (which can be tens of MB). */
export interface ImportInfo {
  id: string;
  organisationId: string;
  createdBy: string | null;
  fileName: string;
  byteSize: number;
  sha256: string;
  format: string;
  encoding: string | null;
  headers: string[];
  mapping: Record<string, string | null>;
  status: string;
  phase: string | null;
  progressDone: number;
  progressTotal: number;
  rowCount: number | null;
  errorCount: number;
  noticeCount: number;
  newDepartments: string[] | null;
  preview: unknown[] | null;
  problem: { code: string; params?: Record<string, unknown> } | null;
  committedCount: number | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  version: number;
  hasPrepared: boolean;
}

/** What a state change may set (the file and prepared rows included). */
export type ImportChange = Partial<Omit<ImportInfo, 'id' | 'organisationId' | 'hasPrepared'>> & { content?: Buffer | null; prepared?: Buffer | null };
export type NewImport = Omit<ImportChange, 'version'> & Pick<ImportInfo, 'organisationId' | 'fileName' | 'byteSize' | 'sha256' | 'format' | 'headers' | 'mapping' | 'status'>;

export interface IssueRow {
  rowNumber: number | null;
  field: string | null;
  header: string | null;
  code: string;
  params: Record<string, unknown> | null;
  /** 'notice' does not refuse the file (default 'error'). */
  severity?: 'error' | 'notice';
}

export interface StoredIssue extends IssueRow {
  seq: number;
  severity: 'error' | 'notice';
}

const LIGHT_KEYS = [
  'id',
  'organisationId',
  'createdBy',
  'fileName',
  'byteSize',
  'sha256',
  'format',
  'encoding',
  'headers',
  'mapping',
  'status',
  'phase',
  'progressDone',
  'progressTotal',
  'rowCount',
  'errorCount',
  'noticeCount',
  'newDepartments',
  'preview',
  'problem',
  'committedCount',
  'createdAt',
  'updatedAt',
  'finishedAt',
  'version',
] as const;

function light(t: ImportTable): Record<string, AnyPgColumn | SQL> {
  const columns: Record<string, AnyPgColumn | SQL> = Object.fromEntries(LIGHT_KEYS.map((k) => [k, t[k]]));
  columns.hasPrepared = sql<boolean>`(${t.prepared} is not null)`;
  return columns;
}

const ISSUE_BATCH = 5000;

/** The queries over one register's tables. */
export function importStore({ imports: t, issues: it }: ImportTables) {
  const scoped = (organisationId: string, id: string) => and(eq(t.organisationId, organisationId), eq(t.id, id));
  return {
    async insert(db: Db, values: NewImport): Promise<string> {
      const [row] = await db.insert(t).values(values as never).returning({ id: t.id });
      return (row as { id: string }).id;
    },

    async find(db: Db, organisationId: string, id: string): Promise<ImportInfo | undefined> {
      const [row] = await db.select(light(t)).from(t).where(scoped(organisationId, id));
      return row as unknown as ImportInfo | undefined;
    },

    /** For a job: the import of the job's organisation, with its file or its prepared rows. */
    async findWithPayload(db: Db, organisationId: string, id: string, with_: 'content' | 'prepared'): Promise<(ImportInfo & { payload: Buffer | null }) | undefined> {
      const [row] = await db
        .select({ ...light(t), payload: with_ === 'content' ? t.content : t.prepared })
        .from(t)
        .where(scoped(organisationId, id));
      return row as (ImportInfo & { payload: Buffer | null }) | undefined;
    },

    async list(db: Db, organisationId: string, limit = 20): Promise<ImportInfo[]> {
      return (await db.select(light(t)).from(t).where(eq(t.organisationId, organisationId)).orderBy(desc(t.createdAt)).limit(limit)) as unknown as ImportInfo[];
    },

    /**
     * Moves an import from one of `from` to the next state, at the version the
     * caller saw (or any version when null): null when someone else moved it first.
     */
    async transition(
      db: Db,
      where: { organisationId: string; id: string; from: readonly string[]; version?: number | null },
      set: ImportChange,
    ): Promise<ImportInfo | null> {
      const [row] = await db
        .update(t)
        .set({ ...set, ...nextVersion(t) } as never)
        .where(and(scoped(where.organisationId, where.id), inArray(t.status, [...where.from]), where.version ? eq(t.version, where.version) : undefined))
        .returning(light(t));
      return (row as unknown as ImportInfo | undefined) ?? null;
    },

    /** Progress, written outside the job's transaction so the page sees it move. Does not bump the version. */
    async setProgress(db: Db, organisationId: string, id: string, done: number, total: number): Promise<void> {
      await db.update(t).set({ progressDone: done, progressTotal: total } as never).where(scoped(organisationId, id));
    },

    async replaceIssues(tx: Db, organisationId: string, importId: string, issues: readonly IssueRow[]): Promise<void> {
      await tx.delete(it).where(and(eq(it.organisationId, organisationId), eq(it.importId, importId)));
      for (let i = 0; i < issues.length; i += ISSUE_BATCH) {
        const batch = issues.slice(i, i + ISSUE_BATCH);
        const col = <T>(f: (r: IssueRow, n: number) => T) => sql.param(batch.map((r, n) => f(r, i + n)));
        await tx.execute(sql`
          insert into ${it} (import_id, seq, organisation_id, row_number, field, header, code, params, severity)
          select ${importId}::uuid, u.seq, ${organisationId}::uuid, u.row_number, u.field, u.header, u.code, u.params, u.severity
            from unnest(${col((_r, n) => n + 1)}::int[], ${col((r) => r.rowNumber)}::int[], ${col((r) => r.field)}::text[],
                        ${col((r) => r.header)}::text[], ${col((r) => r.code)}::text[], ${col((r) => (r.params ? JSON.stringify(r.params) : null))}::jsonb[],
                        ${col((r) => r.severity ?? 'error')}::text[])
              as u(seq, row_number, field, header, code, params, severity)`);
      }
    },

    async listIssues(db: Db, organisationId: string, importId: string, afterSeq: number, limit: number): Promise<StoredIssue[]> {
      return (await db
        .select({ seq: it.seq, rowNumber: it.rowNumber, field: it.field, header: it.header, code: it.code, params: it.params, severity: it.severity })
        .from(it)
        .where(and(eq(it.organisationId, organisationId), eq(it.importId, importId), gt(it.seq, afterSeq)))
        .orderBy(asc(it.seq))
        .limit(limit)) as StoredIssue[];
    },
  };
}

export type ImportStore = ReturnType<typeof importStore>;
