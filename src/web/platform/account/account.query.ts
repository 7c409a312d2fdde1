import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MfaConfirmResponseSchema, MfaEnrolmentSchema, SessionListItemSchema } from '../../../shared/schemas/auth.schema.ts';
import type { TAuditEntry } from '../../../shared/schemas/audit.schema.ts';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';
import { api } from '../../api/api-client.ts';
import { SESSION_KEY } from '../../api/query-client.ts';

export type TMfaEnrolment = z.infer<typeof MfaEnrolmentSchema>;
export type TRecoveryCodes = z.infer<typeof MfaConfirmResponseSchema>;
export type TSessionListItem = z.infer<typeof SessionListItemSchema>;

const SESSIONS_KEY = ['account', 'sessions'] as const;
const ACTIVITY_KEY = ['account', 'activity'] as const;

export function useAccountSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => api.items<TSessionListItem>('/api/v1/account/sessions', signal),
  });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/account/sessions/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useAccountActivity() {
  return useQuery({
    queryKey: ACTIVITY_KEY,
    queryFn: ({ signal }) => api.items<TAuditEntry>('/api/v1/account/activity', signal),
  });
}

/** Every account change is recorded: refresh the session (name, language, MFA) and the activity list. */
function useAccountRefresh() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: SESSION_KEY });
    void client.invalidateQueries({ queryKey: ['account'] });
    void client.invalidateQueries({ queryKey: ['members'] });
  };
}

export function useUpdateProfile() {
  const refresh = useAccountRefresh();
  return useMutation({
    mutationFn: (body: { displayName: string; locale: TLocale; timeZone: string; version: number }) => api.patch<{ version: number }>('/api/v1/account', body),
    onSuccess: refresh,
  });
}

export function useChangePassword() {
  const refresh = useAccountRefresh();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/v1/account/password', body),
    onSuccess: refresh,
  });
}

export function useStartMfaEnrolment() {
  return useMutation({ mutationFn: () => api.post<TMfaEnrolment>('/api/v1/account/mfa/enrolment') });
}

export function useConfirmMfa() {
  const refresh = useAccountRefresh();
  return useMutation({
    mutationFn: (code: string) => api.post<TRecoveryCodes>('/api/v1/account/mfa/confirm', { code }),
    onSuccess: refresh,
  });
}

export function useDisableMfa() {
  const refresh = useAccountRefresh();
  return useMutation({
    mutationFn: (password: string) => api.post('/api/v1/account/mfa/disable', { password }),
    onSuccess: refresh,
  });
}

export function useRegenerateRecoveryCodes() {
  const refresh = useAccountRefresh();
  return useMutation({
    mutationFn: (password: string) => api.post<TRecoveryCodes>('/api/v1/account/mfa/recovery-codes', { password }),
    onSuccess: refresh,
  });
}
