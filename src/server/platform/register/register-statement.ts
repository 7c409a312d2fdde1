import { eq, sql, type SQL } from 'drizzle-orm';
import { appendInStatement, CHAIN_SEQ_KEY, readHead, type HeadRead } from '../audit/audit.repository.ts';
import { nextVersion } from '../db/columns.ts';
import type { DataContext, PatchOf, RowOf } from '../db/data-context.ts';
import { HttpProblem } from '../http/problem.ts';
import { changedKeys, recordNotFound, versionConflict, type Register, type VersionedTable } from './register.ts';

/**
 * A register's edit in one statement, for the edits a form sends one at a
 * time (docs/ARCHITECTURE.md, "Register base"). `update` runs in a
 * transaction: BEGIN, the update, the audit append's four statements,
 * COMMIT. Here the record and the chain's head are read side by side
 * (`readForEdit`), and one statement writes the change, its audit entry and
 * the moved head only while neither moved since (`appendInStatement`), and
 * reads the answer from the updated row. When one did move, or a row sits
 * past the head, the edit is made again by `update` in a transaction, which
 * waits for the head: the result, the 404 and the 409 are the same either way.
 */

/** The unique constraint a statement broke, if that is how it failed (drizzle wraps the driver's error in `cause`). */
export function brokenUniqueKey(e: unknown): string | undefined {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = err.code ? err : err.cause;
  return pg?.code === '23505' ? pg.constraint : undefined;
}

/**
 * A catch handler for a write that a unique key guards: the violation of
 * `key` becomes `problem` (the register's 409), anything else is thrown on.
 * The key decides, so two members saving at once get the same answer as
 * one saving twice, and nothing reads every row first to look for a match.
 */
export function uniqueKeyAs(key: string, problem: () => HttpProblem): (e: unknown) => never {
  return (e) => {
    if (brokenUniqueKey(e) === key) throw problem();
    throw e;
  };
}

/** A record as an edit found it, with the head of the organisation's chain then. */
export interface EditRead<R> {
  row: R | undefined;
  head: HeadRead | undefined;
}

/**
 * The record (`find`: the register's own, or one with joins) and the chain's
 * head, side by side; `row` undefined for an unknown id or another
 * organisation's.
 */
export async function readForEdit<R>(ctx: DataContext, find: () => Promise<R | undefined>): Promise<EditRead<R>> {
  const [row, head] = await ctx.sideBySide(find, () => readHead(ctx.db, ctx.organisationId));
  return { row, head };
}

export interface StatementEdit<T extends VersionedTable, A, C extends string> {
  register: Register<T, C>;
  id: string;
  /** The version the client saw: 409 when the record is at another. */
  version: number;
  patch: PatchOf<T>;
  /** Keep only the keys whose values changed, as `update` does with `changedOnly`. */
  changedOnly?: boolean;
  /**
   * The answer, read in the same statement from `source` (a relation
   * holding the updated row, with the table's columns; alias it): a select
   * over it, e.g. with joins.
   */
  answer: (source: SQL) => SQL;
  /** Maps a row of `answer` (as PostgreSQL returns it) to the caller's shape. */
  map: (raw: Record<string, unknown>) => A;
}

/** The edit of `read.row` (404 when there is none; 409 at another version), in one statement when nothing moved. */
export async function updateInStatement<T extends VersionedTable, A, C extends string = never>(
  ctx: DataContext,
  read: EditRead<RowOf<T>>,
  edit: StatementEdit<T, A, C>,
): Promise<A> {
  const { register, id, version, patch } = edit;
  const { table, entityType, auditView } = register.spec;
  const before = read.row as (RowOf<T> & { version: number }) | undefined;
  if (!before) throw recordNotFound();
  if (before.version !== version) throw versionConflict();
  const stamp = 'updatedBy' in table ? { updatedBy: ctx.userId } : {};
  const views = (row: RowOf<T>) => {
    const [b, a] = [auditView(before), auditView(row)];
    return edit.changedOnly ? changedKeys(b, a) : { before: b, after: a };
  };
  if (read.head) {
    const audit = appendInStatement(read.head, { ...ctx.actor, action: `${entityType}.update`, entityType, entityId: id, ...views({ ...before, ...stamp, ...patch }) });
    const update = ctx.db
      .update(table)
      .set({ ...stamp, ...patch, ...nextVersion(table) } as never)
      .where(ctx.scoped(table, eq(table.id, id), eq(table.version, version), sql`exists (select 1 from audit_head_now)`))
      .returning()
      // Its SQL, not the builder: embedded as a builder it would be put in parentheses, which a CTE body may not have.
      .getSQL();
    try {
      const { rows } = await ctx.db.execute<Record<string, unknown>>(sql`with audit_head_now as (${audit.lockHead}),
        edited as (${update}),
        ${audit.writes('edited')}
        ${edit.answer(sql`edited`)}`);
      if (rows[0]) return edit.map(rows[0]);
    } catch (e) {
      if (brokenUniqueKey(e) !== CHAIN_SEQ_KEY) throw e;
    }
  }
  await ctx.transaction(async (tx) => {
    const current = await register.find(tx, id);
    if (!current) throw recordNotFound();
    await register.update(tx, id, version, patch, { before: auditView(current), changedOnly: edit.changedOnly });
  });
  const { rows } = await ctx.db.execute<Record<string, unknown>>(edit.answer(sql`(select * from ${table} where ${ctx.scoped(table, eq(table.id, id))})`));
  return edit.map(rows[0]);
}
