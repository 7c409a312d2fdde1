import { Button, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-client.ts';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { SaveFormFooter } from '../../components/save-form-footer.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { ForbiddenNotice } from '../../components/forbidden-notice.tsx';
import { useOrganisationSession } from '../auth/session.query.ts';
import { useOrganisation, useUpdateOrganisation } from './organisation.query.ts';

/** Name and MFA policy of the current organisation (owners only). Saved with its version: a concurrent edit is reported, never overwritten. */
export function OrganisationSettingsPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const { locale, timeZone } = useLocaleAndZone();
  const organisation = useOrganisation();
  const update = useUpdateOrganisation();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { name: '', requireMfa: true } });
  const errors = useServerErrors(form);
  const data = organisation.data;

  useEffect(() => {
    if (data) {
      form.setInitialValues({ name: data.name, requireMfa: data.requireMfa });
      form.setValues({ name: data.name, requireMfa: data.requireMfa });
    }
  }, [data?.id, data?.version]);

  if (!session.organisation.can['organisation.update']) {
    return (
      <>
        <PageHeader title={t('organisation.title')} />
        <ForbiddenNotice />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('organisation.title')} description={t('organisation.description')} />
      {organisation.isPending ? <SectionLoader /> : null}
      <ProblemAlert problem={organisation.error ? toApiError(organisation.error) : null} />
      {data ? (
        <Paper withBorder p="lg" maw={640}>
          <form
            noValidate
            onSubmit={form.onSubmit((values) => {
              errors.clear();
              setSaved(null);
              update.mutate(
                { name: values.name.trim(), requireMfa: values.requireMfa, version: data.version },
                { onSuccess: () => setSaved(t('common.saved')), onError: errors.apply },
              );
            })}
          >
            <Stack>
              <TextInput label={t('organisation.name')} required maxLength={200} {...form.getInputProps('name')} />
              <Switch
                label={t('organisation.requireMfa')}
                description={t('organisation.requireMfaHint')}
                {...form.getInputProps('requireMfa', { type: 'checkbox' })}
              />
              {!form.values.requireMfa && data.requireMfa ? (
                <Text size="sm" c="red.9" role="note">
                  {t('organisation.requireMfaOffWarning')}
                </Text>
              ) : null}
              <Text size="sm" c="dimmed">
                {t('organisation.createdAt', { date: formatDate(data.createdAt, locale, timeZone) })}
              </Text>
              <SaveFormFooter errors={errors} saved={saved} saving={update.isPending} dirty={form.isDirty()} onReload={() => void organisation.refetch()} />
            </Stack>
          </form>
        </Paper>
      ) : null}
      {session.organisation.can['organisation.export'] ? (
        <Paper withBorder p="lg" mt="lg" maw={640}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('organisation.exportTitle')}
            </Title>
            <Text size="sm">{t('organisation.exportHint')}</Text>
            <div>
              <Button component="a" href="/api/v1/organisation/export" download variant="light">
                {t('organisation.export')}
              </Button>
            </div>
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
