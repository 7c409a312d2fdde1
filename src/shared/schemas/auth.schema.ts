import { z } from 'zod';
import { ROLES, PERMISSIONS } from '../policy.ts';
import { EmailSchema, IdSchema, LocaleSchema, plainString, text, VersionSchema } from './common.schema.ts';

/** OWASP ASVS 2.1.1/2.1.2: at least 12 characters, at least 64 allowed. Strength is checked on the server. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const PasswordSchema = plainString(PASSWORD_MAX, PASSWORD_MIN);
/** A password being checked (sign-in, the current one): any length up to the limit. */
const PasswordAttemptSchema = plainString(PASSWORD_MAX, 1);
/** Set-up and invitation tokens (checked by hash; never stored as sent). */
export const TokenSchema = plainString(200, 10);

export const RoleSchema = z.enum(ROLES);
export const PermissionsSchema = z.record(z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS]), z.boolean());

export const SetupStatusSchema = z.object({ needsSetup: z.boolean() });

export const SetupRequestSchema = z.strictObject({
  token: TokenSchema,
  organisationName: text(200),
  displayName: text(100),
  email: EmailSchema,
  password: PasswordSchema,
  locale: LocaleSchema.default('ja'),
});

export const SignInRequestSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordAttemptSchema,
});

export const MfaCodeRequestSchema = z.strictObject({
  code: text(32, 6),
});

export const MembershipSummarySchema = z.object({
  organisationId: IdSchema,
  organisationName: z.string(),
  role: RoleSchema,
});

export const SessionInfoSchema = z.object({
  csrfToken: z.string(),
  authenticated: z.boolean(),
  mfaPending: z.boolean(),
  needsSetup: z.boolean(),
  user: z
    .object({
      id: IdSchema,
      email: z.string(),
      displayName: z.string(),
      locale: LocaleSchema,
      timeZone: z.string(),
      mfaEnabled: z.boolean(),
      version: z.number().int(),
    })
    .nullable(),
  organisation: z
    .object({
      id: IdSchema,
      name: z.string(),
      role: RoleSchema,
      requireMfa: z.boolean(),
      /** True when this organisation's policy requires MFA of this member and it is not set up yet. */
      mfaSetupRequired: z.boolean(),
      can: PermissionsSchema,
    })
    .nullable(),
  memberships: z.array(MembershipSummarySchema),
});
export type TSessionInfo = z.infer<typeof SessionInfoSchema>;

export const SwitchOrganisationRequestSchema = z.strictObject({ organisationId: IdSchema });

export const UpdateProfileRequestSchema = z.strictObject({
  displayName: text(100).optional(),
  locale: LocaleSchema.optional(),
  timeZone: text(64).optional(),
  version: VersionSchema,
});

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: PasswordAttemptSchema,
  newPassword: PasswordSchema,
});

export const MfaEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});

export const MfaConfirmResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const MfaDisableRequestSchema = z.strictObject({ password: PasswordAttemptSchema });

export const SessionListItemSchema = z.object({
  id: IdSchema,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionListSchema = z.object({ items: z.array(SessionListItemSchema) });
