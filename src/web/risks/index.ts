import { lazyPage, type WebModule } from '../platform/module.ts';

const RiskFormPage = lazyPage(() => import('./risk-form.page.tsx'), 'RiskFormPage');
const InsuranceFormPage = lazyPage(() => import('./insurance.page.tsx'), 'InsuranceFormPage');

/** The risk register, insurance policies and the portfolio's analysis (PRODUCT.md capability 5). */
export const risksModule: WebModule = {
  name: 'risks',
  routes: [
    { path: '/risks', guard: 'organisation', page: lazyPage(() => import('./risk-list.page.tsx'), 'RiskListPage') },
    { path: '/risks/new', guard: 'organisation', page: RiskFormPage },
    { path: '/risks/analysis', guard: 'organisation', page: lazyPage(() => import('./risk-analysis.page.tsx'), 'RiskAnalysisPage') },
    { path: '/risks/threats', guard: 'organisation', page: lazyPage(() => import('./threat-assessment.page.tsx'), 'ThreatAssessmentPage') },
    { path: '/risks/scale', guard: 'organisation', page: lazyPage(() => import('./risk-scale.page.tsx'), 'RiskScalePage') },
    { path: '/risks/insurance', guard: 'organisation', page: lazyPage(() => import('./insurance.page.tsx'), 'InsuranceListPage') },
    { path: '/risks/insurance/new', guard: 'organisation', page: InsuranceFormPage },
    { path: '/risks/insurance/:id', guard: 'organisation', page: InsuranceFormPage },
    { path: '/risks/:id', guard: 'organisation', page: RiskFormPage },
  ],
  nav: [{ path: '/risks', labelKey: 'risks.nav', section: 'work', permission: 'risks.read' }],
};
