import path from 'node:path';
import pg from 'pg';
import { insertTriggers, listForeignKeys, listTables, tablesWithRows, type TableShape } from './backup-schema.ts';
import { BackupError, loadPlan, tableEntry } from './backup.rules.ts';
import { qualified, type Manifest, type ManifestTable } from './manifest.ts';
import { fixOutputSettings, hashTable, loadTable } from './table-copy.ts';

/**
 * Loads an unpacked archive into a database migrated to its migration count,
 * in one transaction as the owner, and checks every table against the
 * manifest before committing: all of it is restored, or none.
 *
 * Foreign keys: tables are loaded parents first (`loadPlan`); a foreign key
 * no order satisfies is dropped for the load and added again, which checks
 * every row. Triggers that fire on INSERT (a submitted assessment refuses
 * new answers) are switched off for their table's load only: the rows are
 * put back as they were, not written anew. The owner may do both on its own
 * tables; no superuser, no `session_replication_role`.
 */

const ident = pg.escapeIdentifier;

export interface LoadResult {
  tables: number;
  rows: number;
}

function sameShape(now: TableShape[], manifest: Manifest): string | null {
  const byName = new Map(now.map((t) => [qualified(t), t]));
  for (const table of manifest.tables) {
    const there = byName.get(qualified(table));
    if (!there) return `table ${qualified(table)} does not exist`;
    if (there.columns.join(',') !== table.columns.join(',')) return `the columns of ${qualified(table)} differ`;
    byName.delete(qualified(table));
  }
  const extra = [...byName.keys()];
  return extra.length ? `table ${extra[0]} is not in the archive` : null;
}

function mismatch(table: ManifestTable, found: { rows: number; sha256: string }): string | null {
  if (found.rows !== table.rows) return `${qualified(table)}: ${found.rows} rows, the archive says ${table.rows}`;
  if (found.sha256 !== table.sha256) return `${qualified(table)}: SHA-256 ${found.sha256}, the archive says ${table.sha256}`;
  return null;
}

async function load(client: pg.ClientBase, manifest: Manifest, dir: string): Promise<LoadResult> {
  const shapes = await listTables(client);
  const problem = sameShape(shapes, manifest);
  if (problem) throw new BackupError(`the database after ${manifest.migrations.count} migrations does not match the archive (${problem}); nothing was restored`);
  const busy = await tablesWithRows(client, shapes, ident);
  if (busy.length) throw new BackupError(`the database holds data meanwhile (${busy.join(', ')}); nothing was restored`);
  const shapeOf = new Map(shapes.map((t) => [qualified(t), t]));

  // The journal is written by the migrations just applied: it must be the archive's, migration for migration.
  for (const table of manifest.tables.filter((t) => t.migrationJournal)) {
    if (mismatch(table, await hashTable(client, shapeOf.get(qualified(table))!))) {
      throw new BackupError(`this Kumoji's first ${manifest.migrations.count} migrations are not those the archive was made with; nothing was restored`);
    }
  }

  const data = manifest.tables.filter((t) => !t.migrationJournal);
  const foreignKeys = await listForeignKeys(client);
  const plan = loadPlan(data.map(qualified), foreignKeys);
  const deferred = foreignKeys.filter((fk) => plan.deferred.some((d) => d.name === fk.name && d.table === fk.table));
  const table = (name: string) => shapeOf.get(name)!;
  const on = (name: string) => `${ident(table(name).schema)}.${ident(table(name).name)}`;
  for (const fk of deferred) await client.query(`alter table ${on(fk.table)} drop constraint ${ident(fk.name)}`);
  let rows = 0;
  for (const name of plan.order) {
    const entry = data.find((t) => qualified(t) === name)!;
    const triggers = await insertTriggers(client, table(name), ident);
    for (const trigger of triggers) await client.query(`alter table ${on(name)} disable trigger ${ident(trigger)}`);
    rows += await loadTable(client, entry, path.join(dir, tableEntry(name)));
    for (const trigger of triggers) await client.query(`alter table ${on(name)} enable trigger ${ident(trigger)}`);
  }
  for (const fk of deferred) await client.query(`alter table ${on(fk.table)} add constraint ${ident(fk.name)} ${fk.definition}`);
  for (const seq of manifest.sequences) await client.query('select setval($1::regclass, $2::bigint, $3)', [seq.name, seq.lastValue, seq.isCalled]);

  // What was loaded, read back as the backup read it.
  for (const entry of data) {
    const wrong = mismatch(entry, await hashTable(client, table(qualified(entry))));
    if (wrong) throw new BackupError(`the loaded table differs from the archive (${wrong}); nothing was restored`);
  }
  return { tables: data.length, rows };
}

export async function loadArchive(ownerUrl: string, manifest: Manifest, dir: string): Promise<LoadResult> {
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await fixOutputSettings(client);
    await client.query('begin');
    try {
      const result = await load(client, manifest, dir);
      await client.query('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      if (e instanceof BackupError) throw e;
      throw new BackupError(`loading the archive failed, nothing was restored: ${(e as Error).message}`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
