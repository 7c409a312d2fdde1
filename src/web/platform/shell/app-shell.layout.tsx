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
import { OrganisationSwitcher } from './organisation-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

interface NavItem {
  to: string;
  label: string;
  hint?: string;
}

/**
 * The frame of every signed-in page: header (organisation, language, user),
 * navigation listing only the modules that exist and that this member may open.
 */
export function AppShellLayout() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useEffect(close, [location.pathname, close]);

  const org = session.organisation;
  const orgReady = !!org && !org.mfaSetupRequired;
  const items: NavItem[] = [
    ...(orgReady
      ? [
          { to: '/', label: t('nav.home') },
          ...(org.can['diagnosis.read']
            ? [
                { to: '/dashboard', label: t('nav.dashboard') },
                { to: '/diagnosis', label: t('nav.diagnosis') },
                { to: '/roadmap', label: t('nav.roadmap') },
                { to: '/stages', label: t('nav.stages') },
              ]
            : []),
          { to: '/organisation-profile', label: t('nav.profile') },
          ...(org.can['catalog.read'] ? [{ to: '/knowledge', label: t('nav.knowledge') }] : []),
          ...(org.can['assets.read']
            ? [
                { to: '/assets', label: t('nav.assets') },
                { to: '/workloads', label: t('nav.workloads') },
                { to: '/systems', label: t('nav.systems') },
              ]
            : []),
          { to: '/members', label: t('nav.members') },
          ...(org.can['audit.read'] ? [{ to: '/audit', label: t('nav.audit') }] : []),
          ...(org.can['organisation.update'] ? [{ to: '/organisation', label: t('nav.organisation') }] : []),
        ]
      : []),
    { to: '/account', label: t('nav.account') },
  ];
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`));

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
      <AppShell.Navbar p="sm">
        <Stack gap="md" component="nav" aria-label={t('nav.label')}>
          <Box hiddenFrom="xs">
            <OrganisationSwitcher />
          </Box>
          <Box>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={isActive(item.to)}
                aria-current={isActive(item.to) ? 'page' : undefined}
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
