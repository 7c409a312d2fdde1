import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import type { InvitationPreviewSchema } from '../../../shared/schemas/organisation.schema.ts';
import { api, toApiError } from '../../api/api-client.ts';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { NewPasswordFields } from './password-fields.tsx';
import { newPasswordRules } from './password-rules.ts';
import { useEnterSession, useSession, useSignOut } from './session.query.ts';

type TInvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/**
 * /invitations/:token — who invites whom, with which role; a newcomer creates
 * an account here, someone who has one accepts after signing in.
 */
export function InvitationAcceptPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const { locale, timeZone } = useLocaleAndZone();
  const preview = useQuery({
    queryKey: ['invitation-link', token],
    queryFn: ({ signal }) => api.get<TInvitationPreview>(`/api/v1/invitation-links/${encodeURIComponent(token)}`, signal),
    retry: false,
  });

  useEffect(() => {
    document.title = `${t('invitation.title')} | ${t('common.appName')}`;
  }, [t]);

  if (session.isPending || preview.isPending) return <FullPageLoader />;
  const invitation = preview.data;

  return (
    <PublicLayout width={560}>
      <Stack>
        <Title order={1} fz="h2">
          {t('invitation.title')}
        </Title>
        {!invitation ? (
          <>
            <ProblemAlert problem={toApiError(preview.error)} />
            <Anchor component={Link} to="/">
              {t('notFound.home')}
            </Anchor>
          </>
        ) : (
          <>
            <Text>{t('invitation.intro', { organisation: invitation.organisationName })}</Text>
            <InvitationFacts invitation={invitation} expires={formatDateTime(invitation.expiresAt, locale, timeZone)} />
            <AcceptArea token={token} invitation={invitation} />
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}

function InvitationFacts({ invitation, expires }: { invitation: TInvitationPreview; expires: string }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('invitation.organisation'), invitation.organisationName],
    [t('common.email'), invitation.email],
    [t('common.role'), `${t(`roles.${invitation.role}`)} — ${t(`roleDescriptions.${invitation.role}`)}`],
    [t('invitation.expires'), expires],
  ];
  return (
    <dl className="invitation-facts" style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px' }}>
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{k}</dt>
          <dd style={{ margin: 0 }}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function AcceptArea({ token, invitation }: { token: string; invitation: TInvitationPreview }) {
  const { t } = useTranslation();
  const session = useSession().data;
  const enter = useEnterSession();
  const signOut = useSignOut();
  const accept = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post(`/api/v1/invitation-links/${encodeURIComponent(token)}/accept`, body),
    onSuccess: () => enter('/'),
  });
  const next = `/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`;

  if (session?.authenticated && session.user) {
    if (session.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      return (
        <Stack>
          <Alert color="orange" variant="light" title={t('errors.invitationEmailMismatch')}>
            {t('invitation.signedInAs', { email: session.user.email })}
          </Alert>
          <Group>
            <Button variant="default" onClick={() => signOut.mutate()}>
              {t('invitation.signOutToContinue')}
            </Button>
          </Group>
        </Stack>
      );
    }
    return (
      <Stack>
        <Text>{t('invitation.signedInAs', { email: session.user.email })}</Text>
        <ProblemAlert problem={accept.error ? toApiError(accept.error) : null} />
        <Button size="md" loading={accept.isPending} onClick={() => accept.mutate({})}>
          {t('invitation.accept')}
        </Button>
      </Stack>
    );
  }

  if (invitation.accountExists) {
    return (
      <Stack>
        <Text>{t('invitation.haveAccount')}</Text>
        <Button component={Link} to={next} size="md">
          {t('invitation.signInToAccept')}
        </Button>
      </Stack>
    );
  }
  return <NewcomerForm token={token} />;
}

function NewcomerForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const enter = useEnterSession();
  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName: '', password: '', passwordConfirm: '' },
    validate: { displayName: (v) => (v.trim() ? null : t('common.required')), ...newPasswordRules(t) },
  });
  const errors = useServerErrors(form);
  const accept = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.post(`/api/v1/invitation-links/${encodeURIComponent(token)}/accept`, {
        displayName: v.displayName.trim(),
        password: v.password,
        locale: currentLocale(),
      }),
    onSuccess: () => enter('/'),
    onError: errors.apply,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => { errors.clear(); accept.mutate(v); })}>
      <Stack>
        <Text>{t('invitation.newcomerIntro')}</Text>
        <TextInput label={t('invitation.displayName')} required maxLength={100} autoComplete="name" {...form.getInputProps('displayName')} />
        <NewPasswordFields form={form} />
        <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
        <Button type="submit" size="md" loading={accept.isPending}>
          {t('invitation.createAndJoin')}
        </Button>
      </Stack>
    </form>
  );
}
