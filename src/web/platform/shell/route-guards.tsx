import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toApiError } from '../../api/api-client.ts';
import { useSession } from '../auth/session.query.ts';

export const MFA_SETUP_PATH = '/account/mfa-setup';
export const NO_ORGANISATION_PATH = '/organisations/new';

/** Signed in (password and, when enrolled, the TOTP step); otherwise to set-up or sign-in. */
export function RequireSession() {
  const { data, error, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (error || !data) return <ProblemAlert problem={toApiError(error)} m="xl" />;
  if (data.needsSetup) return <Navigate to="/setup" replace />;
  if (!data.authenticated || !data.user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <Outlet />;
}

/**
 * A current organisation whose policy this member satisfies. When the policy
 * requires MFA of an owner or manager who has none, every organisation route
 * answers 403 mfaRequired: enrolment comes first.
 */
export function RequireOrganisation() {
  const { data } = useSession();
  if (!data?.organisation) return <Navigate to={NO_ORGANISATION_PATH} replace />;
  if (data.organisation.mfaSetupRequired) return <Navigate to={MFA_SETUP_PATH} replace />;
  return <Outlet />;
}
