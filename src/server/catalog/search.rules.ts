// Pure ranking of knowledge search: which texts of an item or a collection
// match a query, and how strongly (issue 9: titles, bodies and glossary terms,
// in both languages, in every width and kana form).
import { foldForSearch } from '../../shared/catalog/search-fold.ts';
import type { TSearchMatch } from '../../shared/schemas/knowledge.schema.ts';

/** What search reads of one item or collection, in both languages. */
export interface SearchableText {
  titles: readonly string[];
  bodies: readonly (string | null)[];
  /** A glossary term: its definition matching ranks above an ordinary explanation. */
  glossary: boolean;
}

/** Strongest first; the order of the results. */
export const MATCH_ORDER: readonly TSearchMatch[] = ['exactTitle', 'titlePrefix', 'title', 'glossary', 'body'];

/** How `text` matches the already folded query, or null when it does not. */
export function searchMatch(text: SearchableText, foldedQuery: string): TSearchMatch | null {
  if (!foldedQuery) return null;
  const titles = text.titles.map(foldForSearch);
  if (titles.some((title) => title.trim() === foldedQuery)) return 'exactTitle';
  if (titles.some((title) => title.trimStart().startsWith(foldedQuery))) return 'titlePrefix';
  if (titles.some((title) => title.includes(foldedQuery))) return 'title';
  if (text.bodies.some((body) => body !== null && foldForSearch(body).includes(foldedQuery))) return text.glossary ? 'glossary' : 'body';
  return null;
}

/** The entries that match `q`, strongest match first, catalog order kept within a match. */
export function rankSearch<T>(entries: readonly T[], q: string, textOf: (entry: T) => SearchableText): { entry: T; match: TSearchMatch }[] {
  const foldedQuery = foldForSearch(q.trim());
  const found = entries.flatMap((entry, index) => {
    const match = searchMatch(textOf(entry), foldedQuery);
    return match === null ? [] : [{ entry, match, index }];
  });
  found.sort((a, b) => MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match) || a.index - b.index);
  return found.map(({ entry, match }) => ({ entry, match }));
}
