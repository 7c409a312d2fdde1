import { ControlAssessmentSchema, ControlEvidenceParamsSchema, ControlExportQuerySchema, ControlSetsSchema, CreateControlAssessmentRequestSchema, UpdateControlAssessmentRequestSchema } from '../../shared/governance/control.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { evidenceUploadRoute, evidenceVersionRoute } from '../platform/evidence/evidence.routes.ts';
import { defineRoute, deleteRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { exportRoute } from '../platform/register/export.route.ts';
import { serviceRecordRoutes } from '../platform/register/record.routes.ts';
import { controlExportFileName, exportControls } from './control-export.service.ts';
import * as controls from './control.service.ts';

/** Control sets and the statement of applicability: thin routes over the service. */
export function controlRoutes(deps: ModuleDeps): AnyRoute[] {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
  const clock = clockOf(deps);
  // Due dates are the organisation's days in Japan.
  const today = () => dateIn('Asia/Tokyo', clock.now());
  const write = { kind: 'org', permission: 'governance.write' } as const;
  const tags = ['governance'];
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/controls',
      summary: 'The loaded control sets (FSA, PPC, basic measures, ISO/IEC 27017, METI ten items, the six-step flow), each control with the organisation’s judgement, and each set’s summary',
      tags,
      access: { kind: 'org', permission: 'governance.read' },
      response: ControlSetsSchema,
      handler: ({ auth }) => controls.controlSetsOf(scope(auth), today()),
    }),
    exportRoute({
      url: '/api/v1/controls/export',
      summary: 'The statement of applicability as CSV (UTF-8 with BOM), XLSX or JSON: every control, its applicability and reason, status, owner, due date and evidence',
      tags,
      read: 'governance.read',
      query: ControlExportQuerySchema,
      scope,
      entityType: 'controlAssessment',
      name: (query, locale) => controlExportFileName(query.format, locale, today()),
      stream: (auth, query, locale) => exportControls(scope(auth), query.format, locale, today()),
    }),
    ...serviceRecordRoutes({
      path: '/api/v1/control-assessments',
      tags,
      tenantEntity: 'controlAssessment',
      read: 'governance.read',
      write: 'governance.write',
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
      scope,
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
