import { DecisionParamsSchema, DecisionSchema, EvaluationParamsSchema, EvaluationSchema, RecordDecisionRequestSchema, RecordEvaluationRequestSchema, StagesOverviewSchema } from '../../shared/schemas/diagnosis.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import { evidenceUploadRoute } from '../platform/evidence/evidence.routes.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import * as stages from './stage.service.ts';

/** Stages and gates (seed 000 II.5-II.6): the stage model, gate evaluations and decisions, the timeline. */
export function stageRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['stages'], read: 'diagnosis.read' });
  const { scope, clock, tags } = m;
  return [
    m.get({
      url: '/api/v1/stages',
      summary: 'Current stage and time in it, the stage model, the gate and what it needs, decisions possible, records and timeline',
      response: StagesOverviewSchema,
      handler: ({ auth }) => stages.getStagesOverview(scope(auth), clock.now()),
    }),
    m.route({
      method: 'POST',
      url: '/api/v1/stages/evaluations',
      summary: 'Record an evaluation of a gate item of the current stage (append-only)',
      access: { kind: 'org', permission: 'gate.evaluate' },
      body: RecordEvaluationRequestSchema,
      response: EvaluationSchema,
      status: 201,
      handler: ({ auth, body }) => stages.recordEvaluation(scope(auth), auth, body, clock.now()),
    }),
    evidenceUploadRoute({
      url: '/api/v1/stages/evaluations/:evaluationId/evidence',
      record: 'a gate evaluation',
      tags,
      access: { kind: 'org', permission: 'gate.evaluate' },
      params: EvaluationParamsSchema,
      tenantEntity: 'gate-evaluation',
      handler: ({ req, auth, params }) => stages.uploadEvaluationEvidence(scope(auth), auth, params.evaluationId, req, deps.config.EVIDENCE_MAX_BYTES),
    }),
    m.route({
      method: 'POST',
      url: '/api/v1/stages/decisions',
      summary: "Record the gate decision (owners and managers): advance, stay or step back, with a reason and a third party's opinion",
      access: { kind: 'org', permission: 'gate.decide' },
      body: RecordDecisionRequestSchema,
      response: DecisionSchema,
      status: 201,
      handler: ({ auth, body }) => stages.recordDecision(scope(auth), auth, body, clock.now()),
    }),
    evidenceUploadRoute({
      url: '/api/v1/stages/decisions/:decisionId/evidence',
      record: 'a gate decision',
      tags,
      access: { kind: 'org', permission: 'gate.decide' },
      params: DecisionParamsSchema,
      tenantEntity: 'stage-decision',
      handler: ({ req, auth, params }) => stages.uploadDecisionEvidence(scope(auth), auth, params.decisionId, req, deps.config.EVIDENCE_MAX_BYTES),
    }),
  ];
}
