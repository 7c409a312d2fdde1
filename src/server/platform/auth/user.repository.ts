import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { MFA_POLICY_ROLES } from '../../../shared/policy.ts';
import { nextVersion } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { memberships, organisations, recoveryCodes, sessions, users } from '../db/platform.table.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}

export async function insertUser(
  db: Db,
  u: { email: string; displayName: string; passwordHash: string; locale: 'ja' | 'en' },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(u).returning();
  return row;
}

/** Optimistic update: null when the version is stale. */
export async function updateUser(db: Db, id: string, version: number, patch: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...patch, ...nextVersion(users) })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row ?? null;
}

/** An update that is not a user edit (MFA, password): bumps the version, no check. */
export async function forceUpdateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...patch, ...nextVersion(users) })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function membershipsOf(db: Db, userId: string) {
  return db
    .select({ organisationId: organisations.id, organisationName: organisations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length) await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks a recovery code used; true when it existed and was unused. */
export async function consumeRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function listSessions(db: Db, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > now()`))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function setSessionState(db: Db, sessionId: string, patch: { mfaPending?: boolean; organisationId?: string | null }) {
  await db.update(sessions).set(patch).where(eq(sessions.id, sessionId));
}

/** Records a TOTP step as used; false when it (or a later one) was already used — a replay. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ mfaLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.mfaLastStep} is null or ${users.mfaLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Names of the organisations whose MFA policy covers this user's role there. */
export async function organisationsRequiringMfa(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(organisations.requireMfa, true), inArray(memberships.role, [...MFA_POLICY_ROLES])));
  return rows.map((r) => r.name);
}
