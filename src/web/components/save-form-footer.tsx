import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-client.ts';
import { ProblemAlert, ReloadLatestButton, SuccessMessage } from './problem-alert.tsx';

interface SaveFormFooterProps {
  /** From useServerErrors: the problem of the last save and the messages no field shows. */
  errors: { problem: ApiError | null; otherFieldMessages: string[]; clear: () => void };
  saved: string | null;
  saving: boolean;
  /** Save is offered once something has changed. */
  dirty: boolean;
  /** Loads the stored record again: offered when someone else saved first (409), which cannot be dismissed. */
  onReload?: () => void;
  /** A member who may only read gets no Save. */
  readOnly?: boolean;
}

/** The foot of a form that saves one record: what went wrong, that it saved, and Save. */
export function SaveFormFooter({ errors, saved, saving, dirty, onReload, readOnly }: SaveFormFooterProps) {
  const { t } = useTranslation();
  const conflict = errors.problem?.status === 409;
  return (
    <>
      <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} onClose={onReload && !conflict ? errors.clear : undefined} />
      {onReload && conflict ? (
        <Group>
          <ReloadLatestButton
            problem={errors.problem}
            onReload={() => {
              errors.clear();
              onReload();
            }}
          />
        </Group>
      ) : null}
      <SuccessMessage message={saved} />
      {!readOnly ? (
        <Group justify="flex-end">
          <Button type="submit" loading={saving} disabled={!dirty}>
            {t('common.save')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
