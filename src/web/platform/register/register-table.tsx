import { Anchor, Checkbox, Table, UnstyledButton, type TableTdProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface RegisterColumn<Row, Sort extends string = string> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Sorted by the server on this key when its header is pressed. */
  sortKey?: Sort;
  /** Figures: right-aligned, header included. */
  numeric?: boolean;
  cellProps?: TableTdProps | ((row: Row) => TableTdProps);
}

/**
 * A list's first column: the record's name, in bold, leading to its page at
 * `<path>/<id>`; `below` adds what sits under the name (badges).
 */
export function nameColumn<Row extends { id: string }>(o: {
  key: string;
  header: string;
  path: string;
  name: (row: Row) => string;
  minWidth: number;
  below?: (row: Row) => ReactNode;
}): RegisterColumn<Row> {
  return {
    key: o.key,
    header: o.header,
    cellProps: { fw: 500, miw: o.minWidth },
    cell: (row) => (
      <>
        <Anchor component={Link} to={`${o.path}/${row.id}`}>
          {o.name(row)}
        </Anchor>
        {o.below?.(row)}
      </>
    ),
  };
}

export interface RegisterSort<Sort extends string> {
  by: Sort;
  dir: 'asc' | 'desc';
  onSort: (key: Sort) => void;
  /** The sort button's accessible name for a column's header. */
  labelOf: (header: string) => string;
}

/** Rows picked for a bulk action; offered only to members who may write. */
export interface RegisterSelection<Row> {
  isSelected: (row: Row) => boolean;
  toggle: (row: Row) => void;
  /** Selects every row shown, or clears them when all are selected. */
  toggleAll: () => void;
  allLabel: string;
  rowLabel: (row: Row) => string;
}

export interface RegisterTableProps<Row extends { id: string }, Sort extends string> {
  /** Read by screen readers; not shown. */
  caption: string;
  rows: readonly Row[];
  columns: readonly RegisterColumn<Row, Sort>[];
  rowTestId: string;
  testId?: string;
  verticalSpacing?: 'xs' | 'sm';
  sort?: RegisterSort<Sort>;
  selection?: RegisterSelection<Row>;
}

/** A register's table: a header per column (a button where the column sorts, with aria-sort), a row per record, and the selection column when there is one. */
export function RegisterTable<Row extends { id: string }, Sort extends string = string>(p: RegisterTableProps<Row, Sort>) {
  const { sort, selection } = p;
  const allShown = !!selection && p.rows.length > 0 && p.rows.every(selection.isSelected);
  return (
    <div className="table-scroll">
      <Table verticalSpacing={p.verticalSpacing ?? 'sm'} striped highlightOnHover data-testid={p.testId}>
        <Table.Caption className="visually-hidden">{p.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th scope="col" w={40}>
                <Checkbox aria-label={selection.allLabel} checked={allShown} indeterminate={!allShown && p.rows.some(selection.isSelected)} onChange={selection.toggleAll} />
              </Table.Th>
            ) : null}
            {p.columns.map((c) => {
              const active = !!sort && !!c.sortKey && sort.by === c.sortKey;
              return (
                <Table.Th key={c.key} scope="col" ta={c.numeric ? 'right' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {sort && c.sortKey ? (
                    <UnstyledButton onClick={() => sort.onSort(c.sortKey!)} fw={700} fz="sm" aria-label={sort.labelOf(c.header)}>
                      {c.header} {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </UnstyledButton>
                  ) : (
                    c.header
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.rows.map((row) => (
            <Table.Tr key={row.id} data-testid={p.rowTestId}>
              {selection ? (
                <Table.Td>
                  <Checkbox aria-label={selection.rowLabel(row)} checked={selection.isSelected(row)} onChange={() => selection.toggle(row)} />
                </Table.Td>
              ) : null}
              {p.columns.map((c) => (
                <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} {...(typeof c.cellProps === 'function' ? c.cellProps(row) : c.cellProps)}>
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
