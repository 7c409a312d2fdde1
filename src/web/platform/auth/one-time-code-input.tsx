import { TextInput } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

type OneTimeCodeInputProps = Omit<ComponentProps<typeof TextInput>, 'label' | 'required' | 'autoComplete' | 'inputMode' | 'maxLength' | 'styles'> & {
  /** Sign-in also takes a recovery code (letters, longer) in the same field; enrolment wants the app's digits only. */
  acceptsRecoveryCode?: boolean;
};

/**
 * The field for an authenticator app's code: the browser may offer the code
 * itself (`one-time-code`), and a large monospace face keeps the digits easy
 * to compare with the app.
 */
export function OneTimeCodeInput({ acceptsRecoveryCode = false, ...input }: OneTimeCodeInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      {...input}
      label={t('mfa.code')}
      required
      autoComplete="one-time-code"
      inputMode={acceptsRecoveryCode ? 'text' : 'numeric'}
      maxLength={acceptsRecoveryCode ? 32 : 8}
      styles={{ input: { fontSize: '1.25rem', letterSpacing: acceptsRecoveryCode ? '0.15em' : '0.2em', fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}
