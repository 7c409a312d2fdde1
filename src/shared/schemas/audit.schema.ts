import { z } from 'zod';
import { businessDate, IdSchema, int4Query, safeIntegerQuery, text } from './common.schema.ts';

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
  entityType: text(60, 0).optional(),
  from: businessDate().optional(),
  to: businessDate().optional(),
  /** Keyset cursor: the seq to continue below (bigint). */
  cursor: safeIntegerQuery(1).optional(),
  limit: int4Query(1, 200).default(50),
});

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.number().int().nullable(),
  headSeq: z.number().int(),
  headHash: z.string().nullable(),
});
