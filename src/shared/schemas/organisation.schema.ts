import { z } from 'zod';
import { RoleSchema, PasswordSchema, TokenSchema } from './auth.schema.ts';
import { EmailSchema, IdSchema, LocaleSchema, text, VersionSchema } from './common.schema.ts';

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  requireMfa: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TOrganisation = z.infer<typeof OrganisationSchema>;

export const UpdateOrganisationRequestSchema = z.strictObject({
  name: text(200).optional(),
  requireMfa: z.boolean().optional(),
  version: VersionSchema,
});

export const CreateOrganisationRequestSchema = z.strictObject({ name: text(200) });

export const MemberSchema = z.object({
  userId: IdSchema,
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  mfaEnabled: z.boolean(),
  joinedAt: z.string(),
  version: z.number().int(),
});
export type TMember = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.object({ items: z.array(MemberSchema) });

export const ChangeRoleRequestSchema = z.strictObject({ role: RoleSchema, version: VersionSchema });

export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
});
export const InvitationListSchema = z.object({ items: z.array(InvitationSchema) });
export const CreateInvitationRequestSchema = z.strictObject({ email: EmailSchema, role: RoleSchema });
/** The link is shown once, to the owner who created it. */
export const CreatedInvitationSchema = InvitationSchema.extend({ url: z.string() });

export const InvitationPreviewSchema = z.object({
  organisationName: z.string(),
  email: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
  accountExists: z.boolean(),
});
export const InvitationTokenParamsSchema = z.strictObject({ token: TokenSchema });
export const AcceptInvitationRequestSchema = z.strictObject({
  /** Only for a new account; an existing user accepts while signed in. */
  displayName: text(100).optional(),
  password: PasswordSchema.optional(),
  locale: LocaleSchema.optional(),
});
