import { OrganisationProfileSchema, UpdateOrganisationProfileRequestSchema } from '../../../shared/schemas/organisation-profile.schema.ts';
import { defineRoute, type AnyRoute } from '../http/route.ts';
import * as profile from './organisation-profile.service.ts';

export function organisationProfileRoutes(deps: profile.ProfileDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/organisation/profile',
      summary: 'The organisation profile (industry, size, data handled, sector) with the industry list it chooses from',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'organisation.read' },
      response: OrganisationProfileSchema,
      handler: ({ auth }) => profile.getProfile(deps, auth),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/organisation/profile',
      summary: 'Change the organisation profile (owners and managers); version 0 creates it',
      tags: ['organisation'],
      access: { kind: 'org', permission: 'profile.update' },
      body: UpdateOrganisationProfileRequestSchema,
      response: OrganisationProfileSchema,
      handler: ({ auth, body }) => profile.editProfile(deps, auth, body),
    }),
  ];
}
