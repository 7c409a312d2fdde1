import { Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { ActivitySection } from './activity.section.tsx';
import { MfaSection } from './mfa.section.tsx';
import { PasswordSection } from './password.section.tsx';
import { ProfileSection } from './profile.section.tsx';
import { SessionsSection } from './sessions.section.tsx';

/** My profile, password, two-factor authentication, sessions and recent account activity. */
export function AccountPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  // Links such as /account#mfa (from the home page's next steps) open at their section.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Stack gap="xl">
        <ProfileSection />
        <MfaSection />
        <PasswordSection />
        <SessionsSection />
        <ActivitySection />
      </Stack>
    </>
  );
}
