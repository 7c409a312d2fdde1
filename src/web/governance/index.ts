import { lazyPage, type WebModule } from '../platform/module.ts';

const IsmsDocumentFormPage = lazyPage(() => import('./isms-document-form.page.tsx'), 'IsmsDocumentFormPage');
const DataStoreFormPage = lazyPage(() => import('./data-store.page.tsx'), 'DataStoreFormPage');
const StaffingRoleFormPage = lazyPage(() => import('./staffing-form.page.tsx'), 'StaffingRoleFormPage');
const StaffingPersonFormPage = lazyPage(() => import('./staffing-form.page.tsx'), 'StaffingPersonFormPage');

/** Governance and controls (PRODUCT.md capability 7): the RACI matrix, control sets with their statement of applicability, data stores against their class's encryption, the IAM review and the log policy check, the ISMS document registry and the staffing matrix so far. */
export const governanceModule: WebModule = {
  name: 'governance',
  routes: [
    { path: '/governance/raci', guard: 'organisation', page: lazyPage(() => import('./raci.page.tsx'), 'RaciPage') },
    { path: '/governance/controls', guard: 'organisation', page: lazyPage(() => import('./control.page.tsx'), 'ControlPage') },
    { path: '/governance/data-stores', guard: 'organisation', page: lazyPage(() => import('./data-store.page.tsx'), 'DataStoreListPage') },
    { path: '/governance/data-stores/new', guard: 'organisation', page: DataStoreFormPage },
    { path: '/governance/data-stores/:id', guard: 'organisation', page: DataStoreFormPage },
    { path: '/governance/access', guard: 'organisation', page: lazyPage(() => import('./access-logs.page.tsx'), 'AccessLogsPage') },
    { path: '/governance/access/accounts/:id', guard: 'organisation', page: lazyPage(() => import('./access-finding.page.tsx'), 'IamAccountPage') },
    { path: '/governance/access/logs/:id', guard: 'organisation', page: lazyPage(() => import('./access-finding.page.tsx'), 'LogSourcePage') },
    { path: '/governance/documents', guard: 'organisation', page: lazyPage(() => import('./isms-document-list.page.tsx'), 'IsmsDocumentListPage') },
    { path: '/governance/documents/new', guard: 'organisation', page: IsmsDocumentFormPage },
    { path: '/governance/documents/:id', guard: 'organisation', page: IsmsDocumentFormPage },
    { path: '/governance/staffing', guard: 'organisation', page: lazyPage(() => import('./staffing.page.tsx'), 'StaffingPage') },
    { path: '/governance/staffing/roles/new', guard: 'organisation', page: StaffingRoleFormPage },
    { path: '/governance/staffing/roles/:id', guard: 'organisation', page: StaffingRoleFormPage },
    { path: '/governance/staffing/people/new', guard: 'organisation', page: StaffingPersonFormPage },
    { path: '/governance/staffing/people/:id', guard: 'organisation', page: StaffingPersonFormPage },
  ],
  nav: [
    { path: '/governance/raci', labelKey: 'governance.raci.nav', section: 'work', permission: 'governance.read' },
    { path: '/governance/controls', labelKey: 'governance.controls.nav', section: 'work', permission: 'governance.read' },
    { path: '/governance/data-stores', labelKey: 'governance.dataStores.nav', section: 'work', permission: 'governance.read' },
    { path: '/governance/access', labelKey: 'governance.access.nav', section: 'work', permission: 'governance.read' },
    { path: '/governance/documents', labelKey: 'governance.documents.nav', section: 'work', permission: 'governance.read' },
    { path: '/governance/staffing', labelKey: 'governance.staffing.nav', section: 'work', permission: 'governance.read' },
  ],
};
