import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { SessionInfoSchema } from '../../../shared/schemas/auth.schema.ts';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';
import { api, ApiError, rememberCsrfToken } from '../../api/api-client.ts';
import { SESSION_KEY } from '../../api/query-client.ts';
import { applyLocale, rememberLocale } from '../../i18n/i18n.ts';

export type TSession = z.infer<typeof SessionInfoSchema>;
export type TSessionUser = NonNullable<TSession['user']>;
export type TSessionOrganisation = NonNullable<TSession['organisation']>;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }) => {
      const session = await api.get<TSession>('/api/v1/session', signal);
      rememberCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

/** Inside the route guards the session is loaded; pages read it without checks. */
export function useSignedInSession(): TSession & { user: TSessionUser } {
  const { data } = useSession();
  if (!data?.user) throw new Error('useSignedInSession outside RequireSession');
  return data as TSession & { user: TSessionUser };
}

export function useOrganisationSession(): TSession & { user: TSessionUser; organisation: TSessionOrganisation } {
  const session = useSignedInSession();
  if (!session.organisation) throw new Error('useOrganisationSession outside RequireOrganisation');
  return session as TSession & { user: TSessionUser; organisation: TSessionOrganisation };
}

/** After a switch of organisation every cached answer belongs to the other organisation: drop them, read the session again. */
export function useResetAfterSessionChange() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    await client.refetchQueries({ queryKey: SESSION_KEY });
  };
}

/**
 * After set-up, sign-in or accepting an invitation: read the new session, drop
 * answers cached for another organisation (a signed-in user accepting joins a
 * new one), then go on. The page being left keeps its own queries until it unmounts.
 */
export function useEnterSession() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (to: string) => {
    await client.refetchQueries({ queryKey: SESSION_KEY });
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0], type: 'inactive' });
    navigate(to, { replace: true });
  };
}

/**
 * Signing out ends the session on the server, then loads the sign-in page
 * afresh, so nothing of the previous user stays in this tab's memory.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post('/api/v1/auth/sign-out'),
    onSettled: () => window.location.assign('/sign-in'),
  });
}

/**
 * The language switch: remembered on the account when signed in
 * (PATCH /api/v1/account with the account's version), in this browser otherwise.
 */
export function useChangeLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (locale: TLocale) => {
      rememberLocale(locale);
      const session = client.getQueryData<TSession>(SESSION_KEY);
      // The server answers a signed-in member in their stored language: store it
      // first, so the answers the switch asks for again come in the new language.
      try {
        if (session?.authenticated && session.user) await storeLocale(session.user.version);
      } finally {
        await applyLocale(locale);
      }
      async function storeLocale(version: number) {
        const patch = (v: number) => api.patch<{ version: number }>('/api/v1/account', { locale, version: v });
        try {
          await patch(version);
        } catch (e) {
          // The account changed elsewhere (another tab): read the new version and try once more.
          if (!(e instanceof ApiError && e.status === 409)) throw e;
          const fresh = await client.fetchQuery<TSession>({ queryKey: SESSION_KEY, staleTime: 0 });
          if (fresh.user) await patch(fresh.user.version);
        }
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
