import { Alert, Box, Button, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRoadmap, TTaskStatus } from '../../shared/schemas/roadmap.schema.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { EvidenceFiles } from '../platform/evidence/evidence-files.tsx';
import { removeTaskEvidence, useRefreshDiagnosis, useTaskEdits } from './diagnosis.query.ts';

const STATUSES: TTaskStatus[] = ['todo', 'in-progress', 'done', 'not-applicable'];
type Row = TRoadmap['stages'][number]['items'][number];

/** The roadmap table's columns; fixed widths keep it inside a 1366 px screen, the item and note columns wrap. */
export const TASK_COLUMNS = ['area', 'item', 'owner', 'due', 'statusLabel', 'noteAndEvidence'] as const;
export const TASK_COLUMN_WIDTHS: Record<(typeof TASK_COLUMNS)[number], string | undefined> = {
  area: '9%',
  item: undefined,
  owner: '14%',
  // A date input with its calendar button needs about 130 px, also on a 1280 px screen.
  due: '16%',
  statusLabel: '13%',
  noteAndEvidence: '21%',
};

/**
 * One practice item as a task. Its edits go through one queue, so a due
 * date typed while the owner's create is on its way is saved after it; a
 * failed edit is shown under the row, a conflict with a way to reload.
 */
export function TaskRow({ row, roadmap }: { row: Row; roadmap: TRoadmap }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const refresh = useRefreshDiagnosis();
  const task = row.task;
  const edits = useTaskEdits(row.item.id, task);
  const { pending } = edits;
  const owner = pending.ownerUserId !== undefined ? pending.ownerUserId : (task?.owner?.userId ?? null);
  const due = pending.dueDate !== undefined ? (pending.dueDate ?? '') : (task?.dueDate ?? '');
  const status = pending.status ?? task?.status ?? 'todo';
  const storedNote = pending.note !== undefined ? (pending.note ?? '') : (task?.note ?? '');
  const [note, setNote] = useState(storedNote);
  useEffect(() => setNote(storedNote), [storedNote]);
  const editable = roadmap.can.updateTasks;
  const name = row.item.text[locale];
  const conflict = edits.problem?.status === 409;
  return (
    <>
      <Table.Tr data-testid="task-row" data-overdue={task?.overdue ? 'true' : undefined}>
        <Table.Td>
          <Text size="xs" fw={600} c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t(`diagnosis.practice.${row.item.practice}`, { defaultValue: row.item.practice })}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{name}</Text>
          {row.item.detail ? (
            <Text size="xs" c="dimmed">
              {row.item.detail[locale]}
            </Text>
          ) : null}
          {row.item.optional ? (
            <Text size="xs" c="dimmed">
              {t('diagnosis.roadmap.optional')}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          <Select
            aria-label={t('diagnosis.roadmap.ownerFor', { item: name })}
            data={roadmap.members.map((m) => ({ value: m.userId, label: m.displayName }))}
            value={owner}
            placeholder={t('diagnosis.roadmap.noOwner')}
            clearable
            disabled={!editable}
            onChange={(v) => edits.edit({ ownerUserId: v })}
            size="xs"
          />
        </Table.Td>
        <Table.Td>
          <TextInput
            type="date"
            aria-label={t('diagnosis.roadmap.dueFor', { item: name })}
            value={due}
            disabled={!editable}
            onChange={(e) => edits.edit({ dueDate: e.currentTarget.value || null })}
            size="xs"
            error={task?.overdue ? t('diagnosis.roadmap.overdue') : undefined}
          />
        </Table.Td>
        <Table.Td>
          <Select
            aria-label={t('diagnosis.roadmap.statusFor', { item: name })}
            data={STATUSES.map((s) => ({ value: s, label: t(`diagnosis.roadmap.status.${s}`) }))}
            value={status}
            allowDeselect={false}
            disabled={!editable}
            onChange={(v) => v && edits.edit({ status: v as TTaskStatus })}
            size="xs"
          />
        </Table.Td>
        <Table.Td>
          <Stack gap={4}>
            <TextInput
              aria-label={t('diagnosis.roadmap.noteFor', { item: name })}
              placeholder={t('diagnosis.roadmap.note')}
              value={note}
              maxLength={2000}
              disabled={!editable}
              onChange={(e) => setNote(e.currentTarget.value)}
              onBlur={() => {
                if (note !== storedNote) edits.edit({ note: note.trim() || null });
              }}
              size="xs"
            />
            {task ? (
              <EvidenceFiles
                files={task.evidence}
                uploadUrl={editable ? `/api/v1/roadmap/tasks/${task.id}/evidence` : null}
                onRemove={editable ? (f) => removeTaskEvidence(task.id, f.id) : undefined}
                onChanged={() => void refresh()}
                label={name}
              />
            ) : null}
          </Stack>
        </Table.Td>
      </Table.Tr>
      {edits.problem ? (
        <Table.Tr data-testid="task-problem">
          <Table.Td colSpan={TASK_COLUMNS.length}>
            {conflict ? (
              <Box aria-live="assertive" aria-atomic="true">
                <Alert role="none" color="orange" variant="light" title={t('diagnosis.roadmap.conflict', { item: name })}>
                  <Button variant="light" size="xs" mt="xs" onClick={edits.reload}>
                    {t('common.reloadLatest')}
                  </Button>
                </Alert>
              </Box>
            ) : (
              <ProblemAlert problem={edits.problem} onClose={edits.dismiss} />
            )}
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
