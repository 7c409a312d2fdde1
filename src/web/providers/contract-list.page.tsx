import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { ProviderLinks } from './provider-labels.tsx';
import { type TContract, useContracts } from './provider.query.ts';

/** Where a contract's term stands today: running, notice due soon (with the 解約予告期限), or ended. */
export function StandingBadge({ contract }: { contract: TContract }) {
  const { t } = useTranslation();
  const s = contract.standing;
  if (s.status === 'ended') return <Badge color="gray" variant="light">{t('providers.contracts.ended', { date: s.termEndsOn })}</Badge>;
  if (s.status === 'noticeDueSoon') return <Badge color="orange" variant="light">{t('providers.contracts.dueSoon')}</Badge>;
  return null;
}

export function ReadyBadge({ contract }: { contract: TContract }) {
  const { t } = useTranslation();
  return contract.summary.readyToSign ? (
    <Badge color="teal" variant="light">
      {t('providers.contracts.ready')}
    </Badge>
  ) : (
    <Badge color="red" variant="light">
      {t('providers.contracts.notReady')}
    </Badge>
  );
}

/** Contracts with the providers, their review against the 17 items and the last day to give notice. */
export function ContractListPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const contracts = useContracts();
  const columns: RegisterColumn<TContract>[] = [
    nameColumn({
      key: 'title',
      header: t('providers.contracts.titleField'),
      path: '/providers/contracts',
      name: (c) => c.title,
      minWidth: 180,
      below: (c) => (
        <Text size="xs" c="dimmed">
          {t('providers.contracts.summaryLine', c.summary)}
        </Text>
      ),
    }),
    { key: 'provider', header: t('providers.contracts.provider'), cell: (c) => c.providerName },
    { key: 'ends', header: t('providers.contracts.termEndsOn'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (c) => c.standing.termEndsOn },
    {
      key: 'notice',
      header: t('providers.contracts.lastNoticeOn'),
      cellProps: { style: { whiteSpace: 'nowrap' } },
      cell: (c) => (
        <Group gap={4} wrap="nowrap">
          <span>{c.standing.lastNoticeOn ?? '—'}</span>
          <StandingBadge contract={c} />
        </Group>
      ),
    },
    { key: 'ready', header: t('providers.contracts.review'), cell: (c) => <ReadyBadge contract={c} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('providers.contracts.title')}
        description={t('providers.contracts.description')}
        actions={
          <Group>
            <ProviderLinks except="contracts" />
            <ExportLinks
              href="/api/v1/contracts/export"
              formats={[
                { format: 'csv', label: t('providers.export.contract.csv') },
                { format: 'xlsx', label: t('providers.export.contract.xlsx') },
                { format: 'json', label: t('providers.export.contract.json') },
              ]}
            />
            <ExportLinks
              href="/api/v1/providers/export"
              formats={[
                { format: 'csv&table=contracts', label: t('providers.export.csvContracts') },
                { format: 'xlsx', label: t('providers.export.xlsx') },
              ]}
            />
            {session.organisation.can['providers.write'] ? (
              <Button component={Link} to="/providers/contracts/new">
                {t('providers.contracts.new')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <RegisterList query={contracts} caption={t('providers.contracts.title')} empty={t('providers.contracts.empty')} rows={contracts.data?.items ?? []} columns={columns} rowTestId="contract-row" />
    </>
  );
}
