import { lazyPage, type WebModule } from '../platform/module.ts';

/** The knowledge pages: the loaded collections, their items, search, the glossary and the organisation's own files. */
export const catalogModule: WebModule = {
  name: 'catalog',
  routes: [
    { path: '/knowledge', guard: 'organisation', page: lazyPage(() => import('./knowledge-home.page.tsx'), 'KnowledgeHomePage') },
    { path: '/knowledge/collections/:collectionId', guard: 'organisation', page: lazyPage(() => import('./collection.page.tsx'), 'CollectionPage') },
    { path: '/knowledge/items/:itemId', guard: 'organisation', page: lazyPage(() => import('./item.page.tsx'), 'ItemPage') },
    { path: '/knowledge/search', guard: 'organisation', page: lazyPage(() => import('./search.page.tsx'), 'SearchPage') },
    { path: '/knowledge/glossary', guard: 'organisation', page: lazyPage(() => import('./glossary.page.tsx'), 'GlossaryPage') },
    { path: '/knowledge/upload', guard: 'organisation', page: lazyPage(() => import('./own-file-upload.page.tsx'), 'OwnFileUploadPage') },
  ],
  nav: [{ path: '/knowledge', labelKey: 'nav.knowledge', section: 'work', permission: 'catalog.read' }],
};
