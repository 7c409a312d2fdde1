import { lazyPage, type WebModule } from '../platform/module.ts';

/** The diagnosis (seed 000): the organisation profile, the checklists, stages and gates, the roadmap, the dashboard and the report. */
export const diagnosisModule: WebModule = {
  name: 'diagnosis',
  routes: [
    // The printable report stands alone (A4, no navigation); the server's PDF is this page.
    { path: '/diagnosis/report', guard: 'organisation', bare: true, page: lazyPage(() => import('./report.page.tsx'), 'ReportPage') },
    { path: '/dashboard', guard: 'organisation', page: lazyPage(() => import('./dashboard.page.tsx'), 'DashboardPage') },
    { path: '/organisation-profile', guard: 'organisation', page: lazyPage(() => import('./profile.page.tsx'), 'ProfilePage') },
    { path: '/diagnosis', guard: 'organisation', page: lazyPage(() => import('./diagnosis.page.tsx'), 'DiagnosisPage') },
    { path: '/diagnosis/assessments/:assessmentId', guard: 'organisation', page: lazyPage(() => import('./assessment.page.tsx'), 'AssessmentPage') },
    { path: '/diagnosis/assessments/:assessmentId/compare', guard: 'organisation', page: lazyPage(() => import('./comparison.page.tsx'), 'ComparisonPage') },
    { path: '/stages', guard: 'organisation', page: lazyPage(() => import('./stages.page.tsx'), 'StagesPage') },
    { path: '/roadmap', guard: 'organisation', page: lazyPage(() => import('./roadmap.page.tsx'), 'RoadmapPage') },
  ],
  nav: [
    { path: '/dashboard', labelKey: 'nav.dashboard', section: 'work', permission: 'diagnosis.read' },
    { path: '/diagnosis', labelKey: 'nav.diagnosis', section: 'work', permission: 'diagnosis.read' },
    { path: '/roadmap', labelKey: 'nav.roadmap', section: 'work', permission: 'diagnosis.read' },
    { path: '/stages', labelKey: 'nav.stages', section: 'work', permission: 'diagnosis.read' },
    { path: '/organisation-profile', labelKey: 'nav.profile', section: 'work' },
  ],
};
