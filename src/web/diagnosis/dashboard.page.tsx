import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
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
import { TimeInStage } from './stage-widgets.tsx';

const ScoreChart = lazy(() => import('./charts/score-chart.tsx'));
const StageTimelineChart = lazy(() => import('./charts/stage-timeline-chart.tsx'));

function Card({ id, title, children, link }: { id: string; title: string; children: ReactNode; link?: { to: string; label: string } }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="xs" h="100%">
        <Title order={2} fz="md" c="dimmed" fw={600} id={id}>
          {title}
        </Title>
        {children}
        {link ? (
          <Anchor component={Link} to={link.to} size="sm" mt="auto">
            {link.label}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
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
            <Card id="dash-stage" title={t('diagnosis.dashboard.stage')} link={{ to: '/stages', label: t('diagnosis.dashboard.toStages') }}>
              <Group gap="xs" data-testid="dashboard-stage">
                <StageBadge stage={d.stage.current} t={t} size="lg" />
                {d.stage.xActive ? <StageBadge stage="x" t={t} size="lg" /> : null}
              </Group>
              <Text fw={600} size="sm">
                {pick(d.stage.name, locale)}
              </Text>
              <TimeInStage time={d.stage.time} t={t} locale={locale} timeZone={timeZone} />
            </Card>
            <Card id="dash-diagnosis" title={t('diagnosis.dashboard.diagnosis')} link={{ to: '/diagnosis', label: t('diagnosis.dashboard.toDiagnosis') }}>
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
            </Card>
            <Card id="dash-gate" title={t('diagnosis.dashboard.nextGate')} link={{ to: '/stages', label: t('diagnosis.dashboard.toGate') }}>
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
                    <Text size="sm" c="teal.8">
                      {t('diagnosis.dashboard.gateReady')}
                    </Text>
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
            </Card>
            <Card id="dash-roadmap" title={t('diagnosis.dashboard.roadmap')} link={{ to: '/roadmap', label: t('diagnosis.dashboard.toRoadmap') }}>
              <Group gap="lg">
                <Stack gap={0}>
                  <Text fz={28} fw={700}>
                    {d.tasks.summary.open}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('diagnosis.roadmap.summary.open')}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text fz={28} fw={700} c={d.tasks.summary.overdue ? 'red.8' : undefined}>
                    {d.tasks.summary.overdue}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('diagnosis.roadmap.summary.overdue')}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text fz={28} fw={700}>
                    {d.tasks.summary.done}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('diagnosis.roadmap.summary.done')}
                  </Text>
                </Stack>
              </Group>
              <Text size="sm">
                {d.budget.guide
                  ? t('diagnosis.dashboard.budget', { budget: formatYen(d.budget.budgetYen, locale), guide: formatYenRange(d.budget.guide, locale) })
                  : t('diagnosis.roadmap.noGuide')}
              </Text>
            </Card>
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
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('diagnosis.roadmap.item')}</Table.Th>
                    <Table.Th>{t('diagnosis.roadmap.owner')}</Table.Th>
                    <Table.Th>{t('diagnosis.roadmap.due')}</Table.Th>
                    <Table.Th>{t('diagnosis.roadmap.statusLabel')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
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
