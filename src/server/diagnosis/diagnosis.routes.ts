import { clockOf } from '../platform/clock.ts';
import { DiagnosisSchema } from '../../shared/schemas/diagnosis.schema.ts';
import { DashboardSchema, ReportExportQuerySchema, ReportSchema } from '../../shared/schemas/roadmap.schema.ts';
import { pagePrinter, sendDownload } from '../platform/http/download.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import type { DiagnosisDeps } from './assessment.service.ts';
import { getDashboard } from './dashboard.service.ts';
import { getDiagnosis } from './diagnosis.service.ts';
import { exportReport, getReport } from './report.service.ts';
import { roadmapRoutes } from './roadmap.routes.ts';
import { stageContext } from './stage.service.ts';
import { stageRoutes } from './stage.routes.ts';

/** Every route of the diagnosis module (PRODUCT.md capability 3). */
export function diagnosisRoutes(deps: DiagnosisDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/diagnosis',
      summary: 'The diagnosis: scores, proposed stage with its reasons item by item, high risks and suggested actions',
      tags: ['diagnosis'],
      access: { kind: 'org', permission: 'diagnosis.read' },
      response: DiagnosisSchema,
      handler: async ({ auth }) => {
        const { state } = await stageContext(deps.database.db, auth.organisation.id, clockOf(deps).now());
        return getDiagnosis(deps, auth, { current: state.main.stage, xActive: state.x.active });
      },
    }),
    ...assessmentRoutes(deps),
    ...stageRoutes(deps),
    ...roadmapRoutes(deps),
    defineRoute({
      method: 'GET',
      url: '/api/v1/dashboard',
      summary: 'Dashboard: stage and time in it, latest scores, the next gate and what it needs, open tasks, timeline, next steps',
      tags: ['diagnosis'],
      access: { kind: 'org', permission: 'diagnosis.read' },
      response: DashboardSchema,
      handler: ({ auth }) => getDashboard(deps, auth),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/diagnosis/report',
      summary: 'Everything the printable diagnosis report shows',
      tags: ['diagnosis'],
      access: { kind: 'org', permission: 'diagnosis.read' },
      response: ReportSchema,
      handler: ({ auth }) => getReport(deps, auth),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/diagnosis/report/export',
      summary: 'The diagnosis report as a file: JSON, or A4 PDF (format=pdf, lang=ja|en) when Chromium is on the server (else 503)',
      tags: ['diagnosis'],
      access: { kind: 'org', permission: 'diagnosis.read' },
      query: ReportExportQuerySchema,
      response: null,
      produces: 'application/pdf',
      handler: async ({ req, reply, auth, query, locale }) =>
        sendDownload(reply, await exportReport(deps, auth, query.format, query.lang ?? locale, pagePrinter(req, deps.config.CHROMIUM_PATH))),
    }),
  ];
}
