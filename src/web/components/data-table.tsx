import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DataTableProps extends TableProps {
  /** Names the table for screen readers (the section heading shows it to everyone else). */
  caption: string;
  /** Column headings, left to right. */
  columns: readonly string[];
  /** A last column of row actions, with a heading only screen readers hear. */
  actions?: boolean;
  /** The rows (`Table.Tr`). */
  children: ReactNode;
}

/** A list shown as a table that scrolls sideways on a narrow screen. */
export function DataTable({ caption, columns, actions, children, ...table }: DataTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table {...table}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <ColumnHeads headings={columns}>
          {actions ? (
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          ) : null}
        </ColumnHeads>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * The header row of a table whose headings are plain text, each a column
 * header for screen readers; `children` adds headings of another kind after them.
 */
export function ColumnHeads({ headings, children }: { headings: readonly string[]; children?: ReactNode }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {headings.map((heading, i) => (
          <Table.Th key={i} scope="col">
            {heading}
          </Table.Th>
        ))}
        {children}
      </Table.Tr>
    </Table.Thead>
  );
}
