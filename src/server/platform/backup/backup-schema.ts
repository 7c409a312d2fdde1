import type pg from 'pg';
import type { ForeignKey, TableName } from './backup.rules.ts';

/**
 * What backup and restore read from PostgreSQL's catalog: the tables of
 * Kumoji's schema, their columns and keys, their foreign keys, triggers and
 * sequences. Read from the database itself, so a table added by a migration
 * is backed up with no change here.
 *
 * In the archive: every table of `public` and drizzle's migration journal.
 * Not in it: pg-boss's schema (`pgboss`), which pg-boss creates and migrates
 * itself and whose queues and schedules Kumoji recreates from the code at
 * every start (docs/ARCHITECTURE.md, "Backup and restore").
 */

export const APP_SCHEMA = 'public';
export const MIGRATION_JOURNAL: TableName = 'drizzle.__drizzle_migrations';

export interface TableShape {
  schema: string;
  name: string;
  /** Stored columns in table order (unquoted); generated ones are left out. */
  columns: string[];
  /** ORDER BY of a stable order: the primary key (text in the "C" collation), or the whole row. */
  orderBy: string;
}

export const quoted = (table: Pick<TableShape, 'schema' | 'name'>, ident: (s: string) => string) => `${ident(table.schema)}.${ident(table.name)}`;

export async function listTables(client: pg.ClientBase): Promise<TableShape[]> {
  const { rows } = await client.query<{ schema: string; name: string; columns: string[]; pk: string[] | null }>(
    `select n.nspname as schema, c.relname as name,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum) as columns,
            (select array(select quote_ident(a.attname) || case when a.attcollation <> 0 then ' collate "C"' else '' end
                            from unnest(i.indkey) with ordinality k(attnum, ord)
                            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                           order by k.ord)
               from pg_index i where i.indrelid = c.oid and i.indisprimary) as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition
        and (n.nspname = $1 or format('%s.%s', n.nspname, c.relname) = $2)
      order by n.nspname, c.relname`,
    [APP_SCHEMA, MIGRATION_JOURNAL],
  );
  return rows.map((r) => ({
    schema: r.schema,
    name: r.name,
    columns: r.columns,
    // Without a primary key the whole row, as text, orders the rows.
    orderBy: r.pk?.length ? r.pk.join(', ') : `t::text collate "C"`,
  }));
}

export async function listForeignKeys(client: pg.ClientBase): Promise<(ForeignKey & { definition: string })[]> {
  const { rows } = await client.query<ForeignKey & { definition: string }>(
    `select con.conname as name, format('%s.%s', cn.nspname, c.relname) as table,
            format('%s.%s', fn.nspname, f.relname) as references, pg_get_constraintdef(con.oid) as definition
       from pg_constraint con
       join pg_class c on c.oid = con.conrelid join pg_namespace cn on cn.oid = c.relnamespace
       join pg_class f on f.oid = con.confrelid join pg_namespace fn on fn.oid = f.relnamespace
      where con.contype = 'f' and cn.nspname = $1
      order by 1`,
    [APP_SCHEMA],
  );
  return rows;
}

/** The enabled triggers of a table that fire on INSERT (a submitted assessment refuses new answers, for one). */
export async function insertTriggers(client: pg.ClientBase, table: TableShape, ident: (s: string) => string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select tgname as name from pg_trigger
      where tgrelid = $1::regclass and not tgisinternal and tgenabled <> 'D' and (tgtype & 4) <> 0 order by 1`,
    [quoted(table, ident)],
  );
  return rows.map((r) => r.name);
}

export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and n.nspname = $1 order by 1`,
    [APP_SCHEMA],
  );
  return rows.map((r) => r.name);
}

/** Whether any table of the application's schema holds a row. */
export async function tablesWithRows(client: pg.ClientBase, tables: TableShape[], ident: (s: string) => string): Promise<string[]> {
  const app = tables.filter((t) => t.schema === APP_SCHEMA);
  if (!app.length) return [];
  const { rows } = await client.query<{ name: string }>(
    app.map((t) => `select '${t.name}' as name where exists (select from ${quoted(t, ident)})`).join(' union all '),
  );
  return rows.map((r) => r.name);
}
