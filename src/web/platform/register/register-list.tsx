import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../shared/schemas/export.schema.ts';
import { toApiError } from '../../api/api-client.ts';
import { SectionLoader } from '../../components/full-page-loader.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RegisterTable, type RegisterTableProps } from './register-table.tsx';

/** The part of a list query the shell shows: its problem, whether it loads, and its answer once there is one. */
export interface ListQueryState {
  error: unknown;
  isPending: boolean;
  data: unknown;
}

interface RegisterListProps<Row extends { id: string }, Sort extends string> extends RegisterTableProps<Row, Sort> {
  query: ListQueryState;
  /** What an empty register says. */
  empty: string;
  /** Shown above the table once the list has answered (where the organisation stands, what to look at). */
  banner?: ReactNode;
}

/** A whole register read at once: its problem or loader, a banner, the empty state or the table in its section. */
export function RegisterList<Row extends { id: string }, Sort extends string = string>({ query, empty, banner, ...table }: RegisterListProps<Row, Sort>) {
  const answered = query.data !== undefined;
  return (
    <Stack gap="lg">
      <ProblemAlert problem={query.error ? toApiError(query.error) : null} />
      {query.isPending ? <SectionLoader /> : null}
      {answered ? banner : null}
      {answered && !table.rows.length ? (
        <Paper withBorder p="lg">
          <Text>{empty}</Text>
        </Paper>
      ) : null}
      {table.rows.length ? (
        <Paper withBorder p="lg" component="section" aria-label={table.caption}>
          <RegisterTable {...table} />
        </Paper>
      ) : null}
    </Stack>
  );
}

interface LoadMoreProps {
  /** "N shown", or empty while nothing is. */
  shown: string;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  label: string;
}

/** The foot of a list read in keyset pages: how many rows are shown, and the button that reads the next page. */
export function LoadMore(p: LoadMoreProps) {
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {p.shown}
      </Text>
      {p.hasMore ? (
        <Button variant="default" onClick={p.onMore} loading={p.loading} data-testid="load-more">
          {p.label}
        </Button>
      ) : null}
    </Group>
  );
}

/**
 * Download links of a register's export, one per format (the server sends
 * the file with its name and records the export in the audit trail). Without
 * `formats`: CSV, Excel and JSON, in the words every register shares; `href`
 * may carry the register's own query (`?table=drills`).
 */
export function ExportLinks({ href, formats }: { href: string; formats?: readonly { format: string; label: string }[] }) {
  const { t } = useTranslation();
  const links = formats ?? EXPORT_FORMATS.map((format) => ({ format, label: t(`common.export.${format}`) }));
  // The register's own query (a table, a year) stays: `format` joins it.
  const query = href.includes('?') ? '&' : '?';
  return (
    <>
      {links.map((f) => (
        <Button key={f.format} component="a" href={`${href}${query}format=${f.format}`} download variant="subtle">
          {f.label}
        </Button>
      ))}
    </>
  );
}
