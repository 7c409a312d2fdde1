// A workload's requirements profile (seed 000 III.6.2) and the fit matrix of
// providers against it: /api/v1/workloads/:id/requirements, /api/v1/provider-fit.
import { z } from 'zod';
import { IdSchema, int4, text, uniqueList, VersionSchema } from '../schemas/common.schema.ts';
import { SERVICE_TYPES } from './provider.schema.ts';
import { SLA_PERIODS } from './sla.rules.ts';

export const ISMAP_REQUIREMENTS = ['none', 'ismap_liu', 'ismap'] as const;
/** 稼働・運用相談: none, some, as much as possible (出来るだけ欲しい). */
export const SUPPORT_NEEDS = ['none', 'some', 'most'] as const;
/** Requirements people judge per provider (the others are computed). */
export const JUDGED_REQUIREMENTS = ['migration', 'interfaces', 'terminals'] as const;
export const JUDGED_FITS = ['fits', 'partial', 'gap'] as const;
export const FIT_REQUIREMENTS = ['serviceType', 'dataLocation', 'ismap', 'availability', 'recovery', 'support', ...JUDGED_REQUIREMENTS] as const;
export const FIT_STATES = ['fits', 'partial', 'gap', 'knockOut', 'unknown', 'notRequired'] as const;
export const MAX_COMPARED = 8;

export const FitJudgementSchema = z.strictObject({ providerId: IdSchema, key: z.enum(JUDGED_REQUIREMENTS), fit: z.enum(JUDGED_FITS), note: text(1000, 0).default('') });

export const SaveRequirementsRequestSchema = z
  .strictObject({
    /** The profile's version as read; null when the workload has none yet. */
    version: VersionSchema.nullable(),
    serviceType: z.enum(SERVICE_TYPES).nullable(),
    dataInJapan: z.boolean(),
    ismapRequired: z.enum(ISMAP_REQUIREMENTS),
    migrationDataKinds: int4(0, 10_000).nullable(),
    migrationItems: int4(0, 1_000_000).nullable(),
    migrationVolumeGb: z.number().min(0).max(1e9).nullable(),
    interfaces: text(2000, 0),
    operatingHours: text(500, 0),
    serviceHoursPerDay: z.number().gt(0).max(24),
    serviceDaysPerYear: int4(1, 366),
    recoveryHours: z.number().min(0).max(8784).nullable(),
    availabilityPercent: z.number().min(0).max(100).nullable(),
    maxDowntimeHours: z.number().min(0).max(8784).nullable(),
    downtimePeriod: z.enum(SLA_PERIODS),
    terminals: text(500, 0),
    sites: int4(0, 100_000).nullable(),
    terminalCount: int4(0, 1_000_000).nullable(),
    support: z.enum(SUPPORT_NEEDS),
    providerIds: uniqueList(IdSchema, MAX_COMPARED),
    judgements: z.array(FitJudgementSchema).max(MAX_COMPARED * JUDGED_REQUIREMENTS.length),
  })
  .superRefine((r, ctx) => {
    const period = r.downtimePeriod === 'year' ? r.serviceHoursPerDay * r.serviceDaysPerYear : (r.serviceHoursPerDay * r.serviceDaysPerYear) / 12;
    if (r.maxDowntimeHours !== null && r.maxDowntimeHours > period) ctx.addIssue({ code: 'custom', path: ['maxDowntimeHours'], params: { i18n: 'downtimeLongerThanPeriod' } });
    const seen = new Set<string>();
    r.judgements.forEach((j, i) => {
      const key = `${j.providerId} ${j.key}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['judgements', i], params: { i18n: 'duplicateItems' } });
      seen.add(key);
      if (!r.providerIds.includes(j.providerId)) ctx.addIssue({ code: 'custom', path: ['judgements', i, 'providerId'], params: { i18n: 'judgedProviderNotCompared' } });
    });
  });
export type TSaveRequirementsRequest = z.input<typeof SaveRequirementsRequestSchema>;

const SlaFindingSchema = z.object({
  code: z.enum(['downtimeNeedsHigherAvailability', 'availabilityStricterThanDowntime', 'recoveryExceedsDowntime']),
  period: z.enum(SLA_PERIODS),
  availabilityPercent: z.number().optional(),
  allowedHours: z.number(),
  statedHours: z.number().optional(),
  requiredPercent: z.number().optional(),
  recoveryHours: z.number().optional(),
});
export type TSlaFinding = z.infer<typeof SlaFindingSchema>;

const RequirementsBodySchema = z.object({
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  dataInJapan: z.boolean(),
  ismapRequired: z.enum(ISMAP_REQUIREMENTS),
  migrationDataKinds: z.number().int().nullable(),
  migrationItems: z.number().int().nullable(),
  migrationVolumeGb: z.number().nullable(),
  interfaces: z.string(),
  operatingHours: z.string(),
  serviceHoursPerDay: z.number(),
  serviceDaysPerYear: z.number().int(),
  recoveryHours: z.number().nullable(),
  availabilityPercent: z.number().nullable(),
  maxDowntimeHours: z.number().nullable(),
  downtimePeriod: z.enum(SLA_PERIODS),
  terminals: z.string(),
  sites: z.number().int().nullable(),
  terminalCount: z.number().int().nullable(),
  support: z.enum(SUPPORT_NEEDS),
  providerIds: z.array(IdSchema),
  judgements: z.array(z.object({ providerId: IdSchema, key: z.enum(JUDGED_REQUIREMENTS), fit: z.enum(JUDGED_FITS), note: z.string() })),
});

export const FitCellSchema = z.object({
  key: z.enum(FIT_REQUIREMENTS),
  state: z.enum(FIT_STATES),
  /** What was compared, for the cell's explanation: the requirement and what the provider offers. */
  required: z.string().nullable(),
  offered: z.string().nullable(),
  note: z.string(),
});

export const RequirementsSchema = z.object({
  workloadId: IdSchema,
  workloadName: z.string(),
  /** Null until the workload's profile is first saved (the fields then hold the defaults). */
  id: IdSchema.nullable(),
  version: z.number().int().nullable(),
  profile: RequirementsBodySchema,
  /** Contradictions within the profile, with the arithmetic (FACTS.md 5). */
  slaFindings: z.array(SlaFindingSchema),
  /** The availability the profile needs: the stricter of the stated availability and the downtime limit. */
  requiredAvailabilityPercent: z.number().nullable(),
  matrix: z.array(
    z.object({
      providerId: IdSchema,
      providerName: z.string(),
      cells: z.array(FitCellSchema),
      fits: z.number().int(),
      partial: z.number().int(),
      gaps: z.number().int(),
      unknown: z.number().int(),
      knockOuts: z.number().int(),
      /** 0-100 over the requirements that apply: a fit counts 1, a partial fit a half. */
      score: z.number().nullable(),
      eligible: z.boolean(),
      evaluationScore: z.number().nullable(),
    }),
  ),
});
export type TRequirements = z.infer<typeof RequirementsSchema>;
