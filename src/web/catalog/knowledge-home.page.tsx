import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentName } from '../../shared/catalog/citation.rules.ts';
import { toApiError } from '../api/api-client.ts';
import { ConfirmRemoval } from '../components/confirm-modal.tsx';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, SuccessMessage } from '../components/problem-alert.tsx';
import { formatNumber } from '../i18n/format.ts';
import { useOrganisationSession } from '../platform/auth/session.query.ts';
import { useCatalogText, useCollectionTypeLabel } from './catalog-labels.ts';
import { type TCollection, useCollections, useLoadNewestVersion, useRemoveOwnCollection } from './catalog.query.ts';
import { collectionPath, GLOSSARY_PATH, OWN_FILE_PATH } from './knowledge-paths.ts';
import { KnowledgeSearchForm } from './knowledge-search.form.tsx';
import { SOURCE_GROUPS, sourceGroupOf, type SourceGroup } from './knowledge.rules.ts';
import './knowledge.css';

/**
 * The knowledge base: every collection the organisation has loaded, grouped by
 * where it comes from (seed 000, seed 004, public sources, the organisation's
 * own files), with its version and, for owners, newer versions to load.
 */
export function KnowledgeHomePage() {
  const { t } = useTranslation();
  const session = useOrganisationSession();
  const canManage = session.organisation.can['catalog.manage'];
  const collections = useCollections();
  const load = useLoadNewestVersion();
  const remove = useRemoveOwnCollection();
  const [removing, setRemoving] = useState<TCollection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { pick } = useCatalogText();

  const list = collections.data ?? [];
  const problem = collections.error ? toApiError(collections.error) : load.error ? toApiError(load.error) : null;
  const groups = SOURCE_GROUPS.map((group) => ({ group, items: list.filter((c) => sourceGroupOf(c.id) === group) })).filter(
    (g) => g.items.length > 0 || (g.group === 'org' && canManage),
  );

  const onLoad = (c: TCollection) => {
    setNotice(null);
    load.mutate(c.id, {
      onSuccess: (r) => setNotice(t('catalog.home.loaded', { name: pick(r.collection.name), version: r.collection.version })),
    });
  };

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        description={t('catalog.home.description')}
        actions={
          <>
            <Button component={Link} to={GLOSSARY_PATH} variant="default">
              {t('catalog.glossary.title')}
            </Button>
            {canManage ? (
              <Button component={Link} to={OWN_FILE_PATH} variant="light">
                {t('catalog.upload.title')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        {/* The live regions stay in the page (to be announced) but take no room while empty. */}
        <div>
          <Paper withBorder p="lg">
            <KnowledgeSearchForm />
          </Paper>
          <ProblemAlert problem={problem} mt={problem ? 'lg' : 0} />
          <SuccessMessage message={notice} mt={notice ? 'lg' : 0} />
        </div>
        {collections.isPending ? (
          <SectionLoader />
        ) : (
          groups.map(({ group, items }) => (
            <CollectionGroup
              key={group}
              group={group}
              items={items}
              canManage={canManage}
              loadingId={load.isPending ? load.variables : null}
              onLoad={onLoad}
              onRemove={(c) => {
                remove.reset();
                setNotice(null);
                setRemoving(c);
              }}
            />
          ))
        )}
      </Stack>
      <ConfirmRemoval
        target={removing}
        title={t('catalog.home.removeTitle')}
        message={(c) => t('catalog.home.removeConfirm', { name: pick(c.name) })}
        confirmLabel={t('catalog.home.remove')}
        mutation={remove}
        idOf={(c) => c.id}
        onRemoved={(c) => setNotice(t('catalog.home.removed', { name: pick(c.name) }))}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}

interface GroupProps {
  group: SourceGroup;
  items: TCollection[];
  canManage: boolean;
  loadingId: string | null;
  onLoad: (c: TCollection) => void;
  onRemove: (c: TCollection) => void;
}

function CollectionGroup({ group, items, canManage, loadingId, onLoad, onRemove }: GroupProps) {
  const { t } = useTranslation();
  const { locale, pick } = useCatalogText();
  const typeLabel = useCollectionTypeLabel();
  const headingId = `kb-group-${group}`;
  // A seed's group is named as the document is everywhere else (src/shared/catalog/source-documents.ts).
  const groupTitle = (g: SourceGroup) => documentName(g, locale) ?? t(`catalog.groups.${g}.title`);
  const showActions = items.some((c) => c.can.load || c.can.remove);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId} data-testid={`collection-group-${group}`}>
      <Group justify="space-between" align="baseline" mb={4} wrap="wrap">
        <Title order={2} fz="h3" id={headingId}>
          {groupTitle(group)}
        </Title>
        <Text size="sm" c="dimmed">
          {t('catalog.home.collectionCount', { count: items.length })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t(`catalog.groups.${group}.description`)}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">
          {t('catalog.home.noOwn')}{' '}
          {canManage ? (
            <Anchor component={Link} to={OWN_FILE_PATH}>
              {t('catalog.home.uploadFirst')}
            </Anchor>
          ) : null}
        </Text>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Caption className="visually-hidden">{groupTitle(group)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('catalog.collection.name')}</Table.Th>
                {/* Fixed widths keep the groups' tables in line with each other. */}
                <Table.Th scope="col" w={200} style={{ whiteSpace: 'nowrap' }}>
                  {t('catalog.collection.type')}
                </Table.Th>
                <Table.Th scope="col" ta="right" w={90} style={{ whiteSpace: 'nowrap' }}>
                  {t('catalog.collection.items')}
                </Table.Th>
                <Table.Th scope="col" w={170} style={{ whiteSpace: 'nowrap' }}>
                  {t('catalog.collection.version')}
                </Table.Th>
                {showActions ? (
                  <Table.Th scope="col" w={150}>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="collection-row">
                  <Table.Td>
                    <Anchor component={Link} to={collectionPath(c.id)} fw={600}>
                      {pick(c.name)}
                    </Anchor>
                    {c.description ? (
                      <Text size="xs" c="dimmed" lineClamp={2} maw={560}>
                        {pick(c.description)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{typeLabel(c.type)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatNumber(c.itemCount, locale)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{t('catalog.versionShort', { version: c.version })}</Text>
                    {c.updateAvailable ? (
                      <Badge color="orange" variant="light" tt="none" mt={4} maw="none">
                        {t('catalog.home.newer', { version: c.newestVersion })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  {showActions ? (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        {c.can.load ? (
                          <Button
                            size="xs"
                            variant="light"
                            loading={loadingId === c.id}
                            onClick={() => onLoad(c)}
                            aria-label={t('catalog.home.loadNamed', { name: pick(c.name), version: c.newestVersion })}
                          >
                            {t('catalog.home.load')}
                          </Button>
                        ) : null}
                        {c.can.remove ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => onRemove(c)}
                            aria-label={t('catalog.home.removeNamed', { name: pick(c.name) })}
                          >
                            {t('catalog.home.remove')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
