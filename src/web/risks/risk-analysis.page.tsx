import { Anchor, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { RatingBadge, yen } from './risk-labels.tsx';
import { type TRiskAnalysis, useRiskAnalysis } from './risk.query.ts';

const HeatMapChart = lazy(() => import('./risk-analysis-charts.tsx').then((m) => ({ default: m.HeatMapChart })));
const LossExceedanceChart = lazy(() => import('./risk-analysis-charts.tsx').then((m) => ({ default: m.LossExceedanceChart })));

function Figures({ analysis }: { analysis: TRiskAnalysis }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const s = analysis.simulation;
  const rows = (['inherent', 'treated', 'netOfInsurance'] as const).map((key) => (
    <Table.Tr key={key} data-testid={`figures-${key}`}>
      <Table.Td>{t(`risks.analysis.curve.${key}`)}</Table.Td>
      <Table.Td ta="right">{yen(s[key].aleYen, locale)}</Table.Td>
      <Table.Td ta="right">{yen(s[key].var95Yen, locale)}</Table.Td>
      <Table.Td ta="right">{yen(s[key].var99Yen, locale)}</Table.Td>
    </Table.Tr>
  ));
  return (
    <Stack gap="xs">
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('risks.analysis.ale')}</Table.Th>
            <Table.Th ta="right">{t('risks.analysis.var95')}</Table.Th>
            <Table.Th ta="right">{t('risks.analysis.var99')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('risks.analysis.explain', { years: s.years.toLocaleString(locale), analytic: yen(s.analyticTreatedAleYen, locale), recovery: yen(s.meanRecoveryYen, locale) })}
      </Text>
    </Stack>
  );
}

/** The portfolio's risk: heat map, top risks, and the loss-exceedance curve from a seeded Monte Carlo (issue 10). */
export function RiskAnalysisPage() {
  const { t } = useTranslation();
  const analysis = useRiskAnalysis();
  const data = analysis.data;
  return (
    <>
      <PageHeader title={t('risks.analysis.title')} description={t('risks.analysis.description')} />
      <QueryState query={analysis} empty={data && !data.riskCount ? t('risks.empty') : null}>
        {data && data.riskCount ? (
          <Stack gap="lg">
            <SectionCard id="curve" title={t('risks.analysis.curveTitle')} description={t('risks.analysis.curveHint')}>
              <Figures analysis={data} />
              <Suspense fallback={null}>
                <LossExceedanceChart analysis={data} />
              </Suspense>
            </SectionCard>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <SectionCard id="heat" title={t('risks.analysis.heatMapTitle')} description={t('risks.analysis.heatMapHint')}>
                <Suspense fallback={null}>
                  <HeatMapChart analysis={data} />
                </Suspense>
                {data.moved.length ? (
                  <Stack gap={4} mt="sm" data-testid="moved-risks">
                    <Text size="sm" fw={500}>
                      {t('risks.analysis.movedTitle')}
                    </Text>
                    {data.moved.map((m) => (
                      <Text size="sm" key={m.riskId}>
                        <Anchor component={Link} to={`/risks/${m.riskId}`}>
                          {m.title}
                        </Anchor>
                        {' '}
                        {t(`risks.analysis.movedLine.${m.direction}`, { fromL: m.from.likelihood, fromI: m.from.impact, toL: m.to.likelihood, toI: m.to.impact })}
                      </Text>
                    ))}
                  </Stack>
                ) : null}
              </SectionCard>
              <SectionCard id="top" title={t('risks.analysis.topTitle')}>
                <Table>
                  <Table.Tbody>
                    {data.top.map((r) => (
                      <Table.Tr key={r.riskId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/risks/${r.riskId}`}>
                            {r.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <RatingBadge rating={r.residual} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Group mt="xs">
                  <Anchor component={Link} to="/risks">
                    {t('risks.backToList')}
                  </Anchor>
                </Group>
              </SectionCard>
            </SimpleGrid>
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}
