import { BcpDrillSchema, BcpExportQuerySchema, BcpGridSchema, BcpScenarioSchema, CreateBcpDrillRequestSchema, CreateBcpScenarioRequestSchema, OpenDrillFindingsRequestSchema, UpdateBcpDrillRequestSchema, UpdateBcpScenarioRequestSchema } from '../../shared/continuity/bcp.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { exportRoute } from '../platform/register/export.route.ts';
import { serviceRecordRoutes } from '../platform/register/record.routes.ts';
import { BCP_EXPORT_ENTITIES, bcpExportFileName, exportBcp } from './bcp-export.service.ts';
import * as bcp from './bcp.service.ts';

/** The BCP grid (three modes × five disaster types) and its drills: thin routes over the service. */
export function bcpRoutes(deps: ModuleDeps): AnyRoute[] {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
  const clock = clockOf(deps);
  const tags = ['continuity'];
  const permissions = { read: 'continuity.read', write: 'continuity.write' } as const;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/bcp',
      summary: "The BCP grid: seed 004's three operating modes against seed 000's five disaster types, each cell's response and where it stands, and the drills with their findings",
      tags,
      access: { kind: 'org', permission: 'continuity.read' },
      response: BcpGridSchema,
      handler: ({ auth }) => bcp.bcpGrid(scope(auth), clock.now()),
    }),
    exportRoute({
      url: '/api/v1/bcp/export',
      summary: "The BCP grid's responses or the drills as CSV (UTF-8 with BOM) or JSON (`table`), or both as an XLSX workbook, in the member's language",
      tags,
      read: 'continuity.read',
      query: BcpExportQuerySchema,
      scope,
      entityType: (query) => BCP_EXPORT_ENTITIES[query.table],
      name: (query, locale) => bcpExportFileName(query.format, locale, query.table, clock.now()),
      stream: (auth, query, locale) => exportBcp(scope(auth), query.format, locale, query.table, clock.now()),
    }),
    ...serviceRecordRoutes({
      path: '/api/v1/bcp-scenarios',
      tags,
      tenantEntity: 'bcpScenario',
      ...permissions,
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
      scope,
      service: { create: bcp.createScenario, get: bcp.getScenario, update: bcp.updateScenario, remove: bcp.deleteScenario, history: bcp.scenarioHistory },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/bcp-drills/:id/findings',
      summary: "Open the drill's findings as corrective actions in Plan (a finding with an open action is not opened twice); a stale version gets 409",
      tags,
      access: { kind: 'org', permission: 'continuity.write' },
      params: IdParamsSchema,
      body: OpenDrillFindingsRequestSchema,
      tenantEntity: 'bcpDrill',
      response: BcpDrillSchema,
      handler: ({ auth, params, body, locale }) => bcp.openDrillFindings(scope(auth), params.id, body.version, locale, clock.now()),
    }),
    ...serviceRecordRoutes({
      path: '/api/v1/bcp-drills',
      tags,
      tenantEntity: 'bcpDrill',
      ...permissions,
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
      scope,
      service: { create: bcp.createDrill, get: bcp.getDrill, update: bcp.updateDrill, remove: bcp.deleteDrill, history: bcp.drillHistory },
      extra: () => clock.now(),
    }),
  ];
}
