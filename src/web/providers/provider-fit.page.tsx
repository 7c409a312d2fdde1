import { Alert, Badge, Button, Group, NativeSelect, Select, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { JUDGED_FITS, JUDGED_REQUIREMENTS, type TSaveRequirementsRequest } from '../../shared/providers/requirements.schema.ts';
import { useServerErrors } from '../api/use-server-errors.ts';
import { useWorkloads } from '../assets/workload.query.ts';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, ReloadLatestButton } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { figure, ProviderLinks, slaFindingText } from './provider-labels.tsx';
import { type TRequirements, useProviders, useRequirements, useSaveRequirements } from './provider.query.ts';
import { draftOf, type RequirementsDraft, RequirementsForm } from './requirements-form.tsx';

type Cell = TRequirements['matrix'][number]['cells'][number];
type Judged = (typeof JUDGED_REQUIREMENTS)[number];
const STATE_COLOURS: Record<Cell['state'], string> = { fits: 'teal', partial: 'yellow', gap: 'orange', knockOut: 'red', unknown: 'gray', notRequired: 'gray' };

/** What was compared, in words: the codes the matrix carries shown as the form shows them. */
function valueText(t: TFunction, key: Cell['key'], side: 'required' | 'offered', value: string, locale: string): string {
  const list = (xs: string, f: (x: string) => string) => xs.split(',').filter(Boolean).map(f).join(', ') || '—';
  switch (key) {
    case 'serviceType':
      return list(value, (x) => t(`providers.serviceType.${x}`));
    case 'ismap':
      return side === 'required' ? t(`providers.fit.ismapRequirement.${value}`) : t(`providers.ismap.${value}`);
    case 'availability':
      return t('providers.fit.percentValue', { n: figure(Number(value), locale) });
    case 'recovery':
      return t('providers.fit.hoursValue', { n: figure(Number(value), locale, 2) });
    case 'support':
      return side === 'required' ? t(`providers.fit.supportNeeds.${value}`) : t(`providers.supportHours.${value}`);
    default:
      return value;
  }
}

