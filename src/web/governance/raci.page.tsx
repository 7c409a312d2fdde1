import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RACI_CELLS, raciWarnings, type RaciCell } from '../../shared/governance/raci.rules.ts';
import { RACI_DEPARTMENT_MAX, RACI_TITLE_MAX } from '../../shared/governance/raci.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { ConfirmModal } from '../components/confirm-modal.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks } from '../platform/register/register-list.tsx';
import { raciRecords, type TRaciMatrix, type TRaciTask, useAddRaciTemplate, useRaciMatrix } from './raci.query.ts';

/** A row as it is edited: the title and each column's letter (by department name; '' for none). */
interface Draft {
  title: string;
  cells: Record<string, RaciCell | ''>;
}

/** The task column stays in view while the departments scroll. */
const STICKY = { position: 'sticky', left: 0, zIndex: 3, background: 'var(--mantine-color-body)' } as const;

const draftOf = (task: TRaciTask): Draft => ({ title: task.title, cells: Object.fromEntries(task.assignments.map((a) => [a.department, a.cell])) });
const assignmentsOf = (draft: Draft, columns: readonly string[]) => columns.flatMap((department) => (draft.cells[department] ? [{ department, cell: draft.cells[department] as RaciCell }] : []));

function CellSelect({ label, value, disabled, onChange }: { label: string; value: RaciCell | ''; disabled: boolean; onChange: (cell: RaciCell | '') => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={label}
      size="xs"
      disabled={disabled}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as RaciCell | '')}
      data={[{ value: '', label: t('governance.raci.cell.none') }, ...RACI_CELLS.map((c) => ({ value: c, label: t(`governance.raci.cell.${c}`) }))]}
    />
  );
}

