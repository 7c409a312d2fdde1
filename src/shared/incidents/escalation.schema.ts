// An incident's escalation to an outside expert (seed 004 「外部専門家・弊社への
// エスカレーション」): /api/v1/incidents/:id/escalation and its /status.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { text, uniqueList, VersionSchema } from '../schemas/common.schema.ts';
import { ESCALATION_STATUSES } from './escalation.rules.ts';

/** The escalation as the form holds it, saved at the version read (null the first time). */
export const SaveEscalationRequestSchema = z.strictObject({
  criteria: uniqueList(CatalogItemIdSchema.max(200), 20),
  otherReason: text(2000, 0),
  expert: text(500, 0),
  contractChecks: z.array(z.boolean()).max(20),
  request: z.array(text(4000, 0)).max(20),
  reportNote: text(8000, 0),
  version: VersionSchema.nullable(),
});
export type TSaveEscalationRequest = z.input<typeof SaveEscalationRequestSchema>;
export const MoveEscalationRequestSchema = z.strictObject({ to: z.enum(ESCALATION_STATUSES), version: VersionSchema });

const Pair = z.object({ ja: z.string(), en: z.string() });
const Missing = z.array(z.object({ path: z.string(), code: z.string() }));

export const EscalationSchema = z.object({
  status: z.enum(ESCALATION_STATUSES),
  /** The seed's criteria, each with whether it applies. */
  criteria: z.array(z.object({ itemId: z.string(), name: Pair, checked: z.boolean() })),
  otherReason: z.string(),
  expert: z.string(),
  /** The contract items to confirm (支援枠, 作業費用, NDA). */
  contractItems: z.array(z.object({ name: Pair, checked: z.boolean() })),
  /** The facts the request gives (発生日時, 影響範囲, 初期調査結果), suggested from the incident until saved. */
  requestItems: z.array(z.object({ name: Pair, answer: z.string() })),
  reportNote: z.string(),
  requestedAt: z.string().nullable(),
  /** The seed's procedure, step by step. */
  steps: z.array(z.object({ step: z.number().int(), name: Pair, detail: Pair.nullable() })),
  /** The next status, with what it still needs (none after closed). */
  next: z.object({ to: z.enum(ESCALATION_STATUSES), missing: Missing }).nullable(),
  version: z.number().int().nullable(),
  source: z.array(z.string()),
});
export type TEscalation = z.infer<typeof EscalationSchema>;
