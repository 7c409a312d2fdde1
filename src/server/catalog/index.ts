import { catalogPolicy } from '../../shared/catalog/catalog.policy.ts';
import { defineModule } from '../platform/module.ts';
import { catalogRoutes } from './catalog.routes.ts';

/** The catalog (PRODUCT.md capability 1): the shipped and the organisation's own collections, and search over them. */
export const catalogModule = defineModule({
  id: 'catalog',
  routes: (deps) => catalogRoutes(deps),
  policy: catalogPolicy,
  translations: ['catalog'],
});
