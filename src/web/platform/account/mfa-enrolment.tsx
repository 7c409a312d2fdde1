import { Button, Group, Image, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-client.ts';
import { useServerErrors } from '../../api/use-server-errors.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { OneTimeCodeInput } from '../auth/one-time-code-input.tsx';
import { useConfirmMfa, useStartMfaEnrolment } from './account.query.ts';

/** The QR code is SVG markup made by our server; as an <img> data URL it can never run script. */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/**
 * TOTP enrolment (RFC 6238): start, scan the QR code or type the key into an
 * authenticator app, confirm with a code. The recovery codes go to `onConfirmed`.
 */
export function MfaEnrolment({ onConfirmed }: { onConfirmed: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const start = useStartMfaEnrolment();
  const confirm = useConfirmMfa();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.replace(/\s+/g, '')) ? null : t('mfa.codeSixDigits')) },
  });
  const errors = useServerErrors(form);
  const enrolment = start.data;

  if (!enrolment) {
    return (
      <Stack>
        <ProblemAlert problem={start.error ? toApiError(start.error) : null} />
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('mfa.start')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs">
        <List.Item>{t('mfa.step1')}</List.Item>
        <List.Item>{t('mfa.step2')}</List.Item>
        <List.Item>{t('mfa.step3')}</List.Item>
      </List>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Image src={svgDataUrl(enrolment.qrSvg)} alt={t('mfa.qrAlt')} className="qr-code" w={200} h={200} />
        <Stack gap="sm" style={{ flex: 1, minWidth: 260 }}>
          <CopyField label={t('mfa.secret')} description={t('mfa.secretHint')} value={enrolment.secret} />
          <form
            noValidate
            onSubmit={form.onSubmit((v) => {
              errors.clear();
              confirm.mutate(v.code.replace(/\s+/g, ''), {
                onSuccess: (r) => onConfirmed(r.recoveryCodes),
                onError: (e) => {
                  form.setFieldValue('code', '');
                  errors.apply(e);
                },
              });
            })}
          >
            <Stack gap="sm">
              <OneTimeCodeInput description={t('mfa.codeHint')} {...form.getInputProps('code')} />
              <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
              <Group>
                <Button type="submit" loading={confirm.isPending}>
                  {t('mfa.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Group>
      <Text size="xs" c="dimmed">
        {t('mfa.appsHint')}
      </Text>
    </Stack>
  );
}
