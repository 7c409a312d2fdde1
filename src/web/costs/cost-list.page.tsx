import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYenAmount } from '../../shared/assets/asset-money.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { Figure } from './cost-figure.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks } from '../platform/register/register-list.tsx';
import { type TCostScenario, useCostOverview } from './cost.query.ts';

const CostChart = lazy(() => import('./cost-chart.tsx'));
export const COSTS = '/costs';

/** A scenario's first year against its stage's budget guide (seed 000 II.6.2-6.3). */
function BudgetCheck({ check }: { check: NonNullable<TCostScenario['budgetCheck']> }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const yen = (v: number) => formatYenAmount(v, locale);
  if (!check.guide || check.status === 'no-guide') {
    return (
      <Text size="sm" c="dimmed" data-testid="budget-check">
        {t('costs.budget.noGuide', { stage: check.stage, yen: yen(check.firstYearYen) })}
      </Text>
    );
  }
  const color = check.status === 'within' ? 'teal' : check.status === 'above' ? 'red' : 'yellow';
  return (
    <Alert color={color} variant="light" title={t('costs.budget.title', { stage: check.stage })} data-testid="budget-check">
      <Text size="sm">
        {t(`costs.budget.status.${check.status}`)}: {t('costs.budget.range', { min: yen(check.guide.minYen), max: yen(check.guide.maxYen), yen: yen(check.firstYearYen) })}
      </Text>
    </Alert>
  );
}

/** One cloud scenario: its figures against the baseline and its cumulative cost curve. */
function ScenarioCard({ s }: { s: TCostScenario }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const yen = (v: number) => formatYenAmount(v, locale);
  const c = s.comparison;
  const f = (key: string, o?: Record<string, unknown>) => t(`costs.figures.${key}`, o);
  return (
    <Paper withBorder p="md" data-testid="scenario-card">
      <Stack gap="sm">
        <Group gap="xs">
          <Anchor component={Link} to={`${COSTS}/scenarios/${s.id}`} fw={600}>
            {s.name}
          </Anchor>
          {s.adopted ? (
            <Badge variant="light" color="teal" data-testid="adopted-badge">
              {t('costs.adoptedBadge')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">{t('costs.yearlyCost', { yen: yen(s.yearlyCostYen) })}</Text>
        {s.budgetCheck ? <BudgetCheck check={s.budgetCheck} /> : null}
        {c ? (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Figure label={f('tco', { years: c.years })} value={yen(c.cloudTcoYen)} />
              <Figure label={f('baselineTco')} value={yen(c.baselineTcoYen)} />
              <Figure label={f('investment')} value={yen(c.investmentYen)} />
              <Figure label={f('benefit')} value={yen(c.yearlyBenefitYen)} />
              <Figure label={f('npv')} value={yen(c.npvYen)} testId="npv" />
              <Figure label={f('roi')} value={c.roiPercent === null ? f('roiNone') : `${c.roiPercent}%`} testId="roi" />
              <Figure label={f('payback')} value={c.paybackYears === null ? f('paybackNever') : f('paybackYears', { years: c.paybackYears })} testId="payback" />
              <Figure label={f('riskReduction')} value={yen(c.riskReductionYenPerYear)} />
            </SimpleGrid>
            <Suspense fallback={null}>
              <CostChart name={s.name} baseline={c.baselineCumulativeYen} cloud={c.cloudCumulativeYen} />
            </Suspense>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('costs.needBaseline')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** コスト比較 (seed 004 「コスト評価フレームワーク」「ROI・TCO分析」): the baseline and each cloud scenario against it. */
export function CostListPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const canWrite = useOrganisationSession().organisation.can['costs.write'];
  const overview = useCostOverview();
  const data = overview.data;
  const yen = (v: number) => formatYenAmount(v, locale);
  return (
    <>
      <PageHeader
        title={t('costs.title')}
        description={t('costs.description')}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to={`${COSTS}/actuals`}>
              {t('costs.actuals.nav')}
            </Button>
            <ExportLinks href="/api/v1/costs/export" />
            {canWrite ? (
              <Button component={Link} to={`${COSTS}/scenarios/new`}>
                {t('costs.new')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <QueryState query={overview}>
        {data ? (
          <Stack gap="lg">
            <SectionCard id="baseline" title={t('costs.baselineTitle')}>
              {data.baseline ? (
                <Stack gap={4} data-testid="baseline">
                  <Anchor component={Link} to={`${COSTS}/scenarios/${data.baseline.id}`} fw={600}>
                    {data.baseline.name}
                  </Anchor>
                  <Text size="sm">{t('costs.yearlyCost', { yen: yen(data.baseline.yearlyCostYen) })}</Text>
                </Stack>
              ) : (
                <Stack gap="xs">
                  <Text>{t('costs.noBaseline')}</Text>
                  {canWrite ? (
                    <div>
                      <Button variant="light" component={Link} to={`${COSTS}/scenarios/new?kind=baseline`}>
                        {t('costs.newBaseline')}
                      </Button>
                    </div>
                  ) : null}
                </Stack>
              )}
              <Text size="sm" c="dimmed" mt="sm">
                {t('costs.riskRegister', { inherent: yen(data.riskRegister.inherentYen), treated: yen(data.riskRegister.treatedYen), reduction: yen(data.riskRegister.reductionYen), risks: data.riskRegister.risks })}
              </Text>
            </SectionCard>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('costs.scenariosTitle')}
              </Title>
              {data.scenarios.length ? data.scenarios.map((s) => <ScenarioCard key={s.id} s={s} />) : <Text>{t('costs.noScenarios')}</Text>}
            </Stack>
            <SourceCitations sources={data.source} size="xs" />
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}
