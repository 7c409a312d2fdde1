import { costsPolicy } from '../../shared/costs/costs.policy.ts';
import { defineModule } from '../platform/module.ts';
import { costRoutes } from './cost.routes.ts';

/** Costs (PRODUCT.md capability 10): the on-premises baseline against cloud scenarios, with TCO, NPV, ROI and payback so far. */
export const costsModule = defineModule({
  id: 'costs',
  routes: (deps) => costRoutes(deps),
  jobs: [],
  policy: costsPolicy,
  translations: ['costs'],
});
