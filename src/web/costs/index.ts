import { lazyPage, type WebModule } from '../platform/module.ts';

const CostFormPage = lazyPage(() => import('./cost-form.page.tsx'), 'CostFormPage');
const ActualFormPage = lazyPage(() => import('./actual-form.page.tsx'), 'ActualFormPage');
const ActualImportPage = lazyPage(() => import('./actual-import.page.tsx'), 'ActualImportPage');

/** Costs (PRODUCT.md capability 10): the on-premises baseline against cloud scenarios, with TCO, NPV, ROI and payback, the stage budget guides as checks, and the adopted plan against the actual costs. */
export const costsModule: WebModule = {
  name: 'costs',
  routes: [
    { path: '/costs', guard: 'organisation', page: lazyPage(() => import('./cost-list.page.tsx'), 'CostListPage') },
    { path: '/costs/scenarios/new', guard: 'organisation', page: CostFormPage },
    { path: '/costs/scenarios/:id', guard: 'organisation', page: CostFormPage },
    { path: '/costs/actuals', guard: 'organisation', page: lazyPage(() => import('./plan-review.page.tsx'), 'PlanReviewPage') },
    { path: '/costs/actuals/new', guard: 'organisation', page: ActualFormPage },
    { path: '/costs/actuals/import', guard: 'organisation', page: ActualImportPage },
    { path: '/costs/actuals/import/:id', guard: 'organisation', page: ActualImportPage },
    { path: '/costs/actuals/:id', guard: 'organisation', page: ActualFormPage },
  ],
  nav: [
    { path: '/costs', labelKey: 'costs.nav', section: 'work', permission: 'costs.read' },
    { path: '/costs/actuals', labelKey: 'costs.actuals.nav', section: 'work', permission: 'costs.read' },
  ],
};
