import { Alert, Box, Button, List, type BoxProps, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-client.ts';

interface ProblemAlertProps extends BoxProps {
  problem: ApiError | null | undefined;
  /** Field messages the form could not place on a field. */
  extra?: string[];
  onClose?: () => void;
}

/**
 * The server's translated problem title (and any messages without a field).
 * The live region is always in the page, so screen readers announce an error
 * that arrives after a request.
 */
export function ProblemAlert({ problem, extra = [], onClose, ...box }: ProblemAlertProps) {
  const { t } = useTranslation();
  return (
    <Box aria-live="assertive" aria-atomic="true" {...box}>
      {problem ? (
        <Alert
          role="none"
          color="red"
          variant="light"
          title={problem.title}
          withCloseButton={!!onClose}
          onClose={onClose}
          closeButtonLabel={t('common.close')}
        >
          {extra.length > 0 ? (
            <List size="sm">
              {extra.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
      ) : null}
    </Box>
  );
}

/** A short confirmation after a successful action, announced politely. */
export function SuccessMessage({ message, ...box }: BoxProps & { message: string | null }) {
  return (
    <Box aria-live="polite" aria-atomic="true" {...box}>
      {message ? (
        <Alert role="none" color="teal" variant="light" title={message} />
      ) : null}
    </Box>
  );
}

/**
 * For a 409 (someone else saved the record first): the button that loads
 * what is stored now. Nothing for any other problem.
 */
export function ReloadLatestButton({ problem, onReload, ...button }: ButtonProps & { problem: ApiError | null | undefined; onReload: () => void }) {
  const { t } = useTranslation();
  if (problem?.status !== 409) return null;
  return (
    <Button variant="light" {...button} onClick={onReload}>
      {t('common.reloadLatest')}
    </Button>
  );
}
