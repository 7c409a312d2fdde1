import { costsPolicy } from '../../shared/costs/costs.policy.ts';
import { defineModule } from '../platform/module.ts';
import { importJob } from '../platform/transfer/import.service.ts';
import { COST_ACTUAL_IMPORT } from './cost-actual-import.register.ts';
import { costRoutes } from './cost.routes.ts';

/** Costs (PRODUCT.md capability 10): the on-premises baseline against cloud scenarios, with TCO, NPV, ROI and payback, the stage budget guides as checks, and the adopted plan against the actual costs (entered or imported). */
export const costsModule = defineModule({
  id: 'costs',
  routes: (deps) => costRoutes(deps),
  // Large files of actual costs are checked and committed by a worker on every instance.
  jobs: [importJob(COST_ACTUAL_IMPORT)],
  policy: costsPolicy,
  translations: ['costs'],
});
