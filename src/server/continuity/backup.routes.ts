import { BackupExportQuerySchema, BackupPlanListSchema, BackupPlanSchema, CreateBackupPlanRequestSchema, CreateRestoreTestRequestSchema, RestoreTestSchema, UpdateBackupPlanRequestSchema, UpdateRestoreTestRequestSchema } from '../../shared/continuity/backup.schema.ts';
import { CreateRecoveryTargetRequestSchema, RecoveryListSchema, RecoveryTargetSchema, UpdateRecoveryTargetRequestSchema } from '../../shared/continuity/recovery.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { BACKUP_EXPORT_ENTITIES, backupPlansFile, backupPlansFileName } from './backup-export.service.ts';
import * as backups from './backup.service.ts';
import { exportRecovery, recoveryExportFileName } from './recovery-export.service.ts';
import * as recovery from './recovery.service.ts';

/** Backup plans, restore tests and the workloads' recovery targets (seed 004 「三重バックアップ設計」「BCP」): thin routes over the services. */
export function backupRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['continuity'], read: 'continuity.read', write: 'continuity.write' });
  const { scope, clock } = m;
  return [
    m.get({
      url: '/api/v1/backup-plans',
      summary: 'The backup plans, each scored against the 3-2-1 and 3-2-1-1-0 rules with the reason for each missing point, with its restore tests',
      response: BackupPlanListSchema,
      handler: ({ auth }) => backups.listBackupPlans(scope(auth), clock.now()),
    }),
    m.exportRoute({
      url: '/api/v1/backup-plans/export',
      summary: 'The backup plans and their scores (`table=plans`) or every restore test (`table=restoreTests`) as CSV (UTF-8 with BOM) or JSON; XLSX carries both, a sheet each; in the member’s language',
      query: BackupExportQuerySchema,
      entityType: (query) => BACKUP_EXPORT_ENTITIES[query.table],
      name: (query, locale) => backupPlansFileName(query.format, locale, query.table, clock.now()),
      stream: (auth, query, locale) => backupPlansFile(scope(auth), query.format, locale, query.table, clock.now()),
    }),
    ...m.records({
      path: '/api/v1/backup-plans',
      tenantEntity: 'backupPlan',
      createBody: CreateBackupPlanRequestSchema,
      updateBody: UpdateBackupPlanRequestSchema,
      record: BackupPlanSchema,
      summaries: {
        create: 'Add a backup plan for a data set: its copies (the production data among them), frequency, retention and the workloads it serves',
        get: 'One backup plan with its scores and restore tests',
        update: 'Change a backup plan (only the fields sent; `copies` and `workloadIds` replace the lists; stale → 409)',
        remove: 'Take a backup plan off the list, with its restore tests (the audit trail keeps them)',
        history: "The backup plan's history from the audit trail, newest first",
      },
      service: { create: backups.createBackupPlan, get: backups.getBackupPlan, update: backups.updateBackupPlan, remove: backups.deleteBackupPlan, history: backups.backupPlanHistory },
      extra: () => clock.now(),
    }),
    ...m.records({
      path: '/api/v1/restore-tests',
      tenantEntity: 'restoreTest',
      createBody: CreateRestoreTestRequestSchema,
      updateBody: UpdateRestoreTestRequestSchema,
      record: RestoreTestSchema,
      summaries: {
        create: 'Record a restore test of a backup plan: when, how long the restore took and how many errors it found',
        get: 'One restore test',
        update: 'Correct a restore test (stale → 409)',
        remove: 'Delete a restore test recorded by mistake (the audit trail keeps it)',
        history: "The restore test's history from the audit trail, newest first",
      },
      service: { create: backups.createRestoreTest, get: backups.getRestoreTest, update: backups.updateRestoreTest, remove: backups.deleteRestoreTest, history: backups.restoreTestHistory },
      extra: () => clock.now(),
    }),
    m.get({
      url: '/api/v1/recovery',
      summary: "Every workload with its RTO and RPO, the plans protecting it, the slowest latest restore and the longest backup interval, and what falls short",
      response: RecoveryListSchema,
      handler: ({ auth }) => recovery.listRecovery(scope(auth)),
    }),
    m.exportRoute({
      url: '/api/v1/recovery/export',
      summary: 'Every workload with its RTO and RPO, the plans protecting it, what they measured and what falls short, as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'recoveryTarget',
      name: (query, locale) => recoveryExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportRecovery(scope(auth), query.format, locale),
    }),
    ...m.records({
      path: '/api/v1/recovery-targets',
      tenantEntity: 'recoveryTarget',
      createBody: CreateRecoveryTargetRequestSchema,
      updateBody: UpdateRecoveryTargetRequestSchema,
      record: RecoveryTargetSchema,
      summaries: {
        create: "Set a workload's RTO and RPO in minutes (one pair per workload: 409 when it has them)",
        get: "One workload's recovery targets",
        update: "Change a workload's recovery targets (stale → 409)",
        remove: "Clear a workload's recovery targets",
        history: "The recovery targets' history from the audit trail, newest first",
      },
      service: { create: recovery.createRecoveryTarget, get: recovery.getRecoveryTarget, update: recovery.updateRecoveryTarget, remove: recovery.deleteRecoveryTarget, history: recovery.recoveryTargetHistory },
    }),
  ];
}
