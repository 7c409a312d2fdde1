import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { ProblemAlert, SuccessMessage } from '../../components/problem-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { NewPasswordFields } from '../auth/password-fields.tsx';
import { newPasswordRules } from '../auth/password-rules.ts';
import { useChangePassword } from './account.query.ts';

export function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', password: '', passwordConfirm: '' },
    validate: { currentPassword: (v) => (v ? null : t('common.required')), ...newPasswordRules(t) },
  });
  const errors = useServerErrors(form);
  return (
    <SectionCard id="password" title={t('account.password')} description={t('account.passwordHint')}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          errors.clear();
          setSaved(null);
          change.mutate(
            { currentPassword: v.currentPassword, newPassword: v.password },
            {
              onSuccess: () => {
                form.reset();
                setSaved(t('account.passwordChanged'));
              },
              // The server names the new password "newPassword"; this form calls it "password".
              onError: (e) => {
                errors.apply(e);
                const fields = (e as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
                if (fields.newPassword) form.setFieldError('password', fields.newPassword);
              },
            },
          );
        })}
      >
        <Stack maw={480}>
          <PasswordInput label={t('account.currentPassword')} required autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          <NewPasswordFields form={form} label={t('account.newPassword')} />
          <ProblemAlert problem={errors.problem} />
          <SuccessMessage message={saved} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
