// The staffing matrix (PRODUCT.md capability 7; seed 004 「人材確保と資格」):
// requests and responses of /api/v1/staffing, /api/v1/staffing-roles and /api/v1/staffing-people.
import { z } from 'zod';
import { businessDate, IdSchema, text, uniqueList, updateRequestOf } from '../schemas/common.schema.ts';

export const PERSON_AFFILIATIONS = ['internal', 'external'] as const;
export const ROLE_GAPS = ['noHolder', 'tooFewHolders', 'noCertifiedHolder', 'certificationExpiring'] as const;
export const CERTIFICATION_STANDINGS = ['valid', 'expiringSoon', 'expired'] as const;

const roleFields = {
  title: text(200),
  /** Held by at least two people (staffing.rules.ts). */
  critical: z.boolean(),
  requiredCertifications: uniqueList(text(200), 20),
  notes: text(2000, 0),
};

export const CreateStaffingRoleRequestSchema = z.strictObject({
  title: roleFields.title,
  critical: roleFields.critical.default(false),
  requiredCertifications: roleFields.requiredCertifications.default([]),
  notes: roleFields.notes.default(''),
});
export type TCreateStaffingRoleRequest = z.input<typeof CreateStaffingRoleRequestSchema>;
export const UpdateStaffingRoleRequestSchema = updateRequestOf(CreateStaffingRoleRequestSchema);

export const CertificationRequestSchema = z.strictObject({ name: text(200), expiresOn: businessDate().nullable().default(null) });

const personFields = {
  name: text(100),
  /** On the staff, or an outside expert or provider's engineer the organisation counts on (MSP, MSS). */
  affiliation: z.enum(PERSON_AFFILIATIONS),
  certifications: z.array(CertificationRequestSchema).max(30),
  /** The roles the person holds. */
  roleIds: uniqueList(IdSchema, 50),
  notes: text(2000, 0),
};

export const CreateStaffingPersonRequestSchema = z.strictObject({
  name: personFields.name,
  affiliation: personFields.affiliation.default('internal'),
  certifications: personFields.certifications.default([]),
  roleIds: personFields.roleIds.default([]),
  notes: personFields.notes.default(''),
});
export type TCreateStaffingPersonRequest = z.input<typeof CreateStaffingPersonRequestSchema>;
export const UpdateStaffingPersonRequestSchema = updateRequestOf(CreateStaffingPersonRequestSchema);

const text2 = z.object({ ja: z.string(), en: z.string() });

export const StaffingRoleSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** The seed's role it was added from, with its sources; null for the organisation's own. */
  templateItemId: z.string().nullable(),
  source: z.array(z.string()),
  critical: z.boolean(),
  requiredCertifications: z.array(z.string()),
  notes: z.string(),
  holders: z.array(z.object({ id: IdSchema, name: z.string() })),
  gaps: z.array(z.enum(ROLE_GAPS)),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TStaffingRole = z.infer<typeof StaffingRoleSchema>;

export const StaffingPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  affiliation: z.enum(PERSON_AFFILIATIONS),
  certifications: z.array(z.object({ name: z.string(), expiresOn: z.string().nullable(), standing: z.enum(CERTIFICATION_STANDINGS) })),
  roleIds: z.array(IdSchema),
  notes: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TStaffingPerson = z.infer<typeof StaffingPersonSchema>;

export const StaffingSchema = z.object({
  roles: z.array(StaffingRoleSchema),
  people: z.array(StaffingPersonSchema),
  summary: z.object({ roles: z.number().int(), rolesWithGaps: z.number().int(), people: z.number().int(), certificationsExpiring: z.number().int(), certificationsExpired: z.number().int() }),
  /** Seed 004's roles as the organisation has them loaded: how many are not added yet. */
  template: z.object({ name: text2, source: z.array(z.string()), notAdded: z.number().int() }).nullable(),
});
export type TStaffing = z.infer<typeof StaffingSchema>;

export const AddStaffingTemplateRequestSchema = z.strictObject({});
export const StaffingExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') });
