import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { can, type Permission, type Role } from '../../../shared/policy.ts';
import { nextVersion } from '../db/columns.ts';
import type { DataContext, InsertOf, PatchOf, RowOf, TenantRecordTable, TenantTable } from '../db/data-context.ts';
import { HttpProblem } from '../http/problem.ts';
import type { RegisterField } from './register-fields.ts';
import { auditEntriesOf, type HistoryEntry } from './register-history.ts';
import { allPages, keysetPage, type KeysetSort, type PageRequest, type PageResult } from './register-page.ts';

/**
 * The versioned-register base: what every register of an organisation does
 * the same way, written once (docs/ARCHITECTURE.md, "Register base"). Each
 * change runs in the caller's context (its transaction) and writes its audit
 * entry there; `update` is the one place that bumps `version` and answers a
 * stale one with 409.
 */

/** A register's table: a tenant table with an id, a version counter and an update time. */
export type VersionedTable = TenantRecordTable & { version: AnyPgColumn; updatedAt: AnyPgColumn };

/** The 409 of a record changed (or deleted and re-read) since the client read it. */
export const versionConflict = () => new HttpProblem(409, 'conflict');
export const recordNotFound = () => new HttpProblem(404, 'notFound');

export interface RegisterSpec<T extends VersionedTable, C extends string> {
  table: T;
  /** The audit trail's entity type; actions are `<entityType>.create`, `.update`, `.delete`. */
  entityType: string;
  /** The record as the trail keeps it: its content, not its bookkeeping. */
  auditView: (row: RowOf<T>) => Record<string, unknown>;
  /** Column whose value is unique per organisation, case-insensitively (→ 409 `duplicateName` on `name`). */
  nameColumn?: AnyPgColumn;
  /** The list's sort keys; the first is the default (and the export's order). */
  sorts?: Record<string, KeysetSort>;
  /** What the member may do with each record, sent with it as `can` (policy.ts). */
  can?: (row: RowOf<T>, role: Role | null) => Record<C, boolean>;
  /** The export's field list (register-fields.ts). */
  fields?: readonly RegisterField<RowOf<T>>[];
}

/** How a change is audited: the record before (a view the caller read), and after (default: `auditView`). */
export interface ChangeAudit<R> {
  before: Record<string, unknown>;
  after?: (row: R) => Record<string, unknown>;
  /** Keep only the keys whose values changed (both sides). */
  changedOnly?: boolean;
}

/** Only the keys whose values differ, before and after. */
/** A record as the audit trail keeps it: its content, without the bookkeeping every register's rows carry (ids, authorship, stamps, version). */
export function recordContent<R extends object>(row: R): Record<string, unknown> {
  const { id, organisationId, createdBy, updatedBy, createdAt, updatedAt, version, ...content } = row as R & Record<string, unknown>;
  void [id, organisationId, createdBy, updatedBy, createdAt, updatedAt, version];
  return content;
}

export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

