import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useCatalogText, useCollectionTypeLabel, type TextPair } from './catalog-labels.ts';
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

/**
 * A result's title as a link, the other language's title when only it holds
 * the match, and an excerpt of the text that holds it: where the match is.
 */
function MatchedTexts({ name, text, q, to }: { name: TextPair; text: TextPair | null; q: string; to: string }) {
  const { pick, pickOther, other } = useCatalogText();
  const title = pick(name);
  const otherTitle = pickOther(name);
  const inOtherTitle = !containsFolded(title, q) && containsFolded(otherTitle, q);
  const excerpt = !text ? null : containsFolded(pick(text), q) ? { text: pick(text), lang: undefined } : containsFolded(pickOther(text), q) ? { text: pickOther(text), lang: other } : null;
  return (
    <>
      <Anchor component={Link} to={to} fw={600}>
        <Highlight text={title} q={q} />
      </Anchor>
      {inOtherTitle ? (
        <Text size="sm" lang={other}>
          <Highlight text={otherTitle} q={q} />
        </Text>
      ) : null}
      {excerpt ? (
        <Text size="sm" lang={excerpt.lang}>
          <Highlight text={excerptAround(excerpt.text, q)} q={q} />
        </Text>
      ) : null}
    </>
  );
}

function SearchResult({ hit, q }: { hit: TSearchHit; q: string }) {
  const { t } = useTranslation();
  const { pick } = useCatalogText();
  const typeLabel = useCollectionTypeLabel();
  return (
    <li className="kb-result" data-testid="search-result">
      <Stack gap={2} py="sm">
        <MatchedTexts name={hit} text={hit.detail} q={q} to={itemPath(hit.id)} />
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
  const typeLabel = useCollectionTypeLabel();
  return (
    <li className="kb-result" data-testid="search-collection-result">
      <Stack gap={2} py="sm">
        <MatchedTexts name={hit.name} text={hit.description} q={q} to={collectionPath(hit.id)} />
        <Text size="xs" c="dimmed">
          {typeLabel(hit.type)} · {t('catalog.search.itemCount', { count: hit.itemCount })} · {t('catalog.versionShort', { version: hit.version })}
        </Text>
      </Stack>
    </li>
  );
}
