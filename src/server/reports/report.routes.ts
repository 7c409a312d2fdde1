import { ManagementReportListSchema, ManagementReportSchema, OverviewSchema, ReportPdfQuerySchema } from '../../shared/reports/overview.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { pagePrinter, sendDownload } from '../platform/http/download.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { getReport, issueReport, listReports, reportPdf } from './management-report.service.ts';
import { overviewOf } from './overview.service.ts';

/** The dashboard's figures and the management reports: thin routes over the services. */
export function reportRoutes(deps: ModuleDeps): AnyRoute[] {
  const tags = ['reports'];
  const read = { kind: 'org', permission: 'reports.read' } as const;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/reports/overview',
      summary: "The dashboard across every module: stage and gate, the risk heat maps and loss curve, deadlines due, the plan against actual costs, inspection compliance, control status and corrective actions",
      tags,
      access: read,
      response: OverviewSchema,
      handler: ({ auth }) => overviewOf(deps, auth),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/management-reports',
      summary: 'The management reports issued, newest first',
      tags,
      access: read,
      response: ManagementReportListSchema,
      handler: ({ auth }) => listReports(deps, auth),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/management-reports',
      summary: 'Issue the next management report: the figures as of now, what changed since the previous report and the decisions it needs, fixed with their SHA-256 and recorded on the audit trail',
      tags,
      access: { kind: 'org', permission: 'reports.issue' },
      response: ManagementReportSchema,
      status: 201,
      handler: ({ auth }) => issueReport(deps, auth),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/management-reports/:id',
      summary: 'One management report with its contents, and whether they still match their SHA-256',
      tags,
      access: read,
      params: IdParamsSchema,
      tenantEntity: 'managementReport',
      response: ManagementReportSchema,
      handler: ({ auth, params }) => getReport(deps, auth, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/management-reports/:id/pdf',
      summary: 'The management report as an A4 PDF in lang (ja|en) when Chromium is on the server (else 503)',
      tags,
      access: read,
      params: IdParamsSchema,
      query: ReportPdfQuerySchema,
      tenantEntity: 'managementReport',
      response: null,
      produces: 'application/pdf',
      handler: async ({ req, reply, auth, params, query, locale }) => sendDownload(reply, await reportPdf(deps, auth, params.id, query.lang ?? locale, pagePrinter(req, deps.config.CHROMIUM_PATH))),
    }),
  ];
}
