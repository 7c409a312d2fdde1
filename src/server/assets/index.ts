import { assetsPolicy } from '../../shared/assets/assets.policy.ts';
import { defineModule } from '../platform/module.ts';
import { assetImportJob } from './asset-import.jobs.ts';
import { assetRoutes } from './asset.routes.ts';
import { systemRoutes } from './system.routes.ts';
import { workloadRoutes } from './workload.routes.ts';

/** The information-asset inventory, its import, and the workloads and system portfolio built on it. */
export const assetsModule = defineModule({
  id: 'assets',
  routes: (deps) => [...assetRoutes(deps), ...workloadRoutes(deps), ...systemRoutes(deps)],
  // Large imports are validated and committed by a worker on every instance.
  jobs: [assetImportJob],
  policy: assetsPolicy,
  translations: ['assets', 'workloads', 'systems', 'portfolio'],
});
