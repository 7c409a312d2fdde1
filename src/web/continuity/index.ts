import { lazyPage, type WebModule } from '../platform/module.ts';

const BackupFormPage = lazyPage(() => import('./backup-form.page.tsx'), 'BackupFormPage');
const DrillFormPage = lazyPage(() => import('./drill-form.page.tsx'), 'DrillFormPage');

/** Continuity (PRODUCT.md capability 8): backup plans with their restore tests, the workloads' recovery targets, and the BCP grid with its drills. */
export const continuityModule: WebModule = {
  name: 'continuity',
  routes: [
    { path: '/continuity/backups', guard: 'organisation', page: lazyPage(() => import('./backup-list.page.tsx'), 'BackupListPage') },
    { path: '/continuity/backups/new', guard: 'organisation', page: BackupFormPage },
    { path: '/continuity/backups/:id', guard: 'organisation', page: BackupFormPage },
    { path: '/continuity/recovery', guard: 'organisation', page: lazyPage(() => import('./recovery.page.tsx'), 'RecoveryPage') },
    { path: '/continuity/bcp', guard: 'organisation', page: lazyPage(() => import('./bcp.page.tsx'), 'BcpPage') },
    { path: '/continuity/bcp/drills/new', guard: 'organisation', page: DrillFormPage },
    { path: '/continuity/bcp/drills/:id', guard: 'organisation', page: DrillFormPage },
  ],
  nav: [
    { path: '/continuity/backups', labelKey: 'continuity.backups.nav', section: 'work', permission: 'continuity.read' },
    { path: '/continuity/recovery', labelKey: 'continuity.recovery.nav', section: 'work', permission: 'continuity.read' },
    { path: '/continuity/bcp', labelKey: 'continuity.bcp.nav', section: 'work', permission: 'continuity.read' },
  ],
};
