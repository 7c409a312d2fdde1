import { CostOverviewSchema, CostScenarioSchema, CreateCostScenarioRequestSchema, UpdateCostScenarioRequestSchema } from '../../shared/costs/cost.schema.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { serviceRecordRoutes } from '../platform/register/record.routes.ts';
import * as costs from './cost.service.ts';

/** The cost comparison (seed 004 「コスト最適化と財務計画」): thin routes over the service. */
export function costRoutes(deps: ModuleDeps): AnyRoute[] {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
  const tags = ['costs'];
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/costs',
      summary: 'The on-premises baseline and each cloud scenario against it: multi-year TCO, investment, NPV, ROI and payback, the cumulative cost curves, and the risk register’s ALE',
      tags,
      access: { kind: 'org', permission: 'costs.read' },
      response: CostOverviewSchema,
      handler: ({ auth }) => costs.costOverview(scope(auth)),
    }),
    ...serviceRecordRoutes({
      path: '/api/v1/cost-scenarios',
      tags,
      tenantEntity: 'costScenario',
      read: 'costs.read',
      write: 'costs.write',
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
      scope,
      service: { create: costs.createScenario, get: costs.getScenario, update: costs.updateScenario, remove: costs.deleteScenario, history: costs.scenarioHistory },
    }),
  ];
}
