// Reads catalog `source` strings ("000_2afa2b1b220c6436.txt II.5.2 表4",
// "FACTS.md 3; IPA 情報セキュリティ10大脅威 2024") as citations of the
// documents in source-documents.ts, and writes them for readers: the
// document's one title and publisher, the section in the reader's language.
// Pure and free of zod: the web app, the report and the catalog check use it.
import { FACTS_DOCUMENT_ID, FACTS_SECTIONS, SOURCE_DOCUMENTS, sourceDocument, type TextPair } from './source-documents.ts';

export type CitationLocale = 'ja' | 'en';

export interface Citation {
  /** The cited document (source-documents.ts); null when no listed document is named. */
  documentId: string | null;
  /** What follows the document's name (section, table, row …), editorial notes removed; '' for the whole document. */
  section: string;
  /** The part as written, editorial notes removed: shown as it is when no document is named (an organisation's own file). */
  text: string;
}

const CITES = SOURCE_DOCUMENTS.flatMap((document) => document.cites.map((cite) => ({ cite, id: document.id }))).sort(
  (a, b) => b.cite.length - a.cite.length,
);

// Notes for maintainers, not part of the reference: "(in our own words)",
// "(Japanese in our own words)", "(control titles, Japanese in our own words)",
// ", in our own words"; "(Ver 2.0 title; English in our own words)" keeps "(Ver 2.0 title)".
function withoutEditorialNotes(part: string): string {
  return part
    .replace(/\s*\(([^()]*?);\s*(?:Japanese |English )?in our own words\)/g, ' ($1)')
    .replace(/\s*\((?:[^()]*?,\s*)?(?:Japanese |English )?in our own words\)/g, '')
    .replace(/,\s*in our own words\s*$/, '')
    .trim();
}

