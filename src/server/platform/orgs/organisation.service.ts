import type { z } from 'zod';
import type { Role } from '../../../shared/policy.ts';
import type { AcceptInvitationRequestSchema, UpdateOrganisationRequestSchema } from '../../../shared/schemas/organisation.schema.ts';
import { memberActor, userActor } from '../audit/audit-actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertStrongPassword, type AuthDeps, type ClientInfo } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import { clockOf } from '../clock.ts';
import { createSession } from '../auth/session.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { findUserByEmail, forceUpdateUser, insertUser, setSessionState } from '../auth/user.repository.ts';
import { HttpProblem } from '../http/problem.ts';
import type { AuthContext, OrgAuthContext } from '../http/route.ts';
import {
  deleteMembership,
  findInvitation,
  findInvitationByTokenHash,
  findMembership,
  findOrganisation,
  insertInvitation,
  insertMembership,
  insertOrganisation,
  listInvitations,
  listMembers,
  lockOwners,
  markInvitation,
  updateMembershipRole,
  updateOrganisation,
  type InvitationRow,
} from './organisation.repository.ts';

export function presentOrganisation(o: { id: string; name: string; requireMfa: boolean; createdAt: Date; version: number }) {
  return { id: o.id, name: o.name, requireMfa: o.requireMfa, createdAt: o.createdAt.toISOString(), version: o.version };
}

/** An invitation works until the instant it expires: at `expiresAt` itself it has expired. */
export function invitationStatus(i: InvitationRow, now: Date): 'pending' | 'accepted' | 'expired' | 'revoked' {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

export function presentInvitation(i: InvitationRow, now: Date) {
  return {
    id: i.id,
    email: i.email,
    role: i.role as Role,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    status: invitationStatus(i, now),
  };
}

export async function getOrganisation(deps: AuthDeps, auth: OrgAuthContext) {
  const row = await findOrganisation(deps.database.db, auth.organisation.id);
  if (!row) throw new HttpProblem(404, 'notFound');
  return presentOrganisation(row);
}

export async function createOrganisation(deps: AuthDeps, auth: AuthContext, name: string) {
  return deps.database.db.transaction(async (tx) => {
    const org = await insertOrganisation(tx, name);
    await insertMembership(tx, org.id, auth.user.id, 'owner');
    await appendAudit(tx, { ...userActor(auth), organisationId: org.id, action: 'organisation.create', entityType: 'organisation', entityId: org.id, after: { name: org.name, requireMfa: org.requireMfa } });
    await appendAudit(tx, { ...userActor(auth), organisationId: org.id, action: 'member.add', entityType: 'member', entityId: auth.user.id, after: { role: 'owner' } });
    return presentOrganisation(org);
  });
}

export async function editOrganisation(deps: AuthDeps, auth: OrgAuthContext, input: z.output<typeof UpdateOrganisationRequestSchema>) {
  return deps.database.db.transaction(async (tx) => {
    const before = await findOrganisation(tx, auth.organisation.id);
    if (!before) throw new HttpProblem(404, 'notFound');
    const { version, ...patch } = input;
    const row = await updateOrganisation(tx, auth.organisation.id, version, patch);
    if (!row) throw new HttpProblem(409, 'conflict');
    await appendAudit(tx, {
      ...userActor(auth),
      organisationId: row.id,
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: row.id,
      before: { name: before.name, requireMfa: before.requireMfa },
      after: { name: row.name, requireMfa: row.requireMfa },
    });
    return presentOrganisation(row);
  });
}

export async function members(deps: AuthDeps, auth: OrgAuthContext) {
  const rows = await listMembers(deps.database.db, auth.organisation.id);
  return rows.map((m) => ({
    userId: m.userId,
    email: m.email,
    displayName: m.displayName,
    role: m.role as Role,
    mfaEnabled: !!m.mfaEnabledAt,
    joinedAt: m.joinedAt.toISOString(),
    version: m.version,
  }));
}

export async function changeRole(deps: AuthDeps, auth: OrgAuthContext, userId: string, role: Role, version: number) {
  return deps.database.db.transaction(async (tx) => {
    const owners = await lockOwners(tx, auth.organisation.id);
    const current = await findMembership(tx, auth.organisation.id, userId);
    if (!current) throw new HttpProblem(404, 'notFound');
    if (current.role === 'owner' && role !== 'owner' && owners.length <= 1) throw new HttpProblem(409, 'lastOwner');
    const row = await updateMembershipRole(tx, auth.organisation.id, userId, version, role);
    if (!row) throw new HttpProblem(409, 'conflict');
    await appendAudit(tx, { ...memberActor(auth), action: 'member.role-change', entityType: 'member', entityId: userId, before: { role: current.role }, after: { role } });
    return row;
  });
}

export async function removeMember(deps: AuthDeps, auth: OrgAuthContext, userId: string) {
  await deps.database.db.transaction(async (tx) => {
    const owners = await lockOwners(tx, auth.organisation.id);
    const current = await findMembership(tx, auth.organisation.id, userId);
    if (!current) throw new HttpProblem(404, 'notFound');
    if (current.role === 'owner' && owners.length <= 1) throw new HttpProblem(409, 'lastOwner');
    await deleteMembership(tx, auth.organisation.id, userId);
    await appendAudit(tx, { ...memberActor(auth), action: 'member.remove', entityType: 'member', entityId: userId, before: { role: current.role } });
  });
}

export async function invitations(deps: AuthDeps, auth: OrgAuthContext) {
  const now = clockOf(deps).now();
  return (await listInvitations(deps.database.db, auth.organisation.id)).map((i) => presentInvitation(i, now));
}

export async function invite(deps: AuthDeps, auth: OrgAuthContext, email: string, role: Role) {
  const { db } = deps.database;
  const existing = await findUserByEmail(db, email);
  if (existing && (await findMembership(db, auth.organisation.id, existing.id))) throw new HttpProblem(409, 'alreadyMember');
  const token = newToken();
  const now = clockOf(deps).now();
  return db.transaction(async (tx) => {
    const row = await insertInvitation(tx, {
      organisationId: auth.organisation.id,
      email,
      role,
      tokenHash: tokenHash(token),
      invitedBy: auth.user.id,
      expiresAt: new Date(now.getTime() + deps.config.INVITATION_DAYS * 86_400_000),
    });
    await appendAudit(tx, { ...memberActor(auth), action: 'invitation.create', entityType: 'invitation', entityId: row.id, after: { email, role, expiresAt: row.expiresAt } });
    return { ...presentInvitation(row, now), url: `${deps.config.publicUrl}/invitations/${token}` };
  });
}

export async function revokeInvitation(deps: AuthDeps, auth: OrgAuthContext, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const row = await findInvitation(tx, auth.organisation.id, id);
    if (!row) throw new HttpProblem(404, 'notFound');
    const now = clockOf(deps).now();
    if (invitationStatus(row, now) !== 'pending') return;
    await markInvitation(tx, id, { revokedAt: now });
    await appendAudit(tx, { ...memberActor(auth), action: 'invitation.revoke', entityType: 'invitation', entityId: id });
  });
}

