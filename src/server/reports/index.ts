import { reportsPolicy } from '../../shared/reports/reports.policy.ts';
import { defineModule } from '../platform/module.ts';
import { reportRoutes } from './report.routes.ts';

/** Reports (PRODUCT.md capability 12): the dashboard across every module, and the management report for the executive. */
export const reportsModule = defineModule({
  id: 'reports',
  routes: (deps) => reportRoutes(deps),
  policy: reportsPolicy,
  translations: ['reports'],
});
