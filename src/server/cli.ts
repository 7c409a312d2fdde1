import { parseArgs } from 'node:util';
import { installAuditKey, loadAuditKey } from './platform/audit/audit-key.ts';
import { verifyAudit, type ChainProblem } from './platform/audit/audit-verify.repository.ts';
import { createBackup } from './platform/backup/backup.ts';
import { BackupError, defaultArchiveName } from './platform/backup/backup.rules.ts';
import { restoreBackup } from './platform/backup/restore.ts';
import { issueSetupToken } from './platform/auth/auth.service.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { appliedMigrationCount, shippedMigrationCount, withStartupLock } from './platform/db/database.ts';
import { DataDirInUseError, EmbeddedDatabaseError } from './platform/db/embedded-postgres.ts';
import { openDatabase } from './platform/db/open-database.ts';
import { prepareDatabase } from './platform/db/prepare-database.ts';
import { JOBS } from './modules.ts';
import { CatalogInvalidError } from './catalog/catalog.loader.ts';
import { startServer } from './server.ts';

/**
 * `kumoji` — the command line. Every command works on the same DATA_DIR or
 * DATABASE_URL whether or not the server is running on it.
 */

const HELP: Record<string, string> = {
  '': `Usage: kumoji <command> [options]

Commands:
  serve           Start the web server (and the embedded database unless DATABASE_URL is set)
  migrate         Apply pending database migrations
  setup-link      Print a new one-time set-up link (while no account exists)
  audit verify    Recompute the audit trail's hash chains and check their sealed heads
  backup          Write the whole installation to one archive file
  restore FILE    Restore an archive into an empty installation
  catalog check   Validate the catalog files under CATALOG_DIR

Run "kumoji <command> --help" for a command's options. Configuration comes from
environment variables (see .env.example).`,
  serve: `Usage: kumoji serve

Starts Kumoji on HOST:PORT (default localhost:3000). Without DATABASE_URL it starts
the embedded PostgreSQL with its data in DATA_DIR (default ./data), applies
migrations and, while no account exists, prints a one-time set-up link.
SIGINT or SIGTERM stop the web server, then the database.`,
  migrate: `Usage: kumoji migrate

Applies pending migrations to DATABASE_URL (as DATABASE_OWNER_URL when set), or
to the embedded database in DATA_DIR (using it if a server is running on it),
with the job queue's schema and the serving role's grants. Prints how many
migrations were applied.`,
  'setup-link': `Usage: kumoji setup-link

While no account exists, prints a new one-time set-up link; the link printed
before stops working. Exits 1 once set-up is done.`,
  audit: `Usage: kumoji audit verify [--chain CHAIN]

Walks every chain from its head back to the first entry, recomputing each
entry's SHA-256 over its canonical form and its link to the previous one, and
checks the head's seal with the audit key (KUMOJI_AUDIT_KEY, or DATA_DIR/audit.key).
Also finds chains whose newest entries, every entry or head were deleted,
rows written past the head, and organisations without a chain. Exits 0 when
every chain verifies; otherwise prints every problem and exits 1.
  --chain CHAIN   verify one chain only (org:<organisation id> or platform)`,
  backup: `Usage: kumoji backup [--out FILE] [--include-audit-key]

Writes every table of the database (DATABASE_URL, or the embedded one in DATA_DIR,
whether or not a server is running on it), read in one consistent snapshot, with
the migration journal and a manifest (version, migration count, per-table row
counts and SHA-256, audit chain heads), to one .tar.gz file, mode 0600. Evidence
files are in the database, so they are in the archive. The job queue is not:
its queues and schedules are made again from the code. Exits 1 on failure.
  --out FILE            the archive to write (default ./kumoji-backup-<UTC time>.tar.gz); never replaced
  --include-audit-key   put the audit key in the archive too (by default it is left
                        out: keep KUMOJI_AUDIT_KEY or DATA_DIR/audit.key with the backup)`,
  restore: `Usage: kumoji restore FILE [--force]

Restores an archive of "kumoji backup" into an empty installation (a fresh DATA_DIR,
or an empty DATABASE_URL database): checks every table's SHA-256, migrates to the
archive's migration count, loads every table in one transaction and checks its row
count and SHA-256 before committing, applies any later migrations, then verifies
the audit trail with the audit key (KUMOJI_AUDIT_KEY, DATA_DIR/audit.key, or the
archive's own when it carries one and none is set: then it is written to
DATA_DIR/audit.key). Refuses an archive from a newer Kumoji. Exits 0 when the
restore is complete and verified; otherwise prints why and exits 1.
  --force   when the target holds data, delete everything in Kumoji's schemas first
            (public, drizzle, pgboss); refused while other sessions use the database`,
  catalog: `Usage: kumoji catalog check [DIR]

Validates every catalog file (default CATALOG_DIR) and prints file:line errors.
Exits 1 when any error is found.`,
};