async function pendingInvitation(deps: AuthDeps, token: string) {
  const found = await findInvitationByTokenHash(deps.database.db, tokenHash(token));
  if (!found || invitationStatus(found.invitation, clockOf(deps).now()) !== 'pending') throw new HttpProblem(404, 'invitationInvalid');
  return found;
}

export async function previewInvitation(deps: AuthDeps, token: string) {
  const { invitation, organisationName } = await pendingInvitation(deps, token);
  const account = await findUserByEmail(deps.database.db, invitation.email);
  return {
    organisationName,
    email: invitation.email,
    role: invitation.role as Role,
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists: !!account,
  };
}

/**
 * Accepting an invitation: a signed-in user whose e-mail matches joins the
 * organisation; a newcomer creates an account (and is signed in) at the same time.
 */
export async function acceptInvitation(
  deps: AuthDeps,
  auth: AuthContext | null,
  token: string,
  input: z.output<typeof AcceptInvitationRequestSchema>,
  client: ClientInfo,
): Promise<{ session: { id: string; token: string } | null; organisationId: string }> {
  const signedIn = auth && !auth.mfaPending ? auth : null;
  let passwordHash: string | null = null;
  if (!signedIn) {
    if (!input.password || !input.displayName) {
      const errors = [
        ...(!input.displayName ? [{ path: 'displayName', code: 'required' }] : []),
        ...(!input.password ? [{ path: 'password', code: 'required' }] : []),
      ];
      throw new HttpProblem(400, 'validation', {}, errors);
    }
    const preview = await findInvitationByTokenHash(deps.database.db, tokenHash(token));
    assertStrongPassword(input.password, [preview?.invitation.email ?? '', input.displayName]);
    passwordHash = await hashPassword(input.password);
  }
  const now = clockOf(deps).now();
  return deps.database.db.transaction(async (tx) => {
    const found = await findInvitationByTokenHash(tx, tokenHash(token));
    if (!found || invitationStatus(found.invitation, now) !== 'pending') throw new HttpProblem(404, 'invitationInvalid');
    const inv = found.invitation;
    let userId: string;
    let label: string;
    if (signedIn) {
      if (signedIn.user.email.toLowerCase() !== inv.email.toLowerCase()) throw new HttpProblem(403, 'invitationEmailMismatch');
      if (await findMembership(tx, inv.organisationId, signedIn.user.id)) throw new HttpProblem(409, 'alreadyMember');
      userId = signedIn.user.id;
      label = signedIn.user.email;
    } else {
      if (await findUserByEmail(tx, inv.email)) throw new HttpProblem(409, 'emailTaken');
      const user = await insertUser(tx, { email: inv.email, displayName: input.displayName!, passwordHash: passwordHash!, locale: input.locale ?? 'ja' });
      userId = user.id;
      label = user.email;
      await appendAudit(tx, { organisationId: null, actorUserId: userId, actorLabel: label, action: 'user.create', entityType: 'user', entityId: userId, after: { email: user.email, displayName: user.displayName } });
    }
    await insertMembership(tx, inv.organisationId, userId, inv.role as Role);
    await markInvitation(tx, inv.id, { acceptedAt: now });
    await forceUpdateUser(tx, userId, { lastOrganisationId: inv.organisationId });
    await appendAudit(tx, { organisationId: inv.organisationId, actorUserId: userId, actorLabel: label, action: 'member.add', entityType: 'member', entityId: userId, after: { role: inv.role, invitationId: inv.id } });
    if (signedIn) {
      await setSessionState(tx, signedIn.sessionId, { organisationId: inv.organisationId });
      return { session: null, organisationId: inv.organisationId };
    }
    const session = await createSession(tx, { userId, organisationId: inv.organisationId, mfaPending: false, ...client }, deps.config, now);
    return { session, organisationId: inv.organisationId };
  });
}
