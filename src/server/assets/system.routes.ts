import { CreateSystemRequestSchema, PortfolioSchema, SystemListSchema, SystemSchema, UpdateSystemRequestSchema } from '../../shared/schemas/system.schema.ts';
import { RegisterExportQuerySchema } from '../../shared/schemas/export.schema.ts';
import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { exportRoute } from '../platform/register/export.route.ts';
import { serviceRecordRoutes } from '../platform/register/record.routes.ts';
import { exportSystems, systemExportFileName } from './system-export.service.ts';
import * as systems from './system.service.ts';

/** The system portfolio (enterprises, seed 004): thin routes over system.service.ts. */
export function systemRoutes(deps: ModuleDeps): AnyRoute[] {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
  const clock = clockOf(deps);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/systems',
      summary: 'Systems with their links, findings and the dependency cycles of the portfolio',
      tags: ['systems'],
      access: { kind: 'org', permission: 'assets.read' },
      response: SystemListSchema,
      handler: ({ auth }) => systems.listSystems(scope(auth)),
    }),
    exportRoute({
      url: '/api/v1/systems/export',
      summary: 'The system portfolio with strategies, placements, links and findings as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      tags: ['systems'],
      read: 'assets.read',
      query: RegisterExportQuerySchema,
      scope,
      entityType: 'system',
      name: (query, locale) => systemExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportSystems(scope(auth), query.format, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/portfolio',
      summary: 'Strategy by criticality, the placement view and the 7 Rs from the loaded catalog',
      tags: ['systems'],
      access: { kind: 'org', permission: 'assets.read' },
      response: PortfolioSchema,
      handler: ({ auth }) => systems.portfolio(scope(auth)),
    }),
    ...serviceRecordRoutes({
      path: '/api/v1/systems',
      tags: ['systems'],
      tenantEntity: 'system',
      read: 'assets.read',
      write: 'assets.write',
      createBody: CreateSystemRequestSchema,
      updateBody: UpdateSystemRequestSchema,
      record: SystemSchema,
      summaries: {
        create: 'Record a system (workloads, assets and dependencies must be the organisation’s)',
        get: 'One system with its links and findings',
        update: 'Change a system (only the fields sent; link lists are replaced; a stale version gets 409)',
        remove: 'Delete a system (its links and the dependencies on it go with it)',
      },
      scope,
      service: { create: systems.createSystem, get: systems.getSystem, update: systems.updateSystem, remove: systems.deleteSystem },
    }),
  ];
}
