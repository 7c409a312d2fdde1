import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { splitCitation } from './knowledge.rules.ts';

/** One citation: the seed's file name read as the document's name, the section as written; the raw text in the tooltip. */
export function Citation({ source }: { source: string }) {
  const { t } = useTranslation();
  const { seed, rest } = splitCitation(source);
  if (!seed) return <span className="kb-citation">{source}</span>;
  return (
    <span className="kb-citation" title={source}>
      <span className="kb-citation-doc">{t(`catalog.citation.seed${seed}`)}</span>
      {rest ? ` ${rest}` : ''}
    </span>
  );
}

/** "出典" and every citation of an item or a collection (Principle 2: every figure is traceable to its source). */
export function SourceCitations({ sources, size = 'sm' }: { sources: readonly string[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  if (!sources.length) return null;
  return (
    <Text component="div" size={size} className="kb-sources">
      <span className="kb-sources-label">{t('catalog.source')}</span>
      <ul>
        {sources.map((s) => (
          <li key={s}>
            <Citation source={s} />
          </li>
        ))}
      </ul>
    </Text>
  );
}
