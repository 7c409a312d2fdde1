import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYenAmount } from '../../shared/assets/asset-money.ts';
import { DataTable } from '../components/data-table.tsx';
import { BackLink, PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatMonth } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { Figure } from './cost-figure.tsx';
import { COSTS } from './cost-list.page.tsx';
import { type TCostActual, type TPlanReview, useCostActuals, usePlanReview } from './cost.query.ts';

const PlanChart = lazy(() => import('./plan-chart.tsx'));
export const ACTUALS = `${COSTS}/actuals`;

type Review = NonNullable<TPlanReview['review']>;

function useMoney() {
  const { locale } = useLocaleAndZone();
  return {
    locale,
    yen: (v: number) => formatYenAmount(v, locale),
    /** A variance with its sign: +50,000円, −850,000円. */
    signed: (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatYenAmount(Math.abs(v), locale)}`,
    percent: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}%`),
  };
}

const varianceColor = (v: number) => (v > 0 ? 'red' : undefined);

/** Where the plan stands: the totals so far, and whether the actual costs overrun it. */
function Standing({ plan, review, through }: { plan: NonNullable<TPlanReview['plan']>; review: Review; through: string }) {
  const { t } = useTranslation();
  const { locale, yen, signed, percent } = useMoney();
  const a = (key: string, o?: Record<string, unknown>) => t(`costs.actuals.${key}`, o);
  return (
    <SectionCard id="standing" title={a('planLine', { name: plan.name, start: formatMonth(plan.startMonth, locale), end: formatMonth(plan.endMonth, locale), years: plan.years })}>
      <Stack gap="sm">
        {review.status === 'notStarted' ? (
          <Alert color="gray" variant="light" data-testid="plan-status">
            {a('notStarted', { start: formatMonth(plan.startMonth, locale) })}
          </Alert>
        ) : (
          <Alert color={review.status === 'over' ? 'red' : 'teal'} variant="light" data-testid="plan-status">
            {review.status === 'over' ? a('over', { yen: yen(review.varianceYen), percent: percent(review.variancePercent) }) : a('within', { yen: signed(review.varianceYen) })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={a('figures.plan')} value={yen(review.planYen)} testId="plan-total" />
          <Figure label={a('figures.actual')} value={yen(review.actualYen)} testId="actual-total" />
          <Figure label={a('figures.variance')} value={signed(review.varianceYen)} testId="variance-total" />
          <Figure label={a('figures.variancePercent')} value={percent(review.variancePercent)} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {a('through', { month: formatMonth(through, locale) })} {review.overMonths ? a('overMonths', { count: review.overMonths }) : ''}
        </Text>
        {review.outsideYen !== 0 ? (
          <Text size="sm" c="dimmed" data-testid="outside">
            {a('outside', { yen: yen(review.outsideYen) })}
          </Text>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

function ByCategory({ review }: { review: Review }) {
  const { t } = useTranslation();
  const { yen, signed, percent } = useMoney();
  const c = (key: string) => t(`costs.actuals.columns.${key}`);
  return (
    <SectionCard id="by-category" title={t('costs.actuals.byCategory')}>
      <DataTable caption={t('costs.actuals.byCategory')} columns={[c('category'), c('plan'), c('actual'), c('variance'), c('percent')]} data-testid="category-variance">
        {review.categories.map((row) => (
          <Table.Tr key={row.category}>
            <Table.Td>{t(`costs.category.${row.category}`)}</Table.Td>
            <Table.Td ta="right">{yen(row.planYen)}</Table.Td>
            <Table.Td ta="right">{yen(row.actualYen)}</Table.Td>
            <Table.Td ta="right" c={varianceColor(row.varianceYen)}>
              {signed(row.varianceYen)}
            </Table.Td>
            <Table.Td ta="right">{percent(row.variancePercent)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </SectionCard>
  );
}

function ByMonth({ review }: { review: Review }) {
  const { t } = useTranslation();
  const { locale, yen, signed } = useMoney();
  const c = (key: string) => t(`costs.actuals.columns.${key}`);
  return (
    <SectionCard id="by-month" title={t('costs.actuals.byMonth')}>
      <Stack gap="md">
        <Suspense fallback={null}>
          <PlanChart months={review.months} />
        </Suspense>
        <DataTable caption={t('costs.actuals.byMonth')} columns={[c('month'), c('plan'), c('actual'), c('variance'), c('cumulative')]} data-testid="month-variance">
          {[...review.months].reverse().map((m) => (
            <Table.Tr key={m.month} data-testid="month-row">
              <Table.Td>{formatMonth(m.month, locale)}</Table.Td>
              <Table.Td ta="right">{yen(m.planYen)}</Table.Td>
              <Table.Td ta="right">{yen(m.actualYen)}</Table.Td>
              <Table.Td ta="right" c={varianceColor(m.varianceYen)}>
                {signed(m.varianceYen)}
              </Table.Td>
              <Table.Td ta="right" c={varianceColor(m.cumulativeVarianceYen)}>
                {signed(m.cumulativeVarianceYen)}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </SectionCard>
  );
}

/** The actual cost lines, each leading to its form. */
function Lines() {
  const { t } = useTranslation();
  const { locale, yen } = useMoney();
  const lines = useCostActuals();
  const f = (key: string) => t(`costs.actualFields.${key}`);
  const columns: RegisterColumn<TCostActual>[] = [
    nameColumn<TCostActual>({
      key: 'description',
      header: f('description'),
      path: ACTUALS,
      name: (r) => r.description,
      minWidth: 200,
      below: (r) =>
        r.imported ? (
          <Badge ml="xs" size="xs" variant="outline" color="gray">
            {t('costs.actuals.imported')}
          </Badge>
        ) : null,
    }),
    { key: 'month', header: f('month'), cell: (r) => formatMonth(r.month, locale) },
    { key: 'category', header: f('category'), cell: (r) => t(`costs.category.${r.category}`) },
    { key: 'amount', header: f('amountYen'), numeric: true, cell: (r) => yen(r.amountYen) },
  ];
  return (
    <Stack gap="xs">
      <Text fw={600} size="lg">
        {t('costs.actuals.linesTitle')}
      </Text>
      <RegisterList query={lines} caption={t('costs.actuals.linesTitle')} empty={t('costs.actuals.linesEmpty')} rows={lines.data ?? []} columns={columns} rowTestId="actual-row" />
    </Stack>
  );
}

/** 計画と実績 (seed 004 「財務計画の5ステップ」 step 5 「定期レビュー」): the adopted plan against the actual costs, and the lines behind them. */
export function PlanReviewPage() {
  const { t } = useTranslation();
  const canWrite = useOrganisationSession().organisation.can['costs.write'];
  const review = usePlanReview();
  const data = review.data;
  return (
    <>
      <PageHeader
        title={t('costs.actuals.title')}
        description={t('costs.actuals.description')}
        actions={
          <Group gap="xs">
            <BackLink to={COSTS} label={t('costs.back')} />
            <ExportLinks href="/api/v1/cost-actuals/export" />
            {canWrite ? (
              <>
                <Button variant="default" component={Link} to={`${ACTUALS}/import`}>
                  {t('costs.actuals.import')}
                </Button>
                <Button component={Link} to={`${ACTUALS}/new`}>
                  {t('costs.actuals.add')}
                </Button>
              </>
            ) : null}
          </Group>
        }
      />
      <QueryState query={review}>
        {data ? (
          <Stack gap="lg">
            {data.plan && data.review ? (
              <>
                <Standing plan={data.plan} review={data.review} through={data.through} />
                {data.review.months.length ? (
                  <>
                    <ByCategory review={data.review} />
                    <ByMonth review={data.review} />
                  </>
                ) : null}
              </>
            ) : (
              <Alert color="blue" variant="light" data-testid="no-plan">
                <Stack gap="xs">
                  <Text size="sm">{t('costs.actuals.noPlan')}</Text>
                  <Anchor component={Link} to={COSTS} size="sm">
                    {t('costs.actuals.toScenarios')}
                  </Anchor>
                </Stack>
              </Alert>
            )}
            <Lines />
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}
