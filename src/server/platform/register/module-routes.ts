import type { z } from 'zod';
import type { Permission } from '../../../shared/policy.ts';
import { RegisterExportQuerySchema } from '../../../shared/schemas/export.schema.ts';
import { clockOf, type Clock } from '../clock.ts';
import { DataContext } from '../db/data-context.ts';
import { defineRoute, type Access, type AnyRoute, type OrgAuthContext, type RouteDefinition, type RouteFields } from '../http/route.ts';
import type { Database } from '../db/database.ts';
import type { ExportFormat } from '../transfer/export.writer.ts';
import { exportRoute, type ExportRouteSpec } from './export.route.ts';
import { serviceRecordRoutes, type ServiceRecordRoutesSpec } from './record.routes.ts';

/** What the routes are made from: the database, and the clock when a test sets one. */
export interface RouteDeps {
  database: Database;
  clock?: Clock;
}

/** What a module's routes share: its OpenAPI tags and the permissions that read and change its registers. */
export interface ModuleRoutesSpec {
  tags: string[];
  read: Permission;
  /** Absent for a module whose routes only read, or whose changes each need a permission of their own. */
  write?: Permission;
}

type OrgAccess = { kind: 'org'; permission: Permission };
type Schema = z.ZodType | undefined;
type Response = z.ZodType | null;

/** What every route of a module is written with (`moduleRoutes`). */
export interface ModuleRoutes {
  /** The member's data context: the organisation and the actor of every query of the request. */
  scope: (auth: OrgAuthContext) => DataContext;
  /** The time every rule that counts time reads. */
  clock: Clock;
  tags: string[];
  /** The access of a route that reads, and of one that changes, the module's registers. */
  read: OrgAccess;
  write: OrgAccess;
  /** A route that reads the module's registers: a GET with the module's tags and read access. */
  get<P extends Schema, Q extends Schema, R extends Response>(route: RouteFields<P, Q, undefined, R, OrgAccess>): AnyRoute;
  /** A route that changes them: the module's tags and write access; the route names its method. */
  change<P extends Schema, Q extends Schema, B extends Schema, R extends Response>(
    route: RouteFields<P, Q, B, R, OrgAccess> & Pick<RouteDefinition, 'method'>,
  ): AnyRoute;
  /** A route whose access is its own (a permission of its own, a sign-in step): only the module's tags are filled in. */
  route<P extends Schema, Q extends Schema, B extends Schema, R extends Response, A extends Access>(
    route: RouteFields<P, Q, B, R, A> & Pick<RouteDefinition<P, Q, B, R, A>, 'method' | 'access'>,
  ): AnyRoute;
  /** The register's export (`exportRoute`), with the module's tags, read permission and scope; the query is the plain format choice unless given. */
  exportRoute<Q extends z.ZodType<{ format: ExportFormat }> = typeof RegisterExportQuerySchema>(
    spec: Omit<ExportRouteSpec<Q>, 'tags' | 'read' | 'scope' | 'query'> & { query?: Q },
  ): AnyRoute;
  /** A register's record routes over its service (`serviceRecordRoutes`), with the module's tags, permissions and scope. */
  records<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType, X = undefined>(
    spec: Omit<ServiceRecordRoutesSpec<C, U, R, X>, 'tags' | 'read' | 'write' | 'scope'>,
  ): AnyRoute[];
}

/** What a module without one write permission does not get. */
type WriteOnly = 'write' | 'change' | 'records';

/**
 * The few things every module's routes start from, made once: each
 * `<module>.routes.ts` begins `const m = moduleRoutes(deps, { tags, read,
 * write })` and writes its routes with `m.get`, `m.change`, `m.records` …,
 * which fill in the module's tags, access and data context, instead of each
 * route repeating them.
 */
export function moduleRoutes(deps: RouteDeps, spec: ModuleRoutesSpec & { write: Permission }): ModuleRoutes;
/** A module without one write permission: its changes are `route`s that name their access themselves. */
export function moduleRoutes(deps: RouteDeps, spec: Omit<ModuleRoutesSpec, 'write'>): Omit<ModuleRoutes, WriteOnly>;
export function moduleRoutes(deps: RouteDeps, spec: ModuleRoutesSpec): ModuleRoutes | Omit<ModuleRoutes, WriteOnly> {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
  const { tags, read } = spec;
  const readAccess: OrgAccess = { kind: 'org', permission: read };
  const base: Omit<ModuleRoutes, WriteOnly> = {
    scope,
    clock: clockOf(deps),
    tags,
    read: readAccess,
    get: (route) => defineRoute({ ...route, method: 'GET', tags, access: readAccess }),
    route: (route) => defineRoute({ ...route, tags }),
    exportRoute: <Q extends z.ZodType<{ format: ExportFormat }>>(route: Omit<ExportRouteSpec<Q>, 'tags' | 'read' | 'scope' | 'query'> & { query?: Q }) =>
      exportRoute<Q>({ tags, read, scope, query: RegisterExportQuerySchema as unknown as Q, ...route }),
  };
  const { write } = spec;
  if (!write) return base;
  const writeAccess: OrgAccess = { kind: 'org', permission: write };
  return {
    ...base,
    write: writeAccess,
    change: (route) => defineRoute({ ...route, tags, access: writeAccess }),
    records: (records) => serviceRecordRoutes({ tags, read, write, scope, ...records }),
  };
}
