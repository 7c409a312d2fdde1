import { providersPolicy } from '../../shared/providers/providers.policy.ts';
import { defineModule } from '../platform/module.ts';
import { providerRoutes } from './provider.routes.ts';

/** Provider profiles and evaluation, contract review, the requirements-to-provider fit and the SLA arithmetic (PRODUCT.md capability 6). */
export const providersModule = defineModule({
  id: 'providers',
  routes: (deps) => providerRoutes(deps),
  jobs: [],
  policy: providersPolicy,
  translations: ['providers'],
});
