import { BudgetSchema, CreateTaskRequestSchema, RoadmapSchema, SetBudgetRequestSchema, TaskEvidenceParamsSchema, TaskParamsSchema, TaskSchema, UpdateTaskRequestSchema } from '../../shared/schemas/roadmap.schema.ts';
import { deleteRoute, type AnyRoute } from '../platform/http/route.ts';
import { evidenceUploadRoute } from '../platform/evidence/evidence.routes.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { exportRoadmap, roadmapExportFileName } from './roadmap-export.service.ts';
import * as roadmap from './roadmap.service.ts';

/** The roadmap: practice items of the current and next stage as tasks, and the stage budgets. */
export function roadmapRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['roadmap'], read: 'diagnosis.read', write: 'roadmap.update' });
  const { scope, clock, tags, write } = m;
  return [
    m.get({
      url: '/api/v1/roadmap',
      summary: 'The roadmap: current and next stage (and stage X beside 3-4) with tasks, time in stage and budget against the guide',
      response: RoadmapSchema,
      handler: ({ auth }) => roadmap.getRoadmap(scope(auth), auth.user.timeZone, clock.now()),
    }),
    m.exportRoute({
      url: '/api/v1/roadmap/export',
      summary: 'The practice items of the stages the roadmap shows, with their tasks’ owner, due date, status and note, as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'roadmap-task',
      name: (query, locale) => roadmapExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportRoadmap(scope(auth), auth.user.timeZone, clock.now(), query.format, locale),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/roadmap/tasks',
      summary: 'Make a practice item a task (owner, due date, status, note)',
      body: CreateTaskRequestSchema,
      response: TaskSchema,
      status: 201,
      handler: ({ auth, body }) => roadmap.createTask(scope(auth), body, auth.user.timeZone, clock.now()),
    }),
    m.change({
      method: 'PATCH',
      url: '/api/v1/roadmap/tasks/:taskId',
      summary: 'Change a task (owner, due date, status, note)',
      params: TaskParamsSchema,
      body: UpdateTaskRequestSchema,
      tenantEntity: 'roadmap-task',
      response: TaskSchema,
      handler: ({ auth, params, body }) => roadmap.editTask(scope(auth), params.taskId, body, auth.user.timeZone, clock.now()),
    }),
    evidenceUploadRoute({
      url: '/api/v1/roadmap/tasks/:taskId/evidence',
      record: 'a task',
      tags,
      access: write,
      params: TaskParamsSchema,
      tenantEntity: 'roadmap-task',
      handler: ({ req, auth, params }) => roadmap.uploadTaskEvidence(scope(auth), auth, params.taskId, req, deps.config.EVIDENCE_MAX_BYTES),
    }),
    deleteRoute({
      url: '/api/v1/roadmap/tasks/:taskId/evidence/:evidenceId',
      summary: 'Take an evidence file off a task',
      tags,
      access: write,
      params: TaskEvidenceParamsSchema,
      tenantEntity: 'roadmap-task-evidence',
      remove: ({ auth, params }) => roadmap.removeTaskEvidence(scope(auth), auth, params.taskId, params.evidenceId),
    }),
    m.route({
      method: 'PATCH',
      url: '/api/v1/roadmap/budget',
      summary: "Set the organisation's budget for a stage (owners and managers); version 0 for a first budget",
      access: { kind: 'org', permission: 'budget.update' },
      body: SetBudgetRequestSchema,
      response: BudgetSchema,
      handler: ({ auth, body }) => roadmap.setBudget(scope(auth), body, clock.now()),
    }),
  ];
}
