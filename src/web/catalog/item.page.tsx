import { Alert, Anchor, Grid, List, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useCatalogText, useCollectionTypeLabel } from './catalog-labels.ts';
import { type TItemDetail, useItem } from './catalog.query.ts';
import { ItemAttributes } from './item-attributes.tsx';
import { ItemHistorySection } from './item-history.section.tsx';
import { KnowledgeBreadcrumbs } from './knowledge-breadcrumbs.tsx';
import { KnowledgeNotFound } from './knowledge-not-found.tsx';
import { collectionPath, itemPath } from './knowledge-paths.ts';
import { KnowledgeSection } from './knowledge-section.tsx';
import { CitationItems } from './source-citations.tsx';
import './knowledge.css';

/** One item: its text in the UI language (the other a tab away), attributes, place in the tree, sources, version and history. */
export function ItemPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const { pick } = useCatalogText();
  const detail = useItem(itemId);

  if (detail.isPending) return <SectionLoader />;
  if (!detail.data) {
    return <KnowledgeNotFound current={itemId} title={t('catalog.item.notFoundTitle')} error={detail.error} />;
  }
  const d = detail.data;
  const trail = [
    { label: pick(d.collection.name), to: collectionPath(d.collection.id) },
    ...d.ancestors.map((a) => ({ label: pick(a), to: itemPath(a.id) })),
  ];

  return (
    <>
      <KnowledgeBreadcrumbs trail={trail} current={pick(d.item)} />
      <PageHeader title={pick(d.item)} />
      <Stack gap="lg">
        {!d.inLoadedVersion ? (
          <Alert color="orange" variant="light" title={t('catalog.item.notInLoadedTitle')}>
            {d.loadedVersion === null
              ? t('catalog.item.collectionNotLoaded', { version: d.version.version })
              : t('catalog.item.notInLoaded', { loaded: d.loadedVersion, version: d.version.version })}
          </Alert>
        ) : null}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <ItemText detail={d} />
              <ItemChildren detail={d} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ItemFacts detail={d} />
          </Grid.Col>
        </Grid>
        <ItemHistorySection detail={d} />
      </Stack>
    </>
  );
}

/** The text and explanation in both languages: the UI language first, the other one tab away (arrow keys move between tabs). */
function ItemText({ detail: d }: { detail: TItemDetail }) {
  const { t } = useTranslation();
  const { locale } = useCatalogText();
  const languages = locale === 'ja' ? (['ja', 'en'] as const) : (['en', 'ja'] as const);
  const hasAttributes = Object.keys(d.item.attributes).length > 0;
  return (
    <KnowledgeSection id="item-content" title={t('catalog.item.content')}>
      {/* Keyed by the UI language: switching it shows that language's tab again. */}
      <Tabs key={locale} defaultValue={locale} keepMounted={false}>
        <Tabs.List aria-label={t('catalog.item.languages')} mb="sm">
          {languages.map((l) => (
            <Tabs.Tab key={l} value={l}>
              <span lang={l}>{l === 'ja' ? '日本語' : 'English'}</span>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {languages.map((l) => (
          <Tabs.Panel key={l} value={l} lang={l}>
            <Text fw={600} mb={d.item.detail ? 'xs' : 0} data-testid={`item-text-${l}`}>
              {d.item[l]}
            </Text>
            {d.item.detail ? <Text className="kb-detail">{d.item.detail[l]}</Text> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
      {hasAttributes ? (
        <>
          <Title order={3} fz="h5" mt="lg" mb="xs">
            {t('catalog.item.attributes')}
          </Title>
          <ItemAttributes attributes={d.item.attributes} declarations={d.attributes} size="md" />
        </>
      ) : null}
    </KnowledgeSection>
  );
}

function ItemChildren({ detail: d }: { detail: TItemDetail }) {
  const { t } = useTranslation();
  const { pick } = useCatalogText();
  if (!d.children.length) return null;
  return (
    <KnowledgeSection id="item-children" title={t('catalog.item.children', { count: d.children.length })}>
      <List spacing={6}>
        {d.children.map((c) => (
          <List.Item key={c.id}>
            <Anchor component={Link} to={itemPath(c.id)}>
              {pick(c)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </KnowledgeSection>
  );
}

function ItemFacts({ detail: d }: { detail: TItemDetail }) {
  const { t } = useTranslation();
  const { pick } = useCatalogText();
  const { locale, timeZone } = useLocaleAndZone();
  const typeLabel = useCollectionTypeLabel();
  const parent = d.ancestors.at(-1);
  return (
    <KnowledgeSection id="item-facts" title={t('catalog.item.facts')}>
      <Stack gap="sm">
        <Fact label={t('catalog.item.collection')}>
          <Anchor component={Link} to={collectionPath(d.collection.id)}>
            {pick(d.collection.name)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {typeLabel(d.collection.type)}
          </Text>
        </Fact>
        <Fact label={t('catalog.item.version')}>
          <span data-testid="item-version">{t('catalog.versionShort', { version: d.version.version })}</span>
          <Text size="xs" c="dimmed">
            {t('catalog.item.storedAt', { date: formatDateTime(d.version.storedAt, locale, timeZone) })}
          </Text>
        </Fact>
        {parent ? (
          <Fact label={t('catalog.item.parent')}>
            <Anchor component={Link} to={itemPath(parent.id)}>
              {pick(parent)}
            </Anchor>
          </Fact>
        ) : null}
        <Fact label={t('catalog.source')}>
          <SourceList sources={d.item.source} />
        </Fact>
      </Stack>
    </KnowledgeSection>
  );
}

/** The item's citations one per line (the sidebar is narrow). */
function SourceList({ sources }: { sources: string[] }) {
  return (
    <Text component="ul" size="sm" data-testid="item-sources" className="kb-source-list">
      <CitationItems sources={sources} />
    </Text>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}
