import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { FullPageLoader } from './components/full-page-loader.tsx';
import { applyLocale, rememberLocale, i18n } from './i18n/i18n.ts';
import { WEB_MODULES } from './modules.ts';
import { useSession } from './platform/auth/session.query.ts';
import { lazyPage, type RouteGuard } from './platform/module.ts';
import { RequireOrganisation, RequireSession } from './platform/shell/route-guards.tsx';
import { cssVariablesResolver, localisedTheme } from './theme.ts';

// The frame of the signed-in pages: navigation built from the modules' entries.
const AppShellLayout = lazy(async () => ({ default: (await import('./platform/shell/app-shell.layout.tsx')).AppShellLayout }));
const NotFoundPage = lazyPage(() => import('./platform/shell/not-found.page.tsx'), 'NotFoundPage');

const ROUTES = WEB_MODULES.flatMap((m) => m.routes);
const routesOf = (guard: RouteGuard, bare: boolean) =>
  ROUTES.filter((r) => r.guard === guard && (guard === 'public' || !!r.bare === bare)).map(({ path, page: Page }) =>
    path === 'index' ? <Route key={path} index element={<Page />} /> : <Route key={path} path={path} element={<Page />} />,
  );

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
                  {routesOf('public', true)}
                  <Route element={<RequireSession />}>
                    {routesOf('session', true)}
                    <Route element={<RequireOrganisation />}>{routesOf('organisation', true)}</Route>
                    <Route element={<AppShellLayout nav={WEB_MODULES} />}>
                      {routesOf('session', false)}
                      <Route element={<RequireOrganisation />}>{routesOf('organisation', false)}</Route>
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
