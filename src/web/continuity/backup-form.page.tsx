import { ActionIcon, Button, Checkbox, Group, MultiSelect, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_FREQUENCIES, BACKUP_MEDIA, COPY_LOCATIONS, type BackupCopy, type BackupFrequency } from '../../shared/continuity/backup.rules.ts';
import type { TCreateBackupPlanRequest } from '../../shared/continuity/backup.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { toApiError } from '../api/api-client.ts';
import { ColumnHeads } from '../components/data-table.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { PlanScores } from './backup-labels.tsx';
import { BACKUPS } from './backup-list.page.tsx';
import { planRecords, restoreTestRecords, type TBackupPlan, useBackupPlans, useRecovery } from './continuity.query.ts';

type Values = { name: string; frequency: BackupFrequency; retentionDays: number | string; copies: BackupCopy[]; workloadIds: string[]; notes: string };
const blankCopy = (label = ''): BackupCopy => ({ label, medium: 'disk', location: 'primarySite', offline: false, immutable: false, encrypted: false });
const EMPTY: Values = { name: '', frequency: 'daily', retentionDays: 30, copies: [blankCopy()], workloadIds: [], notes: '' };
const valuesOf = (p: TBackupPlan): Values => ({ name: p.name, frequency: p.frequency, retentionDays: p.retentionDays, copies: p.copies.map((c) => ({ ...c })), workloadIds: p.workloads.map((w) => w.id), notes: p.notes });
const bodyOf = (v: Values): TCreateBackupPlanRequest => ({ name: v.name.trim(), frequency: v.frequency, retentionDays: Number(v.retentionDays), copies: v.copies.map((c) => ({ ...c, label: c.label.trim() })), workloadIds: v.workloadIds, notes: v.notes.trim() });

