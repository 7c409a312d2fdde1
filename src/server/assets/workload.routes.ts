import {
  CreateWorkloadRequestSchema,
  UpdateWorkloadRequestSchema,
  WorkloadListSchema,
  WorkloadReferenceSchema,
  WorkloadSchema,
} from '../../shared/schemas/workload.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { exportWorkloads, workloadExportFileName } from './workload-export.service.ts';
import * as workloads from './workload.service.ts';

/** Workloads (対象業務, seed 000 III.1-III.3): thin routes over workload.service.ts. */
export function workloadRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['workloads'], read: 'assets.read', write: 'assets.write' });
  const { scope, clock } = m;
  return [
    m.get({
      url: '/api/v1/workloads',
      summary: 'Workloads with their linked assets, ISMS view and suitability verdict against the current stage',
      response: WorkloadListSchema,
      handler: ({ auth }) => workloads.listWorkloads(scope(auth)),
    }),
    m.exportRoute({
      url: '/api/v1/workloads/export',
      summary: 'The workloads with their answers, assets, ISMS view and verdict as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'workload',
      name: (query, locale) => workloadExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportWorkloads(scope(auth), query.format, locale),
    }),
    m.get({
      url: '/api/v1/workload-reference',
      summary: 'The selection tables the workload screens show (III.3.1 categories, Tables 5, 6, 7, stages), from the loaded catalog',
      response: WorkloadReferenceSchema,
      handler: ({ auth }) => workloads.workloadReference(scope(auth)),
    }),
    ...m.records({
      path: '/api/v1/workloads',
      tenantEntity: 'workload',
      createBody: CreateWorkloadRequestSchema,
      updateBody: UpdateWorkloadRequestSchema,
      record: WorkloadSchema,
      summaries: {
        create: 'Record a workload (catalog references and assets must be the organisation’s)',
        get: 'One workload with its verdict and reasons',
        update: 'Change a workload (only the fields sent; a stale version gets 409)',
        remove: 'Delete a workload (its asset and system links go with it)',
      },
      service: { create: workloads.createWorkload, get: workloads.getWorkload, update: workloads.updateWorkload, remove: workloads.deleteWorkload },
    }),
  ];
}
