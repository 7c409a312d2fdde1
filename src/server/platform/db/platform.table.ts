import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, recordStamps, stampedAt, ts } from './columns.ts';

/**
 * Platform tables: people, organisations, memberships, sessions and the
 * audit trail. Every editable entity carries `version` (optimistic locking:
 * a stale update gets 409).
 */

/** The account a row belongs to, deleted with it. */
const accountKey = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('ja'),
    timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
    mfaSecret: text('mfa_secret'),
    mfaPendingSecret: text('mfa_pending_secret'),
    mfaEnabledAt: ts('mfa_enabled_at'),
    /** The last TOTP time step accepted: a code is never accepted twice (ASVS 2.8.4). */
    mfaLastStep: bigint('mfa_last_step', { mode: 'number' }),
    lastOrganisationId: uuid('last_organisation_id'),
    ...recordStamps(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_locale_check', sql`${t.locale} in ('ja', 'en')`),
  ],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: idColumn(),
    userId: accountKey(),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: stampedAt('created_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

export const organisations = pgTable('organisations', {
  id: idColumn(),
  name: text('name').notNull(),
  requireMfa: boolean('require_mfa').notNull().default(true),
  ...recordStamps(),
});

export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: accountKey(),
    role: text('role').notNull(),
    ...recordStamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_check', sql`${t.role} in ('owner', 'manager', 'staff', 'auditor')`),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    revokedAt: ts('revoked_at'),
    createdAt: stampedAt('created_at'),
  },
  (t) => [
    index('invitations_org_idx').on(t.organisationId),
    check('invitations_role_check', sql`${t.role} in ('owner', 'manager', 'staff', 'auditor')`),
  ],
);

/** The one-time link that creates the first owner and organisation. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: stampedAt('created_at'),
  usedAt: ts('used_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: accountKey(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Password accepted but the TOTP step is still owed. */
    mfaPending: boolean('mfa_pending').notNull().default(false),
    createdAt: stampedAt('created_at'),
    lastSeenAt: stampedAt('last_seen_at'),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins per account and per address; shared by every instance. */
export const signinThrottle = pgTable('signin_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: stampedAt('window_started_at'),
  lockedUntil: ts('locked_until'),
});

/**
 * The tamper-evident audit trail: one hash chain per organisation
 * (`org:<id>`) and one for account events (`platform`). A trigger refuses
 * UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    organisationId: uuid('organisation_id'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    at: ts('at').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    meta: jsonb('meta'),
    /**
     * The seq of the entry `prevHash` names: `seq - 1`, except after a row
     * that no append wrote was found past the head and stepped over. Null on
     * entries written before this column existed (they all follow `seq - 1`).
     */
    prevSeq: bigint('prev_seq', { mode: 'number' }),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_chain_seq_key').on(t.chain, t.seq),
    index('audit_log_org_at_idx').on(t.organisationId, t.at),
    index('audit_log_actor_idx').on(t.actorUserId),
  ],
);

/**
 * The head of each chain, locked while appending so entries are strictly
 * ordered. `seal` is an HMAC of the head under a key the database does not
 * hold (`audit.seal.ts`), so a head moved by anyone without the key shows.
 */
export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  seal: text('seal'),
});
