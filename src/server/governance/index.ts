import { governancePolicy } from '../../shared/governance/governance.policy.ts';
import { defineModule } from '../platform/module.ts';
import { accessLogRoutes } from './access-logs.routes.ts';
import { controlRoutes } from './control.routes.ts';
import { dataStoreRoutes } from './data-store.routes.ts';
import { ismsDocumentRoutes } from './isms-document.routes.ts';
import { raciRoutes } from './raci.routes.ts';
import { staffingRoutes } from './staffing.routes.ts';

/** Governance and controls (PRODUCT.md capability 7): the RACI matrix, control sets with their statement of applicability, data stores against their class's encryption, the IAM review and the log policy check, the ISMS document registry and the staffing matrix so far. */
export const governanceModule = defineModule({
  id: 'governance',
  routes: (deps) => [...raciRoutes(deps), ...controlRoutes(deps), ...dataStoreRoutes(deps), ...accessLogRoutes(deps), ...ismsDocumentRoutes(deps), ...staffingRoutes(deps)],
  jobs: [],
  policy: governancePolicy,
  translations: ['governance'],
});
