import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnHeads } from '../components/data-table.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { useCatalogText } from './catalog-labels.ts';
import type { TItemDetail } from './catalog.query.ts';
import { AttributeValue, ItemRefLink } from './item-attributes.tsx';
import { itemChanges, type ItemChange } from './knowledge.rules.ts';
import { CitationItems } from './source-citations.tsx';

/**
 * The item in every stored version of its collection, newest first, and what
 * changed from one version to the next (PRODUCT.md Principle 1: an
 * organisation can load a newer catalog version and see what it changes).
 */
export function ItemHistorySection({ detail: d }: { detail: TItemDetail }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="item-history">
      <Title order={2} fz="h4" id="item-history" mb={4}>
        {t('catalog.history.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('catalog.history.description', { count: d.history.length })}
      </Text>
      <ol className="kb-history" data-testid="item-history">
        {d.history.map((entry, index) => {
          const older = d.history[index + 1];
          const changes = older ? itemChanges(older.item, entry.item) : [];
          return (
            <li key={entry.versionId} data-testid="history-entry">
              <Group gap="xs" mb={4} wrap="wrap">
                <Title order={3} fz="md">
                  {t('catalog.versionShort', { version: entry.version })}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('catalog.history.storedAt', { date: formatDateTime(entry.storedAt, locale, timeZone) })}
                </Text>
                {entry.loaded ? (
                  <Badge variant="light" color="indigo" tt="none">
                    {t('catalog.history.loaded')}
                  </Badge>
                ) : null}
                {older && changes.length ? (
                  <Badge variant="light" color="orange" tt="none">
                    {t('catalog.history.changed', { count: changes.length })}
                  </Badge>
                ) : null}
              </Group>
              {!older ? (
                <Text size="sm">{t('catalog.history.first')}</Text>
              ) : changes.length === 0 ? (
                <Text size="sm">{t('catalog.history.unchanged', { version: older.version })}</Text>
              ) : (
                <ChangeTable changes={changes} detail={d} olderVersion={older.version} />
              )}
            </li>
          );
        })}
      </ol>
    </Paper>
  );
}

function ChangeTable({ changes, detail: d, olderVersion }: { changes: ItemChange[]; detail: TItemDetail; olderVersion: number }) {
  const { t } = useTranslation();
  const { pick } = useCatalogText();
  const label = (c: ItemChange) => (c.field === 'attribute' ? (d.attributes[c.name] ? pick(d.attributes[c.name]) : c.name) : t(`catalog.history.fields.${c.field}`));
  const value = (c: ItemChange, v: unknown): ReactNode => {
    if (v === null || v === undefined) return <Text span c="dimmed">{t('catalog.history.none')}</Text>;
    if (c.field === 'attribute') return <AttributeValue name={c.name} declaration={d.attributes[c.name]} value={v} />;
    if (c.field === 'parent') return <ItemRefLink id={String(v)} />;
    if (c.field === 'source' && Array.isArray(v)) {
      return (
        <ul className="kb-value-list">
          <CitationItems sources={v.map(String)} />
        </ul>
      );
    }
    const lang = c.field === 'ja' || c.field === 'detailJa' ? 'ja' : c.field === 'en' || c.field === 'detailEn' ? 'en' : undefined;
    return <span lang={lang}>{String(v)}</span>;
  };
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" fz="sm" withTableBorder>
        <Table.Caption className="visually-hidden">{t('catalog.history.changesSince', { version: olderVersion })}</Table.Caption>
        <ColumnHeads headings={[t('catalog.history.field'), t('catalog.history.before', { version: olderVersion }), t('catalog.history.after')]} />
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.field === 'attribute' ? `a:${c.name}` : c.field} data-testid="history-change">
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {label(c)}
              </Table.Th>
              <Table.Td className="kb-before">
                <Stack gap={0}>{value(c, c.before)}</Stack>
              </Table.Td>
              <Table.Td className="kb-after">
                <Stack gap={0}>{value(c, c.after)}</Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
