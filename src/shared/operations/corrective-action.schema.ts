// Corrective actions (seed 004 「定期点検結果のフィードバック」 PDCA):
// /api/v1/corrective-actions, /:id/phase, /:id/evidence.
import { z } from 'zod';
import { businessDate, IdSchema, text, VersionSchema } from '../schemas/common.schema.ts';
import { EvidenceFileSchema } from '../schemas/evidence.schema.ts';
import { ACTION_ORIGINS, PDCA_PHASES } from './corrective-action.rules.ts';

const editable = {
  title: text(200),
  ownerUserId: IdSchema.nullable(),
  dueOn: businessDate().nullable(),
  /** Plan: the issue and the measures planned. */
  plan: text(4000, 0),
  /** Do: what was implemented or changed. */
  doneNote: text(4000, 0),
  /** Check: how the improvement was verified (a rescan, a test). */
  checkNote: text(4000, 0),
  effective: z.boolean().nullable(),
  /** Act: which procedures, manuals and inspection items were updated. */
  actNote: text(4000, 0),
};
const optional = Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]> };

/** A new action: from an inspection's findings (its id) or on its own; an incident's come from its post-incident review. */
export const CreateCorrectiveActionRequestSchema = z.strictObject({
  ...optional,
  title: editable.title,
  origin: z.enum(['inspection', 'other']).default('other'),
  originId: IdSchema.nullable().default(null),
});
export type TCreateCorrectiveActionRequest = z.input<typeof CreateCorrectiveActionRequestSchema>;
export const UpdateCorrectiveActionRequestSchema = z.strictObject({ ...optional, version: VersionSchema });

/** Move the action to the next phase, at the version read. */
export const MoveCorrectiveActionRequestSchema = z.strictObject({ to: z.enum(PDCA_PHASES), version: VersionSchema });

export const CorrectiveActionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  origin: z.enum(ACTION_ORIGINS),
  originId: IdSchema.nullable(),
  originTitle: z.string(),
  /** The origin's screen in the app (null for 'other'). */
  originPath: z.string().nullable(),
  phase: z.enum(PDCA_PHASES),
  /** Where the action may go next, and for each what is still missing (errors.field codes). */
  moves: z.array(z.object({ to: z.enum(PDCA_PHASES), missing: z.array(z.object({ path: z.string(), code: z.string() })) })),
  ownerUserId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  plan: z.string(),
  doneNote: z.string(),
  checkNote: z.string(),
  effective: z.boolean().nullable(),
  actNote: z.string(),
  evidence: z.array(EvidenceFileSchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TCorrectiveAction = z.infer<typeof CorrectiveActionSchema>;
export const CorrectiveActionListSchema = z.object({ items: z.array(CorrectiveActionSchema) });
export const ActionEvidenceParamsSchema = z.strictObject({ id: IdSchema, evidenceId: IdSchema });
