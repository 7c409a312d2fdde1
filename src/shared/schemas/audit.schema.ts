import { z } from 'zod';
import { IdSchema } from './common.schema.ts';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: IdSchema.nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type TAuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.strictObject({
  actorUserId: IdSchema.optional(),
  entityType: z.string().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Keyset cursor: the seq to continue below. */
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.number().int().nullable(),
  headSeq: z.number().int(),
  headHash: z.string().nullable(),
});
