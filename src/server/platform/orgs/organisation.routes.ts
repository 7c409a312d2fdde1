import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { OkSchema } from '../../../shared/schemas/common.schema.ts';
import { RegisterExportQuerySchema } from '../../../shared/schemas/export.schema.ts';
import {
  AcceptInvitationRequestSchema,
  ChangeRoleRequestSchema,
  CreatedInvitationSchema,
  CreateInvitationRequestSchema,
  CreateOrganisationRequestSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationTokenParamsSchema,
  MemberListSchema,
  OrganisationSchema,
  UpdateOrganisationRequestSchema,
} from '../../../shared/schemas/organisation.schema.ts';
import type { AuthDeps } from '../auth/auth.service.ts';
import { clockOf } from '../clock.ts';
import { DataContext } from '../db/data-context.ts';
import { setSessionCookie } from '../http/app.ts';
import { sendStream } from '../http/download.ts';
import { defineRoute, deleteRoute, type AnyRoute } from '../http/route.ts';
import { exportRoute } from '../register/export.route.ts';
import { membersFile, membersFileName } from './member-export.service.ts';
import { exportOrganisation } from './organisation-export.service.ts';
import * as orgs from './organisation.service.ts';

const UserIdParamsSchema = z.strictObject({ userId: z.uuid() });
const IdParams = z.strictObject({ id: z.uuid() });
const clientOf = (req: FastifyRequest) => ({ ipAddress: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null });

export function organisationRoutes(deps: AuthDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/organisation',
      summary: 'The current organisation',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'organisation.read' },
      response: OrganisationSchema,
      handler: ({ auth }) => orgs.getOrganisation(deps, auth),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/organisation',
      summary: 'Rename the organisation or change its MFA policy',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'organisation.update' },
      body: UpdateOrganisationRequestSchema,
      response: OrganisationSchema,
      handler: ({ auth, body }) => orgs.editOrganisation(deps, auth, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/organisation/export',
      summary: "Everything the organisation has in Kumoji as one JSON file (every row of its tables, its members, its audit chain's head), read in one snapshot; recorded in the audit trail first",
      tags: ['organisation'],
      access: { kind: 'org', permission: 'organisation.export' },
      response: null,
      produces: 'application/json',
      handler: async ({ auth, reply }) => {
        const date = new Date().toISOString().slice(0, 10);
        return sendStream(reply, { fileName: `kumoji-organisation-${date}.json`, contentType: 'application/json; charset=utf-8', stream: await exportOrganisation(deps.database, auth) });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/organisations',
      summary: 'Create another organisation, with me as its owner',
      tags: ['organisation'],
      access: { kind: 'user' },
      body: CreateOrganisationRequestSchema,
      response: OrganisationSchema,
      status: 201,
      handler: ({ auth, body }) => orgs.createOrganisation(deps, auth, body.name),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/members',
      summary: 'Members of the organisation',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'members.read' },
      response: MemberListSchema,
      handler: async ({ auth }) => ({ items: await orgs.members(deps, auth) }),
    }),
    exportRoute({
      url: '/api/v1/members/export',
      summary: 'The members with their roles, two-factor authentication and the day they joined, as CSV (UTF-8 with BOM), XLSX or JSON, for the periodic access review; in the member’s language',
      tags: ['organisation'],
      read: 'members.read',
      query: RegisterExportQuerySchema,
      scope: (auth) => DataContext.ofMember(deps.database, auth),
      entityType: 'member',
      name: (query, locale) => membersFileName(query.format, locale, clockOf(deps).now()),
      stream: (auth, query, locale) => membersFile(deps, auth, query.format, locale),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/members/:userId',
      summary: "Change a member's role (never the last owner)",
      tags: ['organisation'],
      access: { kind: 'org', permission: 'members.manage' },
      params: UserIdParamsSchema,
      body: ChangeRoleRequestSchema,
      tenantEntity: 'member',
      response: OkSchema,
      handler: async ({ auth, params, body }) => {
        await orgs.changeRole(deps, auth, params.userId, body.role, body.version);
        return { ok: true as const };
      },
    }),
    deleteRoute({
      url: '/api/v1/members/:userId',
      summary: 'Remove a member (never the last owner)',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'members.manage' },
      params: UserIdParamsSchema,
      tenantEntity: 'member',
      remove: ({ auth, params }) => orgs.removeMember(deps, auth, params.userId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/invitations',
      summary: 'Invitations of the organisation',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'members.manage' },
      response: InvitationListSchema,
      handler: async ({ auth }) => ({ items: await orgs.invitations(deps, auth) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/invitations',
      summary: 'Invite someone by link, with a role; the link is returned once',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'members.manage' },
      body: CreateInvitationRequestSchema,
      response: CreatedInvitationSchema,
      status: 201,
      handler: ({ auth, body }) => orgs.invite(deps, auth, body.email, body.role),
    }),
    deleteRoute({
      url: '/api/v1/invitations/:id',
      summary: 'Revoke an invitation',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'members.manage' },
      params: IdParams,
      tenantEntity: 'invitation',
      remove: ({ auth, params }) => orgs.revokeInvitation(deps, auth, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/invitation-links/:token',
      summary: 'What an invitation link offers (organisation, role, expiry)',
      tags: ['organisation'],
      access: { kind: 'public' },
      params: InvitationTokenParamsSchema,
      response: InvitationPreviewSchema,
      handler: ({ params }) => orgs.previewInvitation(deps, params.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/invitation-links/:token/accept',
      summary: 'Accept an invitation: signed in, or creating an account',
      tags: ['organisation'],
      access: { kind: 'public' },
      params: InvitationTokenParamsSchema,
      body: AcceptInvitationRequestSchema,
      response: z.object({ organisationId: z.uuid() }),
      handler: async ({ req, reply, auth, params, body }) => {
        const result = await orgs.acceptInvitation(deps, auth, params.token, body, clientOf(req));
        if (result.session) setSessionCookie(req, reply, result.session.token, deps.config);
        return { organisationId: result.organisationId };
      },
    }),
  ];
}
