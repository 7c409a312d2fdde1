import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useCatalogText, useCollectionTypeLabel } from './catalog-labels.ts';
import { SEARCH_LIMIT, type TSearchCollectionHit, type TSearchHit, useSearch } from './catalog.query.ts';
import { Highlight } from './highlight.tsx';
import { KnowledgeBreadcrumbs } from './knowledge-breadcrumbs.tsx';
import { collectionPath, itemPath } from './knowledge-paths.ts';
import { KnowledgeSearchForm } from './knowledge-search.form.tsx';
import { containsFolded, excerptAround } from './knowledge.rules.ts';
import './knowledge.css';

/**
 * Search in Japanese and English across the loaded collections and their items
 * (names, explanations, glossary terms; the server ranks them). Matches are
 * highlighted as the server compares: width, case and kana folded.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const search = useSearch(q);
  const current = search.data?.q === q ? search.data : undefined;
  const hits = current?.items ?? [];
  const collections = current?.collections ?? [];

  return (
    <>
      <KnowledgeBreadcrumbs trail={[]} current={t('catalog.search.title')} />
      <PageHeader title={t('catalog.search.title')} description={t('catalog.search.description')} />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          {/* Keyed by the query so the box shows what the address asks for after back / forward. */}
          <KnowledgeSearchForm key={q} initial={q} autoFocus={!q} />
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="search-results">
          <Title order={2} fz="h3" id="search-results" mb="xs">
            {t('catalog.search.results')}
          </Title>
          <ProblemAlert problem={search.error ? toApiError(search.error) : null} />
          <Text size="sm" c="dimmed" mb="sm" aria-live="polite" data-testid="search-summary">
            {!q
              ? t('catalog.search.prompt')
              : search.isFetching && search.data?.q !== q
                ? t('common.loading')
                : search.data
                  ? search.data.truncated
                    ? t('catalog.search.truncated', { q, limit: SEARCH_LIMIT })
                    : t('catalog.search.count', { q, count: hits.length })
                  : ''}
          </Text>
          {collections.length ? (
            <Text size="sm" c="dimmed" mb="sm" data-testid="search-collection-summary">
              {t('catalog.search.collectionCount', { q, count: collections.length })}
            </Text>
          ) : null}
          {q && search.isPending ? <SectionLoader /> : null}
          {collections.length ? (
            <>
              <Title order={3} fz="h4" id="search-collections" mt="sm">
                {t('catalog.search.collections')}
              </Title>
              <ol className="kb-results" aria-labelledby="search-collections">
                {collections.map((hit) => (
                  <CollectionResult key={hit.id} hit={hit} q={q} />
                ))}
              </ol>
            </>
          ) : null}
          {hits.length ? (
            <>
              {collections.length ? (
                <Title order={3} fz="h4" id="search-items" mt="sm">
                  {t('catalog.search.items')}
                </Title>
              ) : null}
              <ol className="kb-results" aria-labelledby={collections.length ? 'search-items' : 'search-results'}>
                {hits.map((hit) => (
                  <SearchResult key={hit.id} hit={hit} q={q} />
                ))}
              </ol>
            </>
          ) : null}
        </Paper>
      </Stack>
    </>
  );
}

function SearchResult({ hit, q }: { hit: TSearchHit; q: string }) {
  const { t } = useTranslation();
  const { pick, pickOther, other } = useCatalogText();
  const typeLabel = useCollectionTypeLabel();
  const title = pick(hit);
  const otherTitle = pickOther(hit);
  // Show where the match is: the other language's title, or the explanation, when the shown title does not have it.
  const inTitle = containsFolded(title, q);
  const inOtherTitle = !inTitle && containsFolded(otherTitle, q);
  const detail = hit.detail ? (containsFolded(pick(hit.detail), q) ? { text: pick(hit.detail), lang: undefined } : containsFolded(pickOther(hit.detail), q) ? { text: pickOther(hit.detail), lang: other } : null) : null;
  return (
    <li className="kb-result" data-testid="search-result">
      <Stack gap={2} py="sm">
        <Anchor component={Link} to={itemPath(hit.id)} fw={600}>
          <Highlight text={title} q={q} />
        </Anchor>
        {inOtherTitle ? (
          <Text size="sm" lang={other}>
            <Highlight text={otherTitle} q={q} />
          </Text>
        ) : null}
        {detail ? (
          <Text size="sm" lang={detail.lang}>
            <Highlight text={excerptAround(detail.text, q)} q={q} />
          </Text>
        ) : null}
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('catalog.search.in')}
          </Text>
          <Anchor component={Link} to={collectionPath(hit.collection.id)} size="xs">
            {pick(hit.collection.name)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {hit.match === 'glossary' ? `${t('catalog.search.glossaryTerm')} · ` : ''}
            {typeLabel(hit.collection.type)} · {t('catalog.versionShort', { version: hit.collection.version })}
          </Text>
        </Group>
      </Stack>
    </li>
  );
}

function CollectionResult({ hit, q }: { hit: TSearchCollectionHit; q: string }) {
  const { t } = useTranslation();
  const { pick, pickOther, other } = useCatalogText();
  const typeLabel = useCollectionTypeLabel();
  const title = pick(hit.name);
  const otherTitle = pickOther(hit.name);
  const inOtherTitle = !containsFolded(title, q) && containsFolded(otherTitle, q);
  const description = hit.description ? (containsFolded(pick(hit.description), q) ? { text: pick(hit.description), lang: undefined } : containsFolded(pickOther(hit.description), q) ? { text: pickOther(hit.description), lang: other } : null) : null;
  return (
    <li className="kb-result" data-testid="search-collection-result">
      <Stack gap={2} py="sm">
        <Anchor component={Link} to={collectionPath(hit.id)} fw={600}>
          <Highlight text={title} q={q} />
        </Anchor>
        {inOtherTitle ? (
          <Text size="sm" lang={other}>
            <Highlight text={otherTitle} q={q} />
          </Text>
        ) : null}
        {description ? (
          <Text size="sm" lang={description.lang}>
            <Highlight text={excerptAround(description.text, q)} q={q} />
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {typeLabel(hit.type)} · {t('catalog.search.itemCount', { count: hit.itemCount })} · {t('catalog.versionShort', { version: hit.version })}
        </Text>
      </Stack>
    </li>
  );
}
