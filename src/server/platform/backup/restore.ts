import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { installAuditKey } from '../audit/audit-key.ts';
import { verifyAudit, type VerifyReport } from '../audit/audit-verify.repository.ts';
import type { Config } from '../config.ts';
import { shippedMigrationCount, withStartupLock } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import type { Job } from '../jobs/job.ts';
import { readArchive } from './archive.ts';
import { AUDIT_KEY_ENTRY, BackupError, MANIFEST_ENTRY, tableEntry } from './backup.rules.ts';
import { kumojiVersion, parseManifest, qualified, type Manifest } from './manifest.ts';
import { restoreKey, writeRestoredKey } from './restore-key.ts';
import { loadArchive, type LoadResult } from './restore-load.ts';
import { emptyTarget, migrateTo, otherSessions, targetState, whyNotEmpty } from './restore-target.ts';
import { hashFile } from './table-copy.ts';

/**
 * `kumoji restore FILE [--force]`, in this order: the archive is unpacked and
 * every table's bytes checked against the manifest; the audit key is chosen;
 * the target must be empty (or `--force` empties it); the owner migrates it
 * to the archive's migration count and loads every table in one transaction
 * that checks every table's rows and SHA-256 before it commits; then the
 * later migrations, the job queue and the grants (as at any start), and the
 * audit trail is verified with the key. Everything up to the load changes
 * nothing when it refuses.
 */

export interface RestoreOptions {
  force: boolean;
  /** The job queues to create (the module list's, handed in by the CLI). */
  jobs: readonly Job[];
  log: (message: string) => void;
}

export interface RestoreResult {
  description: string;
  manifest: Manifest;
  /** The target held data and `--force` emptied it. */
  emptied: boolean;
  /** Migrations applied up to the archive's count, and after the load. */
  migrated: number;
  later: number;
  loaded: LoadResult;
  keySource: string;
  /** DATA_DIR/audit.key written from the archive's key, or null. */
  keyWritten: string | null;
  audit: VerifyReport;
  /** The chain heads after the restore equal the archive's. */
  headsMatch: boolean;
}

/** Every table's file is there, with the size and SHA-256 the manifest gives. */
async function checkArchive(dir: string, entries: string[], manifest: Manifest): Promise<void> {
  const listed = new Set([MANIFEST_ENTRY, ...manifest.tables.map((t) => tableEntry(qualified(t))), ...(manifest.auditKeyIncluded ? [AUDIT_KEY_ENTRY] : [])]);
  const extra = entries.filter((e) => !listed.has(e));
  const missing = [...listed].filter((e) => !entries.includes(e));
  if (extra.length || missing.length) {
    throw new BackupError(`the archive does not hold what its manifest lists (${[...missing.map((m) => `missing ${m}`), ...extra.map((e) => `extra ${e}`)].slice(0, 3).join(', ')}); nothing was restored`);
  }
  for (const table of manifest.tables) {
    const found = await hashFile(path.join(dir, tableEntry(qualified(table))));
    if (found.sha256 !== table.sha256 || found.bytes !== table.bytes) {
      throw new BackupError(`the archive is damaged or was changed: ${tableEntry(qualified(table))} does not have the SHA-256 its manifest gives; nothing was restored`);
    }
  }
}

/** Refuses a target that holds data, unless `force`, which empties it (never while another session uses it). */
async function readyTarget(ownerUrl: string, manifest: Manifest, force: boolean): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const why = whyNotEmpty(await targetState(client), manifest.migrations.count);
    if (!why) return false;
    if (!force) {
      throw new BackupError(
        `the target is not empty: ${why}. Restore into a fresh DATA_DIR or an empty database, ` +
          'or add --force to delete everything in this one first. Nothing was changed.',
      );
    }
    const others = await otherSessions(client);
    if (others) {
      throw new BackupError(`--force: ${others} other session(s) are connected to this database (a Kumoji server running on it?); stop them first. Nothing was changed.`);
    }
    await emptyTarget(client);
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const headKey = (h: { chain: string; seq: number; hash: string }) => `${h.chain} ${h.seq} ${h.hash}`;

export async function restoreBackup(config: Config, file: string, options: RestoreOptions): Promise<RestoreResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumoji-restore-'));
  try {
    const entries = await readArchive(path.resolve(file), dir);
    const manifest = parseManifest(await fs.readFile(path.join(dir, MANIFEST_ENTRY), 'utf8'));
    const shipped = shippedMigrationCount();
    if (manifest.migrations.count > shipped) {
      throw new BackupError(
        `the archive was made by a newer Kumoji (${manifest.kumojiVersion}, ${manifest.migrations.count} migrations) than this one ` +
          `(${kumojiVersion()}, ${shipped} migrations). Restore it with that version or a later one. Nothing was restored.`,
      );
    }
    await checkArchive(dir, entries, manifest);
    const key = await restoreKey(config, manifest, dir);

    const database = await openDatabase(config, 'tool', 'restore', options.log);
    try {
      const emptied = await readyTarget(database.ownerUrl, manifest, options.force);
      // Under the start-up lock: a server starting meanwhile waits, then finds the restored data.
      const steps = await withStartupLock(database.ownerUrl, async () => {
        const migrated = await migrateTo(database.ownerUrl, manifest.migrations.count);
        const loaded = await loadArchive(database.ownerUrl, manifest, dir);
        installAuditKey(key.key);
        const later = await prepareDatabase(database, options.jobs);
        return { migrated, loaded, later };
      });
      if (key.writeTo) await writeRestoredKey(key.writeTo, key.key);
      const audit = await verifyAudit(database.pool, key.key);
      const expected = manifest.auditHeads.map(headKey).sort();
      const found = audit.heads.map(headKey).sort();
      return {
        description: database.description,
        manifest,
        emptied,
        ...steps,
        keySource: key.source,
        keyWritten: key.writeTo,
        audit,
        headsMatch: expected.join('\n') === found.join('\n'),
      };
    } finally {
      await database.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
