import {
  CreateThreatAssessmentRequestSchema,
  ThreatAssessmentExportQuerySchema,
  ThreatAssessmentQuerySchema,
  ThreatAssessmentSchema,
  ThreatAssessmentViewSchema,
  UpdateThreatAssessmentRequestSchema,
} from '../../shared/risks/threat-assessment.schema.ts';
import { IdParamsSchema, RecordHistorySchema } from '../../shared/schemas/common.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { presentHistory } from '../platform/register/record.routes.ts';
import { exportThreatAssessments, threatExportFileName } from './threat-assessment-export.service.ts';
import * as assessments from './threat-assessment.service.ts';

/** Threat impact assessment (seed 000 II.2.1 表2): thin routes over the service. */
export function threatAssessmentRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['risks'], read: 'risks.read', write: 'risks.write' });
  const { scope, clock } = m;
  return [
    m.get({
      url: '/api/v1/threat-assessments',
      summary: "A year's threat list (the newest loaded by default) with the organisation's judgement of each threat's impact on bankruptcy, sales and customers, the study's worked example, and every loaded list's summary",
      query: ThreatAssessmentQuerySchema,
      response: ThreatAssessmentViewSchema,
      handler: ({ auth, query }) => assessments.threatAssessmentView(scope(auth), query.year),
    }),
    m.exportRoute({
      url: '/api/v1/threat-assessments/export',
      summary: "A year's threat list (the newest loaded by default) with the organisation's judgement of each threat as CSV (UTF-8 with BOM), XLSX or JSON, in the member's language",
      query: ThreatAssessmentExportQuerySchema,
      entityType: 'threatAssessment',
      name: (query, locale) => threatExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportThreatAssessments(scope(auth), query.format, locale, query.year),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/threat-assessments',
      summary: 'The first judgement of a threat of a loaded list (a threat already judged gets 409)',
      body: CreateThreatAssessmentRequestSchema,
      response: ThreatAssessmentSchema,
      status: 201,
      handler: ({ auth, body }) => assessments.createThreatAssessment(scope(auth), body),
    }),
    m.change({
      method: 'PATCH',
      url: '/api/v1/threat-assessments/:id',
      summary: "Change a threat's judgement (only the fields sent; a stale version gets 409)",
      params: IdParamsSchema,
      body: UpdateThreatAssessmentRequestSchema,
      tenantEntity: 'threatAssessment',
      response: ThreatAssessmentSchema,
      handler: ({ auth, params, body }) => assessments.updateThreatAssessment(scope(auth), params.id, body),
    }),
    m.get({
      url: '/api/v1/threat-assessments/:id/history',
      summary: "The judgement's history from the audit trail, newest first",
      params: IdParamsSchema,
      tenantEntity: 'threatAssessment',
      response: RecordHistorySchema,
      handler: async ({ auth, params }) => presentHistory(await assessments.threatAssessmentHistory(scope(auth), params.id)),
    }),
  ];
}
