import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import {
  AcceptRiskRequestSchema,
  CreateInsurancePolicyRequestSchema,
  CreateRiskRequestSchema,
  InsurancePolicyListSchema,
  InsurancePolicySchema,
  RiskAnalysisQuerySchema,
  RiskAnalysisSchema,
  RiskExportQuerySchema,
  RiskListQuerySchema,
  RiskPageSchema,
  RiskScaleSchema,
  RiskSchema,
  ThreatListsSchema,
  UpdateInsurancePolicyRequestSchema,
  UpdateRiskRequestSchema,
  UpdateRiskScaleRequestSchema,
  VersionBodySchema,
} from '../../shared/risks/risk.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { recordRoutes } from '../platform/register/record.routes.ts';
import { exportPolicies, policyExportFileName } from './insurance-policy-export.service.ts';
import * as policies from './insurance-policy.service.ts';
import { riskAnalysis } from './risk-analysis.service.ts';
import { exportRisks, riskExportFileName } from './risk-export.service.ts';
import { getRiskScale, updateRiskScale } from './risk-scale.service.ts';
import * as risks from './risk.service.ts';


/** The risk register, insurance policies and the analysis (PRODUCT.md capability 5): thin routes over the services. */
export function riskRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['risks'], read: 'risks.read', write: 'risks.write' });
  const { scope, clock, tags } = m;
  return [
    ...recordRoutes({
      path: '/api/v1/risks',
      tags,
      tenantEntity: 'risk',
      read: 'risks.read',
      write: 'risks.write',
      createBody: CreateRiskRequestSchema,
      updateBody: UpdateRiskRequestSchema,
      record: RiskSchema,
      summaries: {
        create: 'Record a risk: a threat, its estimate in yen before and after treatment, the treatment and what it concerns',
        get: 'One risk with its ratings, expected annual loss, review date and latest acceptance',
        update: 'Change a risk (only the fields sent; a stale version gets 409)',
        remove: 'Delete a risk (its links and acceptances go with it; the audit trail keeps what it was)',
      },
      create: (auth, body) => risks.createRisk(scope(auth), clock, body),
      get: (auth, id) => risks.getRisk(scope(auth), clock, id),
      update: (auth, id, body) => risks.updateRisk(scope(auth), clock, id, body),
      remove: (auth, id) => risks.deleteRisk(scope(auth), id),
      history: { summary: "The risk's history from the audit trail, newest first", entries: (auth, id) => risks.riskHistory(scope(auth), id) },
    }),
    ...m.records({
      path: '/api/v1/insurance-policies',
      tenantEntity: 'insurancePolicy',
      createBody: CreateInsurancePolicyRequestSchema,
      updateBody: UpdateInsurancePolicyRequestSchema,
      record: InsurancePolicySchema,
      summaries: {
        create: 'Record an insurance policy (limits, 免責 deductible, aggregate, notice deadline, period)',
        get: 'One insurance policy',
        update: 'Change an insurance policy (only the fields sent; a stale version gets 409)',
        remove: 'Delete an insurance policy that covers no risk (one that does gets 409)',
        history: "The policy's history from the audit trail, newest first",
      },
      service: { create: policies.createPolicy, get: policies.getPolicy, update: policies.updatePolicy, remove: policies.deletePolicy, history: policies.policyHistory },
    }),
    m.get({
      url: '/api/v1/risks',
      summary: 'The risk register, a keyset page at a time (sort by residual score, title or last change; filter by residual level or treatment)',
      query: RiskListQuerySchema,
      response: RiskPageSchema,
      handler: ({ auth, query }) => {
        const { level, treatment, ...page } = query;
        return risks.listRisks(scope(auth), clock, { ...page, count: !page.cursor }, { level, treatment });
      },
    }),
    m.exportRoute({
      url: '/api/v1/risks/export',
      summary: "The whole register as CSV (UTF-8 with BOM), JSON, or XLSX with the heat map's matrix as a second sheet, in the member's language",
      query: RiskExportQuerySchema,
      entityType: 'risk',
      name: (query, locale) => riskExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportRisks(scope(auth), clock, query.format, locale),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/risks/:id/reviews',
      summary: 'Record a review: the ratings as they stand become the reference for "moved since last review", and the next review is set by the level',
      params: IdParamsSchema,
      body: VersionBodySchema,
      tenantEntity: 'risk',
      response: RiskSchema,
      handler: ({ auth, params, body }) => risks.reviewRisk(scope(auth), clock, params.id, body.version),
    }),
    m.route({
      method: 'POST',
      url: '/api/v1/risks/:id/acceptance',
      summary: "The risk owner's acceptance of the residual risk, until a date, keeping the risk as it stands (ISO/IEC 27001 6.1.3 f)",
      access: { kind: 'org', permission: 'risks.accept' },
      params: IdParamsSchema,
      body: AcceptRiskRequestSchema,
      tenantEntity: 'risk',
      response: RiskSchema,
      handler: ({ auth, params, body }) => risks.acceptRisk(scope(auth), clock, params.id, body),
    }),
    m.get({
      url: '/api/v1/risk-threats',
      summary: "The organisation's loaded threat lists (IPA 10大脅威 by their true year, seed 000 II.2 表2), to pick a risk's threat from",
      response: ThreatListsSchema,
      handler: ({ auth }) => risks.threatLists(scope(auth)),
    }),
    m.get({
      url: '/api/v1/risk-scale',
      summary: "The organisation's risk scale: likelihood bands in events a year, impact bands in yen, the levels' score thresholds and review months (the default 5×5 until changed)",
      response: RiskScaleSchema,
      handler: ({ auth }) => getRiskScale(scope(auth)),
    }),
    m.route({
      method: 'PATCH',
      url: '/api/v1/risk-scale',
      summary: "Change the risk scale at the version read (null while the default is in use); every risk's ratings are recomputed on it",
      access: { kind: 'org', permission: 'risks.configure' },
      body: UpdateRiskScaleRequestSchema,
      response: RiskScaleSchema,
      handler: ({ auth, body }) => updateRiskScale(scope(auth), body),
    }),
    m.get({
      url: '/api/v1/risk-analysis',
      summary: 'Heat map of inherent and residual risk, moves since the last review, top risks, and the Monte Carlo of annual loss before and after treatment and net of insurance',
      query: RiskAnalysisQuerySchema,
      response: RiskAnalysisSchema,
      handler: ({ auth, query }) => riskAnalysis(scope(auth), query.years),
    }),
    m.get({
      url: '/api/v1/insurance-policies',
      summary: "The organisation's insurance policies, with how many risks each covers",
      response: InsurancePolicyListSchema,
      handler: ({ auth }) => policies.listPolicies(scope(auth)),
    }),
    m.exportRoute({
      url: '/api/v1/insurance-policies/export',
      summary: 'The insurance policies with limits, deductible, notice deadline, period and the risks each covers, as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'insurancePolicy',
      name: (query, locale) => policyExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportPolicies(scope(auth), query.format, locale),
    }),
  ];
}
