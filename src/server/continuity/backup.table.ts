import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { BackupCopy } from '../../shared/continuity/backup.rules.ts';
import { workloads } from '../assets/workload.table.ts';
import { linkTable } from '../platform/db/link-table.ts';
import { authorshipColumns, tenantColumns } from '../platform/db/tenant-columns.ts';

/**
 * A backup plan per data set (seed 004 「三重バックアップ設計」): its copies
 * (the production data among them), how often it is taken and how long kept.
 * The copies are one value of the plan (a plan is edited and versioned
 * whole, and has a handful of them); backup.rules.ts scores them.
 */
export const backupPlans = pgTable(
  'backup_plans',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    /** continuous | hourly | daily | weekly | monthly */
    frequency: text('frequency').notNull(),
    retentionDays: integer('retention_days').notNull(),
    copies: jsonb('copies').$type<BackupCopy[]>().notNull(),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('backup_plans_org_id_key').on(t.organisationId, t.id),
    check('backup_plans_name_check', sql`length(${t.name}) between 1 and 200`),
    check('backup_plans_frequency_check', sql`${t.frequency} in ('continuous', 'hourly', 'daily', 'weekly', 'monthly')`),
    check('backup_plans_retention_check', sql`${t.retentionDays} between 1 and 36500`),
    check('backup_plans_copies_check', sql`jsonb_typeof(${t.copies}) = 'array'`),
  ],
);

/** Which workloads a plan's data set serves: a workload is recovered when all of its plans' data is back. */
export const backupPlanWorkloads = linkTable(
  'backup_plan_workloads',
  { key: 'planId', column: 'plan_id', table: () => backupPlans },
  { key: 'workloadId', column: 'workload_id', table: () => workloads },
);

/**
 * Restore tests of a plan (seed 004 「リストア時は…検証環境で復旧テストを実施」):
 * when, how long the restore took and how many errors it found, the "0" of
 * 3-2-1-1-0 and the measured time the workloads' RTO is held against.
 */
export const restoreTests = pgTable(
  'restore_tests',
  {
    ...tenantColumns(),
    planId: uuid('plan_id').notNull(),
    testedOn: date('tested_on').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    errors: integer('errors').notNull(),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('restore_tests_org_id_key').on(t.organisationId, t.id),
    foreignKey({ name: 'restore_tests_plan_fk', columns: [t.organisationId, t.planId], foreignColumns: [backupPlans.organisationId, backupPlans.id] }).onDelete('cascade'),
    index('restore_tests_org_plan_idx').on(t.organisationId, t.planId, t.testedOn),
    check('restore_tests_duration_check', sql`${t.durationMinutes} between 0 and 525600`),
    check('restore_tests_errors_check', sql`${t.errors} >= 0`),
  ],
);

/** A workload's recovery time and point objectives (RTO/RPO), at most one pair per workload. */
export const recoveryTargets = pgTable(
  'recovery_targets',
  {
    ...tenantColumns(),
    workloadId: uuid('workload_id').notNull(),
    rtoMinutes: integer('rto_minutes').notNull(),
    rpoMinutes: integer('rpo_minutes').notNull(),
    notes: text('notes').notNull().default(''),
    ...authorshipColumns(),
  },
  (t) => [
    unique('recovery_targets_org_id_key').on(t.organisationId, t.id),
    unique('recovery_targets_org_workload_key').on(t.organisationId, t.workloadId),
    foreignKey({ name: 'recovery_targets_workload_fk', columns: [t.organisationId, t.workloadId], foreignColumns: [workloads.organisationId, workloads.id] }).onDelete('cascade'),
    check('recovery_targets_minutes_check', sql`${t.rtoMinutes} between 0 and 525600 and ${t.rpoMinutes} between 0 and 525600`),
  ],
);
