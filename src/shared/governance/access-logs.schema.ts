// The IAM review and the log policy check (PRODUCT.md capability 7; seed 004):
// requests and responses of /api/v1/iam-accounts and /api/v1/log-sources.
import { z } from 'zod';
import { businessDate, IdSchema, int4, text, VersionSchema } from '../schemas/common.schema.ts';
import { ACCOUNT_KINDS, LOG_KINDS } from './access-logs.rules.ts';

export const ACCOUNT_FINDINGS = ['noMfa', 'unused', 'reviewOverdue'] as const;
export const LOG_FINDINGS = ['retentionTooShort', 'notWorm', 'noClockSync', 'notCollected', 'notEncrypted'] as const;

/** A corrective action a record's finding was opened as, and where it stands (`finding`: the finding it answers). */
export const FindingActionSchema = z.object({ id: IdSchema, title: z.string(), phase: z.string(), dueOn: z.string().nullable(), overdue: z.boolean(), finding: z.string().nullable() });
export type TFindingAction = z.infer<typeof FindingActionSchema>;

const accountFields = {
  /** The system or service the account is on (a cloud console, the core system, a SaaS). */
  system: text(200),
  account: text(200),
  /** Who uses it (a person, a team, a program). */
  holder: text(200, 0),
  kind: z.enum(ACCOUNT_KINDS),
  /** The role or policy it has there. */
  role: text(200, 0),
  mfa: z.boolean(),
  active: z.boolean(),
  lastUsedOn: businessDate().nullable(),
  lastReviewedOn: businessDate().nullable(),
  notes: text(2000, 0),
};

export const CreateIamAccountRequestSchema = z.strictObject({
  system: accountFields.system,
  account: accountFields.account,
  holder: accountFields.holder.default(''),
  kind: accountFields.kind.default('person'),
  role: accountFields.role.default(''),
  mfa: accountFields.mfa.default(false),
  active: accountFields.active.default(true),
  lastUsedOn: accountFields.lastUsedOn.default(null),
  lastReviewedOn: accountFields.lastReviewedOn.default(null),
  notes: accountFields.notes.default(''),
});
export type TCreateIamAccountRequest = z.input<typeof CreateIamAccountRequestSchema>;
export const UpdateIamAccountRequestSchema = z.strictObject(accountFields).partial().extend({ version: VersionSchema });

export const IamAccountSchema = z.object({
  id: IdSchema,
  system: z.string(),
  account: z.string(),
  holder: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  role: z.string(),
  mfa: z.boolean(),
  active: z.boolean(),
  lastUsedOn: z.string().nullable(),
  lastReviewedOn: z.string().nullable(),
  notes: z.string(),
  findings: z.array(z.enum(ACCOUNT_FINDINGS)),
  /** The corrective actions its findings were opened as, open ones and closed. */
  actions: z.array(FindingActionSchema),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TIamAccount = z.infer<typeof IamAccountSchema>;

export const IamReviewSchema = z.object({
  items: z.array(IamAccountSchema),
  /** Per system: its active accounts, MFA coverage of those that sign in as people, unused ones and reviews overdue. */
  systems: z.array(z.object({ system: z.string(), accounts: z.number().int(), active: z.number().int(), mfaPercent: z.number().int().nullable(), unused: z.number().int(), reviewOverdue: z.number().int() })),
  source: z.array(z.string()),
});
export type TIamReview = z.infer<typeof IamReviewSchema>;

const logFields = {
  name: text(200),
  /** The system it comes from. */
  system: text(200, 0),
  kind: z.enum(LOG_KINDS),
  retentionMonths: int4(0, 1200),
  worm: z.boolean(),
  clockSync: z.boolean(),
  collected: z.boolean(),
  encrypted: z.boolean(),
  notes: text(2000, 0),
};

export const CreateLogSourceRequestSchema = z.strictObject({
  name: logFields.name,
  system: logFields.system.default(''),
  kind: logFields.kind.default('access'),
  retentionMonths: logFields.retentionMonths,
  worm: logFields.worm.default(false),
  clockSync: logFields.clockSync.default(false),
  collected: logFields.collected.default(false),
  encrypted: logFields.encrypted.default(false),
  notes: logFields.notes.default(''),
});
export type TCreateLogSourceRequest = z.input<typeof CreateLogSourceRequestSchema>;
export const UpdateLogSourceRequestSchema = z.strictObject(logFields).partial().extend({ version: VersionSchema });

export const LogSourceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  system: z.string(),
  kind: z.enum(LOG_KINDS),
  retentionMonths: z.number().int(),
  /** The least the policy keeps this kind of log, in months. */
  requiredMonths: z.number().int(),
  worm: z.boolean(),
  clockSync: z.boolean(),
  collected: z.boolean(),
  encrypted: z.boolean(),
  notes: z.string(),
  findings: z.array(z.enum(LOG_FINDINGS)),
  /** The corrective actions its findings were opened as, open ones and closed. */
  actions: z.array(FindingActionSchema),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TLogSource = z.infer<typeof LogSourceSchema>;

export const LogSourceListSchema = z.object({ items: z.array(LogSourceSchema), summary: z.object({ sources: z.number().int(), withFindings: z.number().int() }), source: z.array(z.string()) });
export type TLogSourceList = z.infer<typeof LogSourceListSchema>;

/** Open one of an account's current findings as a corrective action, at the version read (a finding with an open action gets 409). */
export const OpenIamFindingRequestSchema = z.strictObject({ finding: z.enum(ACCOUNT_FINDINGS), version: VersionSchema });
/** Open one of a log source's current findings as a corrective action, at the version read (a finding with an open action gets 409). */
export const OpenLogFindingRequestSchema = z.strictObject({ finding: z.enum(LOG_FINDINGS), version: VersionSchema });
