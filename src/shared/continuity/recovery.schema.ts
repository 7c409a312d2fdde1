// Recovery targets per workload (PRODUCT.md capability 8): requests and
// responses of /api/v1/recovery-targets.
import { z } from 'zod';
import { IdSchema, int4, text, VersionSchema } from '../schemas/common.schema.ts';
import { MINUTES_MAX } from './backup.schema.ts';
import { RECOVERY_GAPS } from './recovery.rules.ts';

export const CreateRecoveryTargetRequestSchema = z.strictObject({
  workloadId: IdSchema,
  rtoMinutes: int4(0, MINUTES_MAX),
  rpoMinutes: int4(0, MINUTES_MAX),
  notes: text(2000, 0).default(''),
});
export type TCreateRecoveryTargetRequest = z.input<typeof CreateRecoveryTargetRequestSchema>;

export const UpdateRecoveryTargetRequestSchema = z.strictObject({
  rtoMinutes: int4(0, MINUTES_MAX).optional(),
  rpoMinutes: int4(0, MINUTES_MAX).optional(),
  notes: text(2000, 0).optional(),
  version: VersionSchema,
});

export const RecoveryTargetSchema = z.object({
  id: IdSchema,
  workloadId: IdSchema,
  rtoMinutes: z.number().int(),
  rpoMinutes: z.number().int(),
  notes: z.string(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TRecoveryTarget = z.infer<typeof RecoveryTargetSchema>;

/** One workload: its targets (null until set), the plans protecting it and what they measured against the targets. */
export const RecoveryRowSchema = z.object({
  workload: z.object({ id: IdSchema, name: z.string() }),
  target: RecoveryTargetSchema.nullable(),
  plans: z.array(z.object({ id: IdSchema, name: z.string() })),
  measuredRestoreMinutes: z.number().int().nullable(),
  backupIntervalMinutes: z.number().int().nullable(),
  gaps: z.array(z.enum(RECOVERY_GAPS)),
});
export type TRecoveryRow = z.infer<typeof RecoveryRowSchema>;

export const RecoveryListSchema = z.object({
  items: z.array(RecoveryRowSchema),
  summary: z.object({ workloads: z.number().int(), withTargets: z.number().int(), met: z.number().int() }),
});
export type TRecoveryList = z.infer<typeof RecoveryListSchema>;
