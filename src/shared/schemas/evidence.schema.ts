import { z } from 'zod';
import { IdSchema } from './common.schema.ts';

/** One version of an evidence file (never its bytes: those come from `downloadUrl`). */
export const EvidenceVersionSchema = z.object({
  id: IdSchema,
  /** 1 for the file as first uploaded, counting up with each new version. */
  versionNo: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** The SHA-256 of the bytes, in hex. */
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
  downloadUrl: z.string(),
});
export type TEvidenceVersion = z.infer<typeof EvidenceVersionSchema>;

/** An evidence file as a record lists it: its current version, and the versions it superseded, newest first. */
export const EvidenceFileSchema = EvidenceVersionSchema.extend({ earlierVersions: z.array(EvidenceVersionSchema) });
export type TEvidenceFile = z.infer<typeof EvidenceFileSchema>;

/** A file's versions, newest first: the file itself, then the ones it superseded. */
export const EvidenceVersionListSchema = z.object({ items: z.array(EvidenceVersionSchema) });

export const EvidenceParamsSchema = z.strictObject({ evidenceId: IdSchema });

/** What the upload form may offer (the server checks again). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,.csv,.xlsx,.docx';
