import { assetRoutes } from './assets/asset.routes.ts';
import { systemRoutes } from './assets/system.routes.ts';
import { workloadRoutes } from './assets/workload.routes.ts';
import { industryOptions } from './catalog/catalog.public.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { diagnosisRoutes } from './diagnosis/diagnosis.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import type { AuthDeps } from './platform/auth/auth.service.ts';
import { evidenceRoutes } from './platform/evidence/evidence.routes.ts';
import type { AnyRoute } from './platform/http/route.ts';
import { organisationProfileRoutes } from './platform/orgs/organisation-profile.routes.ts';
import { organisationRoutes } from './platform/orgs/organisation.routes.ts';

/** Every module's routes, in one table (registered, documented and tested from here). */
export function allRoutes(deps: AuthDeps): AnyRoute[] {
  return [...authRoutes(deps), ...organisationRoutes(deps), ...auditRoutes(deps), ...catalogRoutes(deps), ...organisationProfileRoutes({ ...deps, industryOptions }), ...evidenceRoutes(deps), ...diagnosisRoutes(deps), ...assetRoutes(deps), ...workloadRoutes(deps), ...systemRoutes(deps)];
}
