import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganisationSchema } from '../../../shared/schemas/organisation.schema.ts';
import { api } from '../../api/api-client.ts';
import { SESSION_KEY } from '../../api/query-client.ts';

export type TOrganisation = z.infer<typeof OrganisationSchema>;
export const ORGANISATION_KEY = ['organisation'] as const;

export function useOrganisation() {
  return useQuery({ queryKey: ORGANISATION_KEY, queryFn: ({ signal }) => api.get<TOrganisation>('/api/v1/organisation', signal) });
}

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: { name?: string; requireMfa?: boolean; version: number }) => api.patch<TOrganisation>('/api/v1/organisation', patch),
    onSuccess: (org) => {
      client.setQueryData(ORGANISATION_KEY, org);
      // The header shows the name; the session carries the MFA policy.
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

/** Creates an organisation with me as owner and makes it the current one. */
export function useCreateOrganisation() {
  return useMutation({
    mutationFn: async (name: string) => {
      const org = await api.post<TOrganisation>('/api/v1/organisations', { name });
      await api.post('/api/v1/session/organisation', { organisationId: org.id });
      return org;
    },
  });
}
