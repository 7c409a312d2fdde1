import { ControlAssessmentSchema, ControlEvidenceParamsSchema, ControlExportQuerySchema, ControlSetsSchema, CreateControlAssessmentRequestSchema, UpdateControlAssessmentRequestSchema } from '../../shared/governance/control.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { evidenceUploadRoute, evidenceVersionRoute } from '../platform/evidence/evidence.routes.ts';
import { deleteRoute, type AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { controlExportFileName, exportControls } from './control-export.service.ts';
import * as controls from './control.service.ts';

/** Control sets and the statement of applicability: thin routes over the service. */
export function controlRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['governance'], read: 'governance.read', write: 'governance.write' });
  const { scope, clock, tags, write } = m;
  // Due dates are the organisation's days in Japan.
  const today = () => dateIn('Asia/Tokyo', clock.now());
  return [
    m.get({
      url: '/api/v1/controls',
      summary: 'The loaded control sets (FSA, PPC, basic measures, ISO/IEC 27017, METI ten items, the six-step flow), each control with the organisation’s judgement, and each set’s summary',
      response: ControlSetsSchema,
      handler: ({ auth }) => controls.controlSetsOf(scope(auth), today()),
    }),
    m.exportRoute({
      url: '/api/v1/controls/export',
      summary: 'The statement of applicability as CSV (UTF-8 with BOM), XLSX or JSON: every control, its applicability and reason, status, owner, due date and evidence',
      query: ControlExportQuerySchema,
      entityType: 'controlAssessment',
      name: (query, locale) => controlExportFileName(query.format, locale, today()),
      stream: (auth, query, locale) => exportControls(scope(auth), query.format, locale, today()),
    }),
    ...m.records({
      path: '/api/v1/control-assessments',
      tenantEntity: 'controlAssessment',
      createBody: CreateControlAssessmentRequestSchema,
      updateBody: UpdateControlAssessmentRequestSchema,
      record: ControlAssessmentSchema,
      summaries: {
        create: 'The first judgement of a control of a loaded set: applicable or left out with the reason, status, owner, due date (a control judged already gets 409)',
        get: 'One control’s judgement with its evidence',
        update: 'Change a judgement (only the fields sent; a control left out needs its reason and is not implemented; stale → 409)',
        remove: 'Withdraw a judgement: the control is unassessed again (the audit trail keeps what it was)',
        history: "The judgement's history from the audit trail, newest first",
      },
      service: { create: controls.createAssessment, get: controls.getAssessment, update: controls.updateAssessment, remove: controls.deleteAssessment, history: controls.assessmentHistory },
      extra: today,
    }),
    evidenceUploadRoute({
      url: '/api/v1/control-assessments/:id/evidence',
      record: "a control's judgement",
      tags,
      access: write,
      params: IdParamsSchema,
      tenantEntity: 'controlAssessment',
      handler: ({ req, auth, params }) => controls.uploadControlEvidence(scope(auth), auth, params.id, req, deps.config.EVIDENCE_MAX_BYTES),
    }),
    evidenceVersionRoute({
      url: '/api/v1/control-assessments/:id/evidence/:evidenceId/versions',
      record: "a control's judgement",
      tags,
      access: write,
      params: ControlEvidenceParamsSchema,
      tenantEntity: 'controlAssessmentEvidence',
      handler: ({ req, auth, params }) => controls.uploadControlEvidenceVersion(scope(auth), auth, params.id, params.evidenceId, req, deps.config.EVIDENCE_MAX_BYTES),
    }),
    deleteRoute({
      url: '/api/v1/control-assessments/:id/evidence/:evidenceId',
      summary: "Take an evidence file off a control's judgement",
      tags,
      access: write,
      params: ControlEvidenceParamsSchema,
      tenantEntity: 'controlAssessmentEvidence',
      remove: ({ auth, params }) => controls.removeControlEvidence(scope(auth), auth, params.id, params.evidenceId),
    }),
  ];
}
