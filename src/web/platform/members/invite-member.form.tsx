import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/policy.ts';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { type TCreatedInvitation, useCreateInvitation } from './members.query.ts';

/** Invites by e-mail with a role; the one-time link is shown here once, to be sent by the owner. */
export function InviteMemberForm() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const create = useCreateInvitation();
  const [created, setCreated] = useState<TCreatedInvitation | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'staff' as Role },
    validate: { email: isEmail(t('errors.field.invalidEmail')) },
  });
  const errors = useServerErrors(form);

  return (
    <Stack>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          errors.clear();
          setCreated(null);
          create.mutate(
            { email: v.email.trim(), role: v.role },
            {
              onSuccess: (inv) => {
                setCreated(inv);
                form.reset();
              },
              onError: errors.apply,
            },
          );
        })}
      >
        <Stack gap="sm">
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput label={t('common.email')} type="email" required autoComplete="off" miw={240} {...form.getInputProps('email')} />
            <NativeSelect
              label={t('common.role')}
              miw={200}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              {...form.getInputProps('role')}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t(`roleDescriptions.${form.values.role}`)}
          </Text>
          <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('members.createInvitation')}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {created ? (
          <Alert color="teal" variant="light" title={t('members.invitationCreated', { email: created.email })}>
            <Stack gap="sm">
              <Text size="sm">{t('members.invitationLinkOnce', { date: formatDateTime(created.expiresAt, locale, timeZone) })}</Text>
              <CopyField label={t('members.invitationLink')} value={created.url} />
            </Stack>
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}
