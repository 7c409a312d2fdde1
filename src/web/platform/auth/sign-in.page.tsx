import { Anchor, Button, Stack, Text, TextInput, PasswordInput, Title } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { api } from '../../api/api-client.ts';
import { SESSION_KEY } from '../../api/query-client.ts';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { OneTimeCodeInput } from './one-time-code-input.tsx';
import { safeNext } from './password-rules.ts';
import { useEnterSession, useSession, useSignOut } from './session.query.ts';

/** E-mail and password, then — when MFA is on — a code from the authenticator app or a recovery code. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('signIn.title')} | ${t('common.appName')}`;
  }, [t]);

  if (session.isPending) return <FullPageLoader />;
  if (session.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.data?.authenticated) return <Navigate to={next} replace />;

  return (
    <PublicLayout>
      {session.data?.mfaPending ? <MfaStep next={next} /> : <PasswordStep next={next} />}
    </PublicLayout>
  );
}

function PasswordStep({ next }: { next: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const enter = useEnterSession();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: { email: isEmail(t('errors.field.invalidEmail')), password: (v) => (v ? null : t('common.required')) },
  });
  const errors = useServerErrors(form);
  const signIn = useMutation({
    mutationFn: (v: typeof form.values) => api.post<{ mfaRequired: boolean }>('/api/v1/auth/sign-in', { email: v.email.trim(), password: v.password }),
    onSuccess: async ({ mfaRequired }) => {
      if (mfaRequired) {
        await client.refetchQueries({ queryKey: SESSION_KEY });
        return;
      }
      await enter(next);
    },
    onError: (e) => {
      form.setFieldValue('password', '');
      errors.apply(e);
    },
  });

  return (
    <Stack>
      <Title order={1} fz="h2">
        {t('signIn.title')}
      </Title>
      <Text c="dimmed">{t('signIn.intro')}</Text>
      <form noValidate onSubmit={form.onSubmit((v) => { errors.clear(); signIn.mutate(v); })}>
        <Stack>
          <TextInput label={t('common.email')} type="email" required autoComplete="username" {...form.getInputProps('email')} />
          <PasswordInput label={t('common.password')} required autoComplete="current-password" {...form.getInputProps('password')} />
          <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
          <Button type="submit" loading={signIn.isPending} size="md">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" c="dimmed">
        {t('signIn.noAccount')}
      </Text>
    </Stack>
  );
}

function MfaStep({ next }: { next: string }) {
  const { t } = useTranslation();
  const enter = useEnterSession();
  const signOut = useSignOut();
  const inputRef = useRef<HTMLInputElement>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (v) => (v.trim().length >= 6 ? null : t('mfa.codeInvalidFormat')) },
  });
  const errors = useServerErrors(form);
  useEffect(() => inputRef.current?.focus(), []);
  const verify = useMutation({
    mutationFn: (code: string) => api.post('/api/v1/auth/mfa', { code }),
    onSuccess: () => enter(next),
    onError: (e) => {
      form.setFieldValue('code', '');
      errors.apply(e);
      inputRef.current?.focus();
    },
  });

  return (
    <Stack>
      <Title order={1} fz="h2">
        {t('mfa.signInTitle')}
      </Title>
      <Text>{t('mfa.signInIntro')}</Text>
      <form noValidate onSubmit={form.onSubmit((v) => { errors.clear(); verify.mutate(v.code.trim()); })}>
        <Stack>
          <OneTimeCodeInput ref={inputRef} acceptsRecoveryCode description={t('mfa.codeOrRecovery')} {...form.getInputProps('code')} />
          <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
          <Button type="submit" loading={verify.isPending} size="md">
            {t('mfa.verify')}
          </Button>
        </Stack>
      </form>
      <Anchor component="button" type="button" size="sm" onClick={() => signOut.mutate()}>
        {t('mfa.useOtherAccount')}
      </Anchor>
    </Stack>
  );
}
