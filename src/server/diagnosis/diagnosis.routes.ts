import { DiagnosisSchema } from '../../shared/schemas/diagnosis.schema.ts';
import { DashboardSchema, ReportExportQuerySchema, ReportSchema } from '../../shared/schemas/roadmap.schema.ts';
import { pagePrinter, sendDownload } from '../platform/http/download.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { getDashboard } from './dashboard.service.ts';
import { exportReport, getReport } from './report.service.ts';
import { roadmapRoutes } from './roadmap.routes.ts';
import { currentDiagnosis } from './stage.service.ts';
import { stageRoutes } from './stage.routes.ts';

/** Every route of the diagnosis module (PRODUCT.md capability 3). */
export function diagnosisRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['diagnosis'], read: 'diagnosis.read' });
  const { scope, clock } = m;
  const reportSetting = () => ({ now: clock.now(), chromiumPath: deps.config.CHROMIUM_PATH });
  return [
    m.get({
      url: '/api/v1/diagnosis',
      summary: 'The diagnosis: scores, proposed stage with its reasons item by item, high risks and suggested actions',
      response: DiagnosisSchema,
      handler: ({ auth }) => currentDiagnosis(scope(auth), clock.now()),
    }),
    ...assessmentRoutes(deps),
    ...stageRoutes(deps),
    ...roadmapRoutes(deps),
    m.get({
      url: '/api/v1/dashboard',
      summary: 'Dashboard: stage and time in it, latest scores, the next gate and what it needs, open tasks, timeline, next steps',
      response: DashboardSchema,
      handler: ({ auth }) => getDashboard(scope(auth), auth.user.timeZone, clock.now()),
    }),
    m.get({
      url: '/api/v1/diagnosis/report',
      summary: 'Everything the printable diagnosis report shows',
      response: ReportSchema,
      handler: ({ auth }) => getReport(scope(auth), auth, reportSetting()),
    }),
    m.get({
      url: '/api/v1/diagnosis/report/export',
      summary: 'The diagnosis report as a file: JSON, or A4 PDF (format=pdf, lang=ja|en) when Chromium is on the server (else 503)',
      query: ReportExportQuerySchema,
      response: null,
      produces: 'application/pdf',
      handler: async ({ req, reply, auth, query, locale }) =>
        sendDownload(reply, await exportReport(scope(auth), auth, reportSetting(), query.format, query.lang ?? locale, pagePrinter(req, deps.config.CHROMIUM_PATH))),
    }),
  ];
}
