import { ActionEvidenceParamsSchema, CorrectiveActionListSchema, CorrectiveActionSchema, CreateCorrectiveActionRequestSchema, MoveCorrectiveActionRequestSchema, UpdateCorrectiveActionRequestSchema } from '../../shared/operations/corrective-action.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { evidenceUploadRoute, evidenceVersionRoute } from '../platform/evidence/evidence.routes.ts';
import { deleteRoute, type AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import * as actions from './corrective-action.service.ts';
import { actionExportFileName, exportCorrectiveActions } from './operations-export.service.ts';

/** Corrective actions through plan, do, check and act, with their evidence (seed 004 「定期点検結果のフィードバック」). */
export function correctiveActionRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['operations'], read: 'operations.read', write: 'operations.write' });
  const { scope, clock, tags, write } = m;
  return [
    ...m.records({
      path: '/api/v1/corrective-actions',
      tenantEntity: 'correctiveAction',
      createBody: CreateCorrectiveActionRequestSchema,
      updateBody: UpdateCorrectiveActionRequestSchema,
      record: CorrectiveActionSchema,
      summaries: {
        create: "Open a corrective action in Plan, on its own or from an inspection's findings",
        get: 'One corrective action with its phase, what each next phase still needs, and its evidence',
        update: 'Change what an open action says (only the fields sent; a stale version gets 409; a closed action 409)',
        history: "The action's history from the audit trail, newest first",
        remove: 'Delete a corrective action with its evidence links (the audit trail keeps what it was)',
      },
      service: { create: actions.createAction, get: actions.getAction, update: actions.updateAction, remove: actions.deleteAction, history: actions.actionHistory },
      extra: () => clock.now(),
    }),
    m.get({
      url: '/api/v1/corrective-actions',
      summary: "The organisation's corrective actions: open ones first, the soonest due first",
      response: CorrectiveActionListSchema,
      handler: ({ auth }) => actions.listActions(scope(auth), clock.now()),
    }),
    m.exportRoute({
      url: '/api/v1/corrective-actions/export',
      summary: 'The corrective actions with their origin, phase, owner, due date and the notes of each PDCA step as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'correctiveAction',
      name: (query, locale) => actionExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportCorrectiveActions(scope(auth), query.format, locale, clock.now()),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/corrective-actions/:id/phase',
      summary: 'Move the action to its next phase (Check may send it back to Plan); 400 names what the move still needs, a stale version gets 409',
      params: IdParamsSchema,
      body: MoveCorrectiveActionRequestSchema,
      tenantEntity: 'correctiveAction',
      response: CorrectiveActionSchema,
      handler: ({ auth, params, body }) => actions.moveAction(scope(auth), params.id, body, clock.now()),
    }),
    evidenceUploadRoute({
      url: '/api/v1/corrective-actions/:id/evidence',
      record: 'an open corrective action',
      tags,
      access: write,
      params: IdParamsSchema,
      tenantEntity: 'correctiveAction',
      handler: ({ req, auth, params }) => actions.uploadActionEvidence(scope(auth), auth, params.id, req, deps.config.EVIDENCE_MAX_BYTES),
    }),
    evidenceVersionRoute({
      url: '/api/v1/corrective-actions/:id/evidence/:evidenceId/versions',
      record: 'an open corrective action',
      tags,
      access: write,
      params: ActionEvidenceParamsSchema,
      tenantEntity: 'correctiveActionEvidence',
      handler: ({ req, auth, params }) => actions.uploadActionEvidenceVersion(scope(auth), auth, params.id, params.evidenceId, req, deps.config.EVIDENCE_MAX_BYTES),
    }),
    deleteRoute({
      url: '/api/v1/corrective-actions/:id/evidence/:evidenceId',
      summary: 'Take an evidence file off an open corrective action',
      tags,
      access: write,
      params: ActionEvidenceParamsSchema,
      tenantEntity: 'correctiveActionEvidence',
      remove: ({ auth, params }) => actions.removeActionEvidence(scope(auth), auth, params.id, params.evidenceId),
    }),
  ];
}