/** A part names a document when it starts with one of its `cites` and the name ends there. */
function documentOf(part: string): { id: string; rest: string } | null {
  for (const { cite, id } of CITES) {
    if (!part.startsWith(cite)) continue;
    const next = part.charAt(cite.length);
    // "…ガイドライン(通則編)3-5-3-3": a name ending in ")" may be followed by anything.
    if (next === '' || cite.endsWith(')') || /[\s(（「]/.test(next)) return { id, rest: part.slice(cite.length) };
  }
  return null;
}

/** One source string as its citations: parts are separated by ";". */
export function parseSource(source: string): Citation[] {
  // Notes first: "(Ver 2.0 title; English in our own words)" holds a ";" of its own.
  return withoutEditorialNotes(source)
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((text) => {
      const found = documentOf(text);
      if (!found) return { documentId: null, section: '', text };
      // A web address is the document's, not the section's (the registry keeps it).
      const section = found.rest.replace(/\s*https?:\/\/\S+/g, '').trim();
      return { documentId: found.id, section, text };
    });
}

/**
 * The citations a reader sees for an item's or a collection's sources: the
 * project's own fact notes only when nothing else is cited (beside a public
 * document or a seed they are a note for maintainers), each one once.
 */
export function displayedCitations(sources: readonly string[]): Citation[] {
  const all = sources.flatMap(parseSource);
  const cited = all.some((c) => c.documentId !== FACTS_DOCUMENT_ID) ? all.filter((c) => c.documentId !== FACTS_DOCUMENT_ID) : all;
  const seen = new Set<string>();
  return cited.filter((c) => {
    const key = c.documentId === null ? `?${c.text}` : `${c.documentId}\n${c.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Section words of the documents, in the reader's language. Seed 004's headings
// in 「」 and the seeds' own row labels are the document's wording and stay as written.
const EN_SECTION_WORDS: [RegExp, string][] = [
  [/（/g, '('],
  [/）/g, ')'],
  [/^(\d{4}) \(発表 (\d{4}-\d\d-\d\d), 報道による確認\)$/, '$1 edition (published $2, confirmed from press reports)'],
  [/^(\d{4})$/, '$1 edition'],
  [/同施行規則/g, 'Enforcement Rules'],
  [/第(\d+)条/g, 'Art. $1'],
  [/第(\d+)項/g, '($1)'],
  [/第(\d+)号/g, ' item $1'],
  [/、/g, ', '],
  [/表(\d+)の後/g, 'after Table $1'],
  [/表の後の本文/g, 'text after the table'],
  [/章の導入/g, 'chapter introduction'],
  [/\(最終段落\)/g, '(last paragraph)'],
  [/(\d+)位/g, 'rank $1'],
  [/表(\d+)/g, 'Table $1'],
  [/図(\d+)/g, 'Figure $1'],
  [/行(\d+)/g, 'row $1'],
  [/箇条(\d+)/g, 'item $1'],
  [/ステップ(\d+)/g, 'step $1'],
  [/原則(\d+)/g, 'Principle $1'],
  [/指示(\d+)/g, 'Direction $1'],
  [/重要10項目/g, 'the ten key items'],
  [/情報セキュリティ5か条/g, 'the five basic rules of information security'],
  [/RACI表/g, 'RACI table'],
  [/(^|\s)表(?=\s|$)/g, '$1table'],
  [/合計/g, 'total'],
  [/・(?=Art\.|Table|Figure)/g, ', '],
  // Seed 000 II.6: the practice headings of every stage.
  [/①経営者のポリシー・実践内容/g, '① management policy and practice'],
  [/②担当者のポリシー・実践内容/g, '② staff policy and practice'],
  [/監査 システム監査とISMSクラウド監査|システム監査と ?ISMS ?クラウド監査/g, 'system audit and ISMS cloud audit'],
  [/評価・決断/g, 'evaluation and decision'],
  [/ポリシー/g, 'policy'],
  [/対象業務/g, 'target workloads'],
  [/事業者選定/g, 'provider selection'],
  [/バックアップ/g, 'backup'],
  [/トラブル対応/g, 'trouble response'],
];

const JA_SECTION_WORDS: [RegExp, string][] = [
  [/^(\d{4}) \(発表 (\d{4}-\d\d-\d\d), 報道による確認\)$/, '$1年版($2 発表、報道により確認)'],
  [/^(\d{4})$/, '$1年版'],
  [/\brow (\d+)/g, '$1行目'],
  [/Art\. (\d+)/g, '第$1条'],
  [/\(Ver 2\.0 title\)/g, '(Ver 2.0 の表題)'],
  [/\(7 Rs\)/g, '(7つのR)'],
];

/** A section as the reader's language writes it. */
export function localSection(section: string, locale: CitationLocale): string {
  const words = locale === 'en' ? EN_SECTION_WORDS : JA_SECTION_WORDS;
  const local = section
    .split(/(「[^」]*」)/)
    .map((segment) => (segment.startsWith('「') ? segment : words.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), segment.trim())))
    .join('');
  return local.replace(/」(?=[^「\s])/g, '」 ').replace(/\s+/g, ' ').trim();
}

const pick = (pair: TextPair, locale: CitationLocale) => pair[locale];

/** The document's name as every screen shows it: 「publisher「title」」 in Japanese, "publisher, title" in English. */
export function documentName(documentId: string, locale: CitationLocale): string | null {
  const document = sourceDocument(documentId);
  if (!document) return null;
  const title = pick(document.title, locale);
  if (locale === 'ja') return document.publisher ? `${pick(document.publisher, locale)}「${title}」` : `「${title}」`;
  return document.publisher ? `${pick(document.publisher, locale)}, ${title}` : title;
}

/** One citation for readers: the document's name, then its section in the reader's language. */
export function citationLabel(citation: Citation, locale: CitationLocale): string {
  const name = citation.documentId === null ? null : documentName(citation.documentId, locale);
  if (name === null) return citation.text;
  const section =
    citation.documentId === FACTS_DOCUMENT_ID
      ? (FACTS_SECTIONS[citation.section]?.[locale] ?? '')
      : localSection(citation.section, locale);
  if (!section) return name;
  return locale === 'ja' ? `${name} ${section}` : `${name}, ${section}`;
}

/** Every source of an item or collection, as readers see them. */
export function sourceLabels(sources: readonly string[], locale: CitationLocale): string[] {
  return displayedCitations(sources).map((citation) => citationLabel(citation, locale));
}

/**
 * Why a shipped catalog source is refused, or null: every part must name a
 * document of source-documents.ts, so every screen can show its title.
 */
export function unlistedSourceProblem(source: string): string | null {
  const parts = parseSource(source);
  if (parts.length === 0) return 'source names no document';
  const unlisted = parts.filter((c) => c.documentId === null).map((c) => `"${c.text}"`);
  if (unlisted.length) {
    return `source ${unlisted.join(', ')} names no document of src/shared/catalog/source-documents.ts (add the document there with its title and publisher, or cite one listed)`;
  }
  return null;
}
