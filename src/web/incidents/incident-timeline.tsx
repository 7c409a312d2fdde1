import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_KINDS, type TAddActionRequest } from '../../shared/incidents/incident.schema.ts';
import { instantFromWall } from '../../shared/platform/calendar-date.ts';
import { toApiError } from '../api/api-client.ts';
import { DataTable } from '../components/data-table.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { type TIncident, useAddAction, useRemoveAction } from './incident.query.ts';

/** What the add form holds: the time as the wall clock of the user's zone reads it. */
export interface ActionDraft {
  kind: (typeof ACTION_KINDS)[number];
  at: string;
  ruleId: string;
  text: string;
}

interface Props {
  incident: TIncident;
  canWrite: boolean;
  draft: ActionDraft;
  onDraft: (d: ActionDraft) => void;
  /** The empty form for the next entry. */
  blank: () => ActionDraft;
}

/** The incident's timeline (経過記録): phases done, reports made, notes; added to, and taken back when recorded by mistake. */
export function TimelineSection({ incident, canWrite, draft, onDraft, blank }: Props) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const lang = locale === 'en' ? 'en' : 'ja';
  const add = useAddAction(incident.id);
  const remove = useRemoveAction(incident.id);
  const ruleName = (id: string | null) => incident.deadlines.find((d) => d.ruleId === id)?.name[lang] ?? '';
  const reportable = incident.deadlines.filter((d) => d.applies);
  const submit = () => {
    const body: TAddActionRequest = { kind: draft.kind, at: draft.at ? instantFromWall(timeZone, draft.at).toISOString() : '', ruleId: draft.kind === 'reportSubmitted' ? draft.ruleId || null : null, text: draft.text.trim() };
    remove.reset();
    add.mutate(body, { onSuccess: () => onDraft(blank()) });
  };
  const problem = add.error ? toApiError(add.error) : remove.error ? toApiError(remove.error) : null;
  return (
    <SectionCard id="timeline" title={t('incidents.timeline.title')} description={t('incidents.timeZoneNote', { zone: timeZone })}>
      <Stack gap="sm" data-testid="timeline">
        {incident.actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('incidents.timeline.empty')}
          </Text>
        ) : (
          <DataTable caption={t('incidents.timeline.title')} columns={[t('incidents.timeline.at'), t('incidents.timeline.kind'), t('incidents.timeline.text'), t('incidents.timeline.actor')]} actions={canWrite} verticalSpacing="xs">
            {incident.actions.map((a) => (
              <Table.Tr key={a.id} data-testid="timeline-entry">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.at, locale, timeZone)}</Table.Td>
                <Table.Td>
                  {t(`incidents.timeline.kinds.${a.kind}`)}
                  {a.ruleId ? (
                    <Text size="xs" c="dimmed">
                      {ruleName(a.ruleId)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{a.text}</Table.Td>
                <Table.Td>{a.actor}</Table.Td>
                {canWrite ? (
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables === a.id} onClick={() => remove.mutate(a.id)}>
                      {t('incidents.timeline.remove')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </DataTable>
        )}
        {canWrite ? (
          <Stack gap="xs" data-testid="add-action">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t('incidents.timeline.kind')}
                value={draft.kind}
                data={ACTION_KINDS.map((k) => ({ value: k, label: t(`incidents.timeline.kinds.${k}`) }))}
                onChange={(e) => onDraft({ ...draft, kind: e.currentTarget.value as ActionDraft['kind'] })}
              />
              <TextInput type="datetime-local" label={t('incidents.timeline.at')} value={draft.at} onChange={(e) => onDraft({ ...draft, at: e.currentTarget.value })} />
              {draft.kind === 'reportSubmitted' ? (
                <NativeSelect
                  label={t('incidents.timeline.rule')}
                  value={draft.ruleId}
                  data={[{ value: '', label: '—' }, ...reportable.map((d) => ({ value: d.ruleId, label: d.name[lang] }))]}
                  onChange={(e) => onDraft({ ...draft, ruleId: e.currentTarget.value })}
                />
              ) : null}
            </SimpleGrid>
            <TextInput label={t('incidents.timeline.text')} maxLength={2000} value={draft.text} onChange={(e) => onDraft({ ...draft, text: e.currentTarget.value })} />
            <ProblemAlert problem={problem} extra={problem ? Object.values(problem.fieldErrors) : []} />
            {add.isSuccess && !add.isPending ? <Alert color="green" p="xs">{t('incidents.timeline.added')}</Alert> : null}
            <Group>
              <Button onClick={submit} loading={add.isPending} data-testid="add-action-submit">
                {t('incidents.timeline.add')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