/** The plan's restore tests, newest first, and a row to record the next one. */
function RestoreTests({ plan }: { plan: TBackupPlan }) {
  const { t } = useTranslation();
  const create = restoreTestRecords.useCreate();
  const remove = restoreTestRecords.useDelete();
  const blank = { testedOn: dateIn('Asia/Tokyo', new Date()), durationMinutes: '' as number | string, errors: 0 as number | string, notes: '' };
  const [v, setV] = useState(blank);
  const k = (key: string) => t(`continuity.backups.tests.${key}`);
  const add = () => create.mutate({ planId: plan.id, testedOn: v.testedOn, durationMinutes: Number(v.durationMinutes), errors: Number(v.errors), notes: v.notes.trim() }, { onSuccess: () => setV(blank) });
  return (
    <SectionCard id="restore-tests" title={k('title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {k('description')}
        </Text>
        {plan.restoreTests.length ? (
          <Table.ScrollContainer minWidth={520}>
            <Table data-testid="restore-tests">
              <ColumnHeads headings={[k('testedOn'), k('durationMinutes'), k('errors'), k('notes')]}>
                <Table.Th />
              </ColumnHeads>
              <Table.Tbody>
                {plan.restoreTests.map((r) => (
                  <Table.Tr key={r.id} data-testid="restore-test-row">
                    <Table.Td>{r.testedOn}</Table.Td>
                    <Table.Td>{r.durationMinutes}</Table.Td>
                    <Table.Td c={r.errors ? 'red' : undefined}>{r.errors}</Table.Td>
                    <Table.Td>{r.notes}</Table.Td>
                    <Table.Td>
                      {r.can.delete ? (
                        <Button size="compact-xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate(r)} aria-label={t('continuity.backups.tests.deleteLabel', { date: r.testedOn })}>
                          {k('delete')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm">{k('empty')}</Text>
        )}
        {plan.can.update ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput type="date" label={k('testedOn')} value={v.testedOn} onChange={(e) => setV({ ...v, testedOn: e.currentTarget.value })} />
            <NumberInput label={k('durationMinutes')} min={0} allowDecimal={false} w={150} value={v.durationMinutes} onChange={(x) => setV({ ...v, durationMinutes: x })} />
            <NumberInput label={k('errors')} min={0} allowDecimal={false} w={110} value={v.errors} onChange={(x) => setV({ ...v, errors: x })} />
            <TextInput label={k('notes')} maxLength={2000} value={v.notes} onChange={(e) => setV({ ...v, notes: e.currentTarget.value })} />
            <Button variant="light" loading={create.isPending} disabled={v.durationMinutes === '' || !v.testedOn} onClick={add}>
              {k('add')}
            </Button>
          </Group>
        ) : null}
        <ProblemAlert problem={create.error ? toApiError(create.error) : remove.error ? toApiError(remove.error) : null} />
      </Stack>
    </SectionCard>
  );
}

/** A backup plan: the data set, how often and how long, its copies, the workloads it serves; once saved, its restore tests. */
export const BackupFormPage = recordPage(function BackupEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const plans = useBackupPlans();
  const recovery = useRecovery();
  const edit = useRegisterRecordEditor(planRecords, id, {
    empty: EMPTY,
    valuesOf,
    bodyOf,
    pathOf: (newId) => `${BACKUPS}/${newId}`,
    createdMessage: t('continuity.backups.created'),
    savedMessage: t('continuity.backups.saved'),
  });
  const { isNew, record: plan, editor } = edit;
  const { form } = editor;
  const data = plan.data;
  const f = (key: string) => t(`continuity.backups.fields.${key}`);
  const options = <V extends string>(values: readonly V[], prefix: string) => values.map((v) => ({ value: v, label: t(`continuity.backups.${prefix}.${v}`) }));
  const workloads = (recovery.data?.items ?? []).map((i) => ({ value: i.workload.id, label: i.workload.name }));
  const copies = form.getValues().copies;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('continuity.backups.new') : (data?.name ?? t('continuity.backups.title'))}
      description={t('continuity.backups.description')}
      listPath={BACKUPS}
      labels={registerFormLabels(t, 'continuity.backups', { name: data?.name ?? '' })}
      canWrite={data ? data.can.update : session.organisation.can['continuity.write']}
      needs={plans}
      summary={data ? <PlanScores plan={data} /> : null}
      after={data ? <RestoreTests plan={data} /> : <Text size="sm" c="dimmed">{t('continuity.backups.tests.saveFirst')}</Text>}
    >
      <SectionCard id="plan" title={t('continuity.backups.section')}>
        <Stack gap="sm">
          <TextInput label={f('name')} required maxLength={200} {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={f('frequency')} data={options(BACKUP_FREQUENCIES, 'frequency')} {...form.getInputProps('frequency')} />
            <NumberInput label={f('retentionDays')} required min={1} max={36500} allowDecimal={false} {...form.getInputProps('retentionDays')} />
          </SimpleGrid>
          <MultiSelect label={f('workloads')} description={t('continuity.backups.workloadsHint')} searchable data={workloads} {...form.getInputProps('workloadIds')} />
          <Textarea label={f('notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
        </Stack>
      </SectionCard>
      <SectionCard id="copies" title={t('continuity.backups.copiesSection')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('continuity.backups.copiesHint')}
          </Text>
          {copies.map((_, i) => (
            <Paper key={form.key(`copies.${i}`)} withBorder p="sm" data-testid="copy-row">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={500} size="sm">
                    {t('continuity.backups.copyNumber', { n: i + 1 })}
                  </Text>
                  {copies.length > 1 ? (
                    <ActionIcon variant="subtle" color="red" aria-label={`${t('continuity.backups.removeCopy')} (${i + 1})`} onClick={() => form.removeListItem('copies', i)}>
                      ×
                    </ActionIcon>
                  ) : null}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label={f('copyLabel')} required maxLength={100} {...form.getInputProps(`copies.${i}.label`)} />
                  <NativeSelect label={f('medium')} data={options(BACKUP_MEDIA, 'medium')} {...form.getInputProps(`copies.${i}.medium`)} />
                  <NativeSelect label={f('location')} data={options(COPY_LOCATIONS, 'location')} {...form.getInputProps(`copies.${i}.location`)} />
                </SimpleGrid>
                <Group gap="lg">
                  {(['offline', 'immutable', 'encrypted'] as const).map((flag) => (
                    <Checkbox key={flag} label={t(`continuity.backups.copyFlags.${flag}`)} {...form.getInputProps(`copies.${i}.${flag}`, { type: 'checkbox' })} />
                  ))}
                </Group>
              </Stack>
            </Paper>
          ))}
          {copies.length < 10 ? (
            <div>
              <Button variant="light" onClick={() => form.insertListItem('copies', blankCopy())}>
                {t('continuity.backups.addCopy')}
              </Button>
            </div>
          ) : null}
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});
