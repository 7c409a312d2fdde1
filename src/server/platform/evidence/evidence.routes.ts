import type { z } from 'zod';
import { EvidenceFileSchema, EvidenceParamsSchema } from '../../../shared/schemas/evidence.schema.ts';
import { sendDownload } from '../http/download.ts';
import { defineRoute, type Access, type AnyRoute, type RouteDefinition } from '../http/route.ts';
import { findEvidenceDownload, type EvidenceDeps } from './evidence.service.ts';

/** The download of an evidence file; uploads belong to the module that owns the record. */
export function evidenceRoutes(deps: EvidenceDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/evidence/:evidenceId',
      summary: 'Download an evidence file (members of the organisation only; always an attachment)',
      tags: ['evidence'],
      access: { kind: 'org', permission: 'evidence.read' },
      params: EvidenceParamsSchema,
      tenantEntity: 'evidence',
      response: null,
      produces: 'application/octet-stream',
      handler: async ({ reply, auth, params }) => sendDownload(reply, await findEvidenceDownload(deps, auth, params.evidenceId)),
    }),
  ];
}

type UploadRoute<P, A extends Access> = RouteDefinition<P, undefined, undefined, typeof EvidenceFileSchema, A>;

/**
 * A module's upload of one evidence file onto one of its records
 * (multipart/form-data, one file, read by the module's service), answered
 * 201 with the stored file. `record` names the record in the summary.
 */
export function evidenceUploadRoute<P extends z.ZodType, A extends Access>(
  def: Omit<UploadRoute<P, A>, 'method' | 'summary' | 'rawBody' | 'response' | 'status'> & { record: string },
): UploadRoute<P, A> {
  const { record, ...rest } = def;
  return {
    ...rest,
    method: 'POST',
    summary: `Attach an evidence file to ${record} (multipart/form-data, one file)`,
    rawBody: true,
    response: EvidenceFileSchema,
    status: 201,
  };
}
