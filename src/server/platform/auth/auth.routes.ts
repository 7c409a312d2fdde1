import { z } from 'zod';
import {
  ChangePasswordRequestSchema,
  MfaCodeRequestSchema,
  MfaConfirmResponseSchema,
  MfaDisableRequestSchema,
  MfaEnrolmentSchema,
  SessionInfoSchema,
  SessionListSchema,
  SetupRequestSchema,
  SetupStatusSchema,
  SignInRequestSchema,
  SwitchOrganisationRequestSchema,
  UpdateProfileRequestSchema,
} from '../../../shared/schemas/auth.schema.ts';
import { IdParamsSchema, OkSchema } from '../../../shared/schemas/common.schema.ts';
import { AuditEntrySchema } from '../../../shared/schemas/audit.schema.ts';
import { listAccountEvents } from '../audit/audit.repository.ts';
import { presentAuditEntry } from '../audit/audit.routes.ts';
import { clearSessionCookie, ensureCsrfToken, setSessionCookie } from '../http/app.ts';
import { HttpProblem } from '../http/problem.ts';
import { defineRoute, deleteRoute, type AnyRoute } from '../http/route.ts';
import type { FastifyRequest } from 'fastify';
import * as auth from './auth.service.ts';
import { revokeSession } from './session.ts';
import { countUsers, listSessions } from './user.repository.ts';

const clientOf = (req: FastifyRequest) => ({ ipAddress: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null });

export function authRoutes(deps: auth.AuthDeps): AnyRoute[] {
  const { db } = deps.database;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/session',
      summary: 'The current session, the CSRF token and what the member may do',
      tags: ['session'],
      access: { kind: 'public' },
      response: SessionInfoSchema,
      // It carries the CSRF token and who is signed in.
      noStore: true,
      handler: ({ req, reply, auth: a }) => auth.sessionInfo(db, a, ensureCsrfToken(req, reply)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/setup',
      summary: 'Whether the first owner still has to be created',
      tags: ['session'],
      access: { kind: 'public' },
      response: SetupStatusSchema,
      handler: async () => ({ needsSetup: (await countUsers(db)) === 0 }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/setup',
      summary: 'Create the first owner and organisation with the one-time set-up token',
      tags: ['session'],
      access: { kind: 'public' },
      body: SetupRequestSchema,
      response: OkSchema,
      status: 201,
      handler: async ({ req, reply, body }) => {
        const session = await auth.setup(deps, body, clientOf(req));
        setSessionCookie(req, reply, session.token, deps.config);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      summary: 'Sign in with e-mail and password',
      tags: ['session'],
      access: { kind: 'public' },
      body: SignInRequestSchema,
      response: z.object({ mfaRequired: z.boolean() }),
      handler: async ({ req, reply, body }) => {
        const session = await auth.signIn(deps, body.email, body.password, clientOf(req));
        setSessionCookie(req, reply, session.token, deps.config);
        return { mfaRequired: session.mfaPending };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/mfa',
      summary: 'Second sign-in step: a TOTP code or a recovery code',
      tags: ['session'],
      access: { kind: 'mfaPending' },
      body: MfaCodeRequestSchema,
      response: OkSchema,
      handler: async ({ req, auth: a, body }) => {
        if (!a.mfaPending) return { ok: true as const };
        await auth.completeMfa(deps, a, body.code, clientOf(req));
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      summary: 'End this session',
      tags: ['session'],
      access: { kind: 'mfaPending' },
      response: OkSchema,
      handler: async ({ req, reply, auth: a }) => {
        await auth.signOut(deps, a);
        clearSessionCookie(req, reply);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/session/organisation',
      summary: 'Switch to another organisation the user belongs to',
      tags: ['session'],
      access: { kind: 'user' },
      body: SwitchOrganisationRequestSchema,
      response: OkSchema,
      handler: async ({ auth: a, body }) => {
        await auth.switchOrganisation(deps, a, body.organisationId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/account',
      summary: 'Change my name, language or time zone',
      tags: ['account'],
      access: { kind: 'user' },
      body: UpdateProfileRequestSchema,
      response: z.object({ version: z.number().int() }),
      handler: async ({ auth: a, body }) => {
        const row = await auth.updateProfile(deps, a, body);
        return { version: row.version };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/account/password',
      summary: 'Change my password (ends my other sessions)',
      tags: ['account'],
      access: { kind: 'user' },
      body: ChangePasswordRequestSchema,
      response: OkSchema,
      handler: async ({ req, auth: a, body }) => {
        await auth.changePassword(deps, a, body, clientOf(req));
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/account/mfa/enrolment',
      summary: 'Start MFA enrolment: a new secret and its QR code',
      tags: ['account'],
      access: { kind: 'user' },
      response: MfaEnrolmentSchema,
      noStore: true,
      handler: ({ auth: a }) => auth.startMfaEnrolment(deps, a),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/account/mfa/confirm',
      summary: 'Finish MFA enrolment with a code from the app; returns recovery codes once',
      tags: ['account'],
      access: { kind: 'user' },
      body: MfaCodeRequestSchema,
      response: MfaConfirmResponseSchema,
      noStore: true,
      handler: ({ req, auth: a, body }) => auth.confirmMfaEnrolment(deps, a, body.code, clientOf(req)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/account/mfa/disable',
      summary: 'Turn MFA off (password required)',
      tags: ['account'],
      access: { kind: 'user' },
      body: MfaDisableRequestSchema,
      response: OkSchema,
      handler: async ({ req, auth: a, body }) => {
        await auth.disableMfa(deps, a, body.password, clientOf(req));
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/account/mfa/recovery-codes',
      summary: 'Replace my recovery codes (password required)',
      tags: ['account'],
      access: { kind: 'user' },
      body: MfaDisableRequestSchema,
      response: MfaConfirmResponseSchema,
      noStore: true,
      handler: ({ req, auth: a, body }) => auth.regenerateRecoveryCodes(deps, a, body.password, clientOf(req)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/account/sessions',
      summary: 'My active sessions',
      tags: ['account'],
      access: { kind: 'user' },
      response: SessionListSchema,
      handler: async ({ auth: a }) => ({
        items: (await listSessions(db, a.user.id)).map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ipAddress: s.ipAddress,
          userAgent: s.userAgent,
          current: s.id === a.sessionId,
        })),
      }),
    }),
    deleteRoute({
      url: '/api/v1/account/sessions/:id',
      summary: 'Revoke one of my other sessions',
      tags: ['account'],
      access: { kind: 'user' },
      params: IdParamsSchema,
      tenantEntity: 'session',
      remove: async ({ auth: a, params }) => {
        if (params.id === a.sessionId) throw new HttpProblem(409, 'cannotRevokeCurrent');
        if (!(await revokeSession(db, a.user.id, params.id))) throw new HttpProblem(404, 'notFound');
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/account/activity',
      summary: 'Sign-ins and account changes of mine, newest first',
      tags: ['account'],
      access: { kind: 'user' },
      response: z.object({ items: z.array(AuditEntrySchema) }),
      handler: async ({ auth: a }) => ({ items: (await listAccountEvents(db, a.user.id)).map(presentAuditEntry) }),
    }),
  ];
}
