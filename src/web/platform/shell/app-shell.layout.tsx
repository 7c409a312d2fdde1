import { AppShell, Box, Burger, Container, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { Logo } from '../../components/logo.tsx';
import { useSignedInSession } from '../auth/session.query.ts';
import type { WebModule } from '../module.ts';
import { activeEntry, navEntries } from './nav.rules.ts';
import { OrganisationSwitcher } from './organisation-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

/**
 * The frame of every signed-in page: header (organisation, language, user),
 * navigation listing the entries of `nav`'s modules that this member may open.
 */
export function AppShellLayout({ nav }: { nav: readonly WebModule[] }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useEffect(close, [location.pathname, close]);

  const org = session.organisation;
  const orgReady = !!org && !org.mfaSetupRequired;
  const items = navEntries(nav, orgReady ? org.can : null);
  const active = activeEntry(items.map((i) => i.path), location.pathname);
  const isActive = (to: string) => to === active;

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} />
            <Link to="/" aria-label={t('nav.homeLink')} style={{ color: 'inherit', textDecoration: 'none' }}>
              <Logo />
            </Link>
            <Box visibleFrom="xs" miw={0}>
              <OrganisationSwitcher />
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {/* The navigation scrolls on its own when the modules' entries are taller than the window. */}
      <AppShell.Navbar p="sm" style={{ overflowY: 'auto' }}>
        <Stack gap="md" component="nav" aria-label={t('nav.label')}>
          <Box hiddenFrom="xs">
            <OrganisationSwitcher />
          </Box>
          <Box>
            {items.map((item) => (
              <NavLink
                key={item.path}
                component={Link}
                to={item.path}
                label={t(item.labelKey)}
                active={isActive(item.path)}
                aria-current={isActive(item.path) ? 'page' : undefined}
                variant="light"
                fw={500}
              />
            ))}
          </Box>
          {!orgReady && org?.mfaSetupRequired ? (
            <Text size="sm" c="dimmed" px="sm">
              {t('nav.mfaFirst')}
            </Text>
          ) : null}
          <Box hiddenFrom="sm" px="sm">
            <LanguageSwitch />
          </Box>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" bg="var(--mantine-color-gray-0)">
        <Container size="lg" px={0}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<SectionLoader />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
