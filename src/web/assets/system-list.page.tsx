import { Alert, Anchor, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { CriticalityBadge, PlacementChange, useStrategyName } from './system-labels.tsx';
import { usePortfolio, useSystems } from './system.query.ts';
import { joinList } from './workload-labels.tsx';

/** The system portfolio: each system's 7R decision, effort, criticality, placement and what to look at. */
export function SystemListPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const session = useOrganisationSession();
  const canWrite = session.organisation.can['assets.write'];
  const systems = useSystems();
  const portfolio = usePortfolio();
  const strategyName = useStrategyName(portfolio.data);
  const items = systems.data?.items ?? [];
  const names = new Map(items.map((s) => [s.id, s.name]));

  return (
    <>
      <PageHeader
        title={t('systems.title')}
        description={t('systems.description')}
        actions={
          <>
            <Button component={Link} to="/systems/portfolio" variant="light">
              {t('systems.toPortfolio')}
            </Button>
            {canWrite ? (
              <Button component={Link} to="/systems/new">
                {t('systems.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <ProblemAlert problem={systems.error ? toApiError(systems.error) : null} />
        {systems.isPending ? <SectionLoader /> : null}
        {systems.data?.cycles.length ? (
          <Alert color="orange" variant="light" title={t('systems.cyclesTitle', { count: systems.data.cycles.length })} data-testid="cycles">
            <Stack gap={4}>
              {systems.data.cycles.map((c) => (
                <Text size="sm" key={c.join()}>
                  {t('systems.cycle', { systems: joinList(c.map((id) => names.get(id) ?? id), locale) })}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {systems.data && !items.length ? (
          <Paper withBorder p="lg">
            <Text>{t('systems.empty')}</Text>
          </Paper>
        ) : null}
        {items.length ? (
          <Paper withBorder p="lg" component="section" aria-label={t('systems.listTitle')}>
            <div className="table-scroll">
              <Table verticalSpacing="sm" striped highlightOnHover>
                <Table.Caption className="visually-hidden">{t('systems.listTitle')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('systems.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('systems.fields.criticality')}</Table.Th>
                    <Table.Th scope="col">{t('systems.fields.strategy')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('systems.effortColumn')}
                    </Table.Th>
                    <Table.Th scope="col">{t('systems.placementColumn')}</Table.Th>
                    <Table.Th scope="col">{t('systems.fields.dependsOn')}</Table.Th>
                    <Table.Th scope="col">{t('systems.findingsColumn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => {
                    const warnings = s.findings.filter((f) => f.tone === 'warning').length;
                    return (
                      <Table.Tr key={s.id} data-testid="system-row">
                        <Table.Td fw={500} miw={150}>
                          <Anchor component={Link} to={`/systems/${s.id}`}>
                            {s.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <CriticalityBadge criticality={s.criticality} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.strategy ? strategyName(s.strategy) : <Text c="dimmed">{t('systems.undecided')}</Text>}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{s.effortPersonMonths === null ? '—' : t('systems.personMonths', { value: formatNumber(s.effortPersonMonths, locale) })}</Table.Td>
                        <Table.Td>
                          <PlacementChange system={s} />
                        </Table.Td>
                        <Table.Td>{s.dependsOn.length ? joinList(s.dependsOn.map((d) => d.name), locale) : '—'}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {warnings ? (
                            <Text size="sm" fw={600} c="orange.9">
                              {t('systems.warningCount', { count: warnings })}
                            </Text>
                          ) : (
                            <Text size="sm" c="teal.9">
                              {t('systems.noWarnings')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
