import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CRITICALITIES, STRATEGIES, type TCriticality, type TStrategy } from '../../shared/schemas/system.schema.ts';
import { toApiError } from '../api/api-client.ts';
import { ColumnHeads } from '../components/data-table.tsx';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { BackLink, PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useStrategyName } from './system-labels.tsx';
import { type TPortfolio, usePortfolio } from './system.query.ts';
import { Citation, joinList, KeyValue, pick } from './workload-labels.tsx';

// ECharts loads with this page only, in its own chunk (docs/ARCHITECTURE.md: the web app).
const PortfolioChart = lazy(() => import('./system-portfolio-chart.tsx'));

/** The portfolio at a glance: strategy by criticality, where systems run now and after, and how the two sides connect (seed 004). */
export function SystemPortfolioPage() {
  const { t } = useTranslation();
  const portfolio = usePortfolio();
  const data = portfolio.data;
  return (
    <>
      <PageHeader
        title={t('portfolio.title')}
        description={t('portfolio.description')}
        actions={<BackLink to="/systems" label={t('portfolio.toSystems')} />}
      />
      <ProblemAlert problem={portfolio.error ? toApiError(portfolio.error) : null} />
      {portfolio.isPending ? <SectionLoader /> : null}
      {data ? (
        data.systems.length ? (
          <Stack gap="lg">
            <Totals portfolio={data} />
            {data.cycles.length ? <Cycles portfolio={data} /> : null}
            <SectionCard id="matrix" title={t('portfolio.chartTitle')} description={t('portfolio.chartHint')}>
              <Suspense fallback={<SectionLoader />}>
                <PortfolioChart portfolio={data} />
              </Suspense>
              <MatrixTable portfolio={data} />
              <Group mt="xs">
                <Citation source="FACTS.md 5" />
              </Group>
            </SectionCard>
            <PlacementView portfolio={data} />
          </Stack>
        ) : (
          <Paper withBorder p="lg">
            <Text>{t('portfolio.empty')}</Text>
          </Paper>
        )
      ) : null}
    </>
  );
}

function Totals({ portfolio }: { portfolio: TPortfolio }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return (
    <Paper withBorder p="md">
      <Group gap="xl">
        <KeyValue label={t('portfolio.totalSystems')}>{t('portfolio.systemsCount', { count: portfolio.totals.systems })}</KeyValue>
        <KeyValue label={t('portfolio.totalEffort')}>{t('systems.personMonths', { value: formatNumber(portfolio.totals.effortPersonMonths, locale) })}</KeyValue>
        <KeyValue label={t('portfolio.undecided')}>{t('portfolio.systemsCount', { count: portfolio.totals.undecided })}</KeyValue>
      </Group>
    </Paper>
  );
}

function Cycles({ portfolio }: { portfolio: TPortfolio }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const names = new Map(portfolio.systems.map((s) => [s.id, s.name]));
  return (
    <Alert color="orange" variant="light" title={t('systems.cyclesTitle', { count: portfolio.cycles.length })} data-testid="cycles">
      {portfolio.cycles.map((c) => (
        <Text size="sm" key={c.join()}>
          {t('systems.cycle', { systems: joinList(c.map((id) => names.get(id) ?? id), locale) })}
        </Text>
      ))}
    </Alert>
  );
}

/** The chart's numbers as a table: readable without the chart, and by screen readers. */
function MatrixTable({ portfolio }: { portfolio: TPortfolio }) {
  const { t } = useTranslation();
  const strategyName = useStrategyName(portfolio);
  const cell = (strategy: TStrategy | null, criticality: TCriticality) =>
    portfolio.matrix.find((c) => c.strategy === strategy && c.criticality === criticality)?.systemIds.length ?? 0;
  const rows: (TStrategy | null)[] = [...STRATEGIES, null];
  return (
    <div className="table-scroll">
      <Table mt="md" withTableBorder withColumnBorders verticalSpacing={4} data-testid="matrix-table">
        <Table.Caption>{t('portfolio.matrixCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('systems.fields.strategy')}</Table.Th>
            {CRITICALITIES.map((c) => (
              <Table.Th scope="col" key={c} ta="right">
                {t(`systems.criticality.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s ?? 'undecided'}>
              <Table.Th scope="row" fw={500}>
                {strategyName(s)}
              </Table.Th>
              {CRITICALITIES.map((c) => {
                const n = cell(s, c);
                return (
                  <Table.Td key={c} ta="right" c={n ? undefined : 'dimmed'}>
                    {n}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Where each system runs now and after its strategy, and every dependency across the on-premises / cloud boundary. */
function PlacementView({ portfolio }: { portfolio: TPortfolio }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const names = new Map(portfolio.systems.map((s) => [s.id, s.name]));
  const column = (id: string, title: string, groups: TPortfolio['placement']['current']) => (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} fz="md" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">
        {groups.map((g) => (
          <div key={g.placement} data-testid={`${id}-${g.placement}`}>
            <Text fw={600} size="sm">
              {t(`systems.placement.${g.placement}`)}
            </Text>
            <List size="sm" spacing={2}>
              {g.systemIds.map((sid) => (
                <List.Item key={sid}>
                  <Anchor component={Link} to={`/systems/${sid}`} size="sm">
                    {names.get(sid)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>
    </Paper>
  );
  return (
    <SectionCard id="placement" title={t('portfolio.placementTitle')} description={t('portfolio.placementHint')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {column('placement-now', t('portfolio.now'), portfolio.placement.current)}
        {column('placement-after', t('portfolio.after'), portfolio.placement.target)}
      </SimpleGrid>
      <Title order={3} fz="md" mt="lg" mb="xs">
        {t('portfolio.boundaryTitle')}
      </Title>
      {portfolio.placement.boundaryLinks.length ? (
        <div className="table-scroll">
          <Table withTableBorder verticalSpacing="xs" data-testid="boundary-links">
            <Table.Caption className="visually-hidden">{t('portfolio.boundaryTitle')}</Table.Caption>
            <ColumnHeads headings={[t('portfolio.system'), t('portfolio.dependsOn'), t('systems.fields.connections')]} />
            <Table.Tbody>
              {portfolio.placement.boundaryLinks.map((l) => {
                const linked = l.connections.includes('vpn') || l.connections.includes('dedicated_line');
                return (
                  <Table.Tr key={`${l.systemId}-${l.dependsOnId}`}>
                    <Table.Td>{names.get(l.systemId)}</Table.Td>
                    <Table.Td>{names.get(l.dependsOnId)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {l.connections.map((c) => (
                          <Badge key={c} variant="light" color={c === 'api_gateway' ? 'indigo' : 'teal'}>
                            {t(`systems.connection.${c}`)}
                          </Badge>
                        ))}
                        {!linked ? (
                          <Badge variant="light" color="orange">
                            {t('portfolio.noLink')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          {t('portfolio.noBoundary')}
        </Text>
      )}
      {portfolio.principles.length ? (
        <Paper withBorder p="md" mt="md" bg="gray.0">
          <Title order={3} fz="sm" mb="xs">
            {t('portfolio.principlesTitle')}
          </Title>
          <List size="sm" spacing="xs">
            {portfolio.principles.map((p) => (
              <List.Item key={p.id}>
                {pick(p.name, locale)} <Citation source={p.source[0] ?? ''} />
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
    </SectionCard>
  );
}
