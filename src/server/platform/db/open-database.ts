import type { Config } from '../config.ts';
import { connect, type Database } from './database.ts';
import { openEmbeddedDatabase } from './embedded-postgres.ts';

export interface OpenedDatabase extends Database {
  /** Where the data lives, for messages: the data folder or the server URL without its password. */
  description: string;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in DATA_DIR.
 * `mode: 'tool'` uses an embedded server that is already running rather than starting a second one.
 */
export async function openDatabase(
  config: Config,
  mode: 'server' | 'tool',
  command: string,
  log: (m: string) => void,
): Promise<OpenedDatabase> {
  if (config.DATABASE_URL) {
    const database = connect(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
    const safeUrl = config.DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return { ...database, description: safeUrl };
  }
  const embedded = await openEmbeddedDatabase({ dataDir: config.dataDir, mode, command, runAsUser: config.PG_RUN_AS, log });
  const database = connect(embedded.url, config.DATABASE_POOL_SIZE);
  return {
    ...database,
    description: `embedded PostgreSQL in ${config.dataDir}`,
    async close() {
      await database.close().catch(() => undefined);
      await embedded.close();
    },
  };
}
