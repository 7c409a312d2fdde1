import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert, SuccessMessage } from '../components/problem-alert.tsx';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useCatalogText, useCollectionTypeLabel, type TextPair } from './catalog-labels.ts';
import { type TAttributeDeclarations, type TItem, useCollection, useLoadNewestVersion } from './catalog.query.ts';
import { ExpandableText } from './expandable-text.tsx';
import { FilterInput } from './filter-input.tsx';
import { Highlight } from './highlight.tsx';
import { ItemAttributes } from './item-attributes.tsx';
import { KnowledgeBreadcrumbs } from './knowledge-breadcrumbs.tsx';
import { KnowledgeNotFound } from './knowledge-not-found.tsx';
import { itemPath } from './knowledge-paths.ts';
import { KnowledgeSection } from './knowledge-section.tsx';
import { buildTree, containsFolded, type TreeNode } from './knowledge.rules.ts';
import { SourceCitations } from './source-citations.tsx';
import './knowledge.css';

/** Attributes that number an item ("1.2", 3) are shown before its title rather than in its attribute list. */
const NUMBER_ATTRIBUTES = ['number', 'code', 'letter', 'rank', 'step'];

/** One collection as a tree in display order: each item with its attributes, labelled from the file's declarations, and its source. */
export function CollectionPage() {
  const { t } = useTranslation();
  const { collectionId = '' } = useParams();
  const { locale, timeZone } = useLocaleAndZone();
  const { pick, pickOther, other } = useCatalogText();
  const typeLabel = useCollectionTypeLabel();
  const detail = useCollection(collectionId);
  const load = useLoadNewestVersion();
  const [filter, setFilter] = useState('');
  const data = detail.data;

  const titles = useMemo(() => new Map<string, TextPair>((data?.items ?? []).map((i) => [i.id, { ja: i.ja, en: i.en }])), [data]);
  const visible = useMemo(() => visibleItems(data?.items ?? [], filter), [data, filter]);
  const tree = useMemo(() => buildTree(visible.items), [visible]);

  if (detail.isPending) return <SectionLoader />;
  if (!data) {
    return <KnowledgeNotFound current={collectionId} title={t('catalog.collection.notFoundTitle')} error={detail.error} />;
  }

  const c = data.collection;
  const numberAttribute = NUMBER_ATTRIBUTES.find((n) => n in data.attributes && ['string', 'integer'].includes(data.attributes[n].type));

  return (
    <>
      <KnowledgeBreadcrumbs trail={[]} current={pick(c.name)} />
      <PageHeader title={pick(c.name)} description={c.description ? pick(c.description) : undefined} />
      <Stack gap="lg">
        <KnowledgeSection id="collection-about" title={t('catalog.collection.about')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" mb="sm">
            <Fact label={t('catalog.collection.type')} value={typeLabel(c.type)} />
            <Fact
              label={t('catalog.collection.version')}
              value={t('catalog.versionShort', { version: c.version })}
              hint={t('catalog.collection.loadedAt', { date: formatDateTime(c.loadedAt, locale, timeZone) })}
              testId="collection-version"
            />
            <Fact label={t('catalog.collection.items')} value={formatNumber(c.itemCount, locale)} />
            <Fact label={t('catalog.collection.otherName')} value={<span lang={other}>{pickOther(c.name)}</span>} />
          </SimpleGrid>
          <SourceCitations sources={c.source} />
          {/* The name of the file the organisation uploaded is its own; shipped file names are the project's, not readers'. */}
          {c.origin === 'organisation' ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('catalog.collection.file', { file: c.fileName })}
            </Text>
          ) : null}
          {c.updateAvailable ? (
            <Alert color="orange" variant="light" mt="md" title={t('catalog.collection.newerTitle', { version: c.newestVersion })}>
              <Text size="sm" mb={c.can.load ? 'sm' : 0}>
                {c.can.load ? t('catalog.collection.newerOwner') : t('catalog.collection.newerOthers')}
              </Text>
              {c.can.load ? (
                <Button size="xs" loading={load.isPending} onClick={() => load.mutate(c.id)}>
                  {t('catalog.collection.loadVersion', { version: c.newestVersion })}
                </Button>
              ) : null}
            </Alert>
          ) : null}
          <ProblemAlert problem={load.error ? toApiError(load.error) : null} mt={load.error ? 'sm' : 0} />
          <SuccessMessage message={load.data?.changed ? t('catalog.home.loaded', { name: pick(c.name), version: load.data.collection.version }) : null} mt={load.data?.changed ? 'sm' : 0} />
        </KnowledgeSection>

        <Paper withBorder p="lg" component="section" aria-labelledby="collection-items">
          <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
            <Title order={2} fz="h3" id="collection-items">
              {t('catalog.collection.itemsTitle')}
            </Title>
            <FilterInput
              label={t('catalog.collection.filter')}
              placeholder={t('catalog.collection.filterPlaceholder')}
              value={filter}
              onChange={setFilter}
              size="sm"
              w={{ base: '100%', xs: 280 }}
            />
          </Group>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {filter.trim() ? t('catalog.collection.filtered', { count: visible.matched, total: data.items.length }) : null}
          </Text>
          {tree.length === 0 ? (
            <Text c="dimmed">{filter.trim() ? t('catalog.collection.noMatch') : t('catalog.collection.empty')}</Text>
          ) : (
            <ul className="kb-tree" aria-labelledby="collection-items">
              {tree.map((node) => (
                <ItemNode key={node.item.id} node={node} declarations={data.attributes} titles={titles} numberAttribute={numberAttribute} filter={filter} />
              ))}
            </ul>
          )}
        </Paper>
      </Stack>
    </>
  );
}

