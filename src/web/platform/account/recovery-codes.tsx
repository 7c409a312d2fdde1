import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Recovery codes are shown once (the server keeps only their hashes):
 * copy or download them before leaving.
 */
export function RecoveryCodes({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const { t } = useTranslation();
  const text = `${t('mfa.recoveryFileHeader')}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'kumoji-recovery-codes.txt';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Alert color="yellow" variant="light" title={t('mfa.recoveryTitle')} role="none" aria-live="polite">
      <Stack gap="sm">
        <Text size="sm">{t('mfa.recoveryIntro')}</Text>
        <ul className="recovery-codes" aria-label={t('mfa.recoveryTitle')} data-testid="recovery-codes">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Group gap="sm">
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                <span aria-live="polite">{copied ? t('common.copied') : t('mfa.copyCodes')}</span>
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={download}>
            {t('mfa.downloadCodes')}
          </Button>
          <Button onClick={onDone}>{doneLabel ?? t('mfa.savedCodes')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
