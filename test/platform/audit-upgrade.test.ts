import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { verifyAudit } from '../../src/server/platform/audit/audit-verify.repository.ts';
import { entryHash, GENESIS_HASH } from '../../src/server/platform/audit/audit.chain.ts';
import { MIGRATIONS_DIR, withStartupLock } from '../../src/server/platform/db/database.ts';
import { prepareDatabase } from '../../src/server/platform/db/prepare-database.ts';
import { JOBS } from '../../src/server/jobs.ts';
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from '../helpers/test-database.ts';

/**
 * A database of the version before head seals: its heads get their first seal
 * when the migration that adds the column runs, and never again after that.
 */

let database: TestDatabase;
const key = Buffer.from(TEST_AUDIT_KEY, 'hex');
const prepare = () => withStartupLock(database.ownerUrl, () => prepareDatabase(database, JOBS));

/** The shipped migrations up to (not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): { folder: string; later: number } {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  assert.ok(at > 0, `migration ${tag} is shipped`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kumoji-migrations-'));
  fs.cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return { folder, later: journal.entries.length - at };
}
const earlier = migrationsBefore('audit-head-seal');

before(async () => {
  // The schema of the earlier version: every migration before the seal's, as the owner.
  database = await createTestDatabase({ migrate: false });
  const owner = new pg.Pool({ connectionString: database.ownerUrl, max: 1 });
  try {
    await migrate(drizzle(owner), { migrationsFolder: earlier.folder });
  } finally {
    await owner.end();
  }
  // A chain as that version wrote it.
  const { rows } = await database.queryAsOwner<{ id: string }>(`insert into organisations (name) values ('旧版株式会社') returning id`);
  const chain = `org:${rows[0].id}`;
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq++) {
    const entry = {
      chain, seq, organisationId: rows[0].id, actorUserId: null, actorLabel: null, at: new Date(Date.UTC(2026, 0, seq)),
      action: 'asset.create', entityType: 'asset', entityId: `a${seq}`, before: null, after: { n: seq }, meta: null,
    };
    const hash = entryHash(prev, entry);
    await database.queryAsOwner(
      `insert into audit_log (chain, seq, organisation_id, at, action, entity_type, entity_id, after, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [chain, seq, entry.organisationId, entry.at, entry.action, entry.entityType, entry.entityId, JSON.stringify(entry.after), prev, hash],
    );
    prev = hash;
  }
  await database.queryAsOwner('insert into audit_heads (chain, seq, hash) values ($1, 3, $2)', [chain, prev]);
});
after(async () => {
  await database.drop();
  fs.rmSync(earlier.folder, { recursive: true, force: true });
});

test('the upgrade seals the heads already there, and a seal removed later stays removed', async () => {
  assert.equal(await prepare(), earlier.later, 'the seal migration runs, and those after it');
  const { rows } = await database.pool.query<{ chain: string; seal: string | null }>('select chain, seal from audit_heads');
  assert.equal(rows.length, 1);
  assert.match(rows[0].seal ?? '', /^[0-9a-f]{64}$/);
  assert.deepEqual((await verifyAudit(database.pool, key)).problems, [], 'entries of the earlier version (prev_seq null) verify');

  await database.queryAsOwner('update audit_heads set seal = null');
  assert.equal(await prepare(), 0);
  const report = await verifyAudit(database.pool, key);
  assert.deepEqual(report.problems.map((p) => p.kind), ['seal-mismatch'], 'a later start does not seal a head someone unsealed');
});
