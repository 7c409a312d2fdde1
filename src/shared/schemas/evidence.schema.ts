import { z } from 'zod';
import { IdSchema } from './common.schema.ts';

/** An evidence file as lists show it (never its bytes: those come from `downloadUrl`). */
export const EvidenceFileSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
  downloadUrl: z.string(),
});
export type TEvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const EvidenceParamsSchema = z.strictObject({ evidenceId: IdSchema });

/** What the upload form may offer (the server checks again). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,.csv,.xlsx,.docx';
