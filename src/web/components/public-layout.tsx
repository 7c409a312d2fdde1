import { Box, Container, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.tsx';
import { Logo } from './logo.tsx';

/** Pages before sign-in (set-up, sign-in, invitations): one card, the language switch on top. */
export function PublicLayout({ children, width = 480 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" className="public-background">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Logo />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" size={width} py="xl">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
          {children}
        </Paper>
        <Box component="p" ta="center" mt="md" fz="sm" c="dimmed">
          {t('common.tagline')}
        </Box>
      </Container>
    </Box>
  );
}
