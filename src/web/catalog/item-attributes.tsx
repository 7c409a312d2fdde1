import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../i18n/format.ts';
import { useCatalogText, useEnumLabel, type TextPair } from './catalog-labels.ts';
import type { TAttributeDeclaration, TAttributeDeclarations } from './catalog.query.ts';
import { useItem } from './catalog.query.ts';
import { itemPath } from './knowledge-paths.ts';

/** Short values sit side by side; texts, lists and links get a line of their own. */
const SHORT_TYPES = new Set(['enum', 'boolean', 'integer', 'number', 'string']);

const isPair = (v: unknown): v is TextPair => !!v && typeof v === 'object' && typeof (v as TextPair).ja === 'string' && typeof (v as TextPair).en === 'string';

/**
 * A link to a referenced item, named by its text. Items of the same collection
 * are named from `knownTitles`; others are read once (and cached) by id.
 */
export function ItemRefLink({ id, knownTitle }: { id: string; knownTitle?: TextPair }) {
  const { t } = useTranslation();
  const { pick } = useCatalogText();
  const item = useItem(knownTitle ? null : id);
  const title = knownTitle ?? item.data?.item;
  if (!title && item.isError) {
    return (
      <Text span size="xs" c="dimmed">
        {t('catalog.refMissing')}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={itemPath(id)}>
      {title ? pick(title) : t('common.loading')}
    </Anchor>
  );
}

interface ValueProps {
  name: string;
  declaration: TAttributeDeclaration | undefined;
  value: unknown;
  knownTitles?: ReadonlyMap<string, TextPair>;
}

/** One attribute value, read by its declared type: enums by label, texts in the UI language, lists as lists, refs as links. */
export function AttributeValue({ name, declaration, value, knownTitles }: ValueProps): ReactNode {
  const { t } = useTranslation();
  const { locale, pick } = useCatalogText();
  const enumLabel = useEnumLabel();
  const type = declaration?.type;
  const list = (values: ReactNode[]) => (
    <ul className="kb-value-list">
      {values.map((v, i) => (
        <li key={i}>{v}</li>
      ))}
    </ul>
  );
  if (value === null || value === undefined) return '—';
  switch (type) {
    case 'enum':
      return typeof value === 'string' ? enumLabel(name, value, declaration?.values) : String(value);
    case 'boolean':
      return value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
    case 'integer':
    case 'number':
      // Years and small codes read better without grouping (2024, not 2,024); amounts with it.
      return typeof value === 'number' ? (Math.abs(value) >= 10_000 ? formatNumber(value, locale) : String(value)) : String(value);
    case 'text':
      return isPair(value) ? pick(value) : String(value);
    case 'text-list':
      return Array.isArray(value) ? list(value.map((v) => (isPair(v) ? pick(v) : String(v)))) : String(value);
    case 'string-list':
      return Array.isArray(value) ? list(value.map(String)) : String(value);
    case 'ref':
      return typeof value === 'string' ? <ItemRefLink id={value} knownTitle={knownTitles?.get(value)} /> : String(value);
    case 'ref-list':
      return Array.isArray(value) ? list(value.map((v) => <ItemRefLink key={String(v)} id={String(v)} knownTitle={knownTitles?.get(String(v))} />)) : String(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

interface ItemAttributesProps {
  attributes: Record<string, unknown>;
  declarations: TAttributeDeclarations;
  knownTitles?: ReadonlyMap<string, TextPair>;
  /** Attributes to leave out (shown elsewhere on the page). */
  omit?: readonly string[];
  size?: 'xs' | 'sm' | 'md';
}

/** An item's attributes as a description list, labelled in the UI language from the file's declarations, in declaration order. */
export function ItemAttributes({ attributes, declarations, knownTitles, omit = [], size = 'sm' }: ItemAttributesProps) {
  const { pick } = useCatalogText();
  const declared = Object.keys(declarations);
  const names = [...declared.filter((n) => n in attributes), ...Object.keys(attributes).filter((n) => !declared.includes(n))].filter(
    (n) => !omit.includes(n),
  );
  if (!names.length) return null;
  const short = names.filter((n) => SHORT_TYPES.has(declarations[n]?.type ?? ''));
  const long = names.filter((n) => !short.includes(n));
  const row = (n: string, className: string) => (
    <div key={n} className={className}>
      <dt>{declarations[n] ? pick(declarations[n]) : n}</dt>
      <dd>
        <AttributeValue name={n} declaration={declarations[n]} value={attributes[n]} knownTitles={knownTitles} />
      </dd>
    </div>
  );
  return (
    <Text component="dl" size={size} className="kb-attrs">
      {short.map((n) => row(n, 'kb-attr kb-attr-short'))}
      {long.map((n) => row(n, 'kb-attr kb-attr-long'))}
    </Text>
  );
}
