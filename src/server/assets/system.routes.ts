import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { CreateSystemRequestSchema, PortfolioSchema, SystemListSchema, SystemSchema, UpdateSystemRequestSchema } from '../../shared/schemas/system.schema.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import * as systems from './system.service.ts';

/** The system portfolio (enterprises, seed 004): thin routes over system.service.ts. */
export function systemRoutes(deps: systems.SystemDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/systems',
      summary: 'Systems with their links, findings and the dependency cycles of the portfolio',
      tags: ['systems'],
      access: { kind: 'org', permission: 'assets.read' },
      response: SystemListSchema,
      handler: ({ auth }) => systems.listSystems(deps, auth),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/portfolio',
      summary: 'Strategy by criticality, the placement view and the 7 Rs from the loaded catalog',
      tags: ['systems'],
      access: { kind: 'org', permission: 'assets.read' },
      response: PortfolioSchema,
      handler: ({ auth }) => systems.portfolio(deps, auth),
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
      handler: ({ auth, body }) => systems.createSystem(deps, auth, body),
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
      handler: ({ auth, params }) => systems.getSystem(deps, auth, params.id),
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
      handler: ({ auth, params, body }) => systems.updateSystem(deps, auth, params.id, body),
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
        await systems.deleteSystem(deps, auth, params.id);
        return reply.code(204).send();
      },
    }),
  ];
}
