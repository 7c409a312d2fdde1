import { lazyPage, type WebModule } from '../platform/module.ts';

/** Governance and controls (PRODUCT.md capability 7): the RACI matrix so far. */
export const governanceModule: WebModule = {
  name: 'governance',
  routes: [{ path: '/governance/raci', guard: 'organisation', page: lazyPage(() => import('./raci.page.tsx'), 'RaciPage') }],
  nav: [{ path: '/governance/raci', labelKey: 'governance.raci.nav', section: 'work', permission: 'governance.read' }],
};
