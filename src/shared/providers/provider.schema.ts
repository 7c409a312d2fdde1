// Providers and contracts (PRODUCT.md capability 6; seed 000 III.6, IV.6.1 表13,
// FACTS.md 4 and 5): requests and responses of /api/v1/providers,
// /api/v1/provider-references and /api/v1/providers/:id/evaluation.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { businessDate, IdSchema, int4, plainString, text, uniqueList, VersionSchema } from '../schemas/common.schema.ts';

/** Seed 000 III.6.1 item 1: the kinds of service (SaaS, PaaS, IaaS, storage). */
export const SERVICE_TYPES = ['saas', 'paas', 'iaas', 'storage'] as const;
/** FACTS.md 4: ISMAP (since 2020-06) and ISMAP-LIU (since 2022-11, SaaS for low-impact work). */
export const ISMAP_REGISTRATIONS = ['none', 'ismap', 'ismap_liu'] as const;
export const SUPPORT_HOURS = ['none', 'business', 'extended', 'always'] as const;

const percent = z.number().min(0).max(100);
const hours = z.number().min(0).max(8784);

export const DataLocationSchema = z.strictObject({
  country: plainString(2, 2).refine((c) => /^[A-Z]{2}$/.test(c), { params: { i18n: 'countryCode' } }),
  region: text(100, 0).default(''),
});
export const CertificationSchema = z.strictObject({ name: text(200), expiresOn: businessDate().nullable().default(null) });

const providerFields = {
  name: text(200),
  services: uniqueList(text(200), 30),
  website: text(500, 0),
  serviceTypes: uniqueList(z.enum(SERVICE_TYPES), SERVICE_TYPES.length),
  dataLocations: z.array(DataLocationSchema).max(30),
  certifications: z.array(CertificationSchema).max(50),
  ismap: z.enum(ISMAP_REGISTRATIONS),
  ismapRegisteredOn: businessDate().nullable(),
  ismapListCheckedOn: businessDate().nullable(),
  msp: z.boolean(),
  mss: z.boolean(),
  subcontractors: uniqueList(text(200), 30),
  slaAvailabilityPercent: percent.nullable(),
  recoveryTimeHours: hours.nullable(),
  supportHours: z.enum(SUPPORT_HOURS),
  migrationSupport: z.boolean(),
  note: text(4000, 0),
};

type ProviderShape = { ismap?: string; ismapRegisteredOn?: string | null; ismapListCheckedOn?: string | null };
/** A registration is recorded with its date and the date of the ISMAP list it was checked on (FACTS.md 4), the list read after the registration. */
export function ismapChecks(p: ProviderShape, ctx: z.RefinementCtx) {
  if (p.ismap === undefined || p.ismap === 'none') return;
  if (!p.ismapRegisteredOn) ctx.addIssue({ code: 'custom', path: ['ismapRegisteredOn'], params: { i18n: 'ismapNeedsDates' } });
  if (!p.ismapListCheckedOn) ctx.addIssue({ code: 'custom', path: ['ismapListCheckedOn'], params: { i18n: 'ismapNeedsDates' } });
  if (p.ismapRegisteredOn && p.ismapListCheckedOn && p.ismapListCheckedOn < p.ismapRegisteredOn)
    ctx.addIssue({ code: 'custom', path: ['ismapListCheckedOn'], params: { i18n: 'checkedBeforeRegistered' } });
}

const optional = Object.fromEntries(Object.entries(providerFields).filter(([k]) => k !== 'name').map(([k, v]) => [k, v.optional()])) as {
  [K in Exclude<keyof typeof providerFields, 'name'>]: z.ZodOptional<(typeof providerFields)[K]>;
};

/** A new provider: its own, or a copy of one of the study's nine (`referenceItemId`), whose fields then start from the reference. */
export const CreateProviderRequestSchema = z.strictObject({ name: providerFields.name, referenceItemId: CatalogItemIdSchema.max(200).nullable().optional(), ...optional }).superRefine(ismapChecks);
export type TCreateProviderRequest = z.input<typeof CreateProviderRequestSchema>;
export const UpdateProviderRequestSchema = z.strictObject({ name: providerFields.name.optional(), ...optional, version: VersionSchema }).superRefine(ismapChecks);
export type TUpdateProviderRequest = z.input<typeof UpdateProviderRequestSchema>;

export const CertificationViewSchema = z.object({ name: z.string(), expiresOn: z.string().nullable(), expired: z.boolean() });

