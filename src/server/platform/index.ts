import { platformPolicy } from '../../shared/platform/platform.policy.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { evidenceRoutes } from './evidence/evidence.routes.ts';
import { defineModule, type ServerModule } from './module.ts';
import { organisationProfileRoutes } from './orgs/organisation-profile.routes.ts';
import type { ProfileDeps } from './orgs/organisation-profile.service.ts';
import { organisationRoutes } from './orgs/organisation.routes.ts';

/**
 * The platform as a module: sign-in and accounts, the organisation and its
 * members, the audit trail, evidence files and the organisation profile.
 * Platform imports no domain module, so what the profile needs from the
 * catalog (its industry list) is handed in by src/server/modules.ts.
 */
export function platformModule(from: Pick<ProfileDeps, 'industryOptions'>): ServerModule {
  return defineModule({
    id: 'platform',
    routes: (deps) => [...authRoutes(deps), ...organisationRoutes(deps), ...auditRoutes(deps), ...organisationProfileRoutes({ ...deps, ...from }), ...evidenceRoutes(deps)],
    policy: platformPolicy,
    translations: [
      'errors', 'common', 'nav', 'shell', 'roles', 'roleDescriptions', 'setup', 'signIn', 'mfa', 'invitation', 'home',
      'members', 'organisation', 'account', 'audit', 'notFound', 'evidence', 'organisationProfile', 'imports',
    ],
  });
}
