import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useSignedInSession } from '../auth/session.query.ts';
import { CreateOrganisationForm } from './create-organisation.form.tsx';

/** Someone who belongs to no organisation (removed from all, or never invited) starts one here. */
export function NoOrganisationPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  if (session.organisation) return <Navigate to="/" replace />;
  return (
    <>
      <PageHeader title={t('organisation.noneTitle')} description={t('organisation.noneBody')} />
      <Paper withBorder p="lg" maw={560}>
        <Text fw={600} mb="sm" component="h2" fz="lg">
          {t('organisation.createTitle')}
        </Text>
        <CreateOrganisationForm />
      </Paper>
    </>
  );
}
