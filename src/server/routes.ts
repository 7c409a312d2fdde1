import { catalogRoutes } from './catalog/catalog.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import type { AuthDeps } from './platform/auth/auth.service.ts';
import type { AnyRoute } from './platform/http/route.ts';
import { organisationRoutes } from './platform/orgs/organisation.routes.ts';

/** Every module's routes, in one table (registered, documented and tested from here). */
export function allRoutes(deps: AuthDeps): AnyRoute[] {
  return [...authRoutes(deps), ...organisationRoutes(deps), ...auditRoutes(deps), ...catalogRoutes(deps)];
}
