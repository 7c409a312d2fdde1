// Backup plans against the 3-2-1 and 3-2-1-1-0 rules (seed 004
// 「三重バックアップ設計(3-2-1 ルール)」; FACTS.md 5 adds the offline or
// immutable copy and the zero errors of restore tests). The rules' parts and
// their values come from the catalog (public backup-rules: measure, value,
// bound); this file counts what a plan has of each measure and says why a
// part is not met. Shared by the server and the web app.
import { addMonthsClamped, type IsoDate } from '../platform/calendar-date.ts';

export const BACKUP_MEDIA = ['disk', 'nas', 'tape', 'objectStorage', 'optical', 'removable'] as const;
export type BackupMedium = (typeof BACKUP_MEDIA)[number];
/** Where a copy is kept: the production site itself, another site of the organisation's, or a cloud service. */
export const COPY_LOCATIONS = ['primarySite', 'otherSite', 'cloud'] as const;
export type CopyLocation = (typeof COPY_LOCATIONS)[number];
export const BACKUP_FREQUENCIES = ['continuous', 'hourly', 'daily', 'weekly', 'monthly'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

/** The longest time between two backups of a frequency, in minutes: what can be lost at worst (a month counts as 31 days). */
export const FREQUENCY_MINUTES: Record<BackupFrequency, number> = { continuous: 0, hourly: 60, daily: 24 * 60, weekly: 7 * 24 * 60, monthly: 31 * 24 * 60 };

/** A restore test counts for the "0" for 12 months: a backup no one has restored for a year is not known to work. */
export const RESTORE_TEST_VALID_MONTHS = 12;

export const BACKUP_MEASURES = ['copies', 'media', 'offsite', 'offline-or-immutable', 'restore-errors'] as const;
export type BackupMeasure = (typeof BACKUP_MEASURES)[number];

/** One copy of the data set; the production data itself is one of them (3 copies = the original and two backups). */
export interface BackupCopy {
  label: string;
  medium: BackupMedium;
  location: CopyLocation;
  offline: boolean;
  immutable: boolean;
  encrypted: boolean;
}

export interface RestoreResult {
  testedOn: IsoDate;
  durationMinutes: number;
  errors: number;
}

export interface RulePart {
  measure: BackupMeasure;
  value: number;
  bound: 'min' | 'max';
}

export interface BackupRule {
  id: string;
  code: string;
  parts: RulePart[];
}

/** Why a part is not met: too few of something, no restore test (or none within 12 months), or errors in the latest one. */
export type MissingReason = 'tooFew' | 'noRestoreTest' | 'restoreTestStale' | 'restoreErrors';

export interface MissingPart {
  measure: BackupMeasure;
  required: number;
  /** What the plan has: a count, or the latest test's errors; null when there is no test to count. */
  actual: number | null;
  reason: MissingReason;
}

export interface RuleScore {
  ruleId: string;
  code: string;
  met: boolean;
  /** Parts met of all parts: the plan's score against the rule. */
  metParts: number;
  parts: number;
  missing: MissingPart[];
}

const isOffsite = (c: BackupCopy) => c.location !== 'primarySite';

/** How many of a measure the copies have (restore errors are not counted here). */
export function countOf(measure: Exclude<BackupMeasure, 'restore-errors'>, copies: readonly BackupCopy[]): number {
  switch (measure) {
    case 'copies':
      return copies.length;
    case 'media':
      return new Set(copies.map((c) => c.medium)).size;
    case 'offsite':
      return copies.filter(isOffsite).length;
    case 'offline-or-immutable':
      return copies.filter((c) => c.offline || c.immutable).length;
  }
}

/** The newest restore test, and whether it still counts today. */
export function latestRestore(tests: readonly RestoreResult[]): RestoreResult | null {
  return [...tests].sort((a, b) => (a.testedOn < b.testedOn ? 1 : a.testedOn > b.testedOn ? -1 : 0))[0] ?? null;
}

const restoreCounts = (test: RestoreResult, today: IsoDate) => addMonthsClamped(test.testedOn, RESTORE_TEST_VALID_MONTHS) >= today;

function checkPart(part: RulePart, copies: readonly BackupCopy[], latest: RestoreResult | null, today: IsoDate): MissingPart | null {
  if (part.measure === 'restore-errors') {
    if (!latest) return { measure: part.measure, required: part.value, actual: null, reason: 'noRestoreTest' };
    if (!restoreCounts(latest, today)) return { measure: part.measure, required: part.value, actual: latest.errors, reason: 'restoreTestStale' };
    const ok = part.bound === 'max' ? latest.errors <= part.value : latest.errors >= part.value;
    return ok ? null : { measure: part.measure, required: part.value, actual: latest.errors, reason: 'restoreErrors' };
  }
  const actual = countOf(part.measure, copies);
  const ok = part.bound === 'min' ? actual >= part.value : actual <= part.value;
  return ok ? null : { measure: part.measure, required: part.value, actual, reason: 'tooFew' };
}

/** The plan against one rule: each part the plan does not meet, with what it has and why. */
export function scoreRule(rule: BackupRule, copies: readonly BackupCopy[], latest: RestoreResult | null, today: IsoDate): RuleScore {
  const missing = rule.parts.flatMap((p) => checkPart(p, copies, latest, today) ?? []);
  return { ruleId: rule.id, code: rule.code, met: missing.length === 0, metParts: rule.parts.length - missing.length, parts: rule.parts.length, missing };
}

/** Beyond the rules: a copy that leaves the site unencrypted (seed 004's weekly copy goes to cloud storage 「暗号化済」). */
export type BackupWarning = 'offsiteUnencrypted';

export function backupWarnings(copies: readonly BackupCopy[]): BackupWarning[] {
  return copies.some((c) => isOffsite(c) && !c.encrypted) ? ['offsiteUnencrypted'] : [];
}

/**
 * The rules as the catalog's backup-rules collection states them: an item of
 * kind `rule` with its `part` children. Items that do not read as a rule are
 * left out rather than guessed at.
 */
export function rulesFromCatalog(items: readonly { itemId: string; parentId: string | null; attributes: Record<string, unknown> }[]): BackupRule[] {
  const parts = (id: string): RulePart[] =>
    items.flatMap((i) => {
      const a = i.attributes;
      if (i.parentId !== id || a.kind !== 'part') return [];
      const measure = BACKUP_MEASURES.find((m) => m === a.measure);
      if (!measure || typeof a.value !== 'number' || (a.bound !== 'min' && a.bound !== 'max')) return [];
      return [{ measure, value: a.value, bound: a.bound }];
    });
  return items.filter((i) => i.attributes.kind === 'rule' && typeof i.attributes.code === 'string').map((i) => ({ id: i.itemId, code: i.attributes.code as string, parts: parts(i.itemId) }));
}
