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

/**
 * Tables that belong to no organisation and no member: pg-boss's queues, the
 * migrations journal, the set-up link, the sign-in throttle and the audit
 * chains' heads (their rows are in `audit_log`). Any other table must carry
 * `organisation_id` or `user_id`, or `tenantRows` refuses it, so a new table
 * is either compared or named here. The shipped catalog's rows
 * (`organisation_id` null) belong to no organisation and are left out.
 */
const SHARED_TABLES = new Set(['public.setup_tokens', 'public.signin_throttle', 'public.audit_heads', 'drizzle.__drizzle_migrations']);
const SHARED_SCHEMAS = new Set(['pgboss']);
/** Columns every request rewrites without changing what the row says. */
const VOLATILE_COLUMNS: Record<string, string[]> = { 'public.sessions': ['last_seen_at'] };

/**
 * The rows of these organisations, read: for every table, the count and an
 * MD5 of the rows' contents (as JSON, in a fixed order) that belong to one of
 * them: by `organisation_id`, by `user_id` of one of their members, or the
 * organisations and member accounts themselves. Comparing two snapshots
 * proves a request changed nothing of theirs, whatever it would have changed
 * (an update that keeps the count, a row moved between organisations).
 */
export async function tenantRows(database: Database, organisationIds: string[]): Promise<Record<string, string>> {
  // The tables do not change while a test file runs: the query is built once per database.
  if (!tenantQueries.has(database)) tenantQueries.set(database, tenantRowsQuery(database));
  const { rows } = await database.pool.query<{ name: string; state: string }>(await tenantQueries.get(database)!, [organisationIds]);
  return Object.fromEntries(rows.map((r) => [r.name, r.state]));
}

const tenantQueries = new WeakMap<Database, Promise<string>>();

async function tenantRowsQuery(database: Database): Promise<string> {
  const { rows: columns } = await database.pool.query<{ name: string; columns: string[] }>(
    `select format('%I.%I', c.table_schema, c.table_name) as name, array_agg(c.column_name::text) as columns
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema not in ('pg_catalog', 'information_schema')
      group by 1 order by 1`,
  );
  const members = `(select user_id from memberships where organisation_id = any($1::uuid[]))`;
  const selects: string[] = [];
  for (const { name, columns: cols } of columns) {
    if (SHARED_TABLES.has(name) || SHARED_SCHEMAS.has(name.split('.')[0])) continue;
    const keys: string[] = [];
    if (name === 'public.organisations') keys.push('t.id = any($1::uuid[])');
    if (name === 'public.users') keys.push(`t.id in ${members}`);
    if (cols.includes('organisation_id')) keys.push('t.organisation_id = any($1::uuid[])');
    if (cols.includes('user_id')) keys.push(`t.user_id in ${members}`);
    if (name === 'public.audit_log') keys.push(`t.actor_user_id in ${members}`);
    if (!keys.length) throw new Error(`${name} has neither organisation_id nor user_id: compare it in tenantRows or name it in SHARED_TABLES`);
    const row = `(to_jsonb(t)${(VOLATILE_COLUMNS[name] ?? []).map((c) => ` - '${c}'`).join('')})::text`;
    selects.push(
      `select '${name}' as name, count(*) || ':' || md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as state from ${name} t where ${keys.join(' or ')}`,
    );
  }
  return selects.join(' union all ');
}
