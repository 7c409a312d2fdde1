import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../api/api-client.ts';
import { ConfirmModal } from './confirm-modal.tsx';

interface RecordFormFooterProps {
  isNew: boolean;
  saving: boolean;
  submitLabel: string;
  submitTestId?: string;
  /** The delete button's label, which the confirmation repeats. */
  deleteLabel: string;
  deleteTitle: string;
  deleteMessage: string;
  deleting: boolean;
  deleteProblem: ApiError | null;
  onDelete: () => void;
}

/**
 * The foot of a record's edit form: delete (for a stored record, after a
 * confirmation whose focus starts on Cancel) on the left, submit on the
 * right. Rendered only for members who may write.
 */
export function RecordFormFooter(p: RecordFormFooterProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Group justify="space-between">
        {!p.isNew ? (
          <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
            {p.deleteLabel}
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit" loading={p.saving} data-testid={p.submitTestId}>
          {p.submitLabel}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={p.deleteTitle}
        message={p.deleteMessage}
        confirmLabel={p.deleteLabel}
        danger
        loading={p.deleting}
        problem={p.deleteProblem}
        onClose={() => setConfirming(false)}
        onConfirm={p.onDelete}
      />
    </>
  );
}
