import type { DataContext } from '../db/data-context.ts';
import type { FieldMapping, TransferField } from './header.rules.ts';
import type { ImportTables, IssueRow } from './import.repository.ts';
import type { Cell } from './sheet.reader.ts';

/**
 * What a register gives the import pipeline: its field list, its tables and
 * queue, and the hooks that know its records (read a row, write the rows).
 * The pipeline does the rest: the upload, the file's format and encoding,
 * header matching, the per-row report, the job with its progress, and the
 * all-or-nothing commit.
 */

/** A problem with one row (or, with `field`, one cell of it); `code` names a message under the register's `issues`. */
export interface RowIssue<F extends string = string> {
  rowNumber: number;
  field: F | null;
  /** The file's column (0-based), for the header shown beside the message. */
  column: number | null;
  code: string;
  params?: Record<string, string | number>;
  /** 'notice' is shown and the file still imports (default: the register's `noticeCodes`, else 'error'). */
  severity?: 'error' | 'notice';
}

export interface RowContext<F extends string, Lookups, State> {
  /** Column index of each mapped field. */
  columns: Partial<Record<F, number>>;
  /** The mapped column indexes. */
  mapped: ReadonlySet<number>;
  headerCount: number;
  lookups: Lookups;
  /** What the register carries from row to row (names seen, sums). */
  state: State;
}

/**
 * A data row: the record it describes, or null with the problems that refuse
 * it. A row that is not a record (a totals line under the table) is `skip`:
 * only its notices are kept and it is not counted.
 */
export type RowVerdict<F extends string, Row> = { kind: 'row'; row: Row | null; issues: RowIssue<F>[] } | { kind: 'skip'; issues: RowIssue<F>[] };

export interface CommitContext {
  /** The import's organisation and the member who asked for the commit, bound to the pipeline's transaction. */
  ctx: DataContext;
  importId: string;
  /** When the commit was asked for (the server's clock). */
  now: Date;
  /** How many rows are written so far (for the progress bar). */
  progress: (written: number) => Promise<void> | void;
}

/** Thrown by `commitRows` when what the rows refer to changed since validation: the import goes back to validated with these issues. */
export class RowsChangedError extends Error {
  constructor(readonly issues: IssueRow[]) {
    super('changed since validation');
  }
}

export interface ImportRegister<F extends string = string, Row = unknown, Lookups = unknown, State = unknown, Packed = unknown> {
  /** The pg-boss queue of this register's import jobs (also its name in logs). */
  queue: string;
  tables: ImportTables;
  fields: readonly TransferField<F>[];
  /** Translation prefix: `<messages>.fileProblems.<code>` for the file, `<messages>.issues.<code>` for a row. */
  messages: string;
  /** Translation prefix of the fields' names (`<fieldLabels>.<field>`), for messages that name a field. */
  fieldLabels: string;
  /** The register's problem codes: a file that cannot be read, an import not ready for a step, an import still running. */
  problems: { file: string; notReady: string; running: string };
  /** Params of a row issue as the reader's language writes them (amounts), before translation. */
  issueParams?(params: Record<string, string>, locale: 'ja' | 'en'): Record<string, string>;
  /** The audit entry of a commit: its action and entity type. */
  audit: { action: string; entityType: string };
  /** Issue codes that are notices rather than errors. */
  noticeCodes?: ReadonlySet<string>;
  /**
   * Everything a row is checked against (members, catalog items, names taken,
   * the current month as of `now`), read once per validation and again at
   * commit, through the import's context: the job's own (`DataContext.ofJob`).
   */
  loadLookups(ctx: DataContext, now: Date): Promise<Lookups>;
  newState(): State;
  readRow(cells: readonly Cell[], rowNumber: number, ctx: RowContext<F, Lookups, State>): RowVerdict<F, Row>;
  /** Values the preview shows for a valid row instead of the cells as written (normalised amounts). */
  previewValues?(row: Row): Record<string, string>;
  /** What the validation tells the user beyond the rows (the departments the commit will create). */
  summary?(state: State): { newDepartments?: string[] };
  /** The valid rows as stored between validation and commit (JSON). */
  pack(rows: Row[]): Packed;
  count(packed: Packed): number;
  /**
   * Writes the rows through `ctx` (bound to the pipeline's transaction),
   * after checking them again against `loadLookups(ctx)`: throws `RowsChangedError` when something they
   * name has gone. Returns what the audit entry adds.
   */
  commitRows(ctx: CommitContext, packed: Packed): Promise<Record<string, unknown>>;
  /** A refusal by the database the register can name for the user (a unique name taken meanwhile); null otherwise. */
  commitConflict?(error: unknown): IssueRow[] | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportRegister = ImportRegister<any, any, any, any, any>;

export type { FieldMapping };
