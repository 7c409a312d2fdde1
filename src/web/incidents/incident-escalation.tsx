import { Badge, Button, Checkbox, Group, List, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEscalation, TSaveEscalationRequest } from '../../shared/incidents/escalation.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { ProblemAlert, ReloadLatestButton } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useEscalation, useMoveEscalation, useSaveEscalation } from './incident.query.ts';

type Form = Omit<TSaveEscalationRequest, 'version'>;
const formOf = (e: TEscalation): Form => ({
  criteria: e.criteria.filter((c) => c.checked).map((c) => c.itemId),
  otherReason: e.otherReason,
  expert: e.expert,
  contractChecks: e.contractItems.map((c) => c.checked),
  request: e.requestItems.map((r) => r.answer),
  reportNote: e.reportNote,
});
const same = (a: Form, b: Form) => JSON.stringify(a) === JSON.stringify(b);

function EscalationEditor({ incidentId, escalation, canWrite }: { incidentId: string; escalation: TEscalation; canWrite: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const lang = locale === 'en' ? 'en' : 'ja';
  const save = useSaveEscalation(incidentId);
  const move = useMoveEscalation(incidentId);
  const stored = formOf(escalation);
  const [form, setForm] = useState<Form>(stored);
  // A newer version from the server (a save, a move, another tab) replaces what the form shows.
  useEffect(() => setForm(formOf(escalation)), [escalation.version]);
  const editable = canWrite && escalation.status !== 'closed';
  const dirty = !same(form, stored) || escalation.version === null;
  const problem = save.error ? toApiError(save.error) : move.error ? toApiError(move.error) : null;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const at = <T,>(list: T[], i: number, v: T) => list.map((x, j) => (j === i ? v : x));
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light" color={escalation.status === 'closed' ? 'gray' : escalation.status === 'draft' ? 'blue' : 'orange'} data-testid="escalation-status">
          {t(`incidents.escalation.statuses.${escalation.status}`)}
        </Badge>
        {escalation.requestedAt ? (
          <Text size="xs" c="dimmed">
            {t('incidents.escalation.requestedAt', { at: new Date(escalation.requestedAt).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB') })}
          </Text>
        ) : null}
      </Group>
      <Checkbox.Group label={t('incidents.escalation.criteria')} value={form.criteria} onChange={(v) => set('criteria', v)}>
        <Stack gap={4} mt={4}>
          {escalation.criteria.map((c) => (
            <Checkbox key={c.itemId} value={c.itemId} label={c.name[lang]} disabled={!editable} />
          ))}
        </Stack>
      </Checkbox.Group>
      <TextInput label={t('incidents.escalation.otherReason')} maxLength={2000} readOnly={!editable} value={form.otherReason} onChange={(e) => set('otherReason', e.currentTarget.value)} />
      <TextInput label={t('incidents.escalation.expert')} maxLength={500} readOnly={!editable} value={form.expert} onChange={(e) => set('expert', e.currentTarget.value)} data-testid="escalation-expert" />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('incidents.escalation.contract')}
        </Text>
        <Group>
          {escalation.contractItems.map((c, i) => (
            <Checkbox key={c.name.ja} label={c.name[lang]} disabled={!editable} checked={form.contractChecks[i] ?? false} onChange={(e) => set('contractChecks', at(form.contractChecks, i, e.currentTarget.checked))} />
          ))}
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {escalation.requestItems.map((r, i) => (
          <Textarea key={r.name.ja} label={`${t('incidents.escalation.request')}: ${r.name[lang]}`} autosize minRows={2} maxLength={4000} readOnly={!editable} value={form.request[i] ?? ''} onChange={(e) => set('request', at(form.request, i, e.currentTarget.value))} />
        ))}
      </SimpleGrid>
      {escalation.status !== 'draft' && escalation.status !== 'requested' ? (
        <Textarea label={t('incidents.escalation.reportNote')} autosize minRows={2} maxLength={8000} readOnly={!editable} value={form.reportNote} onChange={(e) => set('reportNote', e.currentTarget.value)} />
      ) : null}
      <ProblemAlert problem={problem} extra={problem ? Object.values(problem.fieldErrors) : []} />
      {editable ? (
        <Group>
          <Button variant="default" loading={save.isPending} disabled={!dirty} onClick={() => save.mutate({ ...form, version: escalation.version })} data-testid="escalation-save">
            {t('incidents.escalation.save')}
          </Button>
          {escalation.next ? (
            <Button disabled={dirty || escalation.next.missing.length > 0} loading={move.isPending} onClick={() => move.mutate({ to: escalation.next!.to, version: escalation.version! })} data-testid="escalation-next">
              {t(`incidents.escalation.moveTo.${escalation.next.to}`)}
            </Button>
          ) : null}
          <ReloadLatestButton problem={problem} onReload={() => (save.reset(), move.reset())} />
        </Group>
      ) : null}
      {editable && escalation.next?.missing.length ? (
        <List size="sm" c="dimmed" data-testid="escalation-missing">
          {escalation.next.missing.map((m) => (
            <List.Item key={m.code}>{t(`errors.field.${m.code}`)}</List.Item>
          ))}
        </List>
      ) : null}
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {t('incidents.escalation.procedure')}
        </Text>
        <List type="ordered" size="sm">
          {escalation.steps.map((s) => (
            <List.Item key={s.step}>
              {s.name[lang]}
              {s.detail ? `: ${s.detail[lang]}` : ''}
            </List.Item>
          ))}
        </List>
      </Stack>
      <SourceCitations sources={escalation.source} size="xs" />
    </Stack>
  );
}

/** Escalation to an outside expert (seed 004): when, to whom, with which facts, and where it stands. */
export function EscalationSection({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const escalation = useEscalation(incidentId);
  return (
    <SectionCard id="escalation" title={t('incidents.escalation.title')} description={t('incidents.escalation.hint')}>
      <QueryState query={escalation}>{escalation.data ? <EscalationEditor incidentId={incidentId} escalation={escalation.data} canWrite={canWrite} /> : null}</QueryState>
    </SectionCard>
  );
}
