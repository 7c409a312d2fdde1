import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { citationLabel, displayedCitations, sourceLabels } from '../../shared/catalog/citation.rules.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';

/**
 * One source as readers see it: the cited document's title and publisher,
 * the section in the UI language (src/shared/catalog/citation.rules.ts).
 * The source string as written stays in the API: it names files.
 */
export function Citation({ source }: { source: string }) {
  const { locale } = useLocaleAndZone();
  const labels = sourceLabels([source], locale);
  return <span className="kb-citation">{labels.join(locale === 'ja' ? '、' : '; ')}</span>;
}

/** "出典" and every citation of an item or a collection (Principle 2: every figure is traceable to its source). */
export function SourceCitations({ sources, size = 'sm' }: { sources: readonly string[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const shown = displayedCitations(sources).map((citation) => citationLabel(citation, locale));
  if (!shown.length) return null;
  return (
    <Text component="div" size={size} className="kb-sources">
      <span className="kb-sources-label">{t('catalog.source')}</span>
      <ul>
        {shown.map((label) => (
          <li key={label}>
            <span className="kb-citation">{label}</span>
          </li>
        ))}
      </ul>
    </Text>
  );
}

/** The sources of an item as list entries (the item page), one per cited document and section. */
export function CitationItems({ sources }: { sources: readonly string[] }) {
  const { locale } = useLocaleAndZone();
  return (
    <>
      {sourceLabels(sources, locale).map((label) => (
        <li key={label}>
          <span className="kb-citation">{label}</span>
        </li>
      ))}
    </>
  );
}
