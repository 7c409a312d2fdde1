import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { CriticalityBadge, PlacementChange, useStrategyName } from './system-labels.tsx';
import { type TSystemList, usePortfolio, useSystems } from './system.query.ts';
import { joinList } from './workload-labels.tsx';

type Row = TSystemList['items'][number];
const NO_WRAP = { style: { whiteSpace: 'nowrap' } } as const;

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
  const cycles = systems.data?.cycles ?? [];

  const columns: RegisterColumn<Row>[] = [
    nameColumn({ key: 'name', header: t('systems.fields.name'), path: '/systems', name: (s) => s.name, minWidth: 150 }),
    { key: 'criticality', header: t('systems.fields.criticality'), cellProps: NO_WRAP, cell: (s) => <CriticalityBadge criticality={s.criticality} /> },
    { key: 'strategy', header: t('systems.fields.strategy'), cellProps: NO_WRAP, cell: (s) => (s.strategy ? strategyName(s.strategy) : <Text c="dimmed">{t('systems.undecided')}</Text>) },
    {
      key: 'effort',
      header: t('systems.effortColumn'),
      numeric: true,
      cellProps: NO_WRAP,
      cell: (s) => (s.effortPersonMonths === null ? '—' : t('systems.personMonths', { value: formatNumber(s.effortPersonMonths, locale) })),
    },
    { key: 'placement', header: t('systems.placementColumn'), cell: (s) => <PlacementChange system={s} /> },
    { key: 'dependsOn', header: t('systems.fields.dependsOn'), cell: (s) => (s.dependsOn.length ? joinList(s.dependsOn.map((d) => d.name), locale) : '—') },
    {
      key: 'findings',
      header: t('systems.findingsColumn'),
      cellProps: NO_WRAP,
      cell: (s) => {
        const warnings = s.findings.filter((f) => f.tone === 'warning').length;
        return warnings ? (
          <Text size="sm" fw={600} c="orange.9">
            {t('systems.warningCount', { count: warnings })}
          </Text>
        ) : (
          <Text size="sm" c="teal.9">
            {t('systems.noWarnings')}
          </Text>
        );
      },
    },
  ];

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
            <ExportLinks href="/api/v1/systems/export" />
            {canWrite ? (
              <Button component={Link} to="/systems/new">
                {t('systems.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <RegisterList
        query={systems}
        caption={t('systems.listTitle')}
        empty={t('systems.empty')}
        rows={items}
        columns={columns}
        rowTestId="system-row"
        banner={
          cycles.length ? (
            <Alert color="orange" variant="light" title={t('systems.cyclesTitle', { count: cycles.length })} data-testid="cycles">
              <Stack gap={4}>
                {cycles.map((c) => (
                  <Text size="sm" key={c.join()}>
                    {t('systems.cycle', { systems: joinList(c.map((id) => names.get(id) ?? id), locale) })}
                  </Text>
                ))}
              </Stack>
            </Alert>
          ) : null
        }
      />
    </>
  );
}
