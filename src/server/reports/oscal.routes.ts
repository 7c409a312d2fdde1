import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';

/** The OSCAL documents (catalog, profile, assessment results, POA&M). */
export function oscalRoutes(_deps: ModuleDeps): AnyRoute[] {
  return [];
}
