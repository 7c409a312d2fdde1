import { reportsPolicy } from '../../shared/reports/reports.policy.ts';
import { defineModule } from '../platform/module.ts';
import { oscalRoutes } from './oscal.routes.ts';
import { reportRoutes } from './report.routes.ts';

/** Reports (PRODUCT.md capability 12): the dashboard across every module, the management report for the executive, and the NIST OSCAL documents. */
export const reportsModule = defineModule({
  id: 'reports',
  routes: (deps) => [...reportRoutes(deps), ...oscalRoutes(deps)],
  policy: reportsPolicy,
  translations: ['reports'],
});
