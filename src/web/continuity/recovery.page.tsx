import { Anchor, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { ColumnHeads } from '../components/data-table.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { DialogFooter } from '../components/dialog-footer.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks } from '../platform/register/register-list.tsx';
import { plain, useDuration } from './backup-labels.tsx';
import { BACKUPS } from './backup-list.page.tsx';
import { targetRecords, type TRecoveryRow, useRecovery } from './continuity.query.ts';

/** The targets of one workload, set or changed in a dialog; clearing them deletes the pair. */
function TargetDialog({ row, onClose }: { row: TRecoveryRow; onClose: () => void }) {
  const { t } = useTranslation();
  const create = targetRecords.useCreate();
  const update = targetRecords.useUpdate(row.target?.id ?? '');
  const remove = targetRecords.useDelete();
  const [v, setV] = useState({ rtoMinutes: (row.target?.rtoMinutes ?? '') as number | string, rpoMinutes: (row.target?.rpoMinutes ?? '') as number | string, notes: row.target?.notes ?? '' });
  const k = (key: string) => t(`continuity.recovery.${key}`);
  const body = { rtoMinutes: Number(v.rtoMinutes), rpoMinutes: Number(v.rpoMinutes), notes: v.notes.trim() };
  const save = () => (row.target ? update.mutate({ ...body, version: row.target.version }, { onSuccess: onClose }) : create.mutate({ workloadId: row.workload.id, ...body }, { onSuccess: onClose }));
  const error = create.error ?? update.error ?? remove.error;
  return (
    <Modal opened onClose={onClose} title={t('continuity.recovery.editLabel', { name: row.workload.name })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {k('minutesHint')}
        </Text>
        <Group grow>
          <NumberInput label={k('rtoMinutes')} required min={0} max={525600} allowDecimal={false} value={v.rtoMinutes} onChange={(x) => setV({ ...v, rtoMinutes: x })} />
          <NumberInput label={k('rpoMinutes')} required min={0} max={525600} allowDecimal={false} value={v.rpoMinutes} onChange={(x) => setV({ ...v, rpoMinutes: x })} />
        </Group>
        <Textarea label={k('notes')} autosize minRows={2} maxLength={2000} value={v.notes} onChange={(e) => setV({ ...v, notes: e.currentTarget.value })} />
        <ProblemAlert problem={error ? toApiError(error) : null} />
        <DialogFooter
          clear={row.target ? { label: k('clear'), pending: remove.isPending, onClick: () => remove.mutate(row.target!, { onSuccess: onClose }) } : null}
          cancel={{ label: k('cancel'), onClick: onClose }}
          save={{ label: k('save'), pending: create.isPending || update.isPending, disabled: v.rtoMinutes === '' || v.rpoMinutes === '', onClick: save }}
        />
      </Stack>
    </Modal>
  );
}

/** 復旧目標 (seed 004 「BCP」): each workload's RTO and RPO against the measured restore and the time between backups. */
export function RecoveryPage() {
  const { t } = useTranslation();
  const canWrite = useOrganisationSession().organisation.can['continuity.write'];
  const recovery = useRecovery();
  const duration = useDuration();
  const [editing, setEditing] = useState<TRecoveryRow | null>(null);
  const k = (key: string) => t(`continuity.recovery.${key}`);
  const data = recovery.data;
  return (
    <>
      <PageHeader title={k('title')} description={k('description')} actions={<ExportLinks href="/api/v1/recovery/export" />} />
      <QueryState query={recovery}>
        {data ? (
          <SectionCard id="targets" title={k('title')}>
            <Stack gap="sm">
              <Text data-testid="recovery-summary">{t('continuity.recovery.summary', data.summary)}</Text>
              {data.items.length ? (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped>
                    <ColumnHeads headings={[k('workload'), k('rto'), k('rpo'), k('plans'), k('measured'), k('interval'), k('check')]}>
                      <Table.Th />
                    </ColumnHeads>
                    <Table.Tbody>
                      {data.items.map((row) => (
                        <Table.Tr key={row.workload.id} data-testid="recovery-row">
                          <Table.Td fw={500}>{row.workload.name}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.target ? duration(row.target.rtoMinutes) : k('notSet')}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.target ? duration(row.target.rpoMinutes) : k('notSet')}</Table.Td>
                          <Table.Td>
                            <Stack gap={2}>
                              {row.plans.map((p) => (
                                <Anchor key={p.id} component={Link} to={`${BACKUPS}/${p.id}`} size="sm">
                                  {p.name}
                                </Anchor>
                              ))}
                            </Stack>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{duration(row.measuredRestoreMinutes)}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{duration(row.backupIntervalMinutes)}</Table.Td>
                          <Table.Td miw={200}>
                            <Stack gap={2}>
                              {row.gaps.length ? (
                                row.gaps.map((g) => (
                                  <Badge key={g} color="orange" variant="light" style={plain}>
                                    {t(`continuity.recovery.gap.${g}`)}
                                  </Badge>
                                ))
                              ) : (
                                <Badge color="green" variant="light" style={plain}>
                                  {k('ok')}
                                </Badge>
                              )}
                            </Stack>
                          </Table.Td>
                          <Table.Td>
                            {canWrite ? (
                              <Button size="compact-xs" variant="light" onClick={() => setEditing(row)} aria-label={t('continuity.recovery.editLabel', { name: row.workload.name })}>
                                {k('edit')}
                              </Button>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : (
                <Text>{k('empty')}</Text>
              )}
            </Stack>
          </SectionCard>
        ) : null}
      </QueryState>
      {editing ? <TargetDialog row={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
