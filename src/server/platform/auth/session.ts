import { and, eq, isNull, ne } from 'drizzle-orm';
import type pg from 'pg';
import type { Role } from '../../../shared/policy.ts';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { sessions } from '../db/platform.table.ts';
import type { AuthContext } from '../http/route.ts';
import { newToken, tokenHash } from './tokens.ts';

/**
 * Server-side sessions: the cookie holds a random token, the database its
 * SHA-256. Sessions end on sign-out, on revocation, after SESSION_IDLE_MINUTES
 * without use and SESSION_ABSOLUTE_HOURS after sign-in (OWASP ASVS 3.3).
 */

export const SESSION_COOKIE = 'kumoji_session';
export const CSRF_COOKIE = 'kumoji_csrf';

export interface NewSession {
  userId: string;
  organisationId: string | null;
  mfaPending: boolean;
  ipAddress: string | null;
  userAgent: string | null;
}

export async function createSession(tx: Db, s: NewSession, config: Config, now = new Date()): Promise<{ id: string; token: string }> {
  const token = newToken();
  const [row] = await tx
    .insert(sessions)
    .values({
      tokenHash: tokenHash(token),
      userId: s.userId,
      organisationId: s.organisationId,
      mfaPending: s.mfaPending,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent?.slice(0, 300) ?? null,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.SESSION_ABSOLUTE_HOURS * 3_600_000),
    })
    .returning({ id: sessions.id });
  return { id: row.id, token };
}

interface SessionRow {
  id: string;
  user_id: string;
  organisation_id: string | null;
  mfa_pending: boolean;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  display_name: string;
  locale: TLocale;
  time_zone: string;
  mfa_enabled: boolean;
  user_version: number;
  organisation_name: string | null;
  require_mfa: boolean | null;
  role: Role | null;
}

const RESOLVE_SQL = `
  select s.id, s.user_id, s.organisation_id, s.mfa_pending, s.last_seen_at, s.expires_at,
         u.email, u.display_name, u.locale, u.time_zone, u.mfa_enabled_at is not null as mfa_enabled,
         u.version as user_version, o.name as organisation_name, o.require_mfa, m.role
    from sessions s
    join users u on u.id = s.user_id
    left join memberships m on m.organisation_id = s.organisation_id and m.user_id = s.user_id
    left join organisations o on o.id = m.organisation_id
   where s.token_hash = $1 and s.revoked_at is null`;

/** Touching last_seen_at on every request would turn every read into a write; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/** Idle and absolute limits are inclusive: a session used exactly SESSION_IDLE_MINUTES ago still works. */
export async function resolveSession(pool: pg.Pool, token: string, config: Config, now: Date): Promise<AuthContext | null> {
  if (!token || token.length > 100) return null;
  const { rows } = await pool.query<SessionRow>({ name: 'kumoji_resolve_session', text: RESOLVE_SQL, values: [tokenHash(token)] });
  const row = rows[0];
  if (!row) return null;
  const idleLimit = row.last_seen_at.getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (now.getTime() > row.expires_at.getTime() || now.getTime() > idleLimit) {
    await pool.query('update sessions set revoked_at = $2 where id = $1 and revoked_at is null', [row.id, now]);
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await pool.query('update sessions set last_seen_at = $2 where id = $1', [row.id, now]);
  }
  return {
    sessionId: row.id,
    mfaPending: row.mfa_pending,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      timeZone: row.time_zone,
      mfaEnabled: row.mfa_enabled,
      version: row.user_version,
    },
    organisation:
      row.role && row.organisation_id
        ? { id: row.organisation_id, name: row.organisation_name ?? '', requireMfa: !!row.require_mfa, role: row.role }
        : null,
  };
}

export async function revokeSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeOtherSessions(db: Db, userId: string, keepSessionId: string | null): Promise<void> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (keepSessionId) conditions.push(ne(sessions.id, keepSessionId));
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(...conditions));
}
