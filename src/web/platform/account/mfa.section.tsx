import { Badge, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { ProblemAlert, SuccessMessage } from '../../components/problem-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { useSignedInSession } from '../auth/session.query.ts';
import { useDisableMfa, useRegenerateRecoveryCodes } from './account.query.ts';
import { MfaEnrolment } from './mfa-enrolment.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

type PasswordAction = 'disable' | 'regenerate';

export function MfaSection() {
  const { t } = useTranslation();
  const { user, organisation } = useSignedInSession();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [action, setAction] = useState<PasswordAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <SectionCard id="mfa" title={t('mfa.title')} description={t('mfa.whatIsIt')}>
      <Stack>
        <Group gap="sm">
          <Text fw={600}>{t('mfa.status')}</Text>
          <Badge color={user.mfaEnabled ? 'teal' : 'orange'} variant="light">
            {user.mfaEnabled ? t('mfa.on') : t('mfa.off')}
          </Badge>
        </Group>
        {codes ? <RecoveryCodes codes={codes} onDone={() => setCodes(null)} /> : null}
        <SuccessMessage message={notice} />
        {user.mfaEnabled ? (
          !codes ? (
            <Group gap="sm">
              <Button variant="default" onClick={() => setAction('regenerate')}>
                {t('mfa.regenerate')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => setAction('disable')}>
                {t('mfa.disable')}
              </Button>
            </Group>
          ) : null
        ) : (
          <>
            {organisation?.mfaSetupRequired ? <Text c="red.9">{t('mfa.policyBody')}</Text> : null}
            <MfaEnrolment
              onConfirmed={(c) => {
                setNotice(null);
                setCodes(c);
              }}
            />
          </>
        )}
      </Stack>
      <PasswordActionModal
        action={action}
        requireMfa={!!organisation?.requireMfa}
        onClose={() => setAction(null)}
        onDone={(result) => {
          setAction(null);
          if (result) setCodes(result);
          else setNotice(t('mfa.disabled'));
        }}
      />
    </SectionCard>
  );
}

/** Turning MFA off and replacing recovery codes both ask for the password again. */
function PasswordActionModal({
  action,
  requireMfa,
  onClose,
  onDone,
}: {
  action: PasswordAction | null;
  requireMfa: boolean;
  onClose: () => void;
  onDone: (codes: string[] | null) => void;
}) {
  const { t } = useTranslation();
  const disable = useDisableMfa();
  const regenerate = useRegenerateRecoveryCodes();
  const form = useForm({ mode: 'controlled', initialValues: { password: '' }, validate: { password: (v) => (v ? null : t('common.required')) } });
  const errors = useServerErrors(form);
  const close = () => {
    form.reset();
    errors.clear();
    onClose();
  };
  const pending = disable.isPending || regenerate.isPending;
  return (
    <Modal
      opened={!!action}
      onClose={close}
      title={action === 'disable' ? t('mfa.disableTitle') : t('mfa.regenerateTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(({ password }) => {
          errors.clear();
          const handlers = { onError: errors.apply };
          if (action === 'disable') disable.mutate(password, { ...handlers, onSuccess: () => { form.reset(); onDone(null); } });
          else regenerate.mutate(password, { ...handlers, onSuccess: (r) => { form.reset(); onDone(r.recoveryCodes); } });
        })}
      >
        <Stack>
          <Text size="sm">{action === 'disable' ? (requireMfa ? t('mfa.disableWarningPolicy') : t('mfa.disableWarning')) : t('mfa.regenerateWarning')}</Text>
          <PasswordInput label={t('common.password')} required autoComplete="current-password" data-autofocus {...form.getInputProps('password')} />
          <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={action === 'disable' ? 'red' : undefined} loading={pending}>
              {action === 'disable' ? t('mfa.disable') : t('mfa.regenerate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
