import { inArray, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { signinThrottle } from '../db/platform.table.ts';

/**
 * Sign-in throttling per account and per address (OWASP ASVS 2.2.1), kept in
 * the database so every instance sees the same counts. Too many failures in
 * the window lock the key for a while; the message says how long.
 */

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** Minutes until the latest lock on any of the keys ends, or 0. */
export async function lockedMinutes(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.select().from(signinThrottle).where(inArray(signinThrottle.key, keys));
  const until = Math.max(0, ...rows.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() : 0)));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

export async function recordFailure(db: Db, key: string, max: number, config: Config, now: Date): Promise<void> {
  const windowMs = config.SIGNIN_WINDOW_MINUTES * 60_000;
  const lockMs = config.SIGNIN_LOCK_MINUTES * 60_000;
  const at = now.toISOString();
  // One statement, so concurrent failures on several instances all count.
  await db.execute(sql`
    insert into signin_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, ${at}::timestamptz, case when 1 >= ${max} then ${at}::timestamptz + ${`${lockMs} milliseconds`}::interval end)
    on conflict (key) do update set
      failures = case when signin_throttle.window_started_at < ${at}::timestamptz - ${`${windowMs} milliseconds`}::interval
                      then 1 else signin_throttle.failures + 1 end,
      window_started_at = case when signin_throttle.window_started_at < ${at}::timestamptz - ${`${windowMs} milliseconds`}::interval
                      then ${at}::timestamptz else signin_throttle.window_started_at end,
      locked_until = case
        when (case when signin_throttle.window_started_at < ${at}::timestamptz - ${`${windowMs} milliseconds`}::interval
                   then 1 else signin_throttle.failures + 1 end) >= ${max}
        then ${at}::timestamptz + ${`${lockMs} milliseconds`}::interval
        else signin_throttle.locked_until end`);
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signinThrottle).where(inArray(signinThrottle.key, [key]));
}
