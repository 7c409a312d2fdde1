import { CreateSystemRequestSchema, PortfolioSchema, SystemListSchema, SystemSchema, UpdateSystemRequestSchema } from '../../shared/schemas/system.schema.ts';
import { DataContext, type DataDeps } from '../platform/db/data-context.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import { serviceRecordRoutes } from '../platform/register/record.routes.ts';
import * as systems from './system.service.ts';

/** The system portfolio (enterprises, seed 004): thin routes over system.service.ts. */
export function systemRoutes(deps: DataDeps): AnyRoute[] {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
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
