import { lazyPage, type WebModule } from '../platform/module.ts';

const AssetFormPage = lazyPage(() => import('./asset-form.page.tsx'), 'AssetFormPage');
// One page for both addresses: an upload moves on to the import's own address without starting again.
const AssetImportPage = lazyPage(() => import('./asset-import.page.tsx'), 'AssetImportPage');
const WorkloadFormPage = lazyPage(() => import('./workload-form.page.tsx'), 'WorkloadFormPage');
const SystemFormPage = lazyPage(() => import('./system-form.page.tsx'), 'SystemFormPage');

/** The registers of the move: information assets (with their import and summary), workloads, and the system portfolio. */
export const assetsModule: WebModule = {
  name: 'assets',
  routes: [
    { path: '/assets', guard: 'organisation', page: lazyPage(() => import('./asset-list.page.tsx'), 'AssetListPage') },
    { path: '/assets/new', guard: 'organisation', page: AssetFormPage },
    { path: '/assets/summary', guard: 'organisation', page: lazyPage(() => import('./asset-summary.page.tsx'), 'AssetSummaryPage') },
    { path: '/assets/import', guard: 'organisation', page: AssetImportPage },
    { path: '/assets/import/:id', guard: 'organisation', page: AssetImportPage },
    { path: '/assets/:id', guard: 'organisation', page: AssetFormPage },
    { path: '/workloads', guard: 'organisation', page: lazyPage(() => import('./workload-list.page.tsx'), 'WorkloadListPage') },
    { path: '/workloads/new', guard: 'organisation', page: WorkloadFormPage },
    { path: '/workloads/:id', guard: 'organisation', page: WorkloadFormPage },
    { path: '/systems', guard: 'organisation', page: lazyPage(() => import('./system-list.page.tsx'), 'SystemListPage') },
    { path: '/systems/new', guard: 'organisation', page: SystemFormPage },
    { path: '/systems/portfolio', guard: 'organisation', page: lazyPage(() => import('./system-portfolio.page.tsx'), 'SystemPortfolioPage') },
    { path: '/systems/:id', guard: 'organisation', page: SystemFormPage },
  ],
  nav: [
    { path: '/assets', labelKey: 'nav.assets', section: 'work', permission: 'assets.read' },
    { path: '/workloads', labelKey: 'nav.workloads', section: 'work', permission: 'assets.read' },
    { path: '/systems', labelKey: 'nav.systems', section: 'work', permission: 'assets.read' },
  ],
};
