import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAssetSummary } from '../../shared/schemas/asset.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { BackLink, PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useAssetLabels } from './asset-labels.ts';
import { useAssetChoices, useAssetSummary } from './asset.query.ts';

const AssetSummaryCharts = lazy(() => import('./asset-summary-chart.tsx'));

const VERDICT_COLOR: Record<TAssetSummary['modelCheck']['verdict'], string> = {
  holds: 'teal',
  roughlyUnder: 'yellow',
  roughlyOver: 'yellow',
  farUnder: 'red',
  farOver: 'red',
  noRevenue: 'gray',
  noAssets: 'gray',
};

/** Totals by rank, group and class, and the asset-model check against annual revenue (seed 000 III.3.3, FACTS.md 5). */
export function AssetSummaryPage() {
  const { t } = useTranslation();
  const summary = useAssetSummary();
  const choices = useAssetChoices();
  const label = useAssetLabels(choices.data);
  const s = summary.data;
  const m = s?.modelCheck;
  const percent = m?.differencePercent?.replace(/^-/, '') ?? '';

  const table = (id: string, title: string, rows: TAssetSummary['byRank'], keyLabel: (k: string | null) => string) => (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      <Table data-testid={id}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assets.summary.key')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('assets.summary.assets')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('assets.summary.value')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key ?? 'none'}>
              <Table.Td>{keyLabel(r.key)}</Table.Td>
              <Table.Td ta="right" className="mono">
                {label.count(r.count)}
              </Table.Td>
              <Table.Td ta="right" className="mono">
                {label.amount(r.totalValueYen)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );

  return (
    <>
      <PageHeader
        title={t('assets.summary.title')}
        description={t('assets.summary.description')}
        actions={<BackLink to="/assets" label={t('assets.actions.back')} />}
      />
      <ProblemAlert problem={summary.error ? toApiError(summary.error) : null} />
      {summary.isPending ? <SectionLoader /> : null}
      {s && m ? (
        <Stack gap="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="model-check-heading">
            <Title order={2} fz="h3" id="model-check-heading" mb="sm">
              {t('assets.modelCheck.title')}
            </Title>
            <Alert color={VERDICT_COLOR[m.verdict]} variant="light" mb="md" data-testid="model-verdict">
              <Text>{t(`assets.modelCheck.verdicts.${m.verdict}`, { percent })}</Text>
              {m.verdict === 'noRevenue' ? (
                <Anchor component={Link} to="/organisation-profile" size="sm">
                  {t('nav.profile')}
                </Anchor>
              ) : null}
            </Alert>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" mb="md">
              <Figure label={t('assets.modelCheck.total')} value={label.man(m.totalValueYen)} sub={label.yen(m.totalValueYen)} testId="model-total" />
              <Figure label={t('assets.modelCheck.revenue')} value={m.annualRevenueYen ? label.man(m.annualRevenueYen) : t('assets.unset')} sub={m.annualRevenueYen ? label.yen(m.annualRevenueYen) : ''} testId="model-revenue" />
              <Figure label={t('assets.modelCheck.difference')} value={m.differenceYen ? label.man(m.differenceYen) : '—'} sub={m.differenceYen ? label.yen(m.differenceYen) : ''} testId="model-difference" />
              <Figure label={t('assets.modelCheck.differencePercent')} value={m.differencePercent ? `${m.differencePercent}%` : '—'} sub="" testId="model-percent" />
            </SimpleGrid>
            <Suspense fallback={<SectionLoader />}>
              <AssetSummaryCharts summary={s} />
            </Suspense>
            <Text size="xs" c="dimmed" mt="xs">
              {t('assets.modelCheck.thresholds', { holds: m.thresholds.holdsWithinPercent, roughly: m.thresholds.roughlyWithinPercent })}
            </Text>
          </Paper>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Figure label={t('assets.summary.count')} value={label.count(s.count)} sub="" testId="summary-count" />
            <Figure label={t('assets.summary.total')} value={label.man(s.totalValueYen)} sub={label.yen(s.totalValueYen)} testId="summary-total" />
            <Figure label={t('assets.summary.withoutOwner')} value={label.count(s.withoutOwner)} sub="" testId="summary-without-owner" />
          </SimpleGrid>
          {table('summary-by-rank', t('assets.summary.byRank'), s.byRank, (k) => k ?? t('assets.summary.none'))}
          {table('summary-by-group', t('assets.summary.byGroup'), s.byInformationGroup, (k) => (k ? label.catalog(k) : t('assets.summary.none')))}
          {table('summary-by-class', t('assets.summary.byClass'), s.byAssetClass, (k) => (k ? label.catalog(k) : t('assets.summary.none')))}
          <Text size="xs" c="dimmed">
            {label.source}
          </Text>
        </Stack>
      ) : null}
    </>
  );
}

function Figure({ label, value, sub, testId }: { label: string; value: string; sub: string; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz="xl" fw={700} className="mono" data-testid={testId}>
          {value}
        </Text>
      </Group>
      {sub ? (
        <Text size="xs" c="dimmed" className="mono">
          {sub}
        </Text>
      ) : null}
    </Paper>
  );
}
