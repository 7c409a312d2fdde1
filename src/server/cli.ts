import { parseArgs } from 'node:util';
import { verifyAudit } from './platform/audit/audit.repository.ts';
import { issueSetupToken } from './platform/auth/auth.service.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { appliedMigrationCount, shippedMigrationCount, withStartupLock } from './platform/db/database.ts';
import { DataDirInUseError, EmbeddedDatabaseError } from './platform/db/embedded-postgres.ts';
import { openDatabase } from './platform/db/open-database.ts';
import { prepareDatabase } from './platform/db/prepare-database.ts';
import { JOB_QUEUES } from './jobs.ts';
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
  audit verify    Recompute the audit trail's hash chains and name the first broken entry
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

Recomputes every entry's SHA-256 over its canonical form and its link to the
previous entry. Exits 0 when every chain verifies; otherwise prints the first
broken entry and exits 1.
  --chain CHAIN   verify one chain only (org:<organisation id> or platform)`,
  catalog: `Usage: kumoji catalog check [DIR]

Validates every catalog file (default CATALOG_DIR) and prints file:line errors.
Exits 1 when any error is found.`,
};

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

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { help: { type: 'boolean', short: 'h' }, chain: { type: 'string' } },
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
        const applied = await withStartupLock(database.ownerUrl, () => prepareDatabase(database, JOB_QUEUES));
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
      return withToolDatabase(config, 'audit verify', async (database) => {
        const started = performance.now();
        const report = await verifyAudit(database.pool, typeof values.chain === 'string' ? values.chain : undefined);
        const seconds = (performance.now() - started) / 1000;
        if (report.firstBreak) {
          const b = report.firstBreak;
          out(`BROKEN: chain ${b.chain}, entry seq ${b.seq} (row id ${b.id}): ${b.reason}`);
          out(`  expected ${b.expected}`);
          out(`  found    ${b.found}`);
          out(`${report.entries} entries verified before the break.`);
          return 1;
        }
        for (const h of report.heads) out(`ok  ${h.chain}  ${h.seq} entries  head ${h.hash}`);
        out(`Audit trail verified: ${report.chains} chain(s), ${report.entries} entries in ${seconds.toFixed(2)} s.`);
        return 0;
      });
    }
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
