import { BcpDrillSchema, BcpExportQuerySchema, BcpGridSchema, BcpScenarioSchema, CreateBcpDrillRequestSchema, CreateBcpScenarioRequestSchema, OpenDrillFindingsRequestSchema, UpdateBcpDrillRequestSchema, UpdateBcpScenarioRequestSchema } from '../../shared/continuity/bcp.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { BCP_EXPORT_ENTITIES, bcpExportFileName, exportBcp } from './bcp-export.service.ts';
import * as bcp from './bcp.service.ts';

/** The BCP grid (three modes × five disaster types) and its drills: thin routes over the service. */
export function bcpRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['continuity'], read: 'continuity.read', write: 'continuity.write' });
  const { scope, clock } = m;
  return [
    m.get({
      url: '/api/v1/bcp',
      summary: "The BCP grid: seed 004's three operating modes against seed 000's five disaster types, each cell's response and where it stands, and the drills with their findings",
      response: BcpGridSchema,
      handler: ({ auth }) => bcp.bcpGrid(scope(auth), clock.now()),
    }),
    m.exportRoute({
      url: '/api/v1/bcp/export',
      summary: "The BCP grid's responses or the drills as CSV (UTF-8 with BOM) or JSON (`table`), or both as an XLSX workbook, in the member's language",
      query: BcpExportQuerySchema,
      entityType: (query) => BCP_EXPORT_ENTITIES[query.table],
      name: (query, locale) => bcpExportFileName(query.format, locale, query.table, clock.now()),
      stream: (auth, query, locale) => exportBcp(scope(auth), query.format, locale, query.table, clock.now()),
    }),
    ...m.records({
      path: '/api/v1/bcp-scenarios',
      tenantEntity: 'bcpScenario',
      createBody: CreateBcpScenarioRequestSchema,
      updateBody: UpdateBcpScenarioRequestSchema,
      record: BcpScenarioSchema,
      summaries: {
        create: 'Plan the response of one cell of the grid (one mode and one disaster type; 409 when the cell has one)',
        get: "One cell's response",
        update: "Change a cell's response, owner or status (stale → 409)",
        remove: "Clear a cell's response (the audit trail keeps it)",
        history: "The response's history from the audit trail, newest first",
      },
      service: { create: bcp.createScenario, get: bcp.getScenario, update: bcp.updateScenario, remove: bcp.deleteScenario, history: bcp.scenarioHistory },
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/bcp-drills/:id/findings',
      summary: "Open the drill's findings as corrective actions in Plan (a finding with an open action is not opened twice); a stale version gets 409",
      params: IdParamsSchema,
      body: OpenDrillFindingsRequestSchema,
      tenantEntity: 'bcpDrill',
      response: BcpDrillSchema,
      handler: ({ auth, params, body, locale }) => bcp.openDrillFindings(scope(auth), params.id, body.version, locale, clock.now()),
    }),
    ...m.records({
      path: '/api/v1/bcp-drills',
      tenantEntity: 'bcpDrill',
      createBody: CreateBcpDrillRequestSchema,
      updateBody: UpdateBcpDrillRequestSchema,
      record: BcpDrillSchema,
      summaries: {
        create: 'Record a BCP drill: the mode and disaster it exercised, when, the measured recovery time and its findings',
        get: 'One drill with the corrective actions its findings were opened as',
        update: 'Change a drill (only the fields sent; stale → 409)',
        remove: 'Delete a drill (the audit trail keeps it; its corrective actions stay)',
        history: "The drill's history from the audit trail, newest first",
      },
      service: { create: bcp.createDrill, get: bcp.getDrill, update: bcp.updateDrill, remove: bcp.deleteDrill, history: bcp.drillHistory },
      extra: () => clock.now(),
    }),
  ];
}
