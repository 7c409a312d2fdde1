import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_FACTS, INCIDENT_STATUSES, SEVERITIES, type TCreateIncidentRequest } from '../../shared/incidents/incident.schema.ts';
import { instantFromWall, wallIn } from '../../shared/platform/calendar-date.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { recordPage, RegisterForm } from '../platform/register/register-form.tsx';
import { registerFormLabels } from '../platform/register/register-form-labels.ts';
import { useRegisterRecordEditor } from '../platform/register/use-register-editor.ts';
import { DeadlinesSection, FirstResponseSection } from './incident-deadlines.tsx';
import { EscalationSection } from './incident-escalation.tsx';
import { ReviewFindingsSection } from './incident-review.tsx';
import { type ActionDraft, TimelineSection } from './incident-timeline.tsx';
import { incidentRecords, type TIncident, useDetectionCategories } from './incident.query.ts';

const FACTS = INCIDENT_FACTS;
type Fact = (typeof FACTS)[number];

type Values = {
  title: string;
  detectionItemId: string;
  severity: string;
  status: string;
  description: string;
  /** Wall-clock times in the user's time zone, as the inputs hold them. */
  awareAt: string;
  occurredAt: string;
  personsAffected: number | string;
  note: string;
  review: string;
} & Record<Fact, boolean>;

const noFacts = Object.fromEntries(FACTS.map((f) => [f, false])) as Record<Fact, boolean>;

/** An incident (インシデント処置票, seed 000 V.6.1): what happened, the facts, the first response, the legal deadlines and the timeline. */
export const IncidentFormPage = recordPage(function IncidentEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const lang = locale === 'en' ? 'en' : 'ja';
  const session = useOrganisationSession();
  const detection = useDetectionCategories();
  const canWrite = session.organisation.can['incidents.write'];
  const wallNow = () => wallIn(timeZone, new Date());
  const toInstant = (wall: string) => (wall ? instantFromWall(timeZone, wall).toISOString() : '');
  const empty: Values = { title: '', detectionItemId: '', severity: 'medium', status: 'open', description: '', awareAt: wallNow(), occurredAt: '', personsAffected: '', note: '', review: '', ...noFacts };
  const valuesOf = (i: TIncident): Values => ({
    ...i,
    detectionItemId: i.detectionItemId ?? '',
    awareAt: wallIn(timeZone, new Date(i.awareAt)),
    occurredAt: i.occurredAt ? wallIn(timeZone, new Date(i.occurredAt)) : '',
    personsAffected: i.personsAffected ?? '',
  });
  const bodyOf = (v: Values): TCreateIncidentRequest => ({
    title: v.title.trim(),
    detectionItemId: v.detectionItemId || null,
    severity: v.severity as TCreateIncidentRequest['severity'],
    status: v.status as TCreateIncidentRequest['status'],
    description: v.description.trim(),
    awareAt: toInstant(v.awareAt),
    occurredAt: v.occurredAt ? toInstant(v.occurredAt) : null,
    personsAffected: v.personsAffected === '' ? null : Number(v.personsAffected),
    ...Object.fromEntries(FACTS.map((f) => [f, v[f]])),
    note: v.note.trim(),
    review: v.review.trim(),
  });
  const edit = useRegisterRecordEditor(incidentRecords, id, {
    empty,
    valuesOf,
    bodyOf,
    pathOf: (newId) => `/incidents/${newId}`,
    createdMessage: t('incidents.created'),
    savedMessage: t('incidents.saved'),
  });
  const { isNew, record: incident, editor } = edit;
  const { form } = editor;
  const blank = (): ActionDraft => ({ kind: 'note', at: wallNow(), ruleId: '', text: '' });
  const [draft, setDraft] = useState<ActionDraft>(blank);
  const data = incident.data;
  return (
    <RegisterForm
      {...edit}
      title={isNew ? t('incidents.new') : (data?.title ?? t('incidents.title'))}
      description={t('incidents.description')}
      listPath="/incidents"
      labels={registerFormLabels(t, 'incidents', { name: data?.title ?? '' })}
      canWrite={canWrite}
      needs={detection}
      submitTestId="save-incident"
      summary={
        data ? (
          <Stack gap="md">
            <DeadlinesSection incident={data} onSubmitted={canWrite ? (ruleId) => setDraft({ ...blank(), kind: 'reportSubmitted', ruleId }) : null} onReload={() => void incident.refetch()} />
            <FirstResponseSection incident={data} />
          </Stack>
        ) : null
      }
      after={
        data ? (
          <Stack gap="md">
            <TimelineSection incident={data} canWrite={canWrite} draft={draft} onDraft={setDraft} blank={blank} />
            <EscalationSection incidentId={data.id} canWrite={canWrite} />
            <ReviewFindingsSection incident={data} canWrite={canWrite} />
            <SourceCitations sources={data.source} />
          </Stack>
        ) : null
      }
    >
      <SectionCard id="record" title={t('incidents.sections.record')} description={t('incidents.timeZoneNote', { zone: timeZone })}>
        <Stack gap="sm">
          <TextInput label={t('incidents.fields.title')} required maxLength={200} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('incidents.fields.detection')}
              data={[{ value: '', label: t('incidents.fields.noDetection') }, ...(detection.data?.items ?? []).map((d) => ({ value: d.itemId, label: d.name[lang] }))]}
              {...form.getInputProps('detectionItemId')}
            />
            <NativeSelect label={t('incidents.fields.severity')} data={SEVERITIES.map((s) => ({ value: s, label: t(`incidents.severity.${s}`) }))} {...form.getInputProps('severity')} />
            <NativeSelect label={t('incidents.fields.status')} data={INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))} {...form.getInputProps('status')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="datetime-local" label={t('incidents.fields.awareAt')} description={t('incidents.fields.awareAtHint')} required {...form.getInputProps('awareAt')} />
            <TextInput type="datetime-local" label={t('incidents.fields.occurredAt')} {...form.getInputProps('occurredAt')} />
          </SimpleGrid>
          <Textarea label={t('incidents.fields.description')} autosize minRows={2} maxLength={4000} {...form.getInputProps('description')} />
        </Stack>
      </SectionCard>
      <SectionCard id="facts" title={t('incidents.sections.facts')} description={t('incidents.factsHint')}>
        <Stack gap="sm">
          <NumberInput label={t('incidents.fields.personsAffected')} description={t('incidents.fields.personsAffectedHint')} min={0} thousandSeparator="," maw={320} {...form.getInputProps('personsAffected')} />
          {FACTS.map((f) => (
            <Checkbox key={f} label={t(`incidents.fields.${f}`)} {...form.getInputProps(f, { type: 'checkbox' })} />
          ))}
          <Text size="xs" c="dimmed">
            {t('incidents.deadlines.hint')}
          </Text>
        </Stack>
      </SectionCard>
      <SectionCard id="note" title={t('incidents.sections.note')}>
        <Textarea label={t('incidents.fields.note')} autosize minRows={2} maxLength={4000} {...form.getInputProps('note')} />
      </SectionCard>
      {!isNew ? (
        <SectionCard id="review" title={t('incidents.review.title')} description={t('incidents.review.hint')}>
          <Textarea label={t('incidents.fields.review')} autosize minRows={3} maxLength={8000} data-testid="incident-review" {...form.getInputProps('review')} />
        </SectionCard>
      ) : null}
    </RegisterForm>
  );
});
