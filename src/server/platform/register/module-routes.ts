import type { z } from 'zod';
import type { Permission } from '../../../shared/policy.ts';
import { RegisterExportQuerySchema } from '../../../shared/schemas/export.schema.ts';
import { clockOf, type Clock } from '../clock.ts';
import { DataContext } from '../db/data-context.ts';
import type { AnyRoute, OrgAuthContext } from '../http/route.ts';
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

/** What every route of a module is written with (`moduleRoutes`). */
export interface ModuleRoutes {
  /** The member's data context: the organisation and the actor of every query of the request. */
  scope: (auth: OrgAuthContext) => DataContext;
  /** The time every rule that counts time reads. */
  clock: Clock;
  tags: string[];
  /** The access of a route that reads, and of one that changes, the module's registers. */
  read: { kind: 'org'; permission: Permission };
  write: { kind: 'org'; permission: Permission };
  /** The register's export (`exportRoute`), with the module's tags, read permission and scope; the query is the plain format choice unless given. */
  exportRoute<Q extends z.ZodType<{ format: ExportFormat }> = typeof RegisterExportQuerySchema>(
    spec: Omit<ExportRouteSpec<Q>, 'tags' | 'read' | 'scope' | 'query'> & { query?: Q },
  ): AnyRoute;
  /** A register's record routes over its service (`serviceRecordRoutes`), with the module's tags, permissions and scope. */
  records<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType, X = undefined>(
    spec: Omit<ServiceRecordRoutesSpec<C, U, R, X>, 'tags' | 'read' | 'write' | 'scope'>,
  ): AnyRoute[];
}

/**
 * The few things every module's routes start from, made once: each
 * `<module>.routes.ts` begins `const m = moduleRoutes(deps, { tags, read,
 * write })` and writes its routes with `m.scope`, `m.clock`, `m.read` …,
 * instead of each building the same context, clock and access objects.
 */
export function moduleRoutes(deps: RouteDeps, spec: ModuleRoutesSpec & { write: Permission }): ModuleRoutes;
/** A module without one write permission: its routes name the access of each change themselves. */
export function moduleRoutes(deps: RouteDeps, spec: Omit<ModuleRoutesSpec, 'write'>): Omit<ModuleRoutes, 'write' | 'records'>;
export function moduleRoutes(deps: RouteDeps, spec: ModuleRoutesSpec): ModuleRoutes | Omit<ModuleRoutes, 'write' | 'records'> {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
  const { tags, read } = spec;
  const base: Omit<ModuleRoutes, 'write' | 'records'> = {
    scope,
    clock: clockOf(deps),
    tags,
    read: { kind: 'org', permission: read },
    exportRoute: <Q extends z.ZodType<{ format: ExportFormat }>>(route: Omit<ExportRouteSpec<Q>, 'tags' | 'read' | 'scope' | 'query'> & { query?: Q }) =>
      exportRoute<Q>({ tags, read, scope, query: RegisterExportQuerySchema as unknown as Q, ...route }),
  };
  const { write } = spec;
  if (!write) return base;
  return {
    ...base,
    write: { kind: 'org', permission: write },
    records: (records) => serviceRecordRoutes({ tags, read, write, scope, ...records }),
  };
}
