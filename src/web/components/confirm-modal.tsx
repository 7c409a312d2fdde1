import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError, type ApiError } from '../api/api-client.ts';
import { ProblemAlert } from './problem-alert.tsx';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  problem?: ApiError | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** A confirmation for an action that cannot be undone; focus starts on Cancel. */
export function ConfirmModal({ opened, title, message, confirmLabel, danger, loading, problem, onConfirm, onClose }: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text>{message}</Text>
        <ProblemAlert problem={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface ConfirmRemovalProps<T> {
  /** The record waiting for the confirmation; null keeps the dialog closed. */
  target: T | null;
  title: string;
  message: (target: T) => string;
  confirmLabel: string;
  /** The mutation that removes it, given `idOf(target)`. */
  mutation: { isPending: boolean; error: Error | null; mutate: (id: string, options: { onSuccess: () => void }) => void };
  idOf: (target: T) => string;
  /** After the removal, before the dialog closes (a notice, say). */
  onRemoved?: (target: T) => void;
  onClose: () => void;
}

/** The confirmation of removing one record of a list, which runs the removal and closes once it is done. */
export function ConfirmRemoval<T>({ target, title, message, confirmLabel, mutation, idOf, onRemoved, onClose }: ConfirmRemovalProps<T>) {
  return (
    <ConfirmModal
      opened={!!target}
      title={title}
      message={target ? message(target) : ''}
      confirmLabel={confirmLabel}
      danger
      loading={mutation.isPending}
      problem={mutation.error ? toApiError(mutation.error) : null}
      onClose={onClose}
      onConfirm={() =>
        target &&
        mutation.mutate(idOf(target), {
          onSuccess: () => {
            onRemoved?.(target);
            onClose();
          },
        })
      }
    />
  );
}
