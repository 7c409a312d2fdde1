import { Alert, Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPLETION_RESULTS, type TCreateInspectionRequest } from '../../shared/operations/operation.schema.ts';
import { RECURRENCE_UNITS } from '../../shared/operations/recurrence.rules.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ProblemAlert, ReloadLatestButton } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { useMembers } from '../platform/members/members.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { StandingBadge, useScheduleLine } from './inspection-labels.tsx';
import { inspectionRecords, type TInspection, useCompleteInspection, useInspectionTemplates } from './operation.query.ts';

type Values = { title: string; catalogItemId: string; unit: string; every: number | string; startsOn: string; ownerUserId: string; remindDaysBefore: number | string; note: string };
const EMPTY: Values = { title: '', catalogItemId: '', unit: 'months', every: 3, startsOn: '', ownerUserId: '', remindDaysBefore: 7, note: '' };
const valuesOf = (i: TInspection): Values => ({ ...i, catalogItemId: i.catalogItemId ?? '', ownerUserId: i.ownerUserId ?? '' });
const num = (v: number | string) => (v === '' ? (undefined as unknown as number) : Number(v));
const bodyOf = (v: Values): TCreateInspectionRequest => ({
  title: v.title.trim(),
  catalogItemId: v.catalogItemId || null,
  unit: v.unit as TCreateInspectionRequest['unit'] & string,
  every: num(v.every),
  startsOn: v.startsOn,
  ownerUserId: v.ownerUserId || null,
  remindDaysBefore: num(v.remindDaysBefore),
  note: v.note.trim(),
});

/** This round's completion: the due date shown is sent, so a round recorded meanwhile is not recorded twice. */
function CompleteRound({ inspection }: { inspection: TInspection }) {
  const { t } = useTranslation();
  const complete = useCompleteInspection(inspection.id);
  const today = dateIn('Asia/Tokyo', new Date());
  const [doneOn, setDoneOn] = useState(today);
  const [result, setResult] = useState<(typeof COMPLETION_RESULTS)[number]>('ok');
  const [note, setNote] = useState('');
  const problem = complete.error ? toApiError(complete.error) : null;
  return (
    <SectionCard id="complete" title={t('operations.complete.title')} description={t('operations.complete.dueOn', { date: inspection.nextDueOn })}>
      <Stack gap="sm" data-testid="complete-round">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('operations.complete.doneOn')} value={doneOn} max={today} onChange={(e) => setDoneOn(e.currentTarget.value)} />
          <NativeSelect label={t('operations.complete.result')} value={result} data={COMPLETION_RESULTS.map((r) => ({ value: r, label: t(`operations.complete.results.${r}`) }))} onChange={(e) => setResult(e.currentTarget.value as typeof result)} />
        </SimpleGrid>
        <Textarea label={t('operations.complete.note')} autosize minRows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ProblemAlert problem={problem} extra={problem ? Object.values(problem.fieldErrors) : []} />
        {complete.isSuccess ? <Alert color="green" p="xs">{t('operations.complete.done')}</Alert> : null}
        <Group>
          <Button loading={complete.isPending} onClick={() => complete.mutate({ dueOn: inspection.nextDueOn, doneOn, result, note: note.trim() }, { onSuccess: () => setNote('') })} data-testid="complete-submit">
            {t('operations.complete.submit')}
          </Button>
          <ReloadLatestButton problem={problem} onReload={() => complete.reset()} />
        </Group>
      </Stack>
    </SectionCard>
  );
}

