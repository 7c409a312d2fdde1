import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { auditKeyPath, loadAuditKey } from '../audit/audit-key.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { writeArchive } from './archive.ts';
import { listSequences, listTables, MIGRATION_JOURNAL, quoted } from './backup-schema.ts';
import { AUDIT_KEY_ENTRY, BackupError, MANIFEST_ENTRY, tableEntry } from './backup.rules.ts';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, kumojiVersion, qualified, type Manifest } from './manifest.ts';
import { dumpTable, fixOutputSettings } from './table-copy.ts';

/**
 * `kumoji backup`: every table of the installation, read over one connection
 * in one snapshot (REPEATABLE READ, READ ONLY), so the archive is one moment
 * of the database even while a server goes on writing. Evidence files are
 * rows of `evidence_files` (bytea), so they are in it too; nothing else of
 * Kumoji's lives on disk but the audit key, which stays out unless asked for.
 */

export interface BackupOptions {
  out: string;
  includeAuditKey: boolean;
  log: (message: string) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
  /** Where the data came from (for messages). */
  description: string;
  /** Where the audit key the archive needs lives (for the reminder), or null when it is in the archive. */
  auditKeySource: string | null;
}

const ident = pg.escapeIdentifier;

async function snapshot(ownerUrl: string, dir: string, auditKeyIncluded: boolean): Promise<Manifest> {
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await fixOutputSettings(client);
    await client.query('begin isolation level repeatable read read only');
    const tables = await listTables(client);
    if (!tables.some((t) => qualified(t) === MIGRATION_JOURNAL)) {
      throw new BackupError('the database has no migrations applied: there is nothing to back up');
    }
    const { rows: counted } = await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    if (!counted[0].n) throw new BackupError('the database has no migrations applied: there is nothing to back up');
    await fs.mkdir(path.join(dir, 'tables'), { mode: 0o700 });
    const entries: Manifest['tables'] = [];
    for (const table of tables) {
      const figures = await dumpTable(client, table, path.join(dir, tableEntry(qualified(table))));
      entries.push({ schema: table.schema, name: table.name, columns: table.columns, migrationJournal: qualified(table) === MIGRATION_JOURNAL, ...figures });
    }
    const sequences: Manifest['sequences'] = [];
    for (const name of await listSequences(client)) {
      const { rows } = await client.query<{ lastValue: string; isCalled: boolean }>(`select last_value::text as "lastValue", is_called as "isCalled" from ${name}`);
      sequences.push({ name, ...rows[0] });
    }
    // `seal` through to_jsonb: the heads of a database from before seals have none.
    const heads = tables.some((t) => t.schema === 'public' && t.name === 'audit_heads')
      ? (
          await client.query<Manifest['auditHeads'][number]>(
            `select chain, seq, hash, to_jsonb(h) ->> 'seal' as seal from ${quoted({ schema: 'public', name: 'audit_heads' }, ident)} h order by chain collate "C"`,
          )
        ).rows
      : [];
    await client.query('commit');
    return {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      kumojiVersion: kumojiVersion(),
      createdAt: new Date().toISOString(),
      migrations: { count: counted[0].n },
      tables: entries,
      sequences,
      auditHeads: heads,
      auditKeyIncluded,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createBackup(config: Config, options: BackupOptions): Promise<BackupResult> {
  const out = path.resolve(options.out);
  // Read before anything else: a missing key stops the backup before it starts.
  const key = options.includeAuditKey ? await loadAuditKey(config, { create: false }) : null;
  const exists = (file: string) => fs.stat(file).then(() => true, () => false);
  if (await exists(out)) throw new BackupError(`${out} exists already; choose another --out file`);
  if (!(await exists(path.dirname(out)))) throw new BackupError(`the folder ${path.dirname(out)} does not exist`);
  // Never a new embedded database just to find it empty.
  if (!config.DATABASE_URL && !(await exists(path.join(config.dataDir, 'pg', 'PG_VERSION')))) {
    throw new BackupError(`there is no embedded database in ${config.dataDir} (set DATA_DIR, or DATABASE_URL)`);
  }
  // The tables are written out before they are packed: beside the archive, where there is room for it.
  const work = await fs.mkdtemp(path.join(path.dirname(out), '.kumoji-backup-'));
  try {
    const database = await openDatabase(config, 'tool', 'backup', options.log);
    let manifest: Manifest;
    try {
      manifest = await snapshot(database.ownerUrl, work, key !== null);
    } finally {
      await database.close();
    }
    await fs.writeFile(path.join(work, MANIFEST_ENTRY), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    if (key) await fs.writeFile(path.join(work, AUDIT_KEY_ENTRY), `${key.toString('hex')}\n`, { mode: 0o600 });
    const entries = [MANIFEST_ENTRY, ...manifest.tables.map((t) => tableEntry(qualified(t))), ...(key ? [AUDIT_KEY_ENTRY] : [])];
    const bytes = await writeArchive(work, entries, out);
    return {
      file: out,
      bytes,
      manifest,
      description: database.description,
      auditKeySource: key ? null : config.KUMOJI_AUDIT_KEY ? 'KUMOJI_AUDIT_KEY' : auditKeyPath(config),
    };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
