// Incidents (PRODUCT.md capability 9; seed 000 V.6.1 インシデント処置票, seed 004
// 「インシデント初動と法令通知」, FACTS.md 1 and 2): requests and responses of
// /api/v1/incidents and /api/v1/incidents/:id/actions.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { businessDate, IdSchema, instant, int4, text, VersionSchema, updateRequestOf } from '../schemas/common.schema.ts';
import { PDCA_PHASES } from '../operations/corrective-action.rules.ts';
import { DEADLINE_STATES } from './deadline.rules.ts';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const INCIDENT_STATUSES = ['open', 'closed'] as const;
/** Seed 004's first response, in order: detect, contain, investigate, prepare the notifications. */
export const FIRST_RESPONSE_PHASES = ['detected', 'contained', 'investigated', 'notificationsPrepared'] as const;
/** What the timeline records: a phase done, a report made (to the rule it answers), or a note. */
export const ACTION_KINDS = [...FIRST_RESPONSE_PHASES, 'reportSubmitted', 'note'] as const;

/** The yes-or-no facts the deadline rules read (actual or suspected, おそれ included). */
export const INCIDENT_FACTS = ['sensitiveData', 'financialHarm', 'improperPurpose', 'stronglyEncrypted', 'euResidents', 'nis2InScope', 'financialSector'] as const;
const factFields = Object.fromEntries(INCIDENT_FACTS.map((f) => [f, z.boolean()])) as Record<(typeof INCIDENT_FACTS)[number], z.ZodBoolean>;

const incidentFields = {
  title: text(200),
  detectionItemId: CatalogItemIdSchema.max(200).nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  description: text(4000, 0),
  /** When the organisation became aware (知った時): every legal deadline counts from it. */
  awareAt: instant(),
  occurredAt: instant().nullable(),
  // The facts the deadline rules read (actual or suspected, おそれ included).
  personsAffected: int4(0, 2_000_000_000).nullable(),
  ...factFields,
  note: text(4000, 0),
  /** The post-incident review: what caused it and what was learnt. */
  review: text(8000, 0),
};

type Times = { awareAt?: string; occurredAt?: string | null };
/** It cannot have become known before it happened. */
export function timeChecks(i: Times, ctx: z.RefinementCtx) {
  if (i.awareAt && i.occurredAt && Date.parse(i.occurredAt) > Date.parse(i.awareAt)) ctx.addIssue({ code: 'custom', path: ['occurredAt'], params: { i18n: 'occurredAfterAware' } });
}

const { title, awareAt, ...rest } = incidentFields;
const optionalRest = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof rest]: z.ZodOptional<(typeof rest)[K]> };

export const CreateIncidentRequestSchema = z.strictObject({ title, awareAt, ...optionalRest }).superRefine(timeChecks);
export type TCreateIncidentRequest = z.input<typeof CreateIncidentRequestSchema>;
export const UpdateIncidentRequestSchema = updateRequestOf(CreateIncidentRequestSchema).superRefine(timeChecks);
export type TUpdateIncidentRequest = z.input<typeof UpdateIncidentRequestSchema>;

export const AddActionRequestSchema = z
  .strictObject({
    kind: z.enum(ACTION_KINDS),
    at: instant(),
    /** The rule a submitted report answers. */
    ruleId: CatalogItemIdSchema.max(200).nullable().default(null),
    text: text(2000, 0).default(''),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'reportSubmitted' && !a.ruleId) ctx.addIssue({ code: 'custom', path: ['ruleId'], params: { i18n: 'reportNeedsRule' } });
    if (a.kind !== 'reportSubmitted' && a.ruleId) ctx.addIssue({ code: 'custom', path: ['ruleId'], params: { i18n: 'ruleOnlyForReports' } });
  });
export type TAddActionRequest = z.input<typeof AddActionRequestSchema>;
/** A report's draft: one answer per item of the rule, saved at the version read (null the first time). */
export const SaveReportDraftRequestSchema = z.strictObject({
  ruleId: CatalogItemIdSchema.max(200),
  answers: z.array(text(4000, 0)).max(20),
  version: VersionSchema.nullable(),
});
export type TSaveReportDraftRequest = z.input<typeof SaveReportDraftRequestSchema>;
/** A finding of the post-incident review, opened as a corrective action in Plan. */
export const AddFindingRequestSchema = z.strictObject({
  title: text(200),
  plan: text(4000, 0).default(''),
  ownerUserId: IdSchema.nullable().default(null),
  dueOn: businessDate().nullable().default(null),
});
export type TAddFindingRequest = z.input<typeof AddFindingRequestSchema>;
export const ActionParamsSchema = z.strictObject({ id: IdSchema, actionId: IdSchema });

const Pair = z.object({ ja: z.string(), en: z.string() });

export const DeadlineSchema = z.object({
  ruleId: z.string(),
  name: Pair,
  regime: z.string(),
  regimeName: Pair.nullable(),
  stage: z.string(),
  recipient: Pair.nullable(),
  applies: z.boolean(),
  /** The facts that make it apply, and those that keep it from applying, by their catalog wording. */
  because: z.array(Pair),
  excludedBy: z.array(Pair),
  startAt: z.string().nullable(),
  provisional: z.boolean(),
  dueAt: z.string().nullable(),
  beyondCalendar: z.boolean(),
  submittedAt: z.string().nullable(),
  state: z.enum(DEADLINE_STATES),
  legalPeriod: Pair.nullable(),
  guidance: Pair.nullable(),
  reportItems: z.array(Pair),
  /** The draft of the report, one answer per item; suggested from the facts (the summary, the number of persons) until saved. */
  draft: z.object({ answers: z.array(z.string()), version: z.number().int().nullable(), filled: z.number().int() }),
});
export type TDeadline = z.infer<typeof DeadlineSchema>;

export const ActionSchema = z.object({ id: IdSchema, kind: z.enum(ACTION_KINDS), at: z.string(), ruleId: z.string().nullable(), text: z.string(), actor: z.string(), createdAt: z.string() });

export const IncidentSchema = z.object({
  id: IdSchema,
  title: z.string(),
  detectionItemId: z.string().nullable(),
  detection: Pair.nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  description: z.string(),
  awareAt: z.string(),
  occurredAt: z.string().nullable(),
  personsAffected: z.number().int().nullable(),
  ...factFields,
  note: z.string(),
  review: z.string(),
  /** The review's findings: the corrective actions they became, where each stands. */
  findings: z.array(z.object({ id: IdSchema, title: z.string(), phase: z.enum(PDCA_PHASES), dueOn: z.string().nullable(), overdue: z.boolean() })),
  actions: z.array(ActionSchema),
  /** Seed 004: the first response within 24 hours of awareness, each phase with when it was done. */
  firstResponse: z.object({
    targetAt: z.string(),
    phases: z.array(z.object({ phase: z.enum(FIRST_RESPONSE_PHASES), doneAt: z.string().nullable() })),
    state: z.enum(['open', 'dueSoon', 'overdue', 'done', 'doneLate']),
  }),
  /** Every rule of the catalog, applying or not, with its deadline; the applying ones first by due time. */
  deadlines: z.array(DeadlineSchema),
  /** The next open deadline of an applying rule. */
  nextDueAt: z.string().nullable(),
  source: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TIncident = z.infer<typeof IncidentSchema>;
export const IncidentListSchema = z.object({ items: z.array(IncidentSchema) });

export const DetectionCategoriesSchema = z.object({ items: z.array(z.object({ itemId: z.string(), name: Pair })), source: z.array(z.string()) });
