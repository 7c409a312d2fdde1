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
        <Table.Thead>
          <Table.Tr>
            {columns.map((heading) => (
              <Table.Th key={heading} scope="col">
                {heading}
              </Table.Th>
            ))}
            {actions ? (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}
