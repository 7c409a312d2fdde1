import { Anchor, Badge, Group, List, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { decisionsOf, keyFigures } from '../../shared/reports/report.rules.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { pick, StageBadge, stageLabel, formatYen } from '../diagnosis/diagnosis-labels.tsx';
import { SummaryCard } from '../diagnosis/summary-card.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { deadlineText, decisionText } from './report-labels.tsx';
import { type TOverview, useOverview } from './report.query.ts';

const HeatMapChart = lazy(() => import('../risks/risk-analysis-charts.tsx').then((m) => ({ default: m.HeatMapChart })));
const LossExceedanceChart = lazy(() => import('../risks/risk-analysis-charts.tsx').then((m) => ({ default: m.LossExceedanceChart })));
const PlanChart = lazy(() => import('../costs/plan-chart.tsx'));

/**
 * The executive's dashboard (PRODUCT.md capability 12): stage and gate, what
 * waits for a decision, the risk heat map and loss curve, deadlines due, the
 * plan against actual costs, inspection compliance, control status and
 * corrective actions. Each card names the rule behind its figure and links to
 * the records it counts.
 */
export function ReportsDashboardPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  return (
    <>
      <PageHeader title={t('reports.dashboard.title')} description={t('reports.dashboard.description')} />
      <QueryState query={overview}>{overview.data ? <Dashboard o={overview.data} /> : null}</QueryState>
    </>
  );
}

