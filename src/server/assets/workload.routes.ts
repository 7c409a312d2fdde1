import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import {
  CreateWorkloadRequestSchema,
  UpdateWorkloadRequestSchema,
  WorkloadListSchema,
  WorkloadReferenceSchema,
  WorkloadSchema,
} from '../../shared/schemas/workload.schema.ts';
import { DataContext, type DataDeps } from '../platform/db/data-context.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import * as workloads from './workload.service.ts';

/** Workloads (対象業務, seed 000 III.1-III.3): thin routes over workload.service.ts. */
export function workloadRoutes(deps: DataDeps): AnyRoute[] {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/workloads',
      summary: 'Workloads with their linked assets, ISMS view and suitability verdict against the current stage',
      tags: ['workloads'],
      access: { kind: 'org', permission: 'assets.read' },
      response: WorkloadListSchema,
      handler: ({ auth }) => workloads.listWorkloads(scope(auth)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/workload-reference',
      summary: 'The selection tables the workload screens show (III.3.1 categories, Tables 5, 6, 7, stages), from the loaded catalog',
      tags: ['workloads'],
      access: { kind: 'org', permission: 'assets.read' },
      response: WorkloadReferenceSchema,
      handler: ({ auth }) => workloads.workloadReference(scope(auth)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/workloads',
      summary: 'Record a workload (catalog references and assets must be the organisation’s)',
      tags: ['workloads'],
      access: { kind: 'org', permission: 'assets.write' },
      body: CreateWorkloadRequestSchema,
      response: WorkloadSchema,
      status: 201,
      handler: ({ auth, body }) => workloads.createWorkload(scope(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/workloads/:id',
      summary: 'One workload with its verdict and reasons',
      tags: ['workloads'],
      access: { kind: 'org', permission: 'assets.read' },
      params: IdParamsSchema,
      tenantEntity: 'workload',
      response: WorkloadSchema,
      handler: ({ auth, params }) => workloads.getWorkload(scope(auth), params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/workloads/:id',
      summary: 'Change a workload (only the fields sent; a stale version gets 409)',
      tags: ['workloads'],
      access: { kind: 'org', permission: 'assets.write' },
      params: IdParamsSchema,
      body: UpdateWorkloadRequestSchema,
      tenantEntity: 'workload',
      response: WorkloadSchema,
      handler: ({ auth, params, body }) => workloads.updateWorkload(scope(auth), params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/workloads/:id',
      summary: 'Delete a workload (its asset and system links go with it)',
      tags: ['workloads'],
      access: { kind: 'org', permission: 'assets.write' },
      params: IdParamsSchema,
      tenantEntity: 'workload',
      response: null,
      status: 204,
      handler: async ({ reply, auth, params }) => {
        await workloads.deleteWorkload(scope(auth), params.id);
        return reply.code(204).send();
      },
    }),
  ];
}
