import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { FullPageLoader } from './components/full-page-loader.tsx';
import { applyLocale, rememberLocale, i18n } from './i18n/i18n.ts';
import { useSession } from './platform/auth/session.query.ts';
import { RequireOrganisation, RequireSession } from './platform/shell/route-guards.tsx';
import { cssVariablesResolver, localisedTheme } from './theme.ts';

/** Every page is its own chunk: the first page loads only what it shows. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SetupPage = page(() => import('./platform/auth/setup.page.tsx'), 'SetupPage');
const SignInPage = page(() => import('./platform/auth/sign-in.page.tsx'), 'SignInPage');
const InvitationPage = page(() => import('./platform/auth/invitation-accept.page.tsx'), 'InvitationAcceptPage');
const AppShellLayout = page(() => import('./platform/shell/app-shell.layout.tsx'), 'AppShellLayout');
const HomePage = page(() => import('./platform/home/home.page.tsx'), 'HomePage');
const MembersPage = page(() => import('./platform/members/members.page.tsx'), 'MembersPage');
const AuditPage = page(() => import('./platform/audit/audit.page.tsx'), 'AuditPage');
const OrganisationSettingsPage = page(() => import('./platform/organisation/organisation-settings.page.tsx'), 'OrganisationSettingsPage');
const NoOrganisationPage = page(() => import('./platform/organisation/no-organisation.page.tsx'), 'NoOrganisationPage');
const AccountPage = page(() => import('./platform/account/account.page.tsx'), 'AccountPage');
const MfaSetupPage = page(() => import('./platform/account/mfa-setup.page.tsx'), 'MfaSetupPage');
const NotFoundPage = page(() => import('./platform/shell/not-found.page.tsx'), 'NotFoundPage');
const DashboardPage = page(() => import('./diagnosis/dashboard.page.tsx'), 'DashboardPage');
const ProfilePage = page(() => import('./diagnosis/profile.page.tsx'), 'ProfilePage');
const DiagnosisPage = page(() => import('./diagnosis/diagnosis.page.tsx'), 'DiagnosisPage');
const AssessmentPage = page(() => import('./diagnosis/assessment.page.tsx'), 'AssessmentPage');
const ComparisonPage = page(() => import('./diagnosis/comparison.page.tsx'), 'ComparisonPage');
const StagesPage = page(() => import('./diagnosis/stages.page.tsx'), 'StagesPage');
const RoadmapPage = page(() => import('./diagnosis/roadmap.page.tsx'), 'RoadmapPage');
const DiagnosisReportPage = page(() => import('./diagnosis/report.page.tsx'), 'ReportPage');
const KnowledgeHomePage = page(() => import('./catalog/knowledge-home.page.tsx'), 'KnowledgeHomePage');
const CollectionPage = page(() => import('./catalog/collection.page.tsx'), 'CollectionPage');
const KnowledgeItemPage = page(() => import('./catalog/item.page.tsx'), 'ItemPage');
const KnowledgeSearchPage = page(() => import('./catalog/search.page.tsx'), 'SearchPage');
const GlossaryPage = page(() => import('./catalog/glossary.page.tsx'), 'GlossaryPage');
const OwnFileUploadPage = page(() => import('./catalog/own-file-upload.page.tsx'), 'OwnFileUploadPage');

const AssetListPage = page(() => import('./assets/asset-list.page.tsx'), 'AssetListPage');
const AssetFormPage = page(() => import('./assets/asset-form.page.tsx'), 'AssetFormPage');
const AssetSummaryPage = page(() => import('./assets/asset-summary.page.tsx'), 'AssetSummaryPage');
const AssetImportPage = page(() => import('./assets/asset-import.page.tsx'), 'AssetImportPage');
const WorkloadListPage = page(() => import('./assets/workload-list.page.tsx'), 'WorkloadListPage');
const WorkloadFormPage = page(() => import('./assets/workload-form.page.tsx'), 'WorkloadFormPage');
const SystemListPage = page(() => import('./assets/system-list.page.tsx'), 'SystemListPage');
const SystemFormPage = page(() => import('./assets/system-form.page.tsx'), 'SystemFormPage');
const SystemPortfolioPage = page(() => import('./assets/system-portfolio.page.tsx'), 'SystemPortfolioPage');

/** The signed-in user's language wins over this browser's choice; it is remembered for the next sign-in page. */
function LocaleSync() {
  const { data } = useSession();
  const userId = data?.user?.id;
  const locale = data?.user?.locale;
  useEffect(() => {
    if (userId && locale) {
      void applyLocale(locale);
      rememberLocale(locale);
    }
  }, [userId, locale]);
  return null;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  // Re-rendered on a change of language (useTranslation listens), so the theme's labels follow it.
  const { i18n: instance } = useTranslation(undefined, { i18n });
  const language = instance.language;
  const theme = useMemo(() => localisedTheme(i18n.getFixedT(language)), [language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <LocaleSync />
            <ErrorBoundary>
              <Suspense fallback={<FullPageLoader />}>
                <Routes>
                  <Route path="/setup" element={<SetupPage />} />
                  <Route path="/sign-in" element={<SignInPage />} />
                  <Route path="/invitations/:token" element={<InvitationPage />} />
                  <Route element={<RequireSession />}>
                    {/* The printable report stands alone (A4, no navigation); the server's PDF is this page. */}
                    <Route element={<RequireOrganisation />}>
                      <Route path="/diagnosis/report" element={<DiagnosisReportPage />} />
                    </Route>
                    <Route element={<AppShellLayout />}>
                      <Route path="/account" element={<AccountPage />} />
                      <Route path="/account/mfa-setup" element={<MfaSetupPage />} />
                      <Route path="/organisations/new" element={<NoOrganisationPage />} />
                      <Route element={<RequireOrganisation />}>
                        <Route index element={<HomePage />} />
                        <Route path="/members" element={<MembersPage />} />
                        <Route path="/audit" element={<AuditPage />} />
                        <Route path="/organisation" element={<OrganisationSettingsPage />} />
                        <Route path="/dashboard" element={<DashboardPage />} />
                        <Route path="/organisation-profile" element={<ProfilePage />} />
                        <Route path="/diagnosis" element={<DiagnosisPage />} />
                        <Route path="/diagnosis/assessments/:assessmentId" element={<AssessmentPage />} />
                        <Route path="/diagnosis/assessments/:assessmentId/compare" element={<ComparisonPage />} />
                        <Route path="/stages" element={<StagesPage />} />
                        <Route path="/roadmap" element={<RoadmapPage />} />
                        <Route path="/knowledge" element={<KnowledgeHomePage />} />
                        <Route path="/knowledge/collections/:collectionId" element={<CollectionPage />} />
                        <Route path="/knowledge/items/:itemId" element={<KnowledgeItemPage />} />
                        <Route path="/knowledge/search" element={<KnowledgeSearchPage />} />
                        <Route path="/knowledge/glossary" element={<GlossaryPage />} />
                        <Route path="/knowledge/upload" element={<OwnFileUploadPage />} />
                        <Route path="/assets" element={<AssetListPage />} />
                        <Route path="/assets/new" element={<AssetFormPage />} />
                        <Route path="/assets/summary" element={<AssetSummaryPage />} />
                        <Route path="/assets/import" element={<AssetImportPage />} />
                        <Route path="/assets/import/:id" element={<AssetImportPage />} />
                        <Route path="/assets/:id" element={<AssetFormPage />} />
                        <Route path="/workloads" element={<WorkloadListPage />} />
                        <Route path="/workloads/new" element={<WorkloadFormPage />} />
                        <Route path="/workloads/:id" element={<WorkloadFormPage />} />
                        <Route path="/systems" element={<SystemListPage />} />
                        <Route path="/systems/new" element={<SystemFormPage />} />
                        <Route path="/systems/portfolio" element={<SystemPortfolioPage />} />
                        <Route path="/systems/:id" element={<SystemFormPage />} />
                      </Route>
                      <Route path="*" element={<NotFoundPage />} />
                    </Route>
                  </Route>
                </Routes>
              </Suspense>
            </ErrorBoundary>
          </BrowserRouter>
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
