import pg from 'pg';

/**
 * Two database roles: the owner, which owns the schema and runs migrations
 * and the rest of the start-up work that changes it, and the serving role,
 * which answers requests. The serving role is no superuser and does not own
 * `audit_log`: it may INSERT and SELECT there and nothing else, so a bug or an
 * injection in the app cannot `ALTER TABLE audit_log DISABLE TRIGGER`, rewrite
 * or empty the trail. The owner still can; the hash chain (`kumoji audit
 * verify`) is what shows that.
 */

export interface DatabaseRoles {
  owner: string;
  serving: string;
}

/** The roles Kumoji creates on its embedded database. */
export const EMBEDDED_ROLES: DatabaseRoles = { owner: 'kumoji_owner', serving: 'kumoji_app' };

/** Schemas Kumoji's objects live in: its tables, drizzle's migration journal, pg-boss's job queue. */
const SCHEMAS = ['public', 'drizzle', 'pgboss'] as const;

const ident = pg.escapeIdentifier;
const literal = pg.escapeLiteral;

/**
 * As a role that may create roles: both roles exist and may log in (they are
 * created without SUPERUSER, CREATEDB or CREATEROLE; a password only where the
 * server asks for one). Safe to run from several processes at once, even on
 * different databases of one server: a role created meanwhile by another is
 * simply there.
 */
export async function ensureRoles(admin: pg.ClientBase, roles: DatabaseRoles, password?: string): Promise<void> {
  const withPassword = password === undefined ? '' : ` password ${literal(password)}`;
  for (const role of [roles.owner, roles.serving]) {
    await admin.query(
      `do $$ begin create role ${ident(role)} login${withPassword}; exception when duplicate_object or unique_violation then null; end $$`,
    );
  }
}

/**
 * As a superuser connected to `database`: the owner role owns the database
 * and every object in Kumoji's schemas. A database made by an earlier version
 * had everything owned by the bootstrap superuser; this hands it over once
 * (later runs find nothing to change).
 */
export async function giveOwnership(admin: pg.ClientBase, database: string, owner: string): Promise<void> {
  await admin.query(`alter database ${ident(database)} owner to ${ident(owner)}`);
  const schemas = SCHEMAS.map(literal).join(', ');
  await admin.query(`
    do $$
    declare
      new_owner constant text := ${literal(owner)};
      r record;
    begin
      for r in select n.nspname from pg_namespace n
               where n.nspname in (${schemas}) and n.nspname <> 'public' and pg_get_userbyid(n.nspowner) <> new_owner loop
        execute format('alter schema %I owner to %I', r.nspname, new_owner);
      end loop;
      -- Sequences owned by a column follow their table; indexes and row types follow too.
      for r in select c.oid::regclass as rel, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname in (${schemas}) and pg_get_userbyid(c.relowner) <> new_owner
                 and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                 and not (c.relkind = 'S' and exists (
                   select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i'))) loop
        execute format('alter %s %s owner to %I',
          case r.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
                         when 'f' then 'foreign table' else 'table' end,
          r.rel, new_owner);
      end loop;
      for r in select p.oid::regprocedure as routine from pg_proc p join pg_namespace n on n.oid = p.pronamespace
               where n.nspname in (${schemas}) and pg_get_userbyid(p.proowner) <> new_owner loop
        execute format('alter routine %s owner to %I', r.routine, new_owner);
      end loop;
      for r in select t.oid::regtype as type from pg_type t join pg_namespace n on n.oid = t.typnamespace
               where n.nspname in (${schemas}) and pg_get_userbyid(t.typowner) <> new_owner and t.typtype in ('e', 'd', 'r') loop
        execute format('alter type %s owner to %I', r.type, new_owner);
      end loop;
    end $$`);
}

/**
 * The privileges of the serving role, granted by the owner after migrating
 * (README "Database roles" lists the same statements). Tables created later
 * by the owner get the same through default privileges, so a migration run
 * with `kumoji migrate` alone leaves nothing out; `audit_log` and
 * `audit_heads` are narrowed again on every run.
 */
export function servingGrants(owner: string, serving: string): string[] {
  const s = ident(serving);
  const o = ident(owner);
  return [
    `grant usage on schema public, drizzle, pgboss to ${s}`,
    `grant select, insert, update, delete on all tables in schema public to ${s}`,
    `grant usage, select on all sequences in schema public to ${s}`,
    `revoke all on table audit_log from ${s}`,
    `grant select, insert on table audit_log to ${s}`,
    // appendAudit inserts a chain's head and moves it; nothing deletes one.
    `revoke delete on table audit_heads from ${s}`,
    // /readyz counts the applied migrations.
    `grant select on table drizzle.__drizzle_migrations to ${s}`,
    // pg-boss's queues and jobs; its schema and queues are made by the owner at start-up.
    `grant select, insert, update, delete on all tables in schema pgboss to ${s}`,
    `grant execute on all functions in schema pgboss to ${s}`,
    `alter default privileges for role ${o} in schema public grant select, insert, update, delete on tables to ${s}`,
    `alter default privileges for role ${o} in schema public grant usage, select on sequences to ${s}`,
    `alter default privileges for role ${o} in schema pgboss grant select, insert, update, delete on tables to ${s}`,
  ];
}

/** As the owner, in one transaction. Nothing to do when the serving role is the owner itself. */
export async function grantServingRole(owner: pg.Pool, serving: string): Promise<void> {
  const client = await owner.connect();
  try {
    const { rows } = await client.query<{ name: string }>('select current_user as name');
    if (rows[0].name === serving) return;
    await client.query('begin');
    for (const statement of servingGrants(rows[0].name, serving)) await client.query(statement);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** The role a connection string logs in as, asked of the server (the URL may leave it to PGUSER or the OS user). */
export async function roleOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('select current_user as name');
    return rows[0].name;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface ServingRole {
  name: string;
  superuser: boolean;
  /** Owner of `audit_log` or a member of its owner: could disable its trigger. */
  ownsAuditLog: boolean;
}

export async function servingRoleOf(pool: pg.Pool): Promise<ServingRole> {
  const { rows } = await pool.query<ServingRole>(
    `select r.rolname as name, r.rolsuper as superuser,
            coalesce(pg_has_role(r.oid, c.relowner, 'USAGE'), false) as "ownsAuditLog"
       from pg_roles r left join pg_class c on c.oid = to_regclass('public.audit_log')
      where r.rolname = current_user`,
  );
  return rows[0];
}

export type ServingRoleWarning = 'serving-role-is-superuser' | 'serving-role-owns-audit-log';

/** What /readyz and the start-up log warn about. */
export function servingRoleWarnings(role: ServingRole): ServingRoleWarning[] {
  if (role.superuser) return ['serving-role-is-superuser'];
  if (role.ownsAuditLog) return ['serving-role-owns-audit-log'];
  return [];
}

export function servingRoleWarningText(warning: ServingRoleWarning, role: string): string {
  const what = warning === 'serving-role-is-superuser' ? 'is a superuser' : 'owns audit_log';
  return (
    `the database role "${role}" that serves requests ${what}, so the app could switch the audit trail's guard off ` +
    '(ALTER TABLE audit_log DISABLE TRIGGER). Serve as a role of its own and give the owner in DATABASE_OWNER_URL ' +
    '(README, "Database roles").'
  );
}
