import { EvidenceParamsSchema } from '../../../shared/schemas/evidence.schema.ts';
import { sendDownload } from '../http/download.ts';
import { defineRoute, type AnyRoute } from '../http/route.ts';
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