function Rule({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

function Dashboard({ o }: { o: TOverview }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const decisions = decisionsOf(o, keyFigures(o));
  const gate = o.stage.gate;
  const evaluated = gate ? gate.items.length - gate.missing.length : 0;
  const review = o.costs.review;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SummaryCard id="rep-stage" testId="dashboard-stage" title={t('reports.dashboard.stage')} link={{ to: '/stages', label: t('reports.dashboard.toStages') }}>
          <Group gap="sm">
            <StageBadge stage={o.stage.current} t={t} size="lg" />
            {o.stage.next ? <Text size="sm">{t('reports.dashboard.next', { stage: pick(o.stage.next.name, locale) })}</Text> : null}
          </Group>
          {gate && gate.items.length ? (
            <>
              <Progress value={(evaluated / gate.items.length) * 100} aria-label={t('reports.dashboard.gateProgress')} />
              <Text size="sm">{t('reports.dashboard.gate', { evaluated, total: gate.items.length })}</Text>
            </>
          ) : null}
          <Text size="sm">{t('reports.dashboard.tasks', { open: o.tasks.open, overdue: o.tasks.overdue })}</Text>
          <Rule>{t('reports.rules.stage')}</Rule>
        </SummaryCard>
        <SummaryCard id="rep-decisions" testId="dashboard-decisions" title={t('reports.dashboard.decisions')} link={{ to: '/reports/management', label: t('reports.dashboard.toReports') }}>
          {decisions.length ? (
            <List size="sm" spacing={4}>
              {decisions.map((d) => (
                <List.Item key={d.kind}>
                  <Anchor component={Link} to={d.path} size="sm">
                    {decisionText(t, d.kind, d.count)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('reports.dashboard.noDecisions')}</Text>
          )}
          <Rule>{t('reports.rules.decisions')}</Rule>
        </SummaryCard>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SummaryCard id="rep-heat" testId="dashboard-risks" title={t('reports.dashboard.heatMap', { count: o.risks.riskCount })} link={{ to: '/risks/analysis', label: t('reports.dashboard.toRisks') }}>
          <Suspense fallback={<SectionLoader />}>{o.risks.riskCount ? <HeatMapChart analysis={o.risks} /> : <Text size="sm">{t('reports.dashboard.noRisks')}</Text>}</Suspense>
          <Rule>{t('reports.rules.risks')}</Rule>
        </SummaryCard>
        <SummaryCard id="rep-loss" title={t('reports.dashboard.lossCurve')} link={{ to: '/risks/analysis', label: t('reports.dashboard.toRisks') }}>
          {o.risks.riskCount ? (
            <>
              <Suspense fallback={<SectionLoader />}>
                <LossExceedanceChart analysis={o.risks} />
              </Suspense>
              <Text size="sm">{t('reports.dashboard.ale', { inherent: formatYen(o.risks.simulation.inherent.aleYen, locale), treated: formatYen(o.risks.simulation.treated.aleYen, locale) })}</Text>
            </>
          ) : (
            <Text size="sm">{t('reports.dashboard.noRisks')}</Text>
          )}
          <Rule>{t('reports.rules.loss', { years: formatNumber(o.risks.simulation.years, locale) })}</Rule>
        </SummaryCard>
      </SimpleGrid>
      <SummaryCard id="rep-deadlines" testId="dashboard-deadlines" title={t('reports.dashboard.deadlines', { days: o.deadlines.horizonDays })} link={{ to: '/operations', label: t('reports.dashboard.toCalendar') }}>
        <Group gap="xs">
          <Badge color={o.deadlines.overdue ? 'red' : 'gray'} variant="light" tt="none">
            {t('reports.dashboard.overdue', { count: o.deadlines.overdue })}
          </Badge>
          <Badge color={o.deadlines.dueSoon ? 'orange' : 'gray'} variant="light" tt="none">
            {t('reports.dashboard.dueSoon', { count: o.deadlines.dueSoon })}
          </Badge>
        </Group>
        {o.deadlines.items.length ? (
          <Table>
            <Table.Tbody>
              {o.deadlines.items.slice(0, 12).map((d, i) => (
                <Table.Tr key={`${d.path}-${d.kind}-${d.date}-${i}`}>
                  <Table.Td w={130}>
                    <Text size="sm" c={d.overdue ? 'red.8' : undefined} fw={d.overdue ? 700 : undefined}>
                      {d.dueAt ? formatDate(d.dueAt, locale, timeZone) : formatDate(d.date, locale, 'UTC')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={d.path} size="sm">
                      {deadlineText(t, d, locale)}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('reports.dashboard.noDeadlines')}</Text>
        )}
        <Rule>{t('reports.rules.deadlines')}</Rule>
      </SummaryCard>
      <SummaryCard id="rep-costs" testId="dashboard-costs" title={t('reports.dashboard.costs')} link={{ to: '/costs/actuals', label: t('reports.dashboard.toCosts') }}>
        {review && o.costs.plan ? (
          <>
            <Text size="sm">
              {t('reports.dashboard.costLine', { plan: o.costs.plan.name, planYen: formatYen(review.planYen, locale), actualYen: formatYen(review.actualYen, locale), varianceYen: formatYen(review.varianceYen, locale) })}
            </Text>
            <Suspense fallback={<SectionLoader />}>
              <PlanChart months={review.months} />
            </Suspense>
          </>
        ) : (
          <Text size="sm">{t('reports.dashboard.noPlan')}</Text>
        )}
        <Rule>{t('reports.rules.costs')}</Rule>
      </SummaryCard>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <SummaryCard id="rep-inspections" testId="dashboard-inspections" title={t('reports.dashboard.inspections')} link={{ to: '/operations', label: t('reports.dashboard.toInspections') }}>
          <Text fz={28} fw={700}>
            {o.inspections.onTimePercent === null ? '—' : `${o.inspections.onTimePercent}%`}
          </Text>
          <Text size="sm">{t('reports.dashboard.rounds', { onTime: o.inspections.roundsOnTime, due: o.inspections.roundsDue, overdue: o.inspections.overdue })}</Text>
          <Rule>{t('reports.rules.inspections')}</Rule>
        </SummaryCard>
        <SummaryCard id="rep-controls" testId="dashboard-controls" title={t('reports.dashboard.controls')} link={{ to: '/governance/controls', label: t('reports.dashboard.toControls') }}>
          {o.controls.sets.map((s) => (
            <Stack key={s.key} gap={2}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{pick(s.name, locale)}</Text>
                <Text size="sm" fw={600}>
                  {s.summary.implementedPercent === null ? '—' : `${s.summary.implementedPercent}%`}
                </Text>
              </Group>
              <Progress value={s.summary.implementedPercent ?? 0} color={s.summary.overdue ? 'orange' : 'teal'} aria-label={pick(s.name, locale)} />
            </Stack>
          ))}
          <Rule>{t('reports.rules.controls')}</Rule>
        </SummaryCard>
        <SummaryCard id="rep-actions" testId="dashboard-actions" title={t('reports.dashboard.actions')} link={{ to: '/corrective-actions', label: t('reports.dashboard.toActions') }}>
          <Text size="sm">{t('reports.dashboard.actionsLine', { open: o.actions.open, overdue: o.actions.overdue })}</Text>
          <Table>
            <Table.Tbody>
              {o.actions.byPhase.map((p) => (
                <Table.Tr key={p.phase}>
                  <Table.Td>{t(`operations.actions.phases.${p.phase}`)}</Table.Td>
                  <Table.Td ta="right">{p.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Rule>{t('reports.rules.actions')}</Rule>
        </SummaryCard>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('reports.dashboard.asOf', { date: formatDate(o.generatedAt, locale, timeZone), stage: stageLabel(t, o.stage.current) })}
      </Text>
    </Stack>
  );
}
