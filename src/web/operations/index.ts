import { lazyPage, type WebModule } from '../platform/module.ts';

const InspectionFormPage = lazyPage(() => import('./inspection-form.page.tsx'), 'InspectionFormPage');

/** Recurring inspections on a calendar, their rounds and the member's reminders (PRODUCT.md capability 11). */
export const operationsModule: WebModule = {
  name: 'operations',
  routes: [
    { path: '/operations', guard: 'organisation', page: lazyPage(() => import('./inspection-list.page.tsx'), 'InspectionListPage') },
    { path: '/operations/new', guard: 'organisation', page: InspectionFormPage },
    { path: '/operations/:id', guard: 'organisation', page: InspectionFormPage },
  ],
  nav: [{ path: '/operations', labelKey: 'operations.nav', section: 'work', permission: 'operations.read' }],
};