function describeProblem(p: ChainProblem): string {
  switch (p.kind) {
    case 'head-missing':
      return 'the chain has no head (audit_heads row deleted)';
    case 'chain-missing':
      return 'the organisation has no audit entries and no head (the whole chain was deleted)';
    case 'seal-mismatch':
      return `the head (seq ${p.seq}) is not sealed with this audit key (moved without the key, or the wrong key)`;
    case 'entries-missing':
      return p.fromSeq === p.toSeq ? `entry seq ${p.fromSeq} is missing` : `entries seq ${p.fromSeq} to ${p.toSeq} are missing`;
    case 'entry-off-chain':
      return `entry seq ${p.seq} (row id ${p.id}) is not on the chain${p.pastHead ? ', past the head' : ''}: written around Kumoji`;
    case 'hash-mismatch':
    case 'link-mismatch':
      return `entry seq ${p.seq} (row id ${p.id}): ${p.kind}\n  expected ${p.expected}\n  found    ${p.found}`;
  }
}

function out(line = '') {
  process.stdout.write(`${line}\n`);
}

async function withToolDatabase<T>(config: Config, command: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(config, 'tool', command, (m) => process.stderr.write(`${m}\n`));
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const log = (m: string) => process.stderr.write(`${m}\n`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function runBackup(config: Config, file: string, includeAuditKey: boolean): Promise<number> {
  try {
    const r = await createBackup(config, { out: file, includeAuditKey, log });
    const data = r.manifest.tables.filter((t) => !t.migrationJournal);
    const rows = data.reduce((n, t) => n + t.rows, 0);
    out(`Backed up ${r.description} to ${r.file} (${mib(r.bytes)}):`);
    out(`  ${data.length} tables, ${rows} rows, ${r.manifest.migrations.count} migrations, ${r.manifest.auditHeads.length} audit chain(s).`);
    if (r.auditKeySource) {
      out(`The audit key is not in the archive: keep it with the backup (${r.auditKeySource}).`);
      out('Without it the restored audit trail cannot be verified. --include-audit-key puts it in the archive.');
    } else {
      out('The archive carries the audit key: whoever reads it can reseal a rewritten audit trail. Keep it as safe as the key.');
    }
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    process.stderr.write(`kumoji backup: ${e.message}\n`);
    return 1;
  }
}

async function runRestore(config: Config, file: string, force: boolean): Promise<number> {
  try {
    const r = await restoreBackup(config, file, { force, jobs: JOBS, log });
    const m = r.manifest;
    out(`Restored ${file} (Kumoji ${m.kumojiVersion}, made ${m.createdAt}) into ${r.description}.`);
    if (r.emptied) out('  The target held data: --force deleted it first.');
    out(`  Migrations: ${r.migrated} applied up to the archive's ${m.migrations.count}; ${r.later} later one(s) after the load.`);
    out(`  Tables: ${r.loaded.tables} loaded, ${r.loaded.rows} rows; every table's row count and SHA-256 equal the archive's.`);
    out(`  Audit key: ${r.keyWritten ? `the archive's, written to ${r.keyWritten}` : r.keySource}.`);
    const { audit } = r;
    if (audit.problems.length || !r.headsMatch) {
      for (const p of audit.problems) out(`BROKEN: chain ${p.chain}: ${describeProblem(p)}`);
      if (!r.headsMatch) out('BROKEN: the audit chain heads differ from those in the archive.');
      out(`The data is restored, but the audit trail does not verify (${audit.problems.length + audit.omittedProblems} problem(s)).`);
      return 1;
    }
    out(`Audit trail verified: ${audit.chains} chain(s), ${audit.entries} entries; the heads equal the archive's.`);
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    process.stderr.write(`kumoji restore: ${e.message}\n`);
    return 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      chain: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      'include-audit-key': { type: 'boolean' },
    },
  });
  const [command = '', sub] = positionals;
  if (values.help || command === 'help' || command === '') {
    out(HELP[command === 'help' ? (sub ?? '') : command] ?? HELP['']);
    return command === '' && !values.help ? 1 : 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const server = await startServer(config);
      const stop = async (signal: string) => {
        out(`${signal}: stopping …`);
        try {
          await server.stop();
          out('Stopped.');
          process.exit(0);
        } catch (e) {
          process.stderr.write(`Stop failed: ${(e as Error).message}\n`);
          process.exit(1);
        }
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      return new Promise<number>(() => undefined);
    }
    case 'migrate':
      return withToolDatabase(config, 'migrate', async (database) => {
        // The migration that adds seals seals the heads already there.
        installAuditKey(await loadAuditKey(config));
        const applied = await withStartupLock(database.ownerUrl, () => prepareDatabase(database, JOBS));
        out(`Applied ${applied} migration(s); ${await appliedMigrationCount(database)} of ${shippedMigrationCount()} in place.`);
        return 0;
      });
    case 'setup-link':
      return withToolDatabase(config, 'setup-link', async (database) => {
        const link = await issueSetupToken(database.db, { replace: true });
        if (link.kind !== 'issued') {
          out('Set-up is done: an account exists. Invite people from the web app instead.');
          return 1;
        }
        out(`${config.publicUrl}/setup?token=${link.token}`);
        return 0;
      });
    case 'audit': {
      if (sub !== 'verify') {
        out(HELP.audit);
        return 1;
      }
      // Never a new key here: it would only call every seal wrong.
      const key = await loadAuditKey(config, { create: false });
      return withToolDatabase(config, 'audit verify', async (database) => {
        const started = performance.now();
        const report = await verifyAudit(database.pool, key, typeof values.chain === 'string' ? values.chain : undefined);
        const seconds = (performance.now() - started) / 1000;
        if (report.problems.length) {
          for (const p of report.problems) out(`BROKEN: chain ${p.chain}: ${describeProblem(p)}`);
          if (report.omittedProblems) out(`… and ${report.omittedProblems} more problem(s) not listed.`);
          out(`${report.problems.length + report.omittedProblems} problem(s) in ${report.entries} entries of ${report.chains} chain(s).`);
          return 1;
        }
        for (const h of report.heads) out(`ok  ${h.chain}  ${h.seq} entries  head ${h.hash}`);
        out(`Audit trail verified: ${report.chains} chain(s), ${report.entries} entries in ${seconds.toFixed(2)} s.`);
        return 0;
      });
    }
    case 'backup':
      return runBackup(config, typeof values.out === 'string' ? values.out : defaultArchiveName(new Date()), values['include-audit-key'] === true);
    case 'restore':
      if (!sub) {
        out(HELP.restore);
        return 1;
      }
      return runRestore(config, sub, values.force === true);
    case 'catalog': {
      if (sub !== 'check') {
        out(HELP.catalog);
        return 1;
      }
      const { runCatalogCheck } = await import('./catalog/catalog-check.cli.ts');
      return runCatalogCheck(positionals[2] ?? config.CATALOG_DIR, process.stdout);
    }
    default:
      out(`Unknown command "${command}".\n`);
      out(HELP['']);
      return 1;
  }
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    process.exitCode = code;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DataDirInUseError || e instanceof EmbeddedDatabaseError || e instanceof CatalogInvalidError) {
      process.stderr.write(`kumoji: ${e.message}\n`);
    } else {
      process.stderr.write(`kumoji: ${(e as Error).stack ?? e}\n`);
    }
    process.exitCode = 1;
  }
}