function FitCell({ cell, judgement, onJudge, readOnly }: { cell: Cell; judgement: string | undefined; onJudge: ((fit: string) => void) | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  if (cell.state === 'notRequired') return <Text c="dimmed">{t('providers.fit.states.notRequired')}</Text>;
  if (onJudge)
    return (
      <NativeSelect
        size="xs"
        aria-label={t('providers.fit.judge')}
        disabled={readOnly}
        value={judgement ?? ''}
        data={[{ value: '', label: t('providers.fit.states.unknown') }, ...JUDGED_FITS.map((f) => ({ value: f, label: t(`providers.fit.states.${f}`) }))]}
        onChange={(e) => onJudge(e.currentTarget.value)}
        data-testid={`judge-${cell.key}`}
      />
    );
  return (
    <Stack gap={2}>
      <Badge variant="light" color={STATE_COLOURS[cell.state]}>
        {t(`providers.fit.states.${cell.state}`)}
      </Badge>
      {cell.required !== null ? <Text size="xs">{t('providers.fit.required', { value: valueText(t, cell.key, 'required', cell.required, locale) })}</Text> : null}
      {cell.offered !== null ? <Text size="xs" c="dimmed">{t('providers.fit.offered', { value: valueText(t, cell.key, 'offered', cell.offered, locale) })}</Text> : null}
    </Stack>
  );
}

/** The comparison matrix: one column per provider, one row per requirement, with the totals below (seed 000 III.6.2). */
function Matrix({ data, draft, onChange, readOnly }: { data: TRequirements; draft: RequirementsDraft; onChange: (d: RequirementsDraft) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  if (!data.matrix.length) return <Text c="dimmed">{t('providers.fit.matrixEmpty')}</Text>;
  const keys = data.matrix[0]!.cells.map((c) => c.key);
  const judge = (providerId: string, key: Judged) => (fit: string) => {
    const rest = draft.judgements.filter((j) => !(j.providerId === providerId && j.key === key));
    onChange({ ...draft, judgements: fit === '' ? rest : [...rest, { providerId, key, fit: fit as (typeof JUDGED_FITS)[number], note: '' }] });
  };
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" data-testid="fit-matrix">
        <Table.Caption className="visually-hidden">{t('providers.fit.matrix')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('providers.fit.requirement')}</Table.Th>
            {data.matrix.map((p) => (
              <Table.Th key={p.providerId} scope="col" miw={160}>
                {p.providerName}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key, row) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{t(`providers.fit.requirements.${key}`)}</Table.Th>
              {data.matrix.map((p) => {
                const cell = p.cells[row]!;
                const judged = (JUDGED_REQUIREMENTS as readonly string[]).includes(key) && cell.state !== 'notRequired';
                const judgement = draft.judgements.find((j) => j.providerId === p.providerId && j.key === key)?.fit;
                return (
                  <Table.Td key={p.providerId}>
                    <FitCell cell={cell} judgement={judgement} readOnly={readOnly} onJudge={judged ? judge(p.providerId, key as Judged) : null} />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
          <Table.Tr data-testid="fit-totals">
            <Table.Th scope="row">{t('providers.fit.totals')}</Table.Th>
            {data.matrix.map((p) => (
              <Table.Td key={p.providerId}>
                <Stack gap={2}>
                  <Text fw={600}>{p.score === null ? '—' : t('providers.fit.scoreLine', { score: figure(p.score, locale, 1) })}</Text>
                  <Badge variant="light" color={p.eligible ? 'teal' : 'red'}>
                    {t(p.eligible ? 'providers.fit.eligible' : 'providers.fit.notEligible')}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('providers.fit.evaluationScore')}: {p.evaluationScore === null ? t('providers.notEvaluated') : figure(p.evaluationScore, locale, 1)}
                  </Text>
                </Stack>
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** A workload's requirements and the providers compared against them. */
export function ProviderFitPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const [params, setParams] = useSearchParams();
  const workloadId = params.get('workload');
  const workloads = useWorkloads();
  const providers = useProviders();
  const stored = useRequirements(workloadId);
  const save = useSaveRequirements(workloadId ?? '');
  const [draft, setDraft] = useState<RequirementsDraft | null>(null);
  // Field messages are shown on the form's own fields; the others (a judgement, the list) in the alert.
  const errors = useServerErrors({ getValues: () => draft ?? {}, setErrors: () => undefined });
  const [saved, setSaved] = useState(false);
  const data = stored.data;
  useEffect(() => {
    setDraft(data ? draftOf(data) : null);
  }, [data?.workloadId, data?.version]);
  // Another workload: the last save's message and problem were about the one before.
  useEffect(() => {
    setSaved(false);
    errors.clear();
  }, [workloadId]);
  const readOnly = !session.organisation.can['providers.write'];
  const submit = () => {
    if (!draft || !data) return;
    errors.clear();
    setSaved(false);
    const body: TSaveRequirementsRequest = { version: data.version, ...draft };
    save.mutate(body, { onSuccess: () => setSaved(true), onError: errors.apply });
  };
  const workloadItems = workloads.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('providers.fit.title')} description={t('providers.fit.description')} actions={<Group><ProviderLinks except="fit" /></Group>} />
      <QueryState query={workloads}>
        {workloadItems.length === 0 ? (
          <Alert color="blue">{t('providers.fit.noWorkloads')}</Alert>
        ) : (
          <Stack gap="lg">
            <Select
              label={t('providers.fit.workload')}
              placeholder={t('providers.fit.chooseWorkload')}
              data={workloadItems.map((w) => ({ value: w.id, label: w.name }))}
              value={workloadId}
              searchable
              maw={420}
              onChange={(id) => setParams(id ? { workload: id } : {})}
              data-testid="fit-workload"
            />
            {workloadId ? (
              <QueryState query={stored}>
                {data && draft ? (
                  <Stack gap="lg">
                    <RequirementsForm draft={draft} onChange={setDraft} providers={providers.data?.items ?? []} readOnly={readOnly} fieldErrors={errors.problem?.fieldErrors ?? {}} />
                    <Stack gap={4} data-testid="sla-findings">
                      {data.requiredAvailabilityPercent !== null ? <Text size="sm">{t('providers.fit.neededAvailability', { pct: figure(data.requiredAvailabilityPercent, locale) })}</Text> : null}
                      {data.slaFindings.map((f) => (
                        <Alert key={f.code} color="orange" p="xs">
                          {slaFindingText(t, f, locale)}
                        </Alert>
                      ))}
                    </Stack>
                    <ProblemAlert problem={errors.problem} extra={errors.otherFieldMessages} />
                    <ReloadLatestButton problem={errors.problem} onReload={() => void stored.refetch()} />
                    {saved ? <Alert color="green">{t('providers.fit.saved')}</Alert> : null}
                    {readOnly ? null : (
                      <Group>
                        <Button onClick={submit} loading={save.isPending} data-testid="save-requirements">
                          {t('providers.fit.save')}
                        </Button>
                      </Group>
                    )}
                    <SectionCard id="matrix" title={t('providers.fit.matrix')} description={t('providers.fit.howScored')}>
                      <Matrix data={data} draft={draft} onChange={setDraft} readOnly={readOnly} />
                    </SectionCard>
                  </Stack>
                ) : null}
              </QueryState>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
