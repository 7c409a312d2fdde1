// Pure helpers of the knowledge-base screens: no React, no I/O (tested in knowledge.rules.test.ts).
// Kept free of zod and of src/shared/schemas values so the pages stay small.
import { foldedMatches } from '../../shared/catalog/search-fold.ts';

/** Where a collection comes from, read from its id (`urn:kumoji:<source>:…`, docs/CATALOG.md "Files"). */
export const SOURCE_GROUPS = ['seed-000', 'seed-004', 'public', 'org'] as const;
export type SourceGroup = (typeof SOURCE_GROUPS)[number];

export function sourceGroupOf(id: string): SourceGroup {
  const source = id.split(':')[2];
  return (SOURCE_GROUPS as readonly string[]).includes(source) ? (source as SourceGroup) : 'public';
}

/** The upload limit of src/shared/schemas/knowledge.schema.ts (ORGANISATION_FILE_MAX_BYTES); a test keeps them equal. */
export const OWN_FILE_MAX_BYTES = 1_000_000;

// --- Search highlighting -----------------------------------------------------

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * The text cut into matching and non-matching parts for `q`, compared as the
 * server's search compares (src/shared/catalog/search-fold.ts: NFKC, case,
 * katakana as hiragana), so ＢＣＰ marks "BCP" and ひらがな marks "ヒラガナ".
 */
export function highlightParts(text: string, q: string): TextPart[] {
  if (!text) return [];
  const parts: TextPart[] = [];
  let from = 0;
  for (const [start, end] of foldedMatches(text, q)) {
    if (start > from) parts.push({ text: text.slice(from, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    from = end;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** The text holds `q` as search compares it. */
export function containsFolded(text: string | null | undefined, q: string): boolean {
  return !!text && foldedMatches(text, q).length > 0;
}

/**
 * A window of a long text around the first match, so a hit in a long
 * explanation shows where it is ("…before MATCH after…").
 */
export function excerptAround(text: string, q: string, radius = 60): string {
  const parts = highlightParts(text, q);
  let offset = 0;
  for (const p of parts) {
    if (p.match) {
      const start = Math.max(0, offset - radius);
      const end = Math.min(text.length, offset + p.text.length + radius);
      return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
    }
    offset += p.text.length;
  }
  return text.length > radius * 2 ? `${text.slice(0, radius * 2)}…` : text;
}

// --- Trees -------------------------------------------------------------------

export interface TreeItem {
  id: string;
  parent: string | null;
}

export interface TreeNode<T extends TreeItem> {
  item: T;
  children: TreeNode<T>[];
}

/**
 * Nests items that come in display order (depth-first) under their parents.
 * An item whose parent is not in the list becomes a root rather than vanishing.
 */
export function buildTree<T extends TreeItem>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { item, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const parent = item.parent ? nodes.get(item.parent) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

// --- History -----------------------------------------------------------------

export interface ComparableItem {
  parent: string | null;
  ja: string;
  en: string;
  detail: { ja: string; en: string } | null;
  source: string[];
  attributes: Record<string, unknown>;
}

/** One difference between two stored versions of an item. */
export type ItemChange =
  | { field: 'ja' | 'en' | 'detailJa' | 'detailEn' | 'parent' | 'source'; before: unknown; after: unknown }
  | { field: 'attribute'; name: string; before: unknown; after: unknown };

/** Comparison by content, key order ignored (jsonb does not keep it). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What differs between an item's older and newer stored version, field by field, attributes by name. */
export function itemChanges(older: ComparableItem, newer: ComparableItem): ItemChange[] {
  const changes: ItemChange[] = [];
  const field = (name: 'ja' | 'en' | 'detailJa' | 'detailEn' | 'parent' | 'source', before: unknown, after: unknown) => {
    if (!sameValue(before ?? null, after ?? null)) changes.push({ field: name, before: before ?? null, after: after ?? null });
  };
  field('ja', older.ja, newer.ja);
  field('en', older.en, newer.en);
  field('detailJa', older.detail?.ja, newer.detail?.ja);
  field('detailEn', older.detail?.en, newer.detail?.en);
  field('parent', older.parent, newer.parent);
  field('source', older.source, newer.source);
  const names = [...new Set([...Object.keys(older.attributes), ...Object.keys(newer.attributes)])].sort();
  for (const name of names) {
    const before = older.attributes[name];
    const after = newer.attributes[name];
    if (!sameValue(before ?? null, after ?? null)) changes.push({ field: 'attribute', name, before: before ?? null, after: after ?? null });
  }
  return changes;
}

// --- Uploaded files ------------------------------------------------------------

/** "line 12" → 12; anything else (the whole file, a request field) → null. */
export function lineOfErrorPath(path: string): number | null {
  const m = /^line (\d+)$/.exec(path);
  return m ? Number(m[1]) : null;
}

/** i18next keys cannot hold "." inside one segment: "ver-3.0-confirmed" → "ver-3_0-confirmed". */
export const labelKey = (value: string) => value.replace(/\./g, '_');
