import { lazyPage, type WebModule } from '../platform/module.ts';

const IsmsDocumentFormPage = lazyPage(() => import('./isms-document-form.page.tsx'), 'IsmsDocumentFormPage');

/** Governance and controls (PRODUCT.md capability 7): the RACI matrix and the ISMS document registry so far. */
export const governanceModule: WebModule = {
  name: 'governance',
  routes: [
    { path: '/governance/raci', guard: 'organisation', page: lazyPage(() => import('./raci.page.tsx'), 'RaciPage') },
    { path: '/governance/documents', guard: 'organisation', page: lazyPage(() => import('./isms-document-list.page.tsx'), 'IsmsDocumentListPage') },
    { path: '/governance/documents/new', guard: 'organisation', page: IsmsDocumentFormPage },
    { path: '/governance/documents/:id', guard: 'organisation', page: IsmsDocumentFormPage },
  ],
  nav: [
    { path: '/governance/raci', labelKey: 'governance.raci.nav', section: 'work', permission: 'governance.read' },
    { path: '/governance/documents', labelKey: 'governance.documents.nav', section: 'work', permission: 'governance.read' },
  ],
};
