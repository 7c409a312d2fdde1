import { lazyPage, type WebModule } from '../platform/module.ts';

/** Reports (PRODUCT.md capability 12): the dashboard across every module, the management reports for the executive, each printable and as PDF, and the NIST OSCAL documents. */
export const reportsModule: WebModule = {
  name: 'reports',
  routes: [
    { path: '/reports', guard: 'organisation', page: lazyPage(() => import('./dashboard.page.tsx'), 'ReportsDashboardPage') },
    { path: '/reports/management', guard: 'organisation', page: lazyPage(() => import('./management-list.page.tsx'), 'ManagementListPage') },
    { path: '/reports/oscal', guard: 'organisation', page: lazyPage(() => import('./oscal.page.tsx'), 'OscalPage') },
    // The printable report stands alone (A4, no navigation); the server's PDF is this page.
    { path: '/reports/management/:id', guard: 'organisation', bare: true, page: lazyPage(() => import('./management-report.page.tsx'), 'ManagementReportPage') },
  ],
  nav: [
    { path: '/reports', labelKey: 'reports.nav', section: 'start', permission: 'reports.read' },
    { path: '/reports/management', labelKey: 'reports.managementNav', section: 'start', permission: 'reports.read' },
    { path: '/reports/oscal', labelKey: 'reports.oscalNav', section: 'start', permission: 'reports.read' },
  ],
};
