import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useSignedInSession } from '../auth/session.query.ts';
import { MfaEnrolment } from './mfa-enrolment.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

/**
 * Where owners and managers land when their organisation requires MFA and
 * they have none yet: nothing of the organisation opens before this is done.
 */
export function MfaSetupPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const [codes, setCodes] = useState<string[] | null>(null);

  if (!codes && session.user.mfaEnabled) return <Navigate to="/" replace />;

  return (
    <>
      <PageHeader title={t('mfa.setupTitle')} description={t('mfa.setupDescription')} />
      <Paper withBorder p="lg" maw={760}>
        {codes ? (
          <Stack>
            <Alert color="teal" variant="light" title={t('mfa.enabled')} />
            <RecoveryCodes codes={codes} onDone={() => navigate('/', { replace: true })} doneLabel={t('mfa.savedAndContinue')} />
          </Stack>
        ) : (
          <Stack>
            {session.organisation?.mfaSetupRequired ? (
              <Alert color="blue" variant="light" title={t('mfa.policyTitle', { organisation: session.organisation.name })}>
                {t('mfa.policyBody')}
              </Alert>
            ) : null}
            <Text>{t('mfa.whatIsIt')}</Text>
            <MfaEnrolment onConfirmed={setCodes} />
            <Button variant="subtle" onClick={() => navigate('/account')} w="fit-content" px={0}>
              {t('mfa.goToAccount')}
            </Button>
          </Stack>
        )}
      </Paper>
    </>
  );
}
