import type { Config } from '../config.ts';
import { silentLogger, type Logger } from '../log.ts';
import { connect, withStartupLock, type Database } from './database.ts';
import { EMBEDDED_ROLES } from './database-roles.ts';
import { DATABASE_NAME, openEmbeddedDatabase, urlFor } from './embedded-postgres.ts';
import { prepareEmbeddedRoles, type DatabaseUrls } from './prepare-database.ts';

export interface OpenedDatabase extends Database, DatabaseUrls {
  /** Where the data lives, for messages: the data folder or the server URL without its password. */
  description: string;
}

/**
 * DATABASE_URL when set (DATABASE_OWNER_URL, when set too, changes the schema);
 * otherwise the embedded PostgreSQL in DATA_DIR, served as `kumoji_app` and
 * owned by `kumoji_owner`, both made here by its bootstrap superuser.
 * `mode: 'tool'` uses an embedded server that is already running rather than starting a second one.
 */
export async function openDatabase(
  config: Config,
  mode: 'server' | 'tool',
  command: string,
  log: (m: string) => void,
  logger: Logger = silentLogger,
): Promise<OpenedDatabase> {
  if (config.DATABASE_URL) {
    const database = connect(config.DATABASE_URL, config.DATABASE_POOL_SIZE, logger);
    const safeUrl = config.DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return { ...database, url: config.DATABASE_URL, ownerUrl: config.DATABASE_OWNER_URL ?? config.DATABASE_URL, description: safeUrl };
  }
  const embedded = await openEmbeddedDatabase({ dataDir: config.dataDir, mode, command, runAsUser: config.PG_RUN_AS, log, logger });
  try {
    await withStartupLock(embedded.url, () => prepareEmbeddedRoles(embedded.url));
  } catch (e) {
    await embedded.close();
    throw e;
  }
  const url = urlFor(embedded.socketDir, DATABASE_NAME, EMBEDDED_ROLES.serving);
  const database = connect(url, config.DATABASE_POOL_SIZE, logger);
  return {
    ...database,
    url,
    ownerUrl: urlFor(embedded.socketDir, DATABASE_NAME, EMBEDDED_ROLES.owner),
    description: `embedded PostgreSQL in ${config.dataDir}`,
    async close() {
      await database.close().catch(() => undefined);
      await embedded.close();
    },
  };
}
