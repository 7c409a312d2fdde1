import pg from 'pg';
import { installJobQueue } from '../jobs/job-queue.ts';
import { connect, runMigrations } from './database.ts';
import { DATABASE_NAME } from './embedded-postgres.ts';
import { EMBEDDED_ROLES, ensureRoles, giveOwnership, grantServingRole, roleOf } from './database-roles.ts';

/** The two connections: `url` serves requests, `ownerUrl` changes the schema (the same URL when one role does both). */
export interface DatabaseUrls {
  url: string;
  ownerUrl: string;
}

/**
 * Everything that changes the schema, as the owner role: migrations, pg-boss's
 * schema and the queues, then the serving role's grants. Call it under
 * `withStartupLock(urls.ownerUrl, …)`. Returns how many migrations it applied.
 */
export async function prepareDatabase(urls: DatabaseUrls, queues: readonly string[]): Promise<number> {
  const owner = connect(urls.ownerUrl, 2);
  try {
    const applied = await runMigrations(owner);
    await installJobQueue(owner, queues);
    if (urls.ownerUrl !== urls.url) await grantServingRole(owner.pool, await roleOf(urls.url));
    return applied;
  } finally {
    await owner.close();
  }
}

/**
 * The embedded database, as its bootstrap superuser (under the start-up lock):
 * the owner and serving roles exist, and the owner owns the database and
 * everything in it.
 */
export async function prepareEmbeddedRoles(superuserUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: superuserUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await ensureRoles(admin, EMBEDDED_ROLES);
    await giveOwnership(admin, DATABASE_NAME, EMBEDDED_ROLES.owner);
  } finally {
    await admin.end().catch(() => undefined);
  }
}