function Fact({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </div>
  );
}

/** Items matching the filter, with their ancestors so each match keeps its place in the tree. */
function visibleItems(items: readonly TItem[], filter: string): { items: TItem[]; matched: number } {
  const q = filter.trim();
  if (!q) return { items: [...items], matched: items.length };
  let matched = 0;
  const byId = new Map(items.map((i) => [i.id, i]));
  const keep = new Set<string>();
  for (const i of items) {
    if (containsFolded(i.ja, q) || containsFolded(i.en, q) || containsFolded(i.detail?.ja, q) || containsFolded(i.detail?.en, q)) {
      matched++;
      for (let cur: TItem | undefined = i; cur && !keep.has(cur.id); cur = cur.parent ? byId.get(cur.parent) : undefined) keep.add(cur.id);
    }
  }
  return { items: items.filter((i) => keep.has(i.id)), matched };
}

interface ItemNodeProps {
  node: TreeNode<TItem>;
  declarations: TAttributeDeclarations;
  titles: ReadonlyMap<string, TextPair>;
  numberAttribute: string | undefined;
  filter: string;
}

function ItemNode({ node, declarations, titles, numberAttribute, filter }: ItemNodeProps) {
  const { t } = useTranslation();
  const { pick } = useCatalogText();
  const item = node.item;
  const number = numberAttribute ? item.attributes[numberAttribute] : undefined;
  const title = pick(item);
  const q = filter.trim();
  const heading = item.parent === null && node.children.length > 0;
  return (
    <li data-testid="collection-item">
      <div className="kb-node">
        {/* A root with items under it (a checklist, a stage, a year's list) heads its part of the tree. */}
        <Text className="kb-node-title" component={heading ? 'h3' : 'div'} fz={heading ? 'lg' : undefined} mt={0} mb={4}>
          {number !== undefined && number !== null ? <span className="kb-node-number">{String(number)}</span> : null}
          <Anchor component={Link} to={itemPath(item.id)} inherit>
            <Highlight text={title} q={q} />
          </Anchor>
        </Text>
        {item.detail ? (
          <ExpandableText
            showLabel={t('catalog.collection.more')}
            hideLabel={t('catalog.collection.less')}
            showAriaLabel={t('catalog.collection.moreNamed', { title })}
            hideAriaLabel={t('catalog.collection.lessNamed', { title })}
          >
            <Highlight text={pick(item.detail)} q={q} />
          </ExpandableText>
        ) : null}
        <Stack gap={4} mt={item.detail ? 4 : 0}>
          <ItemAttributes attributes={item.attributes} declarations={declarations} knownTitles={titles} omit={numberAttribute ? [numberAttribute] : []} />
          <SourceCitations sources={item.source} size="xs" />
        </Stack>
      </div>
      {node.children.length ? (
        <ul className="kb-children">
          {node.children.map((child) => (
            <ItemNode key={child.item.id} node={child} declarations={declarations} titles={titles} numberAttribute={numberAttribute} filter={filter} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
