import { and, asc, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/policy.ts';
import { nextVersion } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { invitations, memberships, organisations, sessions, users } from '../db/platform.table.ts';

/**
 * Every query here is scoped by the organisation id taken from the session,
 * never by one the client sends: another organisation's ids simply find nothing.
 */

export type OrganisationRow = typeof organisations.$inferSelect;

export async function insertOrganisation(db: Db, name: string): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values({ name }).returning();
  return row;
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function updateOrganisation(db: Db, id: string, version: number, patch: { name?: string; requireMfa?: boolean }) {
  const [row] = await db
    .update(organisations)
    .set({ ...patch, ...nextVersion(organisations) })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning();
  return row ?? null;
}

export async function insertMembership(db: Db, organisationId: string, userId: string, role: Role) {
  const [row] = await db.insert(memberships).values({ organisationId, userId, role }).returning();
  return row;
}

export async function findMembership(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return row;
}

export async function listMembers(db: Db, organisationId: string) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      mfaEnabledAt: users.mfaEnabledAt,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      version: memberships.version,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.displayName));
}

/** Owners counted under a row lock, so two concurrent demotions cannot remove the last one. */
export async function lockOwners(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'owner')))
    .for('update');
  return rows.map((r) => r.userId);
}

export async function updateMembershipRole(db: Db, organisationId: string, userId: string, version: number, role: Role) {
  const [row] = await db
    .update(memberships)
    .set({ role, ...nextVersion(memberships) })
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId), eq(memberships.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteMembership(db: Db, organisationId: string, userId: string) {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .returning();
  // Sessions that were looking at this organisation lose it.
  await db
    .update(sessions)
    .set({ organisationId: null })
    .where(and(eq(sessions.userId, userId), eq(sessions.organisationId, organisationId)));
  return rows[0] ?? null;
}

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(db: Db, inv: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(inv).returning();
  return row;
}

export async function listInvitations(db: Db, organisationId: string) {
  return db.select().from(invitations).where(eq(invitations.organisationId, organisationId)).orderBy(sql`${invitations.createdAt} desc`);
}

export async function findInvitation(db: Db, organisationId: string, id: string) {
  const [row] = await db.select().from(invitations).where(and(eq(invitations.organisationId, organisationId), eq(invitations.id, id)));
  return row;
}

export async function findInvitationByTokenHash(db: Db, hash: string) {
  const [row] = await db
    .select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, hash))
    .for('update', { of: invitations });
  return row;
}

export async function markInvitation(db: Db, id: string, patch: { acceptedAt?: Date; revokedAt?: Date }) {
  await db.update(invitations).set(patch).where(eq(invitations.id, id));
}
