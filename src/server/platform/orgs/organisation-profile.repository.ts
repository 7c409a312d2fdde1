import { and, eq } from 'drizzle-orm';
import { nextVersion } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { organisationProfiles } from './organisation-profile.table.ts';

/** The profile of the session's organisation; never another's. */

export type OrganisationProfileRow = typeof organisationProfiles.$inferSelect;
export type ProfileFields = Omit<typeof organisationProfiles.$inferInsert, 'organisationId' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'version'>;

export async function findProfile(db: Db, organisationId: string): Promise<OrganisationProfileRow | undefined> {
  const [row] = await db.select().from(organisationProfiles).where(eq(organisationProfiles.organisationId, organisationId));
  return row;
}

/** The first save; null when someone else created it meanwhile (the caller answers 409). */
export async function insertProfile(db: Db, organisationId: string, fields: ProfileFields, updatedBy: string) {
  const [row] = await db
    .insert(organisationProfiles)
    .values({ ...fields, organisationId, updatedBy })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function updateProfile(db: Db, organisationId: string, version: number, fields: ProfileFields, updatedBy: string) {
  const [row] = await db
    .update(organisationProfiles)
    .set({ ...fields, updatedBy, ...nextVersion(organisationProfiles) })
    .where(and(eq(organisationProfiles.organisationId, organisationId), eq(organisationProfiles.version, version)))
    .returning();
  return row ?? null;
}
