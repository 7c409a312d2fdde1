import { COST_ACTUAL_IMPORT_MAX_BYTES, CostActualExportQuerySchema, CostActualListSchema, CostActualQuerySchema, CostActualSchema, CreateCostActualRequestSchema, PlanReviewSchema, UpdateCostActualRequestSchema } from '../../shared/costs/cost-actual.schema.ts';
import { CostOverviewSchema, CostScenarioSchema, CreateCostScenarioRequestSchema, UpdateCostScenarioRequestSchema } from '../../shared/costs/cost.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { importRoutes } from '../platform/transfer/import.routes.ts';
import { COST_ACTUAL_IMPORT } from './cost-actual-import.register.ts';
import * as actuals from './cost-actual.service.ts';
import { actualExportFileName, exportActuals, exportScenarios, scenarioExportFileName } from './cost-export.service.ts';
import * as costs from './cost.service.ts';

/** The cost comparison and the plan against actual (seed 004 「コスト最適化と財務計画」): thin routes over the services. */
export function costRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['costs'], read: 'costs.read', write: 'costs.write' });
  const { scope, clock, tags } = m;
  return [
    m.get({
      url: '/api/v1/costs',
      summary: 'The on-premises baseline and each cloud scenario against it: multi-year TCO, investment, NPV, ROI and payback, the cumulative cost curves, and the risk register’s ALE',
      response: CostOverviewSchema,
      handler: ({ auth }) => costs.costOverview(scope(auth)),
    }),
    m.exportRoute({
      url: '/api/v1/costs/export',
      summary: 'The baseline and each scenario with its costs and its TCO, investment, NPV, ROI and payback against the baseline, as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'costScenario',
      name: (query, locale) => scenarioExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportScenarios(scope(auth), query.format, locale),
    }),
    ...m.records({
      path: '/api/v1/cost-scenarios',
      tenantEntity: 'costScenario',
      createBody: CreateCostScenarioRequestSchema,
      updateBody: UpdateCostScenarioRequestSchema,
      record: CostScenarioSchema,
      summaries: {
        create: 'Add the on-premises baseline (one per organisation: 409 for a second) or a cloud scenario, with its initial, running and hidden costs and reserved capacity',
        get: 'One scenario, compared with the baseline',
        update: 'Change a scenario (only the fields sent; stale → 409)',
        remove: 'Delete a scenario (the audit trail keeps it)',
        history: "The scenario's history from the audit trail, newest first",
      },
      service: { create: costs.createScenario, get: costs.getScenario, update: costs.updateScenario, remove: costs.deleteScenario, history: costs.scenarioHistory },
    }),
    m.get({
      url: '/api/v1/costs/plan-review',
      summary: 'The adopted scenario (the approved budget plan) against the actual costs, month by month and by category, through the current month',
      response: PlanReviewSchema,
      handler: ({ auth }) => actuals.planReview(scope(auth), clock.now()),
    }),
    m.get({
      url: '/api/v1/cost-actuals',
      summary: 'The actual cost lines, newest month first, optionally within months (from, to: YYYY-MM)',
      query: CostActualQuerySchema,
      response: CostActualListSchema,
      handler: ({ auth, query }) => actuals.listCostActuals(scope(auth), query),
    }),
    m.exportRoute({
      url: '/api/v1/cost-actuals/export',
      summary: 'The actual cost lines (optionally within months: from, to) as CSV (UTF-8 with BOM), XLSX or JSON, with the headers the import reads, in the member’s language',
      query: CostActualExportQuerySchema,
      entityType: 'costActual',
      name: (query, locale) => actualExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportActuals(scope(auth), query, locale),
    }),
    ...m.records({
      path: '/api/v1/cost-actuals',
      tenantEntity: 'costActual',
      createBody: CreateCostActualRequestSchema,
      updateBody: UpdateCostActualRequestSchema,
      record: CostActualSchema,
      summaries: {
        create: 'Record an actual cost line: its month (not after the current one), category, amount (negative for a credit) and what it was',
        get: 'One actual cost line',
        update: 'Correct an actual cost line (only the fields sent; stale → 409)',
        remove: 'Delete an actual cost line entered by mistake (the audit trail keeps it)',
        history: "The line's history from the audit trail, newest first",
      },
      service: { create: actuals.createCostActual, get: actuals.getCostActual, update: actuals.updateCostActual, remove: actuals.deleteCostActual, history: actuals.costActualHistory },
      extra: () => clock.now(),
    }),
    ...importRoutes(COST_ACTUAL_IMPORT, {
      database: deps.database,
      clock,
      url: '/api/v1/cost-actual-imports',
      tags,
      read: 'costs.read',
      write: 'costs.write',
      tenantEntity: 'costActualImport',
      noun: 'actual costs',
      upload: { maxBytes: COST_ACTUAL_IMPORT_MAX_BYTES, problems: { tooLarge: 'costActualImportTooLarge', noFile: 'costActualImportNoFile' } },
    }),
  ];
}
