import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../../shared/policy.ts';
import type { CreatedInvitationSchema, InvitationSchema, TMember } from '../../../shared/schemas/organisation.schema.ts';
import { api } from '../../api/api-client.ts';
import { SESSION_KEY } from '../../api/query-client.ts';

export type { TMember };
export type TInvitation = z.infer<typeof InvitationSchema>;
export type TCreatedInvitation = z.infer<typeof CreatedInvitationSchema>;

export const MEMBERS_KEY = ['members'] as const;
export const INVITATIONS_KEY = ['invitations'] as const;

export function useMembers() {
  return useQuery({
    queryKey: MEMBERS_KEY,
    queryFn: ({ signal }) => api.items<TMember>('/api/v1/members', signal),
  });
}

/** Sends the version the page showed: if someone changed the member meanwhile the server answers 409 and nothing changes. */
export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: { userId: string; role: Role; version: number }) => api.patch(`/api/v1/members/${m.userId}`, { role: m.role, version: m.version }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: MEMBERS_KEY });
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/v1/members/${userId}`),
    onSettled: () => client.invalidateQueries({ queryKey: MEMBERS_KEY }),
  });
}

export function useInvitations(enabled: boolean) {
  return useQuery({
    queryKey: INVITATIONS_KEY,
    queryFn: ({ signal }) => api.items<TInvitation>('/api/v1/invitations', signal),
    enabled,
  });
}

export function useCreateInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) => api.post<TCreatedInvitation>('/api/v1/invitations', body),
    onSuccess: () => client.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}

export function useRevokeInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/invitations/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: INVITATIONS_KEY }),
  });
}
