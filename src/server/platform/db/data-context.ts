import { createHash } from 'node:crypto';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { memberActor } from '../audit/audit-actor.ts';
import { appendAudit, type AuditEvent } from '../audit/audit.repository.ts';
import type { Role } from '../../../shared/policy.ts';
import type { OrgAuthContext } from '../http/route.ts';
import type { Database, Db } from './database.ts';
import { sideBySide } from './side-by-side.ts';

/**
 * A tenant table: one whose rows belong to an organisation (an
 * `organisationId` column). Registers also have an `id`.
 */
export type TenantTable = PgTable & { organisationId: AnyPgColumn };
export type TenantRecordTable = TenantTable & { id: AnyPgColumn };

export type RowOf<T extends PgTable> = T['$inferSelect'];
/** What an insert needs: everything but the organisation, which the context fills in. */
export type InsertOf<T extends PgTable> = Omit<T['$inferInsert'], 'organisationId'>;
export type PatchOf<T extends PgTable> = Partial<Omit<T['$inferInsert'], 'organisationId' | 'id'>>;

/** What `executePrepared` reaches of a Drizzle handle (pool or transaction): its SQL dialect and its session. */
interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> } };
}

/** What a domain module's routes are given: the database, from which each request builds its DataContext. */
export interface DataDeps {
  database: Database;
}

/** Who acts, as the audit trail records it (`audit-actor.ts`). */
export interface DataActor {
  organisationId: string;
  actorUserId: string | null;
  actorLabel: string | null;
}

/**
 * Everything a repository or service of a domain module needs to reach the
 * database on behalf of one organisation, built once per request (from the
 * signed-in member) or per job: the handle (the pool, or the transaction the
 * work runs in), the organisation and the actor.
 *
 * The helpers below AND `organisation_id = <this organisation>` into every
 * statement, so an id of another organisation finds, changes and deletes
 * nothing. Joins and aggregates go through `db`, with `scoped(table, …)`
 * giving the same condition (docs/ARCHITECTURE.md, "Data context").
 */
export class DataContext {
  private constructor(
    /** The pool's handle or the open transaction: for joins, always with `scoped(...)`. */
    readonly db: Db,
    readonly organisationId: string,
    readonly actor: DataActor,
    /** The user who acts, for `createdBy` / `updatedBy` (null for work no person started). */
    readonly userId: string | null,
    /** The member's role, for the `can` a presenter sends with each record (null for a job). */
    readonly role: Role | null,
  ) {}

  /** The signed-in member's context for one request. */
  static ofMember(database: Pick<Database, 'db'>, auth: OrgAuthContext): DataContext {
    return new DataContext(database.db, auth.organisation.id, memberActor(auth), auth.user.id, auth.organisation.role);
  }

  /** A background job's context: the organisation it works for, and who started it (if anyone). */
  static ofJob(database: Pick<Database, 'db'>, organisationId: string, startedBy: { userId: string | null; label: string | null }): DataContext {
    return new DataContext(database.db, organisationId, { organisationId, actorUserId: startedBy.userId, actorLabel: startedBy.label }, startedBy.userId, null);
  }

  /**
   * `fn` in one transaction, given a context bound to it. The pool's
   * `transaction` is `transactionOn` (database.ts), which always gives its
   * client back; inside a transaction this opens a savepoint.
   */
  async transaction<R>(fn: (ctx: DataContext) => Promise<R>): Promise<R> {
    return this.db.transaction((tx) => fn(new DataContext(tx as unknown as Db, this.organisationId, this.actor, this.userId, this.role)));
  }

  /** Independent reads side by side on the pool, one after another in a transaction (side-by-side.ts). */
  sideBySide<T extends readonly (() => Promise<unknown>)[]>(...work: T) {
    return sideBySide(this.db, ...work);
  }

  /** `organisation_id = <this organisation>` AND the given conditions: the where clause of every scoped statement. */
  scoped(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.organisationId, this.organisationId), ...conditions) as SQL;
  }

  /** The organisation's rows of `table` matching `conditions`, in `orderBy` order. */
  async select<T extends TenantTable>(table: T, options: { where?: SQL; orderBy?: SQL[]; limit?: number; lock?: 'update' | 'key share' } = {}): Promise<RowOf<T>[]> {
    let q = this.db.select().from(table as PgTable).where(this.scoped(table, options.where)).$dynamic();
    if (options.orderBy?.length) q = q.orderBy(...options.orderBy);
    if (options.limit !== undefined) q = q.limit(options.limit);
    if (options.lock) q = q.for(options.lock);
    return (await q) as RowOf<T>[];
  }

  /** One row of the organisation by id; undefined for an unknown id or another organisation's. */
  async findById<T extends TenantRecordTable>(table: T, id: string, lock?: 'update' | 'key share'): Promise<RowOf<T> | undefined> {
    const [row] = await this.select(table, { where: eq(table.id, id), lock });
    return row;
  }

  /**
   * Which of `ids` are this organisation's rows of `table`, locked against
   * deletion (FOR KEY SHARE) until the transaction ends, so a link written
   * next never points at a row deleted meanwhile.
   */
  async lockOwnIds(table: TenantRecordTable, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db
      .select({ id: table.id })
      .from(table as PgTable)
      .where(this.scoped(table, inArray(table.id, [...ids])))
      .for('key share');
    return new Set(rows.map((r) => r.id as string));
  }

  /** Inserts rows with this organisation's id filled in; returns them. */
  async insert<T extends TenantTable>(table: T, values: InsertOf<T> | InsertOf<T>[]): Promise<RowOf<T>[]> {
    const list = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, organisationId: this.organisationId }));
    if (!list.length) return [];
    return (await this.db.insert(table).values(list as never).returning()) as RowOf<T>[];
  }

  /** Updates the organisation's rows matching `where`; returns the changed rows. */
  async update<T extends TenantTable>(table: T, where: SQL | undefined, patch: PatchOf<T>): Promise<RowOf<T>[]> {
    return (await this.db.update(table).set(patch as never).where(this.scoped(table, where)).returning()) as RowOf<T>[];
  }

  /** Deletes the organisation's rows matching `where`; returns the deleted rows. */
  async delete<T extends TenantTable>(table: T, where: SQL | undefined): Promise<RowOf<T>[]> {
    return (await this.db.delete(table).where(this.scoped(table, where)).returning()) as RowOf<T>[];
  }

  /**
   * `query` (a statement written with `scoped(...)`, like any through `db`) as a
   * named prepared statement: PostgreSQL parses and plans it once per
   * connection instead of on every request. For the hot list reads whose joins
   * cost more to plan than to run: the inventory page planned 3.9k times a
   * second against 11.5k executed prepared (pgbench, 10 clients). The name is
   * the SQL text's digest, so every shape of a query (its filters, its sort)
   * is a statement of its own and a name never meets another text.
   */
  async executePrepared<R extends Record<string, unknown>>(query: SQL): Promise<{ rows: R[] }> {
    const { dialect, session } = this.db as unknown as DrizzleInternals;
    const built = dialect.sqlToQuery(query);
    const name = `kumoji_${createHash('sha256').update(built.sql).digest('hex').slice(0, 32)}`;
    return session.prepareQuery(built, undefined, name, false).execute() as Promise<{ rows: R[] }>;
  }

  /** One entry on this organisation's audit chain, by this context's actor, in this context's transaction. */
  audit(event: Omit<AuditEvent, 'organisationId' | 'actorUserId' | 'actorLabel'>) {
    return appendAudit(this.db, { ...this.actor, ...event });
  }
}
