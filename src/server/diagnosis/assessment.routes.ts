import { z } from 'zod';
import { AnswerEvidenceParamsSchema, AnswerParamsSchema, AnswerRequestSchema, AnswerResultSchema, AssessmentListQuerySchema, AssessmentListSchema, AssessmentParamsSchema, AssessmentSchema, ChecklistListSchema, ComparisonQuerySchema, ComparisonSchema, StartAssessmentRequestSchema, SubmitAssessmentRequestSchema } from '../../shared/schemas/diagnosis.schema.ts';
import { deleteRoute, type AnyRoute } from '../platform/http/route.ts';
import { evidenceUploadRoute } from '../platform/evidence/evidence.routes.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import * as assessments from './assessment.service.ts';

const StartRequestSchema = StartAssessmentRequestSchema.extend({
  /** Carry the newest submitted answers, comments and evidence over (default) or start empty. */
  carryOver: z.boolean().optional(),
});

/** Checklists and their assessments. Item ids are catalog URNs, URL-encoded in paths. */
export function assessmentRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['diagnosis'], read: 'diagnosis.read', write: 'diagnosis.answer' });
  const { scope, tags, write } = m;
  return [
    m.get({
      url: '/api/v1/diagnosis/checklists',
      summary: 'The loaded checklists, each with its newest submitted score and any draft',
      response: ChecklistListSchema,
      handler: ({ auth }) => assessments.listChecklists(scope(auth)),
    }),
    m.get({
      url: '/api/v1/diagnosis/assessments',
      summary: 'Assessment history: drafts, then submitted assessments newest first (of one checklist when asked)',
      query: AssessmentListQuerySchema,
      response: AssessmentListSchema,
      handler: ({ auth, query }) => assessments.assessmentHistory(scope(auth), query.checklistId),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/diagnosis/assessments',
      summary: 'Start a draft assessment of a checklist (one draft per checklist at a time)',
      body: StartRequestSchema,
      response: AssessmentSchema,
      status: 201,
      handler: ({ auth, body }) => assessments.startAssessment(scope(auth), body.checklistId, body.carryOver ?? true),
    }),
    m.get({
      url: '/api/v1/diagnosis/assessments/:assessmentId',
      summary: 'One assessment: its questions as asked, answers, comments, evidence and score',
      params: AssessmentParamsSchema,
      tenantEntity: 'assessment',
      response: AssessmentSchema,
      handler: ({ auth, params }) => assessments.getAssessment(scope(auth), params.assessmentId),
    }),
    deleteRoute({
      url: '/api/v1/diagnosis/assessments/:assessmentId',
      summary: 'Discard a draft (a submitted assessment is never deleted)',
      tags,
      access: write,
      params: AssessmentParamsSchema,
      tenantEntity: 'assessment',
      remove: ({ auth, params }) => assessments.discardAssessment(scope(auth), params.assessmentId),
    }),
    m.change({
      method: 'PATCH',
      url: '/api/v1/diagnosis/assessments/:assessmentId/answers/:itemId',
      summary: "Answer one question of a draft (Yes, No, Don't know) with a comment; version 0 for a first answer",
      params: AnswerParamsSchema,
      body: AnswerRequestSchema,
      tenantEntity: 'assessment-answer',
      response: AnswerResultSchema,
      handler: ({ auth, params, body }) => assessments.answerQuestion(scope(auth), auth, params.assessmentId, params.itemId, body),
    }),
    evidenceUploadRoute({
      url: '/api/v1/diagnosis/assessments/:assessmentId/answers/:itemId/evidence',
      record: 'an answer of a draft',
      tags,
      access: write,
      params: AnswerParamsSchema,
      tenantEntity: 'assessment-answer',
      handler: ({ req, auth, params }) => assessments.uploadAnswerEvidence(scope(auth), auth, params.assessmentId, params.itemId, req, deps.config.EVIDENCE_MAX_BYTES),
    }),
    deleteRoute({
      url: '/api/v1/diagnosis/assessments/:assessmentId/answers/:itemId/evidence/:evidenceId',
      summary: 'Take an evidence file off an answer of a draft',
      tags,
      access: write,
      params: AnswerEvidenceParamsSchema,
      tenantEntity: 'assessment-answer-evidence',
      remove: ({ auth, params }) => assessments.removeAnswerEvidence(scope(auth), auth, params.assessmentId, params.itemId, params.evidenceId),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/diagnosis/assessments/:assessmentId/submit',
      summary: 'Submit a draft: every question answered; it becomes an immutable assessment',
      params: AssessmentParamsSchema,
      body: SubmitAssessmentRequestSchema,
      tenantEntity: 'assessment',
      response: AssessmentSchema,
      handler: ({ auth, params, body }) => assessments.submitAssessment(scope(auth), auth, params.assessmentId, body.version),
    }),
    m.get({
      url: '/api/v1/diagnosis/assessments/:assessmentId/comparison',
      summary: 'Compare two assessments of one checklist item by item (by default with the one submitted before)',
      params: AssessmentParamsSchema,
      query: ComparisonQuerySchema,
      tenantEntity: 'assessment',
      response: ComparisonSchema,
      handler: ({ auth, params, query }) => assessments.compareAssessments(scope(auth), params.assessmentId, query.with),
    }),
  ];
}