export const ProviderSchema = z.object({
  id: IdSchema,
  name: z.string(),
  referenceItemId: z.string().nullable(),
  /** The human title of the reference profile it was copied from. */
  reference: z.object({ ja: z.string(), en: z.string() }).nullable(),
  services: z.array(z.string()),
  website: z.string(),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  dataLocations: z.array(z.object({ country: z.string(), region: z.string() })),
  certifications: z.array(CertificationViewSchema),
  ismap: z.enum(ISMAP_REGISTRATIONS),
  ismapRegisteredOn: z.string().nullable(),
  ismapListCheckedOn: z.string().nullable(),
  msp: z.boolean(),
  mss: z.boolean(),
  subcontractors: z.array(z.string()),
  slaAvailabilityPercent: z.number().nullable(),
  recoveryTimeHours: z.number().nullable(),
  supportHours: z.enum(SUPPORT_HOURS),
  migrationSupport: z.boolean(),
  note: z.string(),
  /** The evaluation's outcome, when there is one. */
  evaluation: z
    .object({ score: z.number().nullable(), knockedOut: z.boolean(), dueOn: z.string(), overdue: z.boolean() })
    .nullable(),
  contractCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TProvider = z.infer<typeof ProviderSchema>;
export const ProviderListSchema = z.object({ items: z.array(ProviderSchema) });

/** The study's provider profiles (seed 000 IV.6.1(2) 表13, May 2020), read-only, each copied into an own provider at most once. */
export const ProviderReferenceListSchema = z.object({
  source: z.array(z.string()),
  items: z.array(
    z.object({
      itemId: z.string(),
      name: z.object({ ja: z.string(), en: z.string() }),
      company: z.string(),
      services: z.array(z.string()),
      url: z.string(),
      features: z.array(z.object({ ja: z.string(), en: z.string() })),
      /** The own provider copied from it, if any. */
      copiedAs: IdSchema.nullable(),
    }),
  ),
});
export type TProviderReferenceList = z.infer<typeof ProviderReferenceListSchema>;

// The evaluation: seed 000 III.6.1 a)-i) and the nine selection checks (IV.6).
export const RATING_MIN = 0;
export const RATING_MAX = 4;
/** A knock-out item rated below this puts the provider out. */
export const KNOCK_OUT_BELOW = 2;

export const EvaluationItemSchema = z.strictObject({
  itemId: CatalogItemIdSchema.max(200),
  rating: int4(RATING_MIN, RATING_MAX).nullable(),
  weight: int4(0, 5).default(1),
  knockOut: z.boolean().default(false),
  evidence: text(2000, 0).default(''),
  note: text(2000, 0).default(''),
});

export const SaveEvaluationRequestSchema = z.strictObject({
  /** The evaluation's version as read; null when there is none yet. */
  version: VersionSchema.nullable(),
  evaluatedOn: businessDate(),
  reevaluateMonths: int4(1, 60),
  items: z
    .array(EvaluationItemSchema)
    .max(40)
    .refine((xs) => new Set(xs.map((x) => x.itemId)).size === xs.length, { params: { i18n: 'duplicateItems' } }),
});
export type TSaveEvaluationRequest = z.input<typeof SaveEvaluationRequestSchema>;

const EvaluationItemViewSchema = z.object({
  itemId: z.string(),
  /** Which list it is from: the company items a)-i) or the nine selection checks. */
  group: z.enum(['company', 'selection']),
  /** a … i, or 1 … 9. */
  label: z.string(),
  text: z.object({ ja: z.string(), en: z.string() }),
  rating: z.number().int().nullable(),
  weight: z.number().int(),
  knockOut: z.boolean(),
  evidence: z.string(),
  note: z.string(),
});

export const EvaluationSchema = z.object({
  providerId: IdSchema,
  /** Null until the provider is first evaluated: the items come with no ratings. */
  id: IdSchema.nullable(),
  version: z.number().int().nullable(),
  evaluatedOn: z.string().nullable(),
  reevaluateMonths: z.number().int(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  items: z.array(EvaluationItemViewSchema),
  /** 0-100: rated items' weighted ratings over their weighted maximum; null while none is rated. */
  score: z.number().nullable(),
  rated: z.number().int(),
  /** Knock-out items rated below adequate. */
  knockOuts: z.array(z.string()),
  /** Knock-out items not rated yet. */
  knockOutsPending: z.array(z.string()),
  source: z.array(z.string()),
});
export type TEvaluation = z.infer<typeof EvaluationSchema>;

export const ProviderExportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
  /** CSV and JSON carry one table; the workbook carries all three. */
  table: z.enum(['providers', 'evaluations', 'contracts']).default('providers'),
});
