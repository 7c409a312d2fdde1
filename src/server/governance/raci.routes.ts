import { AddRaciTemplateRequestSchema, CreateRaciTaskRequestSchema, RaciExportQuerySchema, RaciMatrixSchema, RaciTaskSchema, UpdateRaciTaskRequestSchema } from '../../shared/governance/raci.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { exportRaci, raciExportFileName } from './raci-export.service.ts';
import * as raci from './raci.service.ts';

/** The RACI matrix (seed 004 「RACIモデルによる責任分界」): thin routes over the service. */
export function raciRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['governance'], read: 'governance.read', write: 'governance.write' });
  const { scope, clock } = m;
  return [
    m.get({
      url: '/api/v1/raci-tasks',
      summary: 'The RACI matrix: each task with its departments’ letters and what the row lacks (one A, at least one R), the columns, a summary, and what the template still offers',
      response: RaciMatrixSchema,
      handler: ({ auth }) => raci.matrixOf(scope(auth)),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/raci-tasks/template',
      summary: 'Add the template’s tasks the matrix does not have yet, with their departments and roles (created by name), titled in the member’s language',
      body: AddRaciTemplateRequestSchema,
      response: RaciMatrixSchema,
      handler: ({ auth, locale }) => raci.addTemplate(scope(auth), locale),
    }),
    m.exportRoute({
      url: '/api/v1/raci-tasks/export',
      summary: 'The matrix as CSV (UTF-8 with BOM), XLSX or JSON: a row per task, a column per department, in the member’s language',
      query: RaciExportQuerySchema,
      entityType: 'raciTask',
      // Exports are dated as the organisation's day in Japan, as every register's are.
      name: (query, locale) => raciExportFileName(query.format, locale, dateIn('Asia/Tokyo', clock.now())),
      stream: (auth, query, locale) => exportRaci(scope(auth), query.format, locale),
    }),
    ...m.records({
      path: '/api/v1/raci-tasks',
      tenantEntity: 'raciTask',
      createBody: CreateRaciTaskRequestSchema,
      updateBody: UpdateRaciTaskRequestSchema,
      record: RaciTaskSchema,
      summaries: {
        create: 'Add a task to the matrix with its departments’ letters (a new department name becomes one of the organisation’s departments)',
        get: 'One task of the matrix with its letters and warnings',
        update: 'Rename a task or replace its row of letters, at the version read (stale → 409)',
        remove: 'Take a task off the matrix (the audit trail keeps its row)',
        history: 'The task’s history from the audit trail, newest first',
      },
      service: { create: raci.createTask, get: raci.getTask, update: raci.updateTask, remove: raci.deleteTask, history: raci.taskHistory },
    }),
  ];
}
