// The IAM review and the log policy check (seed 004 「IAM設計とアクセス制御」:
// 最小権限原則、定期的な見直し、MFAの必須化; 「監査ログ・ログ管理」: アクセスログは
// 最低1年間、WORMストレージ、NTP同期されたタイムスタンプ, システム・アプリケーション
// ログは最低6か月, 収集とSIEMへの転送, 暗号化とアクセス制御).
import { addDays, addMonthsClamped, type IsoDate } from '../platform/calendar-date.ts';

export const ACCOUNT_KINDS = ['person', 'admin', 'service'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** An account not used for this long is unused (its access is removed, seed 004: 不要な権限は即時に削除). */
export const UNUSED_DAYS = 90;
/** Accounts are reviewed at least this often (the seed says "regularly"; Kumoji's default). */
export const ACCOUNT_REVIEW_MONTHS = 6;

export type AccountFinding = 'noMfa' | 'unused' | 'reviewOverdue';

export interface AccountFacts {
  kind: AccountKind;
  active: boolean;
  mfa: boolean;
  lastUsedOn: IsoDate | null;
  lastReviewedOn: IsoDate | null;
}

/**
 * What an active account lacks: MFA for a person's or an administrator's
 * account (a service account authenticates by key, so it is not asked), use
 * within 90 days (never used counts as unused), and a review within six
 * months. A disabled account lacks nothing.
 */
export function accountFindings(a: AccountFacts, today: IsoDate): AccountFinding[] {
  if (!a.active) return [];
  const out: AccountFinding[] = [];
  if (a.kind !== 'service' && !a.mfa) out.push('noMfa');
  if (!a.lastUsedOn || a.lastUsedOn < addDays(today, -UNUSED_DAYS)) out.push('unused');
  if (!a.lastReviewedOn || addMonthsClamped(a.lastReviewedOn, ACCOUNT_REVIEW_MONTHS) < today) out.push('reviewOverdue');
  return out;
}

/** MFA coverage of a system's active accounts that sign in as people, in whole percent (null when there are none). */
export function mfaCoverage(accounts: readonly AccountFacts[]): number | null {
  const people = accounts.filter((a) => a.active && a.kind !== 'service');
  return people.length ? Math.floor((people.filter((a) => a.mfa).length * 100) / people.length) : null;
}

export const LOG_KINDS = ['access', 'audit', 'system', 'application'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** The least retention by kind of log, in months: access and audit logs a year, system and application logs six months. */
export const MIN_RETENTION_MONTHS: Record<LogKind, number> = { access: 12, audit: 12, system: 6, application: 6 };

export type LogFinding = 'retentionTooShort' | 'notWorm' | 'noClockSync' | 'notCollected' | 'notEncrypted';

export interface LogSourceFacts {
  kind: LogKind;
  retentionMonths: number;
  worm: boolean;
  clockSync: boolean;
  collected: boolean;
  encrypted: boolean;
}

/** What a log source lacks against the policy: its retention, WORM storage for access and audit logs, NTP time, central collection, encryption. */
export function logFindings(l: LogSourceFacts): LogFinding[] {
  const out: LogFinding[] = [];
  if (l.retentionMonths < MIN_RETENTION_MONTHS[l.kind]) out.push('retentionTooShort');
  if ((l.kind === 'access' || l.kind === 'audit') && !l.worm) out.push('notWorm');
  if (!l.clockSync) out.push('noClockSync');
  if (!l.collected) out.push('notCollected');
  if (!l.encrypted) out.push('notEncrypted');
  return out;
}
