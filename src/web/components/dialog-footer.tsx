import { Button, Group } from '@mantine/core';

/** A record dialog's buttons: clear (when the record exists) on the left, cancel and save on the right. */
export function DialogFooter(p: {
  clear: { label: string; pending: boolean; onClick: () => void } | null;
  cancel: { label: string; onClick: () => void };
  save: { label: string; pending: boolean; disabled: boolean; onClick: () => void };
}) {
  return (
    <Group justify="space-between">
      {p.clear ? (
        <Button variant="subtle" color="red" loading={p.clear.pending} onClick={p.clear.onClick}>
          {p.clear.label}
        </Button>
      ) : (
        <span />
      )}
      <Group>
        <Button variant="default" onClick={p.cancel.onClick}>
          {p.cancel.label}
        </Button>
        <Button loading={p.save.pending} disabled={p.save.disabled} onClick={p.save.onClick}>
          {p.save.label}
        </Button>
      </Group>
    </Group>
  );
}
