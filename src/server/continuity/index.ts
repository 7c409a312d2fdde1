import { continuityPolicy } from '../../shared/continuity/continuity.policy.ts';
import { defineModule } from '../platform/module.ts';
import { backupRoutes } from './backup.routes.ts';
import { bcpRoutes } from './bcp.routes.ts';

/** Continuity (PRODUCT.md capability 8): backup plans against 3-2-1 and 3-2-1-1-0 with their restore tests, the workloads' RTO and RPO against the measured restore, and the BCP grid of three modes × five disaster types with its drills. */
export const continuityModule = defineModule({
  id: 'continuity',
  routes: (deps) => [...backupRoutes(deps), ...bcpRoutes(deps)],
  jobs: [],
  policy: continuityPolicy,
  translations: ['continuity'],
});
