import pg from 'pg';
import { auditKey } from '../audit/audit-key.ts';
import { headSeal, type ChainHead } from '../audit/audit.seal.ts';
import type { Job } from '../jobs/job.ts';
import { installJobQueue } from '../jobs/job-queue.ts';
import { connect, runMigrations, type Database } from './database.ts';
import { DATABASE_NAME } from './embedded-postgres.ts';
import { EMBEDDED_ROLES, ensureRoles, giveOwnership, grantServingRole, roleOf } from './database-roles.ts';

/** The two connections: `url` serves requests, `ownerUrl` changes the schema (the same URL when one role does both). */
export interface DatabaseUrls {
  url: string;
  ownerUrl: string;
}

const hasHeadSeals = async (owner: Database) =>
  (
    await owner.pool.query(
      `select from information_schema.columns where table_schema = 'public' and table_name = 'audit_heads' and column_name = 'seal'`,
    )
  ).rowCount === 1;

/**
 * The heads that existed when the migration adding seals ran get their first
 * seal, with the installed audit key. Only then: a head whose seal is missing
 * later was changed by someone, and sealing it would vouch for them.
 */
async function sealHeadsOfEarlierVersions(owner: Database): Promise<void> {
  const { rows } = await owner.pool.query<ChainHead>('select chain, seq, hash from audit_heads where seal is null');
  if (!rows.length) return;
  const key = auditKey();
  for (const head of rows) {
    await owner.pool.query('update audit_heads set seal = $2 where chain = $1 and seal is null', [head.chain, headSeal(key, head)]);
  }
}

/**
 * Everything that changes the schema, as the owner role: migrations (sealing
 * the audit heads of an earlier version), pg-boss's schema, the queues and their schedules,
 * then the serving role's grants. Call it under `withStartupLock(urls.ownerUrl, …)`,
 * with the audit key installed. Returns how many migrations it applied.
 */
export async function prepareDatabase(urls: DatabaseUrls, jobs: readonly Job[]): Promise<number> {
  const owner = connect(urls.ownerUrl, 2);
  try {
    const sealsBefore = await hasHeadSeals(owner);
    const applied = await runMigrations(owner);
    if (!sealsBefore) await sealHeadsOfEarlierVersions(owner);
    await installJobQueue(owner, jobs);
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
