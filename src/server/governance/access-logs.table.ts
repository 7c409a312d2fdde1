import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * The IAM review's accounts (seed 004 「IAM設計とアクセス制御」): one row per
 * account on a system, with its kind, role, MFA, last use and last review
 * (access-logs.rules.ts names what it lacks).
 */
export const iamAccounts = pgTable(
  'iam_accounts',
  {
    ...tenantColumns(),
    system: text('system').notNull(),
    account: text('account').notNull(),
    holder: text('holder').notNull().default(''),
    /** person | admin | service */
    kind: text('kind').notNull().default('person'),
    role: text('role').notNull().default(''),
    mfa: boolean('mfa').notNull().default(false),
    active: boolean('active').notNull().default(true),
    lastUsedOn: date('last_used_on'),
    lastReviewedOn: date('last_reviewed_on'),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('iam_accounts_org_id_key').on(t.organisationId, t.id),
    unique('iam_accounts_org_system_account_key').on(t.organisationId, t.system, t.account),
    check('iam_accounts_kind_check', sql`${t.kind} in ('person', 'admin', 'service')`),
  ],
);

/** The log sources checked against the log policy (seed 004 「監査ログ・ログ管理」). */
export const logSources = pgTable(
  'log_sources',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    system: text('system').notNull().default(''),
    /** access | audit | system | application */
    kind: text('kind').notNull().default('access'),
    retentionMonths: integer('retention_months').notNull(),
    worm: boolean('worm').notNull().default(false),
    clockSync: boolean('clock_sync').notNull().default(false),
    collected: boolean('collected').notNull().default(false),
    encrypted: boolean('encrypted').notNull().default(false),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('log_sources_org_id_key').on(t.organisationId, t.id),
    check('log_sources_kind_check', sql`${t.kind} in ('access', 'audit', 'system', 'application')`),
    check('log_sources_retention_check', sql`${t.retentionMonths} between 0 and 1200`),
  ],
);
