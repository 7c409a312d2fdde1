import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/api-client.ts';
import { SectionLoader } from '../components/full-page-loader.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useCatalogText } from './catalog-labels.ts';
import { type TCollectionDetail, useGlossary } from './catalog.query.ts';
import { FilterInput } from './filter-input.tsx';
import { Highlight } from './highlight.tsx';
import { KnowledgeBreadcrumbs } from './knowledge-breadcrumbs.tsx';
import { collectionPath, itemPath } from './knowledge-paths.ts';
import { containsFolded } from './knowledge.rules.ts';
import { SourceCitations } from './source-citations.tsx';
import './knowledge.css';

/** The terms of every loaded glossary collection, with their definitions and sources; filterable in either language. */
export function GlossaryPage() {
  const { t } = useTranslation();
  const glossary = useGlossary();
  const [filter, setFilter] = useState('');
  const collections = glossary.data ?? [];

  return (
    <>
      <KnowledgeBreadcrumbs trail={[]} current={t('catalog.glossary.title')} />
      <PageHeader title={t('catalog.glossary.title')} description={t('catalog.glossary.description')} />
      <Stack gap="lg">
        <div>
          <Paper withBorder p="lg">
            <FilterInput
              label={t('catalog.glossary.filter')}
              placeholder={t('catalog.glossary.filterPlaceholder')}
              value={filter}
              onChange={setFilter}
              maw={420}
            />
          </Paper>
          <ProblemAlert problem={glossary.error ? toApiError(glossary.error) : null} mt={glossary.error ? 'lg' : 0} />
        </div>
        {glossary.isPending ? (
          <SectionLoader />
        ) : collections.length === 0 ? (
          <Text c="dimmed">{t('catalog.glossary.none')}</Text>
        ) : (
          collections.map((c) => <GlossaryCollection key={c.collection.id} detail={c} filter={filter.trim()} />)
        )}
      </Stack>
    </>
  );
}

function GlossaryCollection({ detail, filter }: { detail: TCollectionDetail; filter: string }) {
  const { t } = useTranslation();
  const { pick, pickOther, other } = useCatalogText();
  const c = detail.collection;
  const headingId = `glossary-${c.id.replace(/[^a-z0-9]+/g, '-')}`;
  const terms = detail.items.filter(
    (i) => !filter || [i.ja, i.en, i.detail?.ja, i.detail?.en].some((text) => containsFolded(text, filter)),
  );
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="h3" id={headingId} mb={4}>
        {pick(c.name)}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {c.description ? `${pick(c.description)} ` : ''}
        <Anchor component={Link} to={collectionPath(c.id)} size="sm">
          {t('catalog.glossary.openCollection', { version: c.version })}
        </Anchor>
      </Text>
      <SourceCitations sources={c.source} size="xs" />
      {terms.length === 0 ? (
        <Text c="dimmed" mt="md" aria-live="polite">
          {t('catalog.glossary.noMatch')}
        </Text>
      ) : (
        <dl className="kb-glossary" data-testid="glossary-terms">
          {terms.map((term) => (
            <div key={term.id} data-testid="glossary-term">
              <dt>
                <Anchor component={Link} to={itemPath(term.id)} inherit c="inherit" underline="hover">
                  <Highlight text={pick(term)} q={filter} />
                </Anchor>
                {pickOther(term) !== pick(term) ? (
                  <Text span size="sm" c="dimmed" fw={400} ml="sm" lang={other}>
                    <Highlight text={pickOther(term)} q={filter} />
                  </Text>
                ) : null}
              </dt>
              <dd>
                {term.detail ? (
                  <Text className="kb-detail">
                    <Highlight text={pick(term.detail)} q={filter} />
                  </Text>
                ) : null}
                <SourceCitations sources={term.source} size="xs" />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Paper>
  );
}
