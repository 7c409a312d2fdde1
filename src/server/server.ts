import type { FastifyInstance } from 'fastify';
import { loadShippedCatalog } from './catalog/catalog.loader.ts';
import { installAuditKey, loadAuditKey } from './platform/audit/audit-key.ts';
import { issueSetupToken } from './platform/auth/auth.service.ts';
import type { Config } from './platform/config.ts';
import { withStartupLock } from './platform/db/database.ts';
import { servingRoleOf, servingRoleWarnings, servingRoleWarningText } from './platform/db/database-roles.ts';
import { openDatabase, type OpenedDatabase } from './platform/db/open-database.ts';
import { prepareDatabase } from './platform/db/prepare-database.ts';
import { buildApp } from './platform/http/app.ts';
import { createLogger } from './platform/log.ts';
import { startJobQueue, startJobWorkers, stopJobQueue } from './platform/jobs/job-queue.ts';
import { systemClock } from './platform/clock.ts';
import { JOBS, moduleRoutes } from './modules.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: OpenedDatabase;
  url: string;
  stop(): Promise<void>;
}

/**
 * Start-up in order: database; under the start-up lock migrations, the job queue's schema, grants, catalog and
 * the one-time set-up link; then the job queue and HTTP. Stop-up in reverse.
 */
export async function startServer(config: Config, log: (m: string) => void = console.log): Promise<RunningServer> {
  // One logger for requests and for the database and job queue outside any request.
  const logger = createLogger(config);
  const database = await openDatabase(config, 'server', 'serve', log, logger);
  let app: FastifyInstance | null = null;
  try {
    // Before anything appends to the audit trail (the catalog does, under the lock).
    installAuditKey(await loadAuditKey(config));
    // Everything at start that writes runs under one lock, so any number of instances may start together.
    const { applied, catalog, setupLink } = await withStartupLock(database.ownerUrl, async () => ({
      applied: await prepareDatabase(database, JOBS),
      // An invalid catalog stops the start (CatalogInvalidError lists file:line errors).
      catalog: await loadShippedCatalog(database, config.CATALOG_DIR),
      setupLink: await issueSetupToken(database.db),
    }));
    if (applied) log(`Applied ${applied} migration(s).`);
    log(`Catalog: ${catalog.collections} collections, ${catalog.items} items; ${catalog.stored.length} new version(s) stored.`);
    const role = await servingRoleOf(database.pool);
    for (const warning of servingRoleWarnings(role)) log(`Warning (${warning}): ${servingRoleWarningText(warning, role.name)}`);
    const deps = { config, database, logger, clock: systemClock };
    // Background jobs (pg-boss) on the same database; its schema, queues and schedules were made by prepareDatabase.
    const jobs = await startJobQueue(database, { logger });
    await startJobWorkers(jobs, JOBS, deps, log);
    app = await buildApp(deps, moduleRoutes(deps));
    await app.listen({ port: config.PORT, host: config.HOST });
    log(`Kumoji is serving ${config.publicUrl} (${database.description}).`);
    if (setupLink.kind === 'issued') {
      log('');
      log('No account exists yet. Open this one-time set-up link to create the first owner and organisation:');
      log(`  ${config.publicUrl}/setup?token=${setupLink.token}`);
      log('');
    } else if (setupLink.kind === 'alreadyIssued') {
      log('');
      log('No account exists yet. A set-up link was printed earlier and still works; run "kumoji setup-link" for a new one (the old link then stops working).');
      log('');
    }
  } catch (e) {
    await app?.close().catch(() => undefined);
    await stopJobQueue(database);
    await database.close();
    throw e;
  }
  const running = app;
  let stopping: Promise<void> | null = null;
  return {
    app: running,
    database,
    url: config.publicUrl,
    stop() {
      stopping ??= (async () => {
        await running.close();
        // A handler whose client hung up is still running: let it finish before the pool ends.
        if (!(await running.inflight.settled(10_000))) log(`Stopping with ${running.inflight.count} request(s) still running.`);
        // Running jobs finish (or are retried by another instance after their expiry).
        await stopJobQueue(database);
        await database.close();
      })();
      return stopping;
    },
  };
}
