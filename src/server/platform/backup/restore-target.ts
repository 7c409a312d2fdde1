import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR, shippedMigrationCount } from '../db/database.ts';
import { listTables, tablesWithRows } from './backup-schema.ts';
import { BackupError } from './backup.rules.ts';

/**
 * The database a restore goes into: what it holds, emptying it (`--force`),
 * and migrating it to the archive's migration count.
 */

const ident = pg.escapeIdentifier;

export interface TargetState {
  migrations: number;
  /** Tables of the application's schema that hold rows. */
  tablesWithRows: string[];
}

async function appliedMigrations(client: pg.ClientBase | pg.Pool): Promise<number> {
  const { rows } = await client.query<{ t: string | null }>(`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  return rows[0].t ? (await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0].n : 0;
}

export async function targetState(client: pg.ClientBase): Promise<TargetState> {
  return { migrations: await appliedMigrations(client), tablesWithRows: await tablesWithRows(client, await listTables(client), ident) };
}

/** A target is empty when no table holds a row and it is not migrated past the archive. */
export function whyNotEmpty(state: TargetState, archiveMigrations: number): string | null {
  if (state.tablesWithRows.length) {
    const shown = state.tablesWithRows.slice(0, 5).join(', ');
    return `it holds data (rows in ${state.tablesWithRows.length} table(s): ${shown}${state.tablesWithRows.length > 5 ? ', …' : ''})`;
  }
  if (state.migrations > archiveMigrations) return `it has ${state.migrations} migrations applied, more than the archive's ${archiveMigrations}`;
  return null;
}

/** Other sessions on the database: a server running on it. */
export async function otherSessions(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and usesysid is not null
        -- Other roles' sessions show no backend_type to a role without pg_read_all_stats.
        and coalesce(backend_type, 'client backend') = 'client backend'`,
  );
  return rows[0].n;
}

/**
 * `--force`: drops everything in Kumoji's schemas (the tables, views,
 * sequences, routines and types of `public`, and the schemas `drizzle` and
 * `pgboss`), in one transaction. Objects of extensions are left alone.
 */
export async function emptyTarget(client: pg.ClientBase): Promise<void> {
  await client.query('begin');
  try {
    await client.query('drop schema if exists pgboss cascade');
    await client.query('drop schema if exists drizzle cascade');
    await client.query(`
      do $$
      declare
        r record;
      begin
        for r in select format('%I.%I', n.nspname, c.relname) as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                    and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
                  order by c.relkind = 'S', c.relname loop
          execute format('drop %s if exists %s cascade',
            case r.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table'
                           when 'S' then 'sequence' else 'table' end, r.name);
        end loop;
        for r in select p.oid::regprocedure::text as name from pg_proc p
                  where p.pronamespace = 'public'::regnamespace
                    and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e') loop
          execute format('drop routine if exists %s cascade', r.name);
        end loop;
        for r in select format('%I.%I', n.nspname, t.typname) as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
                  where n.nspname = 'public' and t.typtype in ('e', 'd')
                    and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e') loop
          execute format('drop type if exists %s cascade', r.name);
        end loop;
      end $$`);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw new BackupError(`--force could not empty the database, nothing was changed: ${(e as Error).message}`);
  }
}

interface Journal {
  entries: { tag: string }[];
}

/**
 * Applies the shipped migrations up to `count` (not beyond: the archive's
 * rows fit that schema) as the owner. Returns how many it applied.
 */
export async function migrateTo(ownerUrl: string, count: number): Promise<number> {
  const shipped = shippedMigrationCount();
  if (count > shipped) throw new BackupError(`the archive needs ${count} migrations; this Kumoji has ${shipped}`);
  let folder = MIGRATIONS_DIR;
  let temporary: string | null = null;
  if (count < shipped) {
    // The first `count` migrations in a folder of their own: drizzle applies what its journal lists.
    const journal = JSON.parse(await fs.readFile(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as Journal;
    temporary = folder = await fs.mkdtemp(path.join(os.tmpdir(), 'kumoji-migrations-'));
    await fs.mkdir(path.join(folder, 'meta'));
    const entries = journal.entries.slice(0, count);
    for (const e of entries) await fs.copyFile(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    await fs.writeFile(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  }
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  pool.on('error', () => undefined);
  try {
    const before = await appliedMigrations(pool);
    await migrate(drizzle(pool), { migrationsFolder: folder });
    return (await appliedMigrations(pool)) - before;
  } finally {
    await pool.end().catch(() => undefined);
    if (temporary) await fs.rm(temporary, { recursive: true, force: true });
  }
}