export function defineRegister<T extends VersionedTable, C extends string = never>(spec: RegisterSpec<T, C>) {
  const { table, entityType } = spec;
  type Row = RowOf<T>;
  const byId = (id: string, version?: number) => and(eq(table.id, id), version === undefined ? undefined : eq(table.version, version));
  const hasColumn = (name: string) => name in table;

  /** Why a statement on (id, version) changed nothing: the row is gone (404) or moved on (409). */
  async function missOf(ctx: DataContext, id: string): Promise<HttpProblem> {
    return (await ctx.findById(table, id)) ? versionConflict() : recordNotFound();
  }

  return {
    spec,
    find: (ctx: DataContext, id: string, lock?: 'update' | 'key share'): Promise<Row | undefined> => ctx.findById(table, id, lock),

    /** The record, or 404. */
    async get(ctx: DataContext, id: string): Promise<Row> {
      const row = await ctx.findById(table, id);
      if (!row) throw recordNotFound();
      return row;
    },

    /** The record as the client saw it: 404 when it is unknown, 409 when its version moved on. */
    async expect(ctx: DataContext, id: string, version: number): Promise<Row> {
      const row = (await ctx.findById(table, id)) as (Row & { version: number }) | undefined;
      if (!row) throw recordNotFound();
      if (row.version !== version) throw versionConflict();
      return row;
    },

    /** 409 `duplicateName` on `name` when another record of the organisation has this name (any case). */
    async assertNameFree(ctx: DataContext, name: string, exceptId?: string): Promise<void> {
      if (!spec.nameColumn) throw new Error(`register ${entityType} has no name column`);
      const [taken] = await ctx.select(table, { where: and(sql`lower(${spec.nameColumn}) = lower(${name})`, exceptId ? ne(table.id, exceptId) : undefined), limit: 1 });
      if (taken) throw new HttpProblem(409, 'duplicateName', {}, [{ path: 'name', code: 'duplicateName' }]);
    },

    /** Inserts the record (created and updated by the context's user) and audits it. */
    async create(ctx: DataContext, values: InsertOf<T>, audit: { after?: (row: Row) => Record<string, unknown> } = {}): Promise<Row> {
      const stamps = Object.fromEntries(['createdBy', 'updatedBy'].filter(hasColumn).map((c) => [c, ctx.userId]));
      const [row] = await ctx.insert(table, { ...stamps, ...values });
      await ctx.audit({ action: `${entityType}.create`, entityType, entityId: (row as { id: string }).id, after: (audit.after ?? spec.auditView)(row) });
      return row;
    },

    /**
     * Changes the record the client saw at `version`: bumps the version and
     * the update time, records who changed it, audits before and after. 409
     * when the version moved on, 404 when the record is gone.
     */
    async update(ctx: DataContext, id: string, version: number, patch: PatchOf<T>, audit: ChangeAudit<Row>): Promise<Row> {
      const set = { ...(hasColumn('updatedBy') ? { updatedBy: ctx.userId } : {}), ...patch, ...nextVersion(table) };
      const [row] = await ctx.update(table, byId(id, version), set as PatchOf<T>);
      if (!row) throw await missOf(ctx, id);
      const after = (audit.after ?? spec.auditView)(row);
      const views = audit.changedOnly ? changedKeys(audit.before, after) : { before: audit.before, after };
      await ctx.audit({ action: `${entityType}.update`, entityType, entityId: id, ...views });
      return row;
    },

    /**
     * Deletes the record (at `version`, when the route takes one) and audits
     * what it was; `before` adds what goes with it (links deleted by cascade).
     */
    async remove(ctx: DataContext, id: string, version: number | undefined, audit: { before?: (row: Row) => Record<string, unknown> } = {}): Promise<Row> {
      const [row] = await ctx.delete(table, byId(id, version));
      if (!row) throw version === undefined ? recordNotFound() : await missOf(ctx, id);
      await ctx.audit({ action: `${entityType}.delete`, entityType, entityId: id, before: (audit.before ?? spec.auditView)(row) });
      return row;
    },

    /** One keyset page of the organisation's records matching `where` (register-page.ts). */
    page(ctx: DataContext, request: PageRequest, where?: SQL): Promise<PageResult<Row>> {
      if (!spec.sorts) throw new Error(`register ${entityType} has no sorts`);
      return keysetPage(ctx, table, spec.sorts, request, where);
    },

    /** Every record in the default sort, a page at a time: what the export pipeline streams through `spec.fields`. */
    exportPages(ctx: DataContext, pageSize?: number, where?: SQL): AsyncGenerator<Row[]> {
      if (!spec.sorts) throw new Error(`register ${entityType} has no sorts`);
      return allPages(ctx, table, spec.sorts, Object.keys(spec.sorts)[0], pageSize, where);
    },

    /** The record's history from the audit trail, newest first; 404 for an unknown record. */
    async history(ctx: DataContext, id: string): Promise<HistoryEntry[]> {
      if (!(await ctx.findById(table, id))) throw recordNotFound();
      return auditEntriesOf(ctx, { type: entityType, id });
    },

    /** The presenter hook: the record mapped by `present`, with what the member may do with it. */
    present<P extends object>(ctx: DataContext, row: Row, present: (row: Row) => P): P & { can: Record<C, boolean> } {
      return { ...present(row), can: spec.can ? spec.can(row, ctx.role) : ({} as Record<C, boolean>) };
    },
  };
}

export type Register<T extends VersionedTable, C extends string = never> = ReturnType<typeof defineRegister<T, C>>;

/** The `can` of a register whose records every member holding `permission` may change and delete. */
export const changeableWith =
  (permission: Permission) =>
  (_row: unknown, role: Role | null): Record<'update' | 'delete', boolean> => ({ update: can(role, permission), delete: can(role, permission) });

/** The position after the organisation's last row of `table` (0 for the first): where a register ordered by hand appends. */
export async function nextPosition(ctx: DataContext, table: TenantTable, column: AnyPgColumn): Promise<number> {
  const [row] = await ctx.db.select({ next: sql<number>`coalesce(max(${column}) + 1, 0)::int` }).from(table).where(ctx.scoped(table));
  return row?.next ?? 0;
}
