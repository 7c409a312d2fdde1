import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/api-client.ts';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { currentLocale } from '../../i18n/i18n.ts';
import { NewPasswordFields } from './password-fields.tsx';
import { newPasswordRules } from './password-rules.ts';
import { useEnterSession, useSession } from './session.query.ts';

/** First start: the one-time link the server printed creates the first owner and organisation. */
export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const enter = useEnterSession();
  const form = useForm({
    mode: 'controlled',
    initialValues: { organisationName: '', displayName: '', email: '', password: '', passwordConfirm: '' },
    validate: {
      organisationName: (v) => (v.trim() ? null : t('common.required')),
      displayName: (v) => (v.trim() ? null : t('common.required')),
      email: isEmail(t('errors.field.invalidEmail')),
      ...newPasswordRules(t),
    },
  });
  const errors = useServerErrors(form);
  const setup = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.post('/api/v1/setup', {
        token,
        organisationName: v.organisationName.trim(),
        displayName: v.displayName.trim(),
        email: v.email.trim(),
        password: v.password,
        locale: currentLocale(),
      }),
    // The organisation requires MFA of its owner: the guards continue to enrolment.
    onSuccess: () => enter('/'),
    onError: errors.apply,
  });

  useEffect(() => {
    document.title = `${t('setup.title')} | ${t('common.appName')}`;
  }, [t]);

  if (session.isPending) return <FullPageLoader />;
  const done = session.data && !session.data.needsSetup;

  return (
    <PublicLayout width={560}>
      <Stack>
        <Title order={1} fz="h2">
          {t('setup.title')}
        </Title>
        {done ? (
          <>
            <Alert color="blue" variant="light" title={t('errors.setupDone')} />
            <Anchor component={Link} to={session.data?.authenticated ? '/' : '/sign-in'}>
              {session.data?.authenticated ? t('notFound.home') : t('signIn.title')}
            </Anchor>
          </>
        ) : !token ? (
          <Alert color="orange" variant="light" title={t('setup.noTokenTitle')}>
            {t('setup.noTokenBody')}
          </Alert>
        ) : (
          <>
            <Text>{t('setup.intro')}</Text>
            <form noValidate onSubmit={form.onSubmit((v) => { errors.clear(); setup.mutate(v); })}>
              <Stack>
                <TextInput
                  label={t('setup.organisationName')}
                  description={t('setup.organisationNameHint')}
                  required
                  maxLength={200}
                  autoComplete="organization"
                  {...form.getInputProps('organisationName')}
                />
                <TextInput label={t('setup.displayName')} required maxLength={100} autoComplete="name" {...form.getInputProps('displayName')} />
                <TextInput label={t('common.email')} type="email" required autoComplete="email" {...form.getInputProps('email')} />
                <NewPasswordFields form={form} />
                <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
                <Button type="submit" loading={setup.isPending} size="md">
                  {t('setup.submit')}
                </Button>
                <Text size="sm" c="dimmed">
                  {t('setup.mfaNotice')}
                </Text>
              </Stack>
            </form>
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
