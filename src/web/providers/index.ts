import { lazyPage, type WebModule } from '../platform/module.ts';

const ProviderFormPage = lazyPage(() => import('./provider-form.page.tsx'), 'ProviderFormPage');
const ContractFormPage = lazyPage(() => import('./contract-form.page.tsx'), 'ContractFormPage');

/** Providers, their evaluation, contracts with the 17-item review, the fit matrix and the SLA calculator (PRODUCT.md capability 6). */
export const providersModule: WebModule = {
  name: 'providers',
  routes: [
    { path: '/providers', guard: 'organisation', page: lazyPage(() => import('./provider-list.page.tsx'), 'ProviderListPage') },
    { path: '/providers/new', guard: 'organisation', page: ProviderFormPage },
    { path: '/providers/contracts', guard: 'organisation', page: lazyPage(() => import('./contract-list.page.tsx'), 'ContractListPage') },
    { path: '/providers/contracts/new', guard: 'organisation', page: ContractFormPage },
    { path: '/providers/contracts/:id', guard: 'organisation', page: ContractFormPage },
    { path: '/providers/fit', guard: 'organisation', page: lazyPage(() => import('./provider-fit.page.tsx'), 'ProviderFitPage') },
    { path: '/providers/sla', guard: 'organisation', page: lazyPage(() => import('./sla-calculator.page.tsx'), 'SlaCalculatorPage') },
    { path: '/providers/:id/evaluation', guard: 'organisation', page: lazyPage(() => import('./evaluation.page.tsx'), 'EvaluationPage') },
    { path: '/providers/:id', guard: 'organisation', page: ProviderFormPage },
  ],
  nav: [{ path: '/providers', labelKey: 'providers.nav', section: 'work', permission: 'providers.read' }],
};
