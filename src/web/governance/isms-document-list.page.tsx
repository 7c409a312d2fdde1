import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SourceCitations } from '../catalog/source-citations.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { SectionCard } from '../components/section-card.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { ExportLinks, RegisterList } from '../platform/register/register-list.tsx';
import { nameColumn, type RegisterColumn } from '../platform/register/register-table.tsx';
import { StandingBadge } from './isms-document-labels.tsx';
import { type TIsmsDocument, type TIsmsDocumentList, useIsmsDocuments } from './isms-document.query.ts';

/** How much of seed 000's Tables 11 and 12 is registered, each missing document one click from its form. */
function Coverage({ coverage, canWrite }: { coverage: NonNullable<TIsmsDocumentList['coverage']>; canWrite: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  return (
    <SectionCard id="coverage" title={t('governance.documents.coverageTitle')}>
      <Stack gap="md">
        {coverage.tables.map((table) => (
          <Stack key={table.id} gap={4} data-testid="coverage-table">
            <Text fw={500}>{t('governance.documents.coverageLine', { table: table.name[locale], total: table.total, registered: table.registered })}</Text>
            {table.missing.length ? (
              <List size="sm" spacing={4}>
                {table.missing.map((m) => (
                  <List.Item key={m.itemId}>
                    <Group gap="xs">
                      <span>{m.name[locale]}</span>
                      {canWrite ? (
                        <Button size="compact-xs" variant="light" component={Link} to={`/governance/documents/new?item=${encodeURIComponent(m.itemId)}`} aria-label={`${t('governance.documents.register')}: ${m.name[locale]}`}>
                          {t('governance.documents.register')}
                        </Button>
                      ) : null}
                    </Group>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('governance.documents.allRegistered')}
              </Text>
            )}
          </Stack>
        ))}
        <SourceCitations sources={coverage.source} size="xs" />
      </Stack>
    </SectionCard>
  );
}

/** ISMSで作成する文書 (seed 000 III.5.2 表11・表12): the organisation's documents, their reviews and the tables' coverage. */
export function IsmsDocumentListPage() {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const canWrite = useOrganisationSession().organisation.can['governance.write'];
  const documents = useIsmsDocuments();
  const data = documents.data;
  const f = (key: string) => t(`governance.documents.fields.${key}`);
  const columns: RegisterColumn<TIsmsDocument>[] = [
    nameColumn({ key: 'title', header: f('title'), path: '/governance/documents', name: (d) => d.title, minWidth: 200 }),
    { key: 'code', header: f('code'), cell: (d) => d.catalogItem?.code ?? '' },
    { key: 'table', header: f('table'), cell: (d) => d.catalogItem?.table[locale] ?? '' },
    { key: 'owner', header: f('owner'), cell: (d) => d.ownerDepartment?.name ?? '' },
    { key: 'version', header: f('documentVersion'), cell: (d) => d.documentVersion },
    { key: 'status', header: f('status'), cell: (d) => t(`governance.documents.status.${d.status}`) },
    { key: 'next', header: f('nextReviewOn'), cellProps: { style: { whiteSpace: 'nowrap' } }, cell: (d) => d.nextReviewOn ?? '' },
    { key: 'standing', header: f('standing'), cellProps: { miw: 100 }, cell: (d) => <StandingBadge standing={d.standing} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('governance.documents.title')}
        description={t('governance.documents.description')}
        actions={
          <Group>
            <ExportLinks
              href="/api/v1/isms-documents/export"
              formats={[
                { format: 'csv', label: t('governance.documents.exportCsv') },
                { format: 'xlsx', label: t('governance.documents.exportXlsx') },
                { format: 'json', label: t('governance.documents.exportJson') },
              ]}
            />
            {canWrite ? (
              <Button component={Link} to="/governance/documents/new">
                {t('governance.documents.new')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="xl">
        <RegisterList
          query={documents}
          caption={t('governance.documents.title')}
          empty={t('governance.documents.empty')}
          banner={data && data.items.length ? <Text data-testid="documents-summary">{t('governance.documents.summary', data.summary)}</Text> : null}
          rows={data?.items ?? []}
          columns={columns}
          rowTestId="document-row"
        />
        {data?.coverage ? <Coverage coverage={data.coverage} canWrite={canWrite} /> : null}
      </Stack>
    </>
  );
}
