import { lazyPage, type WebModule } from '../platform/module.ts';

const CostFormPage = lazyPage(() => import('./cost-form.page.tsx'), 'CostFormPage');

/** Costs (PRODUCT.md capability 10): the on-premises baseline against cloud scenarios, with TCO, NPV, ROI and payback so far. */
export const costsModule: WebModule = {
  name: 'costs',
  routes: [
    { path: '/costs', guard: 'organisation', page: lazyPage(() => import('./cost-list.page.tsx'), 'CostListPage') },
    { path: '/costs/scenarios/new', guard: 'organisation', page: CostFormPage },
    { path: '/costs/scenarios/:id', guard: 'organisation', page: CostFormPage },
  ],
  nav: [{ path: '/costs', labelKey: 'costs.nav', section: 'work', permission: 'costs.read' }],
};
