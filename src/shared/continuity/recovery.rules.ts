// Recovery targets against what was measured (seed 004 「BCP:緊急時・無電化時・
// 停止時の3段階運用」: systems must be restorable quickly even when down).
// A workload's RTO is met when its data sets' latest restore tests finished
// within it; its RPO when no backup plan protecting it leaves a longer gap.
import { FREQUENCY_MINUTES, type BackupFrequency, type RestoreResult } from './backup.rules.ts';

export const RECOVERY_GAPS = ['noTargets', 'noBackupPlan', 'noRestoreTest', 'restoreSlowerThanRto', 'intervalLongerThanRpo'] as const;
export type RecoveryGap = (typeof RECOVERY_GAPS)[number];

export interface ProtectingPlan {
  frequency: BackupFrequency;
  latest: RestoreResult | null;
}

export interface RecoveryCheck {
  /** The slowest of the latest restores of the plans protecting it: all its data must be back. Null until every plan has been tested. */
  measuredRestoreMinutes: number | null;
  /** The longest gap between backups among those plans. */
  backupIntervalMinutes: number | null;
  gaps: RecoveryGap[];
}

export function checkRecovery(targets: { rtoMinutes: number; rpoMinutes: number } | null, plans: readonly ProtectingPlan[]): RecoveryCheck {
  const tested = plans.every((p) => p.latest);
  const measuredRestoreMinutes = plans.length && tested ? Math.max(...plans.map((p) => p.latest!.durationMinutes)) : null;
  const backupIntervalMinutes = plans.length ? Math.max(...plans.map((p) => FREQUENCY_MINUTES[p.frequency])) : null;
  const gaps: RecoveryGap[] = [];
  if (!targets) gaps.push('noTargets');
  if (!plans.length) gaps.push('noBackupPlan');
  else if (!tested) gaps.push('noRestoreTest');
  if (targets && measuredRestoreMinutes !== null && measuredRestoreMinutes > targets.rtoMinutes) gaps.push('restoreSlowerThanRto');
  if (targets && backupIntervalMinutes !== null && backupIntervalMinutes > targets.rpoMinutes) gaps.push('intervalLongerThanRpo');
  return { measuredRestoreMinutes, backupIntervalMinutes, gaps };
}
