import { Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { ColumnHeads } from '../components/data-table.tsx';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatDate } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { formatDay, formatYen, formatYenRange, pick, StageBadge, stageLabel } from './diagnosis-labels.tsx';
import { useDashboard } from './diagnosis.query.ts';
import { STEP_LINK } from './next-step-links.ts';
import { CurrentStage, GateComplete } from './stage-widgets.tsx';
import { SummaryCard } from './summary-card.tsx';

const ScoreChart = lazy(() => import('./charts/score-chart.tsx'));
const StageTimelineChart = lazy(() => import('./charts/stage-timeline-chart.tsx'));

/** A count of roadmap tasks, large, over what it counts; red when `alarming` and not zero. */
function TaskCount({ count, label, alarming }: { count: number; label: string; alarming?: boolean }) {
  return (
    <Stack gap={0}>
      <Text fz={28} fw={700} c={alarming && count ? 'red.8' : undefined}>
        {count}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** Dashboard v1: stage and time in it, latest scores, the next gate, open tasks, the timeline and what to do next. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const session = useOrganisationSession();
  const dashboard = useDashboard();
  const d = dashboard.data;
  return (
    <>
      <PageHeader title={t('diagnosis.dashboard.title')} description={t('diagnosis.dashboard.description', { name: session.organisation.name })} />
      <ProblemAlert problem={dashboard.error ? toApiError(dashboard.error) : null} mb="md" />
      {dashboard.isPending ? <SectionLoader /> : null}
      {d ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
            <SummaryCard id="dash-stage" title={t('diagnosis.dashboard.stage')} link={{ to: '/stages', label: t('diagnosis.dashboard.toStages') }}>
              <CurrentStage stage={d.stage} t={t} locale={locale} timeZone={timeZone} testId="dashboard-stage" />
            </SummaryCard>
            <SummaryCard id="dash-diagnosis" title={t('diagnosis.dashboard.diagnosis')} link={{ to: '/diagnosis', label: t('diagnosis.dashboard.toDiagnosis') }}>
              {d.diagnosis.scores.some((s) => s.submittedAt) ? (
                <>
                  <Group gap="xs">
                    <Text size="sm">{t('diagnosis.result.proposed')}</Text>
                    <StageBadge stage={d.diagnosis.proposedStage} t={t} />
                  </Group>
                  <Text size="sm">{d.diagnosis.readyForStage ? t('diagnosis.result.readyForYes', { stage: stageLabel(t, d.diagnosis.readyForStage) }) : t('diagnosis.result.readyForNo')}</Text>
                  {d.diagnosis.highRisks ? (
                    <Badge tt="none" color="red" variant="light" radius="sm">
                      {t('diagnosis.dashboard.highRisks', { count: d.diagnosis.highRisks })}
                    </Badge>
                  ) : null}
                  <Text size="sm">{t('diagnosis.dashboard.actions', { count: d.diagnosis.suggestedActions })}</Text>
                </>
              ) : (
                <Text size="sm">{t('diagnosis.dashboard.noDiagnosis')}</Text>
              )}
            </SummaryCard>
            <SummaryCard id="dash-gate" title={t('diagnosis.dashboard.nextGate')} link={{ to: '/stages', label: t('diagnosis.dashboard.toGate') }}>
              {d.stage.next ? (
                <>
                  <Text fw={600} size="sm">
                    {t('diagnosis.dashboard.nextStage', { stage: pick(d.stage.next.name, locale) })}
                  </Text>
                  {d.stage.gate && d.stage.gate.missing.length ? (
                    <>
                      <Text size="sm" c="red.8">
                        {t('diagnosis.dashboard.gateMissing', { count: d.stage.gate.missing.length })}
                      </Text>
                      <List size="sm" spacing={2}>
                        {d.stage.gate.items
                          .filter((i) => d.stage.gate!.missing.includes(i.item.id))
                          .map((i) => (
                            <List.Item key={i.item.id}>{i.item.text[locale]}</List.Item>
                          ))}
                      </List>
                    </>
                  ) : (
                    <GateComplete gate={d.stage.gate} t={t} />
                  )}
                  {!d.stage.time.minimumMet && d.stage.time.minimumReachedAt ? (
                    <Text size="xs" c="dimmed">
                      {t('diagnosis.time.minimumUntil', { months: d.stage.time.minimumMonths, date: formatDate(d.stage.time.minimumReachedAt, locale, timeZone) })}
                    </Text>
                  ) : null}
                </>
              ) : (
                <Text size="sm">{t('diagnosis.gate.last')}</Text>
              )}
            </SummaryCard>
            <SummaryCard id="dash-roadmap" title={t('diagnosis.dashboard.roadmap')} link={{ to: '/roadmap', label: t('diagnosis.dashboard.toRoadmap') }}>
              <Group gap="lg">
                <TaskCount count={d.tasks.summary.open} label={t('diagnosis.roadmap.summary.open')} />
                <TaskCount count={d.tasks.summary.overdue} label={t('diagnosis.roadmap.summary.overdue')} alarming />
                <TaskCount count={d.tasks.summary.done} label={t('diagnosis.roadmap.summary.done')} />
              </Group>
              <Text size="sm">
                {d.budget.guide
                  ? t('diagnosis.dashboard.budget', { budget: formatYen(d.budget.budgetYen, locale), guide: formatYenRange(d.budget.guide, locale) })
                  : t('diagnosis.roadmap.noGuide')}
              </Text>
            </SummaryCard>
          </SimpleGrid>

          <SectionCard id="dash-next" title={t('diagnosis.dashboard.nextSteps')}>
            {d.nextSteps.length ? (
              <List type="ordered" spacing="xs" data-testid="next-steps">
                {d.nextSteps.map((s, i) => (
                  <List.Item key={`${s.step}-${i}`}>
                    <Anchor component={Link} to={STEP_LINK[s.step]} fw={600}>
                      {t(`diagnosis.dashboard.steps.${s.step}`, { name: pick(s.name, locale) })}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text>{t('diagnosis.dashboard.allDone')}</Text>
            )}
          </SectionCard>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <SectionCard id="dash-scores" title={t('diagnosis.dashboard.scores')}>
              <Suspense fallback={<SectionLoader />}>
                <ScoreChart scores={d.diagnosis.scores} />
              </Suspense>
              <Text size="xs" c="dimmed" mt="xs">
                {d.diagnosis.scores.map((s) => `${pick(s.name, locale)}: ${s.score.text[locale]}`).join(' / ')}
              </Text>
            </SectionCard>
            <SectionCard id="dash-timeline" title={t('diagnosis.dashboard.timeline')}>
              <Suspense fallback={<SectionLoader />}>
                <StageTimelineChart periods={d.timeline} asOf={d.asOf} />
              </Suspense>
              <Text size="xs" c="dimmed" mt="xs">
                {d.timeline
                  .filter((p) => p.track === 'main')
                  .map((p) => `${stageLabel(t, p.stage)} ${formatDate(p.from, locale, timeZone)}〜${p.to ? formatDate(p.to, locale, timeZone) : ''}`)
                  .join(' / ')}
              </Text>
            </SectionCard>
          </SimpleGrid>

          <SectionCard id="dash-tasks" title={t('diagnosis.dashboard.openTasks')}>
            {d.tasks.open.length ? (
              <Table fz="sm" striped withTableBorder>
                <ColumnHeads headings={[t('diagnosis.roadmap.item'), t('diagnosis.roadmap.owner'), t('diagnosis.roadmap.due'), t('diagnosis.roadmap.statusLabel')]} />
                <Table.Tbody>
                  {d.tasks.open.map((task) => (
                    <Table.Tr key={task.practiceItemId}>
                      <Table.Td>{task.text[locale]}</Table.Td>
                      <Table.Td>{task.owner ?? t('diagnosis.roadmap.noOwner')}</Table.Td>
                      <Table.Td c={task.overdue ? 'red.8' : undefined}>{formatDay(task.dueDate, locale)}</Table.Td>
                      <Table.Td>{t(`diagnosis.roadmap.status.${task.status}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm">{t('diagnosis.dashboard.noOpenTasks')}</Text>
            )}
            <Button component={Link} to="/roadmap" variant="subtle" mt="sm">
              {t('diagnosis.dashboard.toRoadmap')}
            </Button>
          </SectionCard>
        </Stack>
      ) : null}
    </>
  );
}
