import { eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { MFA_POLICY_ROLES, permissionsOf, type Role } from '../../../shared/policy.ts';
import type {
  ChangePasswordRequestSchema,
  SetupRequestSchema,
  TSessionInfo,
  UpdateProfileRequestSchema,
} from '../../../shared/schemas/auth.schema.ts';
import { userActor } from '../audit/audit-actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { clockOf, type Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/database.ts';
import { setupTokens } from '../db/platform.table.ts';
import { HttpProblem } from '../http/problem.ts';
import type { AuthContext } from '../http/route.ts';
import { findMembership, insertMembership, insertOrganisation } from '../orgs/organisation.repository.ts';
import { looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUrl, qrSvg, verifyTotp } from './mfa.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { createSession, revokeOtherSessions } from './session.ts';
import { accountKey, addressKey, clearFailures, lockedMinutes, recordFailure } from './throttle.ts';
import { newToken, tokenHash } from './tokens.ts';
import {
  consumeRecoveryCode,
  countUsers,
  findUserByEmail,
  findUserById,
  forceUpdateUser,
  insertUser,
  claimTotpStep,
  membershipsOf,
  organisationsRequiringMfa,
  replaceRecoveryCodes,
  setSessionState,
  updateUser,
} from './user.repository.ts';

export interface AuthDeps {
  database: Database;
  config: Config;
  /** The system clock when absent; tests stand it at the edge of a limit. */
  clock?: Clock;
}

export interface ClientInfo {
  ipAddress: string | null;
  userAgent: string | null;
}

export function assertStrongPassword(password: string, personal: string[], path = 'password'): void {
  const problem = passwordProblem(password, personal);
  if (problem) {
    const { code, ...params } = problem;
    throw new HttpProblem(400, 'validation', {}, [{ path, code, params: params as Record<string, unknown> }]);
  }
}

// ---- Set-up -----------------------------------------------------------------

/**
 * The one-time set-up link while nobody has an account yet. Only its hash is
 * stored, so a link already printed (by this or another instance) cannot be
 * shown again: a start keeps it valid and answers `alreadyIssued`, and only
 * `kumoji setup-link` (`replace`) swaps it for a new one. `done` once an
 * account exists.
 */
export type SetupLink = { kind: 'issued'; token: string } | { kind: 'alreadyIssued' } | { kind: 'done' };

export async function issueSetupToken(db: Db, opts: { replace?: boolean } = {}): Promise<SetupLink> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table setup_tokens in exclusive mode`);
    if ((await countUsers(tx)) > 0) return { kind: 'done' } as const;
    if (opts.replace) await tx.delete(setupTokens).where(isNull(setupTokens.usedAt));
    else if ((await tx.select().from(setupTokens).where(isNull(setupTokens.usedAt)).limit(1)).length) return { kind: 'alreadyIssued' } as const;
    const token = newToken(24);
    await tx.insert(setupTokens).values({ tokenHash: tokenHash(token) });
    return { kind: 'issued', token } as const;
  });
}

export async function setup(deps: AuthDeps, input: z.output<typeof SetupRequestSchema>, client: ClientInfo) {
  assertStrongPassword(input.password, [input.email, input.displayName, input.organisationName]);
  const passwordHash = await hashPassword(input.password);
  return deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`lock table setup_tokens in exclusive mode`);
    if ((await countUsers(tx)) > 0) throw new HttpProblem(409, 'setupDone');
    const [token] = await tx.select().from(setupTokens).where(eq(setupTokens.tokenHash, tokenHash(input.token)));
    if (!token || token.usedAt) throw new HttpProblem(403, 'setupTokenInvalid');
    await tx.update(setupTokens).set({ usedAt: new Date() }).where(eq(setupTokens.tokenHash, token.tokenHash));
    const user = await insertUser(tx, { email: input.email, displayName: input.displayName, passwordHash, locale: input.locale });
    const organisation = await insertOrganisation(tx, input.organisationName);
    await insertMembership(tx, organisation.id, user.id, 'owner');
    await forceUpdateUser(tx, user.id, { lastOrganisationId: organisation.id });
    const actor = { actorUserId: user.id, actorLabel: user.email };
    await appendAudit(tx, { ...actor, organisationId: null, action: 'user.create', entityType: 'user', entityId: user.id, after: { email: user.email, displayName: user.displayName } });
    await appendAudit(tx, { ...actor, organisationId: organisation.id, action: 'organisation.create', entityType: 'organisation', entityId: organisation.id, after: { name: organisation.name, requireMfa: organisation.requireMfa } });
    await appendAudit(tx, { ...actor, organisationId: organisation.id, action: 'member.add', entityType: 'member', entityId: user.id, after: { role: 'owner' } });
    const session = await createSession(tx, { userId: user.id, organisationId: organisation.id, mfaPending: false, ...client }, deps.config, clockOf(deps).now());
    return session;
  });
}

// ---- Sign-in ----------------------------------------------------------------

export async function signIn(deps: AuthDeps, email: string, password: string, client: ClientInfo) {
  const { db } = deps.database;
  const { config } = deps;
  const now = clockOf(deps).now();
  const keys = [accountKey(email), ...(client.ipAddress ? [addressKey(client.ipAddress)] : [])];
  const minutes = await lockedMinutes(db, keys, now);
  if (minutes > 0) throw new HttpProblem(429, 'signinLocked', { minutes });

  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok) {
    await recordFailure(db, accountKey(email), config.SIGNIN_MAX_FAILURES_ACCOUNT, config, now);
    if (client.ipAddress) await recordFailure(db, addressKey(client.ipAddress), config.SIGNIN_MAX_FAILURES_ADDRESS, config, now);
    await db.transaction((tx) =>
      appendAudit(tx, {
        organisationId: null,
        actorUserId: user?.id ?? null,
        actorLabel: email,
        action: 'signin.failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        meta: { ip: client.ipAddress },
      }),
    );
    throw new HttpProblem(401, 'invalidCredentials');
  }
  await clearFailures(db, accountKey(email));
  const orgs = await membershipsOf(db, user.id);
  const organisationId = orgs.find((o) => o.organisationId === user.lastOrganisationId)?.organisationId ?? orgs[0]?.organisationId ?? null;
  const mfaPending = !!user.mfaEnabledAt;
  return db.transaction(async (tx) => {
    const session = await createSession(tx, { userId: user.id, organisationId, mfaPending, ...client }, config, now);
    await appendAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      actorLabel: user.email,
      action: mfaPending ? 'signin.password' : 'signin',
      entityType: 'session',
      entityId: session.id,
      meta: { ip: client.ipAddress },
    });
    return { ...session, mfaPending };
  });
}

/** The second step: a TOTP code or one of the recovery codes. */
export async function completeMfa(deps: AuthDeps, auth: AuthContext, code: string, client: ClientInfo) {
  const { db } = deps.database;
  const now = clockOf(deps).now();
  const minutes = await lockedMinutes(db, [accountKey(auth.user.email)], now);
  if (minutes > 0) throw new HttpProblem(429, 'signinLocked', { minutes });
  const user = await findUserById(db, auth.user.id);
  if (!user?.mfaSecret) throw new HttpProblem(400, 'mfaNotEnabled');
  let method: 'totp' | 'recovery-code' | null = null;
  const step = await verifyTotp(user.mfaSecret, code, user.mfaLastStep, now);
  if (step !== null && (await claimTotpStep(db, user.id, step))) method = 'totp';
  else if (looksLikeRecoveryCode(code) && (await consumeRecoveryCode(db, user.id, tokenHash(normaliseRecoveryCode(code))))) method = 'recovery-code';
  if (!method) {
    await recordFailure(db, accountKey(user.email), deps.config.SIGNIN_MAX_FAILURES_ACCOUNT, deps.config, now);
    await db.transaction((tx) =>
      appendAudit(tx, { organisationId: null, actorUserId: user.id, actorLabel: user.email, action: 'signin.mfa-failed', entityType: 'session', entityId: auth.sessionId, meta: { ip: client.ipAddress } }),
    );
    throw new HttpProblem(401, 'mfaInvalidCode');
  }
  await clearFailures(db, accountKey(user.email));
  await db.transaction(async (tx) => {
    await setSessionState(tx, auth.sessionId, { mfaPending: false });
    await appendAudit(tx, { organisationId: null, actorUserId: user.id, actorLabel: user.email, action: 'signin', entityType: 'session', entityId: auth.sessionId, meta: { ip: client.ipAddress, method } });
  });
}

export async function signOut(deps: AuthDeps, auth: AuthContext) {
  await deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`update sessions set revoked_at = now() where id = ${auth.sessionId}`);
    await appendAudit(tx, { organisationId: null, ...userActor(auth), action: 'signout', entityType: 'session', entityId: auth.sessionId });
  });
}

// ---- Session info -----------------------------------------------------------

export async function sessionInfo(db: Db, auth: AuthContext | null, csrfToken: string): Promise<TSessionInfo> {
  const needsSetup = !auth && (await countUsers(db)) === 0;
  if (!auth) return { csrfToken, authenticated: false, mfaPending: false, needsSetup, user: null, organisation: null, memberships: [] };
  const memberships = auth.mfaPending ? [] : await membershipsOf(db, auth.user.id);
  const org = auth.mfaPending ? null : auth.organisation;
  return {
    csrfToken,
    authenticated: !auth.mfaPending,
    mfaPending: auth.mfaPending,
    needsSetup: false,
    user: auth.user,
    organisation: org
      ? {
          id: org.id,
          name: org.name,
          role: org.role,
          requireMfa: org.requireMfa,
          mfaSetupRequired: org.requireMfa && MFA_POLICY_ROLES.includes(org.role) && !auth.user.mfaEnabled,
          can: permissionsOf(org.role),
        }
      : null,
    memberships: memberships.map((m) => ({ ...m, role: m.role as Role })),
  };
}

export async function switchOrganisation(deps: AuthDeps, auth: AuthContext, organisationId: string) {
  const { db } = deps.database;
  const membership = await findMembership(db, organisationId, auth.user.id);
  if (!membership) throw new HttpProblem(404, 'notMember');
  await db.transaction(async (tx) => {
    await setSessionState(tx, auth.sessionId, { organisationId });
    await forceUpdateUser(tx, auth.user.id, { lastOrganisationId: organisationId });
  });
}

// ---- Re-checks --------------------------------------------------------------

/**
 * A password or second factor checked again while signed in (password change,
 * MFA enrolment and switch-off, new recovery codes) shares the sign-in
 * throttle: the same account and address keys and limits (OWASP ASVS 2.2.1),
 * so a taken-over session cannot guess the password here instead of at sign-in.
 */
async function assertNotLocked(deps: AuthDeps, email: string, client: ClientInfo): Promise<void> {
  const keys = [accountKey(email), ...(client.ipAddress ? [addressKey(client.ipAddress)] : [])];
  const minutes = await lockedMinutes(deps.database.db, keys, clockOf(deps).now());
  if (minutes > 0) throw new HttpProblem(429, 'signinLocked', { minutes });
}

async function recordRecheckFailure(deps: AuthDeps, email: string, client: ClientInfo): Promise<void> {
  const { db } = deps.database;
  const now = clockOf(deps).now();
  await recordFailure(db, accountKey(email), deps.config.SIGNIN_MAX_FAILURES_ACCOUNT, deps.config, now);
  if (client.ipAddress) await recordFailure(db, addressKey(client.ipAddress), deps.config.SIGNIN_MAX_FAILURES_ADDRESS, deps.config, now);
}

async function recheckPassword(deps: AuthDeps, user: { email: string; passwordHash: string }, password: string, path: string, client: ClientInfo) {
  await assertNotLocked(deps, user.email, client);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordRecheckFailure(deps, user.email, client);
    throw new HttpProblem(400, 'validation', {}, [{ path, code: 'passwordCurrentWrong' }]);
  }
}

// ---- My account -------------------------------------------------------------

export async function updateProfile(deps: AuthDeps, auth: AuthContext, input: z.output<typeof UpdateProfileRequestSchema>) {
  return deps.database.db.transaction(async (tx) => {
    const before = await findUserById(tx, auth.user.id);
    const { version, ...patch } = input;
    const row = await updateUser(tx, auth.user.id, version, patch);
    if (!row) throw new HttpProblem(409, 'conflict');
    await appendAudit(tx, {
      organisationId: null,
      ...userActor(auth),
      action: 'user.update',
      entityType: 'user',
      entityId: auth.user.id,
      before: { displayName: before?.displayName, locale: before?.locale, timeZone: before?.timeZone },
      after: { displayName: row.displayName, locale: row.locale, timeZone: row.timeZone },
    });
    return row;
  });
}

export async function changePassword(deps: AuthDeps, auth: AuthContext, input: z.output<typeof ChangePasswordRequestSchema>, client: ClientInfo) {
  const { db } = deps.database;
  const user = await findUserById(db, auth.user.id);
  if (!user) throw new HttpProblem(404, 'notFound');
  await recheckPassword(deps, user, input.currentPassword, 'currentPassword', client);
  assertStrongPassword(input.newPassword, [user.email, user.displayName], 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await forceUpdateUser(tx, user.id, { passwordHash });
    // ASVS 3.3.3: other sessions end when the password changes.
    await revokeOtherSessions(tx, user.id, auth.sessionId);
    await appendAudit(tx, { organisationId: null, actorUserId: user.id, actorLabel: user.email, action: 'user.password-change', entityType: 'user', entityId: user.id });
  });
}

export async function startMfaEnrolment(deps: AuthDeps, auth: AuthContext) {
  const { db } = deps.database;
  if (auth.user.mfaEnabled) throw new HttpProblem(409, 'mfaAlreadyEnabled');
  const secret = newTotpSecret();
  await forceUpdateUser(db, auth.user.id, { mfaPendingSecret: secret });
  const url = otpauthUrl(secret, auth.user.email);
  return { secret, otpauthUrl: url, qrSvg: await qrSvg(url) };
}

export async function confirmMfaEnrolment(deps: AuthDeps, auth: AuthContext, code: string, client: ClientInfo) {
  const { db } = deps.database;
  const user = await findUserById(db, auth.user.id);
  if (!user) throw new HttpProblem(404, 'notFound');
  if (user.mfaEnabledAt) throw new HttpProblem(409, 'mfaAlreadyEnabled');
  if (!user.mfaPendingSecret) throw new HttpProblem(409, 'mfaNotStarted');
  await assertNotLocked(deps, user.email, client);
  const step = await verifyTotp(user.mfaPendingSecret, code, null, clockOf(deps).now());
  if (step === null) {
    await recordRecheckFailure(deps, user.email, client);
    throw new HttpProblem(400, 'validation', {}, [{ path: 'code', code: 'mfaInvalidCode' }]);
  }
  const { codes, hashes } = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await forceUpdateUser(tx, user.id, { mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null, mfaEnabledAt: new Date(), mfaLastStep: step });
    await replaceRecoveryCodes(tx, user.id, hashes);
    await appendAudit(tx, { organisationId: null, actorUserId: user.id, actorLabel: user.email, action: 'user.mfa-enable', entityType: 'user', entityId: user.id });
  });
  return { recoveryCodes: codes };
}

export async function disableMfa(deps: AuthDeps, auth: AuthContext, password: string, client: ClientInfo) {
  const { db } = deps.database;
  const user = await findUserById(db, auth.user.id);
  if (!user?.mfaEnabledAt) throw new HttpProblem(409, 'mfaNotEnabled');
  await recheckPassword(deps, user, password, 'password', client);
  // An owner or manager of an organisation that requires MFA would lock themselves out of it.
  const requiring = await organisationsRequiringMfa(db, user.id);
  if (requiring.length) throw new HttpProblem(409, 'mfaRequiredByOrganisation', { organisations: requiring.join(', ') });
  await db.transaction(async (tx) => {
    await forceUpdateUser(tx, user.id, { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null });
    await replaceRecoveryCodes(tx, user.id, []);
    await appendAudit(tx, { organisationId: null, actorUserId: user.id, actorLabel: user.email, action: 'user.mfa-disable', entityType: 'user', entityId: user.id });
  });
}

export async function regenerateRecoveryCodes(deps: AuthDeps, auth: AuthContext, password: string, client: ClientInfo) {
  const { db } = deps.database;
  const user = await findUserById(db, auth.user.id);
  if (!user?.mfaEnabledAt) throw new HttpProblem(409, 'mfaNotEnabled');
  await recheckPassword(deps, user, password, 'password', client);
  const { codes, hashes } = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, user.id, hashes);
    await appendAudit(tx, { organisationId: null, actorUserId: user.id, actorLabel: user.email, action: 'user.recovery-codes', entityType: 'user', entityId: user.id });
  });
  return { recoveryCodes: codes };
}
