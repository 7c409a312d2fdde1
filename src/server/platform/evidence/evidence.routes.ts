import type { z } from 'zod';
import { EvidenceFileSchema, EvidenceParamsSchema, EvidenceVersionListSchema } from '../../../shared/schemas/evidence.schema.ts';
import { sendDownload } from '../http/download.ts';
import { defineRoute, type Access, type AnyRoute, type RouteDefinition } from '../http/route.ts';
import { evidenceVersions } from './evidence-version.service.ts';
import { findEvidenceDownload, type EvidenceDeps } from './evidence.service.ts';

/** The download of an evidence file and its versions; uploads (and new versions) belong to the module that owns the record. */
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
    defineRoute({
      method: 'GET',
      url: '/api/v1/evidence/:evidenceId/versions',
      summary: "An evidence file's versions, newest first: the file, then the versions it superseded, each with its SHA-256 and download",
      tags: ['evidence'],
      access: { kind: 'org', permission: 'evidence.read' },
      params: EvidenceParamsSchema,
      tenantEntity: 'evidence',
      response: EvidenceVersionListSchema,
      handler: ({ auth, params }) => evidenceVersions(deps, auth, params.evidenceId),
    }),
  ];
}

type UploadRoute<P, A extends Access> = RouteDefinition<P, undefined, undefined, typeof EvidenceFileSchema, A>;
type UploadRouteDef<P, A extends Access> = Omit<UploadRoute<P, A>, 'method' | 'summary' | 'rawBody' | 'response' | 'status'> & { record: string };

const uploadRoute = <P, A extends Access>({ record, ...rest }: UploadRouteDef<P, A>, summary: (record: string) => string): UploadRoute<P, A> => ({
  ...rest,
  method: 'POST',
  summary: summary(record),
  rawBody: true,
  response: EvidenceFileSchema,
  status: 201,
});

/**
 * A module's upload of one evidence file onto one of its records
 * (multipart/form-data, one file, read by the module's service), answered
 * 201 with the stored file. `record` names the record in the summary.
 */
export const evidenceUploadRoute = <P extends z.ZodType, A extends Access>(def: UploadRouteDef<P, A>): UploadRoute<P, A> =>
  uploadRoute(def, (record) => `Attach an evidence file to ${record} (multipart/form-data, one file)`);

/**
 * A module's upload of a new version of one of a record's evidence files
 * (`:evidenceId` in the path; multipart/form-data, one file), answered 201
 * with the new version and the ones behind it. `record` names the record.
 */
export const evidenceVersionRoute = <P extends z.ZodType, A extends Access>(def: UploadRouteDef<P, A>): UploadRoute<P, A> =>
  uploadRoute(def, (record) => `Upload a new version of an evidence file of ${record} (multipart/form-data, one file; the earlier versions are kept; a version already superseded gets 409)`);