function Completions({ inspection }: { inspection: TInspection }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="completions" title={t('operations.completions.title')}>
      {inspection.completions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('operations.completions.empty')}
        </Text>
      ) : (
        <DataTable caption={t('operations.completions.title')} columns={[t('operations.completions.dueOn'), t('operations.completions.doneOn'), t('operations.completions.result'), t('operations.completions.note'), t('operations.completions.actor')]}>
          {inspection.completions.map((c) => (
            <Table.Tr key={c.id} data-testid="completion">
              <Table.Td>{c.dueOn}</Table.Td>
              <Table.Td>{c.doneOn}</Table.Td>
              <Table.Td>{t(`operations.complete.results.${c.result}`)}</Table.Td>
              <Table.Td>{c.note}</Table.Td>
              <Table.Td>{c.actor}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </SectionCard>
  );
}

/** A recurring inspection: its schedule and who is reminded; this round done; the rounds before. */
export const InspectionFormPage = recordPage(function InspectionEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const lang = locale === 'en' ? 'en' : 'ja';
  const session = useOrganisationSession();
  const templates = useInspectionTemplates();
  const members = useMembers();
  const scheduleLine = useScheduleLine();
  const canWrite = session.organisation.can['operations.write'];
  const edit = useRegisterRecordEditor(inspectionRecords, id, { empty: EMPTY, valuesOf, bodyOf, pathOf: (newId) => `/operations/${newId}`, createdMessage: t('operations.created'), savedMessage: t('operations.saved') });
  const { isNew, record: inspection, editor } = edit;
  const { form } = editor;
  const data = inspection.data;
  const chooseTemplate = (itemId: string) => {
    form.setFieldValue('catalogItemId', itemId);
    const item = templates.data?.items.find((i) => i.itemId === itemId);
    if (item && !form.getValues().title) form.setFieldValue('title', item.name[lang]);
  };
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('operations.new') : (data?.title ?? t('operations.title'))}
      description={t('operations.description')}
      listPath="/operations"
      labels={registerFormLabels(t, 'operations', { name: data?.title ?? '' })}
      canWrite={canWrite}
      needs={templates}
      submitTestId="save-inspection"
      summary={
        data ? (
          <Stack gap={4} data-testid="inspection-summary">
            <Group gap="xs">
              <StandingBadge standing={data.standing} />
              <Text size="sm" fw={600}>
                {t('operations.fields.nextDueOn')}: {data.nextDueOn}
              </Text>
            </Group>
            <Text size="sm">{scheduleLine(data)}</Text>
            <Text size="sm" c="dimmed">
              {t('operations.upcoming', { dates: data.upcoming.join('、') })}
            </Text>
          </Stack>
        ) : null
      }
      after={
        data ? (
          <Stack gap="md">
            {canWrite ? <CompleteRound inspection={data} /> : null}
            <Completions inspection={data} />
            {canWrite && data.completions.some((c) => c.result === 'findings') ? (
              <Group>
                <Button component={Link} variant="light" to={`/corrective-actions/new?inspection=${data.id}`} data-testid="open-action">
                  {t('operations.actions.fromInspection')}
                </Button>
              </Group>
            ) : null}
            <SourceCitations sources={templates.data?.source ?? []} />
          </Stack>
        ) : null
      }
    >
      <SectionCard id="inspection" title={t('operations.fields.schedule')}>
        <Stack gap="sm">
          <NativeSelect
            label={t('operations.fields.template')}
            data={[{ value: '', label: t('operations.fields.noTemplate') }, ...(templates.data?.items ?? []).map((i) => ({ value: i.itemId, label: i.name[lang] }))]}
            value={form.getValues().catalogItemId}
            onChange={(e) => chooseTemplate(e.currentTarget.value)}
          />
          <TextInput label={t('operations.fields.title')} required maxLength={200} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t('operations.fields.startsOn')} required {...form.getInputProps('startsOn')} />
            <NumberInput label={t('operations.fields.every')} min={1} max={60} {...form.getInputProps('every')} />
            <NativeSelect label={t('operations.fields.unit')} data={RECURRENCE_UNITS.map((u) => ({ value: u, label: t(`operations.units.${u}`) }))} {...form.getInputProps('unit')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('operations.fields.owner')} data={[{ value: '', label: t('operations.fields.noOwner') }, ...(members.data ?? []).map((m) => ({ value: m.userId, label: m.displayName || m.email }))]} {...form.getInputProps('ownerUserId')} />
            <NumberInput label={t('operations.fields.remindDaysBefore')} min={0} max={90} {...form.getInputProps('remindDaysBefore')} />
          </SimpleGrid>
          <Textarea label={t('operations.fields.note')} autosize minRows={2} maxLength={4000} {...form.getInputProps('note')} />
        </Stack>
      </SectionCard>
    </RegisterForm>
  );
});