/** One task: its letters per column, what the row lacks (as edited), saved at the version shown. */
function TaskRow({ task, columns }: { task: TRaciTask; columns: readonly string[] }) {
  const { t } = useTranslation();
  const update = raciRecords.useUpdate(task.id);
  const remove = raciRecords.useDelete();
  const [draft, setDraft] = useState<Draft>(() => draftOf(task));
  const [confirming, setConfirming] = useState(false);
  // Another version arrived (this save, or the matrix reloaded): show what is stored.
  useEffect(() => setDraft(draftOf(task)), [task.version]);
  const changed = JSON.stringify(draftOf(task)) !== JSON.stringify({ ...draft, cells: Object.fromEntries(Object.entries(draft.cells).filter(([, c]) => c)) });
  const warnings = raciWarnings(assignmentsOf(draft, columns).map((a) => a.cell));
  const canWrite = task.can.update;
  return (
    <Table.Tr data-testid="raci-row">
      <Table.Td miw={240} style={STICKY}>
        <TextInput aria-label={t('governance.raci.task')} size="xs" disabled={!canWrite} maxLength={RACI_TITLE_MAX} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
      </Table.Td>
      {columns.map((department) => (
        <Table.Td key={department} miw={84}>
          <CellSelect
            label={t('governance.raci.cellLabel', { task: task.title, department })}
            value={draft.cells[department] ?? ''}
            disabled={!canWrite}
            onChange={(cell) => setDraft({ ...draft, cells: { ...draft.cells, [department]: cell } })}
          />
        </Table.Td>
      ))}
      <Table.Td miw={160}>
        {warnings.length ? (
          <Stack gap={2}>
            {warnings.map((w) => (
              <Badge key={w} color="orange" variant="light" size="sm" style={{ textTransform: 'none' }}>
                {t(`governance.raci.warning.${w}`)}
              </Badge>
            ))}
          </Stack>
        ) : (
          <Badge color="green" variant="light" size="sm" style={{ textTransform: 'none' }}>
            {t('governance.raci.rowComplete')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {canWrite ? (
          <Stack gap={4}>
            <Group gap={4} wrap="nowrap">
              <Button size="xs" disabled={!changed || !draft.title.trim()} loading={update.isPending} onClick={() => update.mutate({ title: draft.title.trim(), assignments: assignmentsOf(draft, columns), version: task.version })}>
                {t('governance.raci.save')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t('governance.raci.delete')}
              </Button>
            </Group>
            {update.error ? <ProblemAlert problem={toApiError(update.error)} /> : null}
          </Stack>
        ) : null}
        <ConfirmModal
          opened={confirming}
          title={t('governance.raci.delete')}
          message={t('governance.raci.deleteConfirm', { task: task.title })}
          confirmLabel={t('governance.raci.delete')}
          danger
          loading={remove.isPending}
          problem={remove.error ? toApiError(remove.error) : null}
          onConfirm={() => remove.mutate(task, { onSuccess: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** Adding a task (with no letters yet) and a column (a department or role a row may then name). */
function AddBar({ onColumn }: { onColumn: (name: string) => void }) {
  const { t } = useTranslation();
  const create = raciRecords.useCreate();
  const [title, setTitle] = useState('');
  const [column, setColumn] = useState('');
  return (
    <Group align="flex-end" gap="xl">
      <Group align="flex-end" gap="xs">
        <TextInput label={t('governance.raci.newTask')} maxLength={RACI_TITLE_MAX} value={title} onChange={(e) => setTitle(e.currentTarget.value)} w={280} />
        <Button disabled={!title.trim()} loading={create.isPending} onClick={() => create.mutate({ title: title.trim() }, { onSuccess: () => setTitle('') })}>
          {t('governance.raci.addTask')}
        </Button>
      </Group>
      <Group align="flex-end" gap="xs">
        <TextInput label={t('governance.raci.newColumn')} maxLength={RACI_DEPARTMENT_MAX} value={column} onChange={(e) => setColumn(e.currentTarget.value)} w={280} />
        <Button
          variant="default"
          disabled={!column.trim()}
          onClick={() => {
            onColumn(column.trim());
            setColumn('');
          }}
        >
          {t('governance.raci.addColumn')}
        </Button>
      </Group>
      {create.error ? <ProblemAlert problem={toApiError(create.error)} /> : null}
    </Group>
  );
}

function TemplateOffer({ template }: { template: NonNullable<TRaciMatrix['template']> }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const add = useAddRaciTemplate();
  return (
    <Alert color="blue" title={t('governance.raci.templateTitle', { name: template.name[locale] })}>
      <Stack gap="xs">
        <Text size="sm">{t('governance.raci.templateText', { count: template.notAdded })}</Text>
        <SourceCitations sources={template.source} size="xs" />
        <Group>
          <Button size="xs" loading={add.isPending} onClick={() => add.mutate()}>
            {t('governance.raci.addTemplate')}
          </Button>
        </Group>
        {add.error ? <ProblemAlert problem={toApiError(add.error)} /> : null}
      </Stack>
    </Alert>
  );
}

/** RACIモデルによる責任分界 (seed 004): tasks × departments, each row checked for one A and at least one R. */
export function RaciPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const matrix = useRaciMatrix();
  const canWrite = useOrganisationSession().organisation.can['governance.write'];
  const [extra, setExtra] = useState<string[]>([]);
  const data = matrix.data;
  const stored = data?.departments.map((d) => d.name) ?? [];
  const columns = [...stored, ...extra.filter((name) => !stored.includes(name))];
  return (
    <>
      <PageHeader
        title={t('governance.raci.title')}
        description={t('governance.raci.description')}
        actions={
          <Group>
            <ExportLinks
              href="/api/v1/raci-tasks/export"
              formats={[
                { format: 'csv', label: t('governance.raci.exportCsv') },
                { format: 'xlsx', label: t('governance.raci.exportXlsx') },
                { format: 'json', label: t('governance.raci.exportJson') },
              ]}
            />
          </Group>
        }
      />
      <QueryState query={matrix}>
        {data ? (
          <Stack gap="lg">
            {canWrite && data.template && data.template.notAdded > 0 ? <TemplateOffer template={data.template} /> : null}
            <SectionCard
              id="raci"
              title={t('governance.raci.matrix')}
              description={data.summary.tasks ? t('governance.raci.summary', { tasks: data.summary.tasks, complete: data.summary.complete, warnings: data.summary.withWarnings }) : t('governance.raci.empty')}
            >
              <Stack gap="md">
                <Text size="sm" c="dimmed">
                  {t('governance.raci.legend')}
                </Text>
                {data.template && data.tasks.some((task) => task.templateItemId) ? (
                  <Text component="div" size="xs" c="dimmed">
                    {t('governance.raci.fromTemplate', { name: data.template.name[locale] })}
                    <SourceCitations sources={data.tasks.flatMap((task) => task.source).filter((s, i, all) => all.indexOf(s) === i)} size="xs" />
                  </Text>
                ) : null}
                {data.tasks.length ? (
                  <Table.ScrollContainer minWidth={560 + columns.length * 84}>
                    <Table verticalSpacing="xs" data-testid="raci-matrix">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col" style={STICKY}>
                            {t('governance.raci.task')}
                          </Table.Th>
                          {columns.map((name) => (
                            <Table.Th key={name} scope="col">
                              {name}
                            </Table.Th>
                          ))}
                          <Table.Th scope="col">{t('governance.raci.check')}</Table.Th>
                          <Table.Th scope="col" />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.tasks.map((task) => (
                          <TaskRow key={task.id} task={task} columns={columns} />
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ) : null}
                {canWrite ? <AddBar onColumn={(name) => setExtra((names) => (names.includes(name) ? names : [...names, name]))} /> : null}
              </Stack>
            </SectionCard>
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}
