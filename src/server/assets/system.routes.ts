import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { CreateSystemRequestSchema, PortfolioSchema, SystemListSchema, SystemSchema, UpdateSystemRequestSchema } from '../../shared/schemas/system.schema.ts';
import { DataContext, type DataDeps } from '../platform/db/data-context.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
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
    defineRoute({
      method: 'POST',
      url: '/api/v1/systems',
      summary: 'Record a system (workloads, assets and dependencies must be the organisation’s)',
      tags: ['systems'],
      access: { kind: 'org', permission: 'assets.write' },
      body: CreateSystemRequestSchema,
      response: SystemSchema,
      status: 201,
      handler: ({ auth, body }) => systems.createSystem(scope(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/systems/:id',
      summary: 'One system with its links and findings',
      tags: ['systems'],
      access: { kind: 'org', permission: 'assets.read' },
      params: IdParamsSchema,
      tenantEntity: 'system',
      response: SystemSchema,
      handler: ({ auth, params }) => systems.getSystem(scope(auth), params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/systems/:id',
      summary: 'Change a system (only the fields sent; link lists are replaced; a stale version gets 409)',
      tags: ['systems'],
      access: { kind: 'org', permission: 'assets.write' },
      params: IdParamsSchema,
      body: UpdateSystemRequestSchema,
      tenantEntity: 'system',
      response: SystemSchema,
      handler: ({ auth, params, body }) => systems.updateSystem(scope(auth), params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/systems/:id',
      summary: 'Delete a system (its links and the dependencies on it go with it)',
      tags: ['systems'],
      access: { kind: 'org', permission: 'assets.write' },
      params: IdParamsSchema,
      tenantEntity: 'system',
      response: null,
      status: 204,
      handler: async ({ reply, auth, params }) => {
        await systems.deleteSystem(scope(auth), params.id);
        return reply.code(204).send();
      },
    }),
  ];
}
