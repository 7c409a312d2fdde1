import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verifyAudit } from '../../src/server/platform/audit/audit-verify.repository.ts';
import { entryHash, GENESIS_HASH } from '../../src/server/platform/audit/audit.chain.ts';
import { withStartupLock } from '../../src/server/platform/db/database.ts';
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

before(async () => {
  database = await createTestDatabase();
  // Back to the schema of the earlier version: the seal migration is the newest one.
  await database.queryAsOwner(
    `begin;
     alter table audit_heads drop column seal;
     alter table audit_log drop column prev_seq;
     delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations);
     commit;`,
  );
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
after(() => database.drop());

test('the upgrade seals the heads already there, and a seal removed later stays removed', async () => {
  assert.equal(await prepare(), 1, 'the seal migration runs');
  const { rows } = await database.pool.query<{ chain: string; seal: string | null }>('select chain, seal from audit_heads');
  assert.equal(rows.length, 1);
  assert.match(rows[0].seal ?? '', /^[0-9a-f]{64}$/);
  assert.deepEqual((await verifyAudit(database.pool, key)).problems, [], 'entries of the earlier version (prev_seq null) verify');

  await database.queryAsOwner('update audit_heads set seal = null');
  assert.equal(await prepare(), 0);
  const report = await verifyAudit(database.pool, key);
  assert.deepEqual(report.problems.map((p) => p.kind), ['seal-mismatch'], 'a later start does not seal a head someone unsealed');
});
