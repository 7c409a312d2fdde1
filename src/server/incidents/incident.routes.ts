import { ActionParamsSchema, AddActionRequestSchema, AddFindingRequestSchema, SaveReportDraftRequestSchema, CreateIncidentRequestSchema, DetectionCategoriesSchema, IncidentListSchema, IncidentSchema, UpdateIncidentRequestSchema } from '../../shared/incidents/incident.schema.ts';
import { EscalationSchema, MoveEscalationRequestSchema, SaveEscalationRequestSchema } from '../../shared/incidents/escalation.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import * as escalation from './escalation.service.ts';
import { exportIncidents, incidentExportFileName } from './incident-export.service.ts';
import * as incidents from './incident.service.ts';

/** Incidents, their timelines and their legal deadlines (PRODUCT.md capability 9): thin routes over the service. */
export function incidentRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['incidents'], read: 'incidents.read', write: 'incidents.write' });
  const { scope, clock } = m;
  return [
    ...m.records({
      path: '/api/v1/incidents',
      tenantEntity: 'incident',
      createBody: CreateIncidentRequestSchema,
      updateBody: UpdateIncidentRequestSchema,
      record: IncidentSchema,
      summaries: {
        create: 'Record an incident (インシデント処置票): what happened, when the organisation became aware, and the facts the legal deadlines depend on',
        get: 'One incident with its timeline, its first response against 24 hours, and every legal deadline with why it applies or not',
        update: 'Change an incident or its facts (only the fields sent; a stale version gets 409); the deadlines are counted again',
        remove: 'Delete an incident with its timeline (the audit trail keeps what it was)',
        history: "The incident's history from the audit trail, newest first",
      },
      service: { create: incidents.createIncident, get: incidents.getIncident, update: incidents.updateIncident, remove: incidents.deleteIncident, history: incidents.incidentHistory },
      extra: () => clock.now(),
    }),
    m.get({
      url: '/api/v1/incidents',
      summary: "The organisation's incidents, newest awareness first, each with its next legal deadline",
      response: IncidentListSchema,
      handler: ({ auth }) => incidents.listIncidents(scope(auth), clock.now()),
    }),
    m.exportRoute({
      url: '/api/v1/incidents/export',
      summary: 'The incidents with their facts, first response, the legal deadlines that apply and the review, as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language (times in Japan)',
      entityType: 'incident',
      name: (query, locale) => incidentExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportIncidents(scope(auth), query.format, locale, clock.now()),
    }),
    m.get({
      url: '/api/v1/incident-detection-categories',
      summary: 'The detection categories of seed 000 V.6.1(1) (問題あり, 規定値オーバー, アラーム値 …), as the organisation has them loaded',
      response: DetectionCategoriesSchema,
      handler: ({ auth }) => incidents.detectionCategories(scope(auth)),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/incidents/:id/actions',
      summary: "Add to the incident's timeline: a first-response phase done, a report made to a rule that applies, or a note",
      params: IdParamsSchema,
      body: AddActionRequestSchema,
      tenantEntity: 'incident',
      response: IncidentSchema,
      status: 201,
      handler: ({ auth, params, body }) => incidents.addAction(scope(auth), params.id, body, clock.now()),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/incidents/:id/findings',
      summary: "Record a finding of the post-incident review: it opens as a corrective action in Plan, named after the incident",
      params: IdParamsSchema,
      body: AddFindingRequestSchema,
      tenantEntity: 'incident',
      response: IncidentSchema,
      status: 201,
      handler: ({ auth, params, body }) => incidents.addFinding(scope(auth), params.id, body, clock.now()),
    }),
    m.get({
      url: '/api/v1/incidents/:id/escalation',
      summary: "The incident's escalation to an outside expert (seed 004): the criteria, the contract checks, the request's facts (suggested from the incident until saved), the procedure and what the next status needs",
      params: IdParamsSchema,
      tenantEntity: 'incident',
      response: EscalationSchema,
      handler: ({ auth, params }) => escalation.getEscalation(scope(auth), params.id),
    }),
    m.change({
      method: 'PATCH',
      url: '/api/v1/incidents/:id/escalation',
      summary: 'Save the escalation as the form holds it, at the version read (null the first time); a closed escalation gets 409',
      params: IdParamsSchema,
      body: SaveEscalationRequestSchema,
      tenantEntity: 'incident',
      response: EscalationSchema,
      handler: ({ auth, params, body }) => escalation.saveEscalation(scope(auth), params.id, body),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/incidents/:id/escalation/status',
      summary: 'Move the escalation to its next status (requested, in progress, reported, closed); 400 names what the move still needs',
      params: IdParamsSchema,
      body: MoveEscalationRequestSchema,
      tenantEntity: 'incident',
      response: EscalationSchema,
      handler: ({ auth, params, body }) => escalation.moveEscalation(scope(auth), params.id, body, clock.now()),
    }),
    m.change({
      method: 'PATCH',
      url: '/api/v1/incidents/:id/report-drafts',
      summary: 'Save the draft of the report a rule that applies requires, one answer per item of the rule (the APPI report’s nine), at the version read (null the first time)',
      params: IdParamsSchema,
      body: SaveReportDraftRequestSchema,
      tenantEntity: 'incident',
      response: IncidentSchema,
      handler: ({ auth, params, body }) => incidents.saveReportDraft(scope(auth), params.id, body, clock.now()),
    }),
    m.change({
      method: 'DELETE',
      url: '/api/v1/incidents/:id/actions/:actionId',
      summary: 'Take back a timeline entry recorded by mistake (audited)',
      params: ActionParamsSchema,
      tenantEntity: 'incidentAction',
      response: IncidentSchema,
      handler: ({ auth, params }) => incidents.removeAction(scope(auth), params.id, params.actionId, clock.now()),
    }),
  ];
}
