import { lazyPage, type WebModule } from '../platform/module.ts';

const IncidentFormPage = lazyPage(() => import('./incident-form.page.tsx'), 'IncidentFormPage');

/** Incident records with their first response, timeline and legal deadlines (PRODUCT.md capability 9). */
export const incidentsModule: WebModule = {
  name: 'incidents',
  routes: [
    { path: '/incidents', guard: 'organisation', page: lazyPage(() => import('./incident-list.page.tsx'), 'IncidentListPage') },
    { path: '/incidents/new', guard: 'organisation', page: IncidentFormPage },
    { path: '/incidents/:id', guard: 'organisation', page: IncidentFormPage },
  ],
  nav: [{ path: '/incidents', labelKey: 'incidents.nav', section: 'work', permission: 'incidents.read' }],
};
