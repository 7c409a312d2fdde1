import { lazyPage, type WebModule } from '../platform/module.ts';

const InspectionFormPage = lazyPage(() => import('./inspection-form.page.tsx'), 'InspectionFormPage');
const CorrectiveActionFormPage = lazyPage(() => import('./corrective-action-form.page.tsx'), 'CorrectiveActionFormPage');

/** Recurring inspections on a calendar, their rounds, the member's reminders and corrective actions through PDCA (PRODUCT.md capability 11). */
export const operationsModule: WebModule = {
  name: 'operations',
  routes: [
    { path: '/operations', guard: 'organisation', page: lazyPage(() => import('./inspection-list.page.tsx'), 'InspectionListPage') },
    { path: '/operations/new', guard: 'organisation', page: InspectionFormPage },
    { path: '/corrective-actions', guard: 'organisation', page: lazyPage(() => import('./corrective-action-list.page.tsx'), 'CorrectiveActionListPage') },
    { path: '/corrective-actions/new', guard: 'organisation', page: CorrectiveActionFormPage },
    { path: '/corrective-actions/:id', guard: 'organisation', page: CorrectiveActionFormPage },
    { path: '/operations/:id', guard: 'organisation', page: InspectionFormPage },
  ],
  nav: [
    { path: '/operations', labelKey: 'operations.nav', section: 'work', permission: 'operations.read' },
    { path: '/corrective-actions', labelKey: 'operations.actions.nav', section: 'work', permission: 'operations.read' },
  ],
};
