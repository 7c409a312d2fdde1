import { CreateSystemRequestSchema, PortfolioSchema, SystemListSchema, SystemSchema, UpdateSystemRequestSchema } from '../../shared/schemas/system.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { exportSystems, systemExportFileName } from './system-export.service.ts';
import * as systems from './system.service.ts';

/** The system portfolio (enterprises, seed 004): thin routes over system.service.ts. */
export function systemRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['systems'], read: 'assets.read', write: 'assets.write' });
  const { scope, clock } = m;
  return [
    m.get({
      url: '/api/v1/systems',
      summary: 'Systems with their links, findings and the dependency cycles of the portfolio',
      response: SystemListSchema,
      handler: ({ auth }) => systems.listSystems(scope(auth)),
    }),
    m.exportRoute({
      url: '/api/v1/systems/export',
      summary: 'The system portfolio with strategies, placements, links and findings as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'system',
      name: (query, locale) => systemExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportSystems(scope(auth), query.format, locale),
    }),
    m.get({
      url: '/api/v1/portfolio',
      summary: 'Strategy by criticality, the placement view and the 7 Rs from the loaded catalog',
      response: PortfolioSchema,
      handler: ({ auth }) => systems.portfolio(scope(auth)),
    }),
    ...m.records({
      path: '/api/v1/systems',
      tenantEntity: 'system',
      createBody: CreateSystemRequestSchema,
      updateBody: UpdateSystemRequestSchema,
      record: SystemSchema,
      summaries: {
        create: 'Record a system (workloads, assets and dependencies must be the organisation’s)',
        get: 'One system with its links and findings',
        update: 'Change a system (only the fields sent; link lists are replaced; a stale version gets 409)',
        remove: 'Delete a system (its links and the dependencies on it go with it)',
      },
      service: { create: systems.createSystem, get: systems.getSystem, update: systems.updateSystem, remove: systems.deleteSystem },
    }),
  ];
}
