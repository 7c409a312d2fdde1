import { sql } from 'drizzle-orm';
import type { TransferField } from '../../src/server/platform/transfer/header.rules.ts';
import { RowsChangedError, type ImportRegister } from '../../src/server/platform/transfer/transfer.contract.ts';
import { assetImportIssues, assetImports } from '../../src/server/assets/asset.table.ts';
import type { TestDatabase } from '../helpers/test-database.ts';

/**
 * A tiny register for the pipeline's own tests: a name (required, unique in
 * the file) and a count. It keeps its imports in the asset import tables
 * (same columns as every register's) and writes its rows to a table the test
 * creates. Its messages are the asset import's, which have these codes.
 */

export type FakeField = 'name' | 'records' | 'notes';

export const FAKE_FIELDS: readonly TransferField<FakeField>[] = [
  { name: 'name', labels: { ja: ['名称', '名前'], en: ['Name', 'Title'] }, required: true },
  { name: 'records', labels: { ja: ['件数'], en: ['Records', 'Count'] }, required: true },
  { name: 'notes', labels: { ja: ['備考'], en: ['Notes'] } },
];

export interface FakeRow {
  rowNumber: number;
  name: string;
  records: number;
  notes: string;
}

export const FAKE_TABLE = 'transfer_test_items';

/** Made by the owner role (the serving role may not create tables), then opened to the serving role. */
export async function createFakeTable(database: TestDatabase): Promise<void> {
  await database.queryAsOwner(`create table ${FAKE_TABLE} (organisation_id uuid not null, name text not null, records int not null, notes text not null, unique (organisation_id, name))`);
  await database.queryAsOwner(`grant select, insert on ${FAKE_TABLE} to public`);
}

/** With `failAfter`, the commit stops with an error after writing that many rows (all or nothing: none may stay). */
export function fakeRegister(options: { failAfter?: number; vanished?: string } = {}): ImportRegister<FakeField, FakeRow, Set<string>, Set<string>, FakeRow[]> {
  return {
    queue: 'transfer-test',
    tables: { imports: assetImports, issues: assetImportIssues },
    fields: FAKE_FIELDS,
    messages: 'assets.import',
    fieldLabels: 'assets.fields',
    problems: { file: 'assetImportFile', notReady: 'assetImportNotReady', running: 'assetImportRunning' },
    audit: { action: 'transfer-test.import', entityType: 'transfer-test-import' },
    loadLookups: async () => new Set<string>(),
    newState: () => new Set<string>(),
    readRow(cells, rowNumber, { columns, state }) {
      const text = (f: FakeField) => {
        const c = columns[f] === undefined ? null : cells[columns[f]!];
        return c === null || c === undefined ? '' : String(c).trim();
      };
      const issues: { rowNumber: number; field: FakeField; column: number | null; code: string; params?: Record<string, string | number> }[] = [];
      const name = text('name');
      if (!name) issues.push({ rowNumber, field: 'name', column: columns.name ?? null, code: 'required' });
      else if (state.has(name)) issues.push({ rowNumber, field: 'name', column: columns.name ?? null, code: 'duplicateInFile', params: { row: 0 } });
      state.add(name);
      const records = text('records');
      if (!/^\d+$/.test(records)) issues.push({ rowNumber, field: 'records', column: columns.records ?? null, code: records ? 'notNumber' : 'required' });
      if (issues.length) return { kind: 'row', row: null, issues };
      return { kind: 'row', row: { rowNumber, name, records: Number(records), notes: text('notes') }, issues };
    },
    pack: (rows) => rows,
    count: (rows) => rows.length,
    async commitRows({ ctx, progress }, rows) {
      if (options.vanished && rows.some((r) => r.name === options.vanished))
        throw new RowsChangedError([{ rowNumber: rows.find((r) => r.name === options.vanished)!.rowNumber, field: 'name', header: null, code: 'duplicateExisting', params: { value: options.vanished } }]);
      let written = 0;
      for (const r of rows) {
        if (options.failAfter !== undefined && written === options.failAfter) throw new Error('disk full');
        await ctx.db.execute(sql`insert into ${sql.raw(FAKE_TABLE)} (organisation_id, name, records, notes) values (${ctx.organisationId}, ${r.name}, ${r.records}, ${r.notes})`);
        await progress(++written);
      }
      return { written };
    },
  };
}
