import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { TStagesOverview } from '../../shared/schemas/diagnosis.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { EvidenceFiles } from '../platform/evidence/evidence-files.tsx';
import { citations, formatYenRange, pick, StageBadge, stageLabel } from './diagnosis-labels.tsx';
import { decisionText, TimeInStage } from './stage-widgets.tsx';
import { DecisionForm } from './decision.form.tsx';
import { useRefreshDiagnosis, useStages } from './diagnosis.query.ts';
import { EvaluationForm } from './evaluation.form.tsx';

const StageTimelineChart = lazy(() => import('./charts/stage-timeline-chart.tsx'));

function StageModel({ o }: { o: TStagesOverview }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const main = o.stages.filter((s) => s.stage !== 'x');
  const x = o.stages.find((s) => s.stage === 'x');
  const card = (s: TStagesOverview['stages'][number]) => {
    const current = s.stage === o.current.stage || (s.stage === 'x' && o.x.active);
    return (
      <Paper key={s.id} withBorder p="sm" radius="md" bg={current ? 'blue.0' : undefined} style={current ? { borderColor: 'var(--mantine-color-blue-5)', borderWidth: 2 } : undefined} data-testid={`stage-card-${s.stage}`}>
        <Stack gap={4}>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <StageBadge stage={s.stage} t={t} />
            {current ? (
              <Badge tt="none" variant="outline" size="sm" radius="sm">
                {t('diagnosis.stages.here')}
              </Badge>
            ) : null}
          </Group>
          <Text fw={600} size="sm">
            {pick(s.name, locale)}
          </Text>
          <Text size="xs" c="dimmed">
            {s.minDurationMonths ? t('diagnosis.stages.minimum', { months: s.minDurationMonths }) : null}
          </Text>
          {s.budget ? <Text size="xs">{t('diagnosis.stages.budget', { range: formatYenRange(s.budget, locale) })}</Text> : null}
          {s.runsAlongside.length ? <Text size="xs" c="grape.8">{t('diagnosis.stages.alongside', { stages: s.runsAlongside.map((r) => stageLabel(t, r)).join(t('diagnosis.listSeparator')) })}</Text> : null}
          {s.remarks ? <Text size="xs" c="dimmed">{s.remarks[locale]}</Text> : null}
        </Stack>
      </Paper>
    );
  };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        {main.map(card)}
      </SimpleGrid>
      {x ? (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
          <div />
          <div />
          <div style={{ gridColumn: 'span 2' }}>{card(x)}</div>
        </SimpleGrid>
      ) : null}
      {o.stageModel ? (
        <Text size="xs" c="dimmed">
          {t('diagnosis.source', { source: citations(o.stageModel.source, locale) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Gate({ o, gate, title }: { o: TStagesOverview; gate: NonNullable<TStagesOverview['gate']>; title: string }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const refresh = useRefreshDiagnosis();
  return (
    <Stack gap="md">
      <Text size="sm">{title}</Text>
      {gate.items.length === 0 ? <Text size="sm">{t('diagnosis.gate.onlyDecision')}</Text> : null}
      <List spacing="sm" listStyleType="none" data-testid="gate-items">
        {gate.items.map((i) => {
          const done = !!i.latest;
          return (
            <List.Item
              key={i.item.id}
              icon={
                <ThemeIcon color={done ? 'teal' : i.required ? 'red' : 'gray'} size={22} radius="xl" variant="light" aria-label={done ? t('diagnosis.gate.recorded') : i.required ? t('diagnosis.gate.missing') : t('diagnosis.gate.optional')}>
                  <span aria-hidden>{done ? '✓' : i.required ? '!' : '–'}</span>
                </ThemeIcon>
              }
            >
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {i.item.text[locale]}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {done ? t('diagnosis.gate.recorded') : i.required ? t('diagnosis.gate.missing') : t('diagnosis.gate.optional')}
                  </Text>
                </Text>
                {i.latest ? (
                  <Paper withBorder p="xs" radius="sm">
                    <Stack gap={4}>
                      <Group gap="xs">
                        <Badge tt="none" color={i.latest.result === 'satisfactory' ? 'teal' : i.latest.result === 'concerns' ? 'yellow' : 'red'} variant="light" radius="sm">
                          {t(`diagnosis.gate.results.${i.latest.result}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {t('diagnosis.gate.recordedBy', { evaluators: i.latest.evaluators, date: formatDateTime(i.latest.recordedAt, locale, timeZone), name: i.latest.recordedBy ?? '' })}
                        </Text>
                      </Group>
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {i.latest.summary}
                      </Text>
                      <EvidenceFiles files={i.latest.evidence} uploadUrl={o.can.evaluate ? `/api/v1/stages/evaluations/${i.latest.id}/evidence` : null} onChanged={() => void refresh()} label={i.item.text[locale]} />
                    </Stack>
                  </Paper>
                ) : null}
              </Stack>
            </List.Item>
          );
        })}
      </List>
      {gate.items.length && o.can.evaluate ? (
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Title order={3} fz="h5" mb="sm">
            {t('diagnosis.gate.formTitle')}
          </Title>
          <EvaluationForm gate={gate} />
        </Paper>
      ) : null}
    </Stack>
  );
}

/** Stages and gates: where the organisation is, the gate to the next stage, the decision, and the history. */
export function StagesPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const stages = useStages();
  const refresh = useRefreshDiagnosis();
  const o = stages.data;
  if (stages.isPending) return <SectionLoader />;
  if (!o) return <ProblemAlert problem={toApiError(stages.error)} />;
  const current = o.stages.find((s) => s.stage === o.current.stage);
  const next = current?.nextStage ? o.stages.find((s) => s.stage === current.nextStage) : null;
  return (
    <>
      <PageHeader title={t('diagnosis.stages.title')} description={t('diagnosis.stages.description')} />
      {!o.modelAvailable ? <Alert color="yellow" title={t('errors.stageModelMissing')} mb="md" /> : null}
      <Stack gap="lg">
        <SectionCard id="stage-current" title={t('diagnosis.stages.currentTitle')}>
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Stack gap={6} maw={520}>
              <Group gap="sm" data-testid="current-stage">
                <StageBadge stage={o.current.stage} t={t} size="xl" />
                <Text fw={700} fz="lg">
                  {pick(current?.name, locale)}
                </Text>
              </Group>
              {current?.detail ? (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                  {current.detail[locale]}
                </Text>
              ) : null}
            </Stack>
            <Stack gap="sm" miw={280} style={{ flex: 1 }}>
              <TimeInStage time={o.current.time} t={t} locale={locale} timeZone={timeZone} />
              <Text size="sm">
                {t('diagnosis.stages.diagnosisSays', { stage: stageLabel(t, o.diagnosis.proposedStage) })}
                {o.diagnosis.readyForStage ? ` ${t('diagnosis.result.readyForYes', { stage: stageLabel(t, o.diagnosis.readyForStage) })}` : ''}
              </Text>
              <Text size="sm" c={o.x.active ? 'grape.8' : 'dimmed'}>
                {o.x.active ? t('diagnosis.stages.xActive', { date: formatDate(o.x.enteredAt, locale, timeZone) }) : o.x.available ? t('diagnosis.stages.xAvailable') : t('diagnosis.stages.xLater')}
              </Text>
            </Stack>
          </Group>
        </SectionCard>

        <SectionCard id="stage-model" title={t('diagnosis.stages.modelTitle')} description={t('diagnosis.stages.modelDescription')}>
          <StageModel o={o} />
        </SectionCard>

        {o.gate ? (
          <SectionCard id="stage-gate" title={t('diagnosis.gate.title', { stage: stageLabel(t, o.current.stage) })} description={t('diagnosis.gate.description')}>
            <Gate o={o} gate={o.gate} title={next ? t('diagnosis.gate.toNext', { next: pick(next.name, locale) }) : t('diagnosis.gate.last')} />
          </SectionCard>
        ) : null}

        <SectionCard id="stage-decision" title={t('diagnosis.decision.title')} description={t('diagnosis.decision.description')}>
          {o.can.decide ? <DecisionForm overview={o} track="main" /> : <Text size="sm">{t('diagnosis.decision.onlyExecutives')}</Text>}
        </SectionCard>

        <SectionCard id="stage-x" title={t('diagnosis.stages.xTitle')} description={t('diagnosis.stages.xDescription')}>
          <Stack gap="sm">
            {o.x.reasons.length ? (
              <Text size="sm">{t('diagnosis.result.stageX', { reasons: o.x.reasons.map((r) => t(`diagnosis.stageXReason.${r}`)).join(t('diagnosis.listSeparator')) })}</Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('diagnosis.stages.xNoReasons')}
              </Text>
            )}
            {o.xGate ? <Gate o={o} gate={o.xGate} title={t('diagnosis.gate.xTitle')} /> : null}
            {o.can.decide && (o.x.available || o.x.active) ? <DecisionForm overview={o} track="x" /> : null}
          </Stack>
        </SectionCard>

        <SectionCard id="stage-history" title={t('diagnosis.history.title')} description={t('diagnosis.history.description')}>
          <Stack gap="md">
            <Suspense fallback={<SectionLoader />}>
              <StageTimelineChart periods={o.timeline} asOf={new Date().toISOString()} />
            </Suspense>
            {o.decisions.length === 0 ? <Text size="sm">{t('diagnosis.history.noDecisions')}</Text> : null}
            {o.decisions.map((d) => (
              <Paper key={d.id} withBorder p="sm" radius="sm" data-testid="decision">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={700} size="sm">
                      {decisionText(d, t)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('diagnosis.history.decidedBy', { name: d.decidedBy, date: formatDateTime(d.decidedAt, locale, timeZone) })}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {d.reason}
                  </Text>
                  {d.thirdPartyName || d.thirdPartyOpinion ? (
                    <Text size="sm" c="dimmed">
                      {t('diagnosis.history.thirdParty', { name: d.thirdPartyName ?? '—', opinion: d.thirdPartyOpinion ?? '—' })}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {t('diagnosis.history.basis', {
                      proposed: stageLabel(t, d.basis.proposedStage),
                      days: d.basis.daysInStage ?? '—',
                      gate: d.basis.gateComplete === null ? '—' : d.basis.gateComplete ? t('diagnosis.history.gateComplete') : t('diagnosis.history.gateIncomplete'),
                    })}
                  </Text>
                  <EvidenceFiles files={d.evidence} uploadUrl={o.can.decide ? `/api/v1/stages/decisions/${d.id}/evidence` : null} onChanged={() => void refresh()} label={decisionText(d, t)} />
                </Stack>
              </Paper>
            ))}
          </Stack>
        </SectionCard>
      </Stack>
    </>
  );
}
