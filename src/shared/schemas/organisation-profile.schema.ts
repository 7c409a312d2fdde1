import { z } from 'zod';
import { int4, plainString, safeInteger, VersionOrZeroSchema } from './common.schema.ts';

const TextPair = z.object({ ja: z.string(), en: z.string() });

/** Whole yen: up to 1,000兆円, far above any SME and exact in a JS number. */
export const YEN_MAX = 1_000_000_000_000_000;
export const EMPLOYEES_MAX = 10_000_000;
export const YenSchema = safeInteger(0, YEN_MAX);

/** An industry of the catalog's list (seed 000 I.3 表1) with the share of companies using cloud services. */
export const IndustryOptionSchema = z.object({
  id: z.string(),
  name: TextPair,
  /** 表1 "利用している" (%), the seed's figure from the MIC survey. */
  usingPct: z.number().nullable(),
});
export type TIndustryOption = z.infer<typeof IndustryOptionSchema>;

export const OrganisationProfileSchema = z.object({
  industryId: z.string().nullable(),
  employees: z.number().int().nullable(),
  capitalYen: z.number().int().nullable(),
  annualRevenueYen: z.number().int().nullable(),
  handlesPersonalData: z.boolean(),
  handlesSensitivePersonalData: z.boolean(),
  handlesEuResidentsData: z.boolean(),
  financialSector: z.boolean(),
  updatedAt: z.string().nullable(),
  /** 0 until the profile is first saved. */
  version: z.number().int(),
  /** Whether the facts the diagnosis uses are filled in (industry and employees). */
  complete: z.boolean(),
  industries: z.array(IndustryOptionSchema),
  /** Where the industry list comes from (its citation). */
  industriesSource: z.array(z.string()),
  can: z.object({ update: z.boolean() }),
});
export type TOrganisationProfile = z.infer<typeof OrganisationProfileSchema>;

/** Fields left out stay as they are; `version` 0 creates the profile. */
export const UpdateOrganisationProfileRequestSchema = z.strictObject({
  industryId: plainString(300).nullable().optional(),
  employees: int4(0, EMPLOYEES_MAX).nullable().optional(),
  capitalYen: YenSchema.nullable().optional(),
  annualRevenueYen: YenSchema.nullable().optional(),
  handlesPersonalData: z.boolean().optional(),
  handlesSensitivePersonalData: z.boolean().optional(),
  handlesEuResidentsData: z.boolean().optional(),
  financialSector: z.boolean().optional(),
  version: VersionOrZeroSchema,
});
export type TUpdateOrganisationProfileRequest = z.infer<typeof UpdateOrganisationProfileRequestSchema>;
