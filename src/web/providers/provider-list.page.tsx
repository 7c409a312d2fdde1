import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueryState } from '../components/query-state.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { EvaluationBadge, ProviderLinks } from './provider-labels.tsx';
import { type TProvider, type TProviderReferenceList, useCopyReference, useProviderReferences, useProviders } from './provider.query.ts';

/** The organisation's providers (クラウド事業者), and the study's reference profiles to start from. */
export function ProviderListPage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const providers = useProviders();
  const canWrite = session.organisation.can['providers.write'];
  const columns: RegisterColumn<TProvider>[] = [
    nameColumn({
      key: 'name',
      header: t('providers.fields.name'),
      path: '/providers',
      name: (p) => p.name,
      minWidth: 180,
      below: (p) => (p.services.length ? <Text size="xs" c="dimmed">{p.services.join(' · ')}</Text> : null),
    }),
    { key: 'types', header: t('providers.fields.serviceTypes'), cell: (p) => p.serviceTypes.map((s) => t(`providers.serviceType.${s}`)).join(', ') || '—' },
    { key: 'locations', header: t('providers.fields.dataLocations'), cell: (p) => p.dataLocations.map((l) => (l.region ? `${l.country} (${l.region})` : l.country)).join(', ') || '—' },
    {
      key: 'ismap',
      header: t('providers.fields.ismap'),
      cellProps: { style: { whiteSpace: 'nowrap' } },
      cell: (p) => (p.ismap === 'none' ? t('providers.ismap.none') : <Badge variant="light">{t(`providers.ismap.${p.ismap}`)}</Badge>),
    },
    { key: 'evaluation', header: t('providers.fields.evaluation'), cell: (p) => <EvaluationBadge evaluation={p.evaluation} /> },
    { key: 'contracts', header: t('providers.fields.contractCount'), numeric: true, cell: (p) => p.contractCount },
  ];
  return (
    <>
      <PageHeader
        title={t('providers.title')}
        description={t('providers.description')}
        actions={
          <Group>
            <ProviderLinks except="providers" />
            <ExportLinks
              href="/api/v1/providers/export"
              formats={[
                { format: 'csv&table=providers', label: t('providers.export.csvProviders') },
                { format: 'csv&table=contracts', label: t('providers.export.csvContracts') },
                { format: 'xlsx', label: t('providers.export.xlsx') },
              ]}
            />
            {canWrite ? (
              <Button component={Link} to="/providers/new">
                {t('providers.new')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="xl">
        <RegisterList query={providers} caption={t('providers.title')} empty={t('providers.empty')} rows={providers.data?.items ?? []} columns={columns} rowTestId="provider-row" />
        <References canWrite={canWrite} />
      </Stack>
    </>
  );
}

/** Seed 000 IV.6.1(2) 表13: the nine profiles as the study found them, each copied into an own provider to edit. */
function References({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const references = useProviderReferences();
  const copy = useCopyReference();
  const navigate = useNavigate();
  const { locale } = useLocaleAndZone();
  const name = (p: { ja: string; en: string }) => (locale === 'ja' ? p.ja : p.en);
  const onCopy = (item: TProviderReferenceList['items'][number]) => copy.mutate({ name: name(item.name), referenceItemId: item.itemId }, { onSuccess: (p) => navigate(`/providers/${p.id}`, { state: { created: true } }) });
  return (
    <Stack gap="sm" component="section" aria-labelledby="references-heading">
      <Title order={2} fz="h3" id="references-heading">
        {t('providers.references.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('providers.references.description')}
      </Text>
      <ProblemAlert problem={copy.error ? toApiError(copy.error) : null} />
      <QueryState query={references}>
        {references.data ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {references.data.items.map((item) => (
                <Card key={item.itemId} withBorder padding="md" data-testid="provider-reference">
                  <Stack gap={6} h="100%">
                    <Title order={3} fz="md">
                      {name(item.name)}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t('providers.references.company')}: {item.company}
                    </Text>
                    {item.services.length ? <Text size="sm">{item.services.join(' · ')}</Text> : null}
                    <List size="sm" spacing={2}>
                      {item.features.map((f) => (
                        <List.Item key={f.en}>{name(f)}</List.Item>
                      ))}
                    </List>
                    {item.url ? (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {item.url}
                      </Text>
                    ) : null}
                    <Group mt="auto">
                      {item.copiedAs ? (
                        <Anchor component={Link} to={`/providers/${item.copiedAs}`} size="sm">
                          {t('providers.references.copied')}
                        </Anchor>
                      ) : canWrite ? (
                        <Button size="xs" variant="light" loading={copy.isPending && copy.variables?.referenceItemId === item.itemId} onClick={() => onCopy(item)}>
                          {t('providers.references.copy')}
                        </Button>
                      ) : null}
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
            <SourceCitations sources={references.data.source} />
          </>
        ) : null}
      </QueryState>
    </Stack>
  );
}
