import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DataContext, RowOf, TenantRecordTable } from '../db/data-context.ts';
import { HttpProblem } from '../http/problem.ts';
import { decodePageCursor, encodePageCursor } from './page-cursor.ts';

/**
 * Keyset pages of a register list, the one pagination style of registers:
 * rows in (sort key, id) order, each page continuing after the last row of
 * the one before, so a page costs the same deep in a list of 100,000 as at
 * its start and rows inserted meanwhile neither repeat nor skip a row. The
 * first page also counts the matches, up to `LIST_COUNT_CAP`.
 */

/** The first page counts matches up to this many ("10,000 or more" beyond). */
export const LIST_COUNT_CAP = 10_000;

/** How PostgreSQL types the sort column: the cursor's value is cast back to it. */
export type SortType = 'text' | 'integer' | 'bigint' | 'numeric' | 'timestamptz';

/**
 * A sort key of a register. The column must be NOT NULL (a null has no place
 * in a keyset comparison). A `unique` column needs no id as tie-breaker.
 */
export interface KeysetSort {
  column: AnyPgColumn;
  type: SortType;
  unique?: boolean;
}

export interface PageRequest<S extends string = string> {
  sort: S;
  dir: 'asc' | 'desc';
  /** The previous page's `nextCursor`, as the client sent it back. */
  cursor?: string;
  limit: number;
  /** False: no count (a later page, or an export that streams every row). */
  count?: boolean;
}

export interface PageResult<R> {
  rows: R[];
  nextCursor: string | null;
  /** Matches, counted on the first page only (null after), at most `LIST_COUNT_CAP`. */
  total: number | null;
  totalCapped: boolean;
}

// The cursor comes back from the client: its value must be one PostgreSQL casts to the
// column's type without an error (a failed cast would answer 500, not 400).
const CURSOR_VALUE: Record<SortType, (v: string) => boolean> = {
  // eslint-disable-next-line no-control-regex
  text: (v) => v.length <= 400 && !/[\u0000]|\p{Cs}/u.test(v),
  integer: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2_147_483_647,
  bigint: (v) => /^-?\d{1,18}$/.test(v),
  numeric: (v) => /^-?\d{1,40}(\.\d{1,20})?$/.test(v),
  timestamptz: (v) =>
    /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/.test(v),
};

/** The organisation's matching rows, counted up to `cap` (then `cap` is returned). */
export async function countCapped(ctx: DataContext, table: TenantRecordTable, where: SQL | undefined, cap: number): Promise<number> {
  const matching = ctx.db
    .select({ one: sql`1` })
    .from(table as PgTable)
    .where(ctx.scoped(table, where))
    .limit(cap)
    .as('matching');
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(matching);
  return row.n;
}

/** One page of the organisation's rows matching `where`, in the requested sort, with its capped count on the first page. */
export async function keysetPage<T extends TenantRecordTable>(
  ctx: DataContext,
  table: T,
  sorts: Record<string, KeysetSort>,
  request: PageRequest,
  where?: SQL,
): Promise<PageResult<RowOf<T>>> {
  const key = sorts[request.sort];
  if (!key) throw new HttpProblem(400, 'validation', {}, [{ path: 'query.sort', code: 'invalid' }]);
  const cursor = request.cursor ? decodePageCursor(request.cursor, request.sort, request.dir, CURSOR_VALUE[key.type]) : null;
  if (request.cursor && !cursor) throw new HttpProblem(400, 'validation', {}, [{ path: 'query.cursor', code: 'invalid' }]);
  const op = sql.raw(request.dir === 'asc' ? '>' : '<');
  const type = sql.raw(key.type);
  const after = !cursor
    ? undefined
    : key.unique
      ? sql`${key.column} ${op} ${cursor.value}::${type}`
      : sql`(${key.column}, ${table.id}) ${op} (${cursor.value}::${type}, ${cursor.id}::uuid)`;
  const d = sql.raw(request.dir);
  const order = key.unique ? [sql`${key.column} ${d}`] : [sql`${key.column} ${d}`, sql`${table.id} ${d}`];
  const [listed, counted] = await ctx.sideBySide(
    () =>
      ctx.db
        .select({ row: table as PgTable, sortValue: sql<string>`${key.column}::text` })
        .from(table as PgTable)
        .where(ctx.scoped(table, and(where, after)))
        .orderBy(...order)
        .limit(request.limit + 1),
    () => (cursor || request.count === false ? Promise.resolve(null) : countCapped(ctx, table, where, LIST_COUNT_CAP + 1)),
  );
  const more = listed.length > request.limit;
  const page = more ? listed.slice(0, request.limit) : listed;
  const last = page[page.length - 1] as { row: RowOf<T> & { id: string }; sortValue: string } | undefined;
  return {
    rows: page.map((p) => p.row as RowOf<T>),
    nextCursor: more && last ? encodePageCursor(request.sort, request.dir, { value: last.sortValue, id: last.row.id }) : null,
    total: counted === null ? null : Math.min(counted, LIST_COUNT_CAP),
    totalCapped: counted !== null && counted > LIST_COUNT_CAP,
  };
}

/** Every row of the organisation in `sort` order, a keyset page at a time (exports stream these). */
export async function* allPages<T extends TenantRecordTable>(ctx: DataContext, table: T, sorts: Record<string, KeysetSort>, sort: string, pageSize = 2000, where?: SQL): AsyncGenerator<RowOf<T>[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await keysetPage(ctx, table, sorts, { sort, dir: 'asc', cursor, limit: pageSize, count: false }, where);
    if (page.rows.length) yield page.rows;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
