// Control sets with their statement of applicability (PRODUCT.md capability 7):
// requests and responses of /api/v1/controls and /api/v1/control-assessments.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { businessDate, IdSchema, text, VersionSchema } from '../schemas/common.schema.ts';
import { EvidenceFileSchema } from '../schemas/evidence.schema.ts';
import { CONTROL_STATUSES } from './control.rules.ts';

export const CONTROL_SET_KEYS = ['fsa', 'ppc', 'ipa', 'iso27017', 'meti', 'flow'] as const;
export type TControlSetKey = (typeof CONTROL_SET_KEYS)[number];

const fields = {
  applicable: z.boolean(),
  /** Why the control applies, or why it is left out (required then). */
  reason: text(2000, 0),
  status: z.enum(CONTROL_STATUSES),
  /** The department or role that owns the control, by name (a new name becomes a department); null for none. */
  ownerDepartment: text(100).nullable(),
  dueOn: businessDate().nullable(),
  notes: text(2000, 0),
};

/** The first judgement of a control of a loaded set (a control judged already gets 409). */
export const CreateControlAssessmentRequestSchema = z.strictObject({
  itemId: CatalogItemIdSchema.max(200),
  applicable: fields.applicable.default(true),
  reason: fields.reason.default(''),
  status: fields.status.default('notStarted'),
  ownerDepartment: fields.ownerDepartment.default(null),
  dueOn: fields.dueOn.default(null),
  notes: fields.notes.default(''),
});
export type TCreateControlAssessmentRequest = z.input<typeof CreateControlAssessmentRequestSchema>;

export const UpdateControlAssessmentRequestSchema = z.strictObject({
  applicable: fields.applicable.optional(),
  reason: fields.reason.optional(),
  status: fields.status.optional(),
  ownerDepartment: fields.ownerDepartment.optional(),
  dueOn: fields.dueOn.optional(),
  notes: fields.notes.optional(),
  version: VersionSchema,
});

const text2 = z.object({ ja: z.string(), en: z.string() });

export const ControlAssessmentSchema = z.object({
  id: IdSchema,
  itemId: z.string(),
  /** The control as the catalog names it, and the set it belongs to. */
  control: z.object({ set: z.enum(CONTROL_SET_KEYS), setName: text2, name: text2, code: z.string().nullable(), source: z.array(z.string()) }).nullable(),
  applicable: z.boolean(),
  reason: z.string(),
  status: z.enum(CONTROL_STATUSES),
  ownerDepartment: z.object({ id: IdSchema, name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  notes: z.string(),
  evidence: z.array(EvidenceFileSchema),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TControlAssessment = z.infer<typeof ControlAssessmentSchema>;

const summary = z.object({ controls: z.number().int(), assessed: z.number().int(), applicable: z.number().int(), implemented: z.number().int(), overdue: z.number().int(), implementedPercent: z.number().int().nullable() });

export const ControlSetsSchema = z.object({
  sets: z.array(
    z.object({
      key: z.enum(CONTROL_SET_KEYS),
      name: text2,
      source: z.array(z.string()),
      summary,
      controls: z.array(z.object({ itemId: z.string(), name: text2, code: z.string().nullable(), source: z.array(z.string()), assessment: ControlAssessmentSchema.nullable() })),
    }),
  ),
  summary,
  departments: z.array(z.object({ id: IdSchema, name: z.string() })),
});
export type TControlSets = z.infer<typeof ControlSetsSchema>;

export const ControlEvidenceParamsSchema = z.strictObject({ id: IdSchema, evidenceId: IdSchema });
export const ControlExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') });
