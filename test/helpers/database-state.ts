import type { Database } from '../../src/server/platform/db/database.ts';

/**
 * What the rows of the database are, in one string: for every table, its row
 * count and the newest `xmin` (the transaction that last wrote a row). An
 * insert, update or delete anywhere changes it; reads do not. Sessions and
 * the sign-in throttle are left out: every signed-in request touches them.
 */
const SKIPPED = new Set(['public.sessions', 'public.signin_throttle']);

export async function databaseState(database: Database): Promise<string> {
  const { rows: tables } = await database.pool.query<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const names = tables.map((t) => t.name).filter((n) => !SKIPPED.has(n));
  const { rows } = await database.pool.query<{ name: string; state: string }>(
    names.map((n) => `select '${n}' as name, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) as state from ${n}`).join(' union all '),
  );
  return rows.map((r) => `${r.name}=${r.state}`).join(' ');
}
