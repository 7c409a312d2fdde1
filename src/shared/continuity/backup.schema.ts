// Backup plans and restore tests (PRODUCT.md capability 8; seed 004
// 「三重バックアップ設計(3-2-1 ルール)」): requests and responses of
// /api/v1/backup-plans and /api/v1/restore-tests.
import { z } from 'zod';
import { businessDate, IdSchema, int4, text, uniqueList, VersionSchema, updateRequestOf } from '../schemas/common.schema.ts';
import { BACKUP_FREQUENCIES, BACKUP_MEASURES, BACKUP_MEDIA, COPY_LOCATIONS } from './backup.rules.ts';

export const MINUTES_MAX = 525_600;

export const BackupCopySchema = z.strictObject({
  /** What the copy is, in the organisation's words (本番サーバー, NAS, クラウドストレージ). */
  label: text(100),
  medium: z.enum(BACKUP_MEDIA),
  location: z.enum(COPY_LOCATIONS),
  offline: z.boolean().default(false),
  immutable: z.boolean().default(false),
  encrypted: z.boolean().default(false),
});

const fields = {
  /** The data set the plan protects (顧客データベース, 会計データ). */
  name: text(200),
  frequency: z.enum(BACKUP_FREQUENCIES),
  retentionDays: int4(1, 36_500),
  /** Every copy, the production data among them. */
  copies: z.array(BackupCopySchema).min(1).max(10),
  workloadIds: uniqueList(IdSchema, 100),
  notes: text(2000, 0),
};

export const CreateBackupPlanRequestSchema = z.strictObject({
  name: fields.name,
  frequency: fields.frequency,
  retentionDays: fields.retentionDays,
  copies: fields.copies,
  workloadIds: fields.workloadIds.default([]),
  notes: fields.notes.default(''),
});
export type TCreateBackupPlanRequest = z.input<typeof CreateBackupPlanRequestSchema>;

export const UpdateBackupPlanRequestSchema = updateRequestOf(CreateBackupPlanRequestSchema);

export const RestoreTestSchema = z.object({
  id: IdSchema,
  planId: IdSchema,
  testedOn: z.string(),
  durationMinutes: z.number().int(),
  errors: z.number().int(),
  notes: z.string(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TRestoreTest = z.infer<typeof RestoreTestSchema>;

const RuleScoreSchema = z.object({
  ruleId: z.string(),
  code: z.string(),
  met: z.boolean(),
  metParts: z.number().int(),
  parts: z.number().int(),
  missing: z.array(z.object({ measure: z.enum(BACKUP_MEASURES), required: z.number().int(), actual: z.number().int().nullable(), reason: z.enum(['tooFew', 'noRestoreTest', 'restoreTestStale', 'restoreErrors']) })),
});

export const BackupPlanSchema = z.object({
  id: IdSchema,
  name: z.string(),
  frequency: z.enum(BACKUP_FREQUENCIES),
  retentionDays: z.number().int(),
  copies: z.array(BackupCopySchema),
  workloads: z.array(z.object({ id: IdSchema, name: z.string() })),
  notes: z.string(),
  /** The plan against each rule of the catalog, with the reason for each missing point. */
  scores: z.array(RuleScoreSchema),
  warnings: z.array(z.enum(['offsiteUnencrypted'])),
  latestRestore: z.object({ testedOn: z.string(), durationMinutes: z.number().int(), errors: z.number().int() }).nullable(),
  restoreTests: z.array(RestoreTestSchema),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TBackupPlan = z.infer<typeof BackupPlanSchema>;

export const BackupPlanListSchema = z.object({
  items: z.array(BackupPlanSchema),
  /** How many plans meet each rule, by rule code. */
  summary: z.object({ plans: z.number().int(), rules: z.array(z.object({ code: z.string(), met: z.number().int() })) }),
  /** The rules' sources, for the screen to cite. */
  source: z.array(z.string()),
});
export type TBackupPlanList = z.infer<typeof BackupPlanListSchema>;

export const CreateRestoreTestRequestSchema = z.strictObject({
  planId: IdSchema,
  testedOn: businessDate(),
  durationMinutes: int4(0, MINUTES_MAX),
  errors: int4(0, 1_000_000),
  notes: text(2000, 0).default(''),
});
export type TCreateRestoreTestRequest = z.input<typeof CreateRestoreTestRequestSchema>;

export const UpdateRestoreTestRequestSchema = z.strictObject({
  testedOn: businessDate().optional(),
  durationMinutes: int4(0, MINUTES_MAX).optional(),
  errors: int4(0, 1_000_000).optional(),
  notes: text(2000, 0).optional(),
  version: VersionSchema,
});

/** The backup export's tables: CSV and JSON carry the one asked for, the workbook both. */
export const BACKUP_EXPORT_TABLES = ['plans', 'restoreTests'] as const;
export const BackupExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'json']).default('csv'), table: z.enum(BACKUP_EXPORT_TABLES).default('plans') });
