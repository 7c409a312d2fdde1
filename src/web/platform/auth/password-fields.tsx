import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from './password-rules.ts';

/** A new password and its repetition; the server checks strength and explains a weak one on the field. */
export function NewPasswordFields({
  form,
  label,
}: {
  form: { getInputProps: (path: 'password' | 'passwordConfirm') => object };
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PasswordInput
        label={label ?? t('common.password')}
        description={t('common.passwordHint', { min: PASSWORD_MIN })}
        autoComplete="new-password"
        required
        {...form.getInputProps('password')}
      />
      <PasswordInput label={t('common.passwordConfirm')} autoComplete="new-password" required {...form.getInputProps('passwordConfirm')} />
    </Stack>
  );
}
