import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { verifyAudit } from '../../src/server/platform/audit/audit-verify.repository.ts';
import { entryHash } from '../../src/server/platform/audit/audit.chain.ts';
import { DataContext } from '../../src/server/platform/db/data-context.ts';
import { createOrganisation } from '../helpers/test-app.ts';
import { countedOrganisation } from '../helpers/query-count.ts';
import { TEST_AUDIT_KEY } from '../helpers/test-database.ts';

/**
 * Statements per request on the inventory's common paths. Each is a round
 * trip to the database; a PATCH of an asset's notes used to take 11.
 */

const w = countedOrganisation();

const createAsset = async (name: string) => {
  const r = await w.org.owner.client.post('/api/v1/assets', { name, medium: 'electronic', records: 10, rank: 'B', unitValueThousandYen: '1' });
  assert.equal(r.status, 201, r.raw);
  return r.body as { id: string; version: number; notes: string };
};

const auditRows = async (id: string) =>
  (await w.t.database.pool.query<{ action: string; before: unknown; after: unknown }>('select action, before, after from audit_log where entity_id = $1 order by seq', [id])).rows;

describe('a notes-only PATCH', () => {
  test('runs at most 4 statements: session and membership, the versioned update, the audit append', async () => {
    const asset = await createAsset('顧客台帳');
    const { result: r, statements } = await w.counter.measure(() => w.org.owner.client.patch(`/api/v1/assets/${asset.id}`, { version: asset.version, notes: '四半期ごとに見直します' }));
    assert.equal(r.status, 200, r.raw);
    assert.ok(statements.length <= 4, `${statements.length} statements:\n${statements.join('\n')}`);
    // The answer is the row as updated, not a guess: the new notes, the next version, the owner's joins.
    assert.equal(r.body.notes, '四半期ごとに見直します');
    assert.equal(r.body.version, asset.version + 1);
    const read = await w.org.owner.client.get(`/api/v1/assets/${asset.id}`);
    assert.deepEqual(r.body, read.body);
    const rows = await auditRows(asset.id);
    assert.deepEqual(rows.at(-1), { action: 'asset.update', before: { notes: '' }, after: { notes: '四半期ごとに見直します' } });
  });

  test('a stale version still gets 409 and changes nothing, within the same budget', async () => {
    const asset = await createAsset('旧版の台帳');
    const fresh = await w.org.owner.client.patch(`/api/v1/assets/${asset.id}`, { version: asset.version, notes: '一回目' });
    assert.equal(fresh.status, 200, fresh.raw);
    const { result: r, statements } = await w.counter.measure(() => w.org.owner.client.patch(`/api/v1/assets/${asset.id}`, { version: asset.version, notes: '二回目' }));
    assert.equal(r.status, 409, r.raw);
    assert.ok(statements.length <= 4, `${statements.length} statements:\n${statements.join('\n')}`);
    const read = await w.org.owner.client.get(`/api/v1/assets/${asset.id}`);
    assert.equal(read.body.notes, '一回目');
    assert.equal(read.body.version, asset.version + 1);
    assert.equal((await auditRows(asset.id)).length, 2);
  });

  test('another organisation\'s asset is 404 and nothing is written', async () => {
    const other = await createOrganisation(w.t);
    const asset = await createAsset('他社に見えない台帳');
    const { result: r } = await w.counter.measure(() => other.owner.client.patch(`/api/v1/assets/${asset.id}`, { version: asset.version, notes: '書き換え' }));
    assert.equal(r.status, 404, r.raw);
    assert.equal((await w.org.owner.client.get(`/api/v1/assets/${asset.id}`)).body.notes, '');
    assert.equal((await auditRows(asset.id)).length, 1);
  });
});

/** The chain's problems, in brief: kind and the seqs they name. */
async function problemsOf(organisationId: string) {
  const report = await verifyAudit(w.t.database.pool, Buffer.from(TEST_AUDIT_KEY, 'hex'), `org:${organisationId}`);
  return report.problems.map((p) => ({ kind: p.kind, ...('seq' in p ? { seq: p.seq } : {}) }));
}

const headOf = async (organisationId: string) =>
  (await w.t.database.pool.query<{ seq: number; hash: string }>('select seq, hash from audit_heads where chain = $1', [`org:${organisationId}`])).rows[0];

/** A row written around Kumoji at the seq the next entry would take, with the hash Kumoji would give it; the head moved onto it or not. */
async function forgeEntry(organisationId: string, moveHead: boolean) {
  const chain = `org:${organisationId}`;
  const head = await headOf(organisationId);
  const entry = { chain, seq: head.seq + 1, organisationId, actorUserId: null, actorLabel: 'x', at: new Date(), action: 'asset.delete', entityType: 'asset', entityId: null, before: null, after: null, meta: null };
  const hash = entryHash(head.hash, entry);
  await w.t.database.queryAsOwner(
    `insert into audit_log (chain, seq, organisation_id, actor_label, at, action, entity_type, prev_seq, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [chain, entry.seq, organisationId, entry.actorLabel, entry.at, entry.action, entry.entityType, head.seq, head.hash, hash],
  );
  if (moveHead) await w.t.database.queryAsOwner('update audit_heads set seq = $2, hash = $3 where chain = $1', [chain, entry.seq, hash]);
  return entry.seq;
}

describe('the edit keeps the audit chain whole', () => {
  test('edits side by side each get their own entry, in order, and the chain verifies with its seal', async () => {
    const own = await createOrganisation(w.t);
    const created = [];
    for (let i = 0; i < 6; i++) {
      const r = await own.owner.client.post('/api/v1/assets', { name: `並行台帳${i}`, medium: 'paper', records: 1, rank: 'C', unitValueThousandYen: '1' });
      created.push(r.body as { id: string; version: number });
    }
    const before = await headOf(own.id);
    const edits = await Promise.all(created.map((a, i) => own.owner.client.patch(`/api/v1/assets/${a.id}`, { version: a.version, notes: `並行${i}` })));
    assert.deepEqual(edits.map((r) => r.status), created.map(() => 200));
    assert.equal((await headOf(own.id)).seq, before.seq + created.length);
    for (const a of created) assert.equal((await auditRows(a.id)).length, 2);
    assert.deepEqual(await problemsOf(own.id), []);
  });

  test('a row past the head is stepped over as by every other change, and only it is reported', async () => {
    const own = await createOrganisation(w.t);
    const r = await own.owner.client.post('/api/v1/assets', { name: '踏み越え台帳', medium: 'paper', records: 1, rank: 'C', unitValueThousandYen: '1' });
    const forged = await forgeEntry(own.id, false);
    const edit = await own.owner.client.patch(`/api/v1/assets/${r.body.id}`, { version: r.body.version, notes: '偽の行の後' });
    assert.equal(edit.status, 200, edit.raw);
    assert.equal(edit.body.notes, '偽の行の後');
    assert.equal((await headOf(own.id)).seq, forged + 1);
    assert.deepEqual(await problemsOf(own.id), [{ kind: 'entry-off-chain', seq: forged }]);
  });

  test('a head moved without the key keeps its bad seal: the edit does not vouch for it', async () => {
    const own = await createOrganisation(w.t);
    const r = await own.owner.client.post('/api/v1/assets', { name: '封印台帳', medium: 'paper', records: 1, rank: 'C', unitValueThousandYen: '1' });
    const forged = await forgeEntry(own.id, true);
    assert.deepEqual(await problemsOf(own.id), [{ kind: 'seal-mismatch', seq: forged }]);
    const edit = await own.owner.client.patch(`/api/v1/assets/${r.body.id}`, { version: r.body.version, notes: '封印の後' });
    assert.equal(edit.status, 200, edit.raw);
    assert.deepEqual(await problemsOf(own.id), [{ kind: 'seal-mismatch', seq: forged + 1 }]);
  });
});

describe('the list', () => {
  test('a first page takes the session, the page and its count', async () => {
    await createAsset('一覧の台帳');
    const { result: r, statements } = await w.counter.measure(() => w.org.owner.client.get('/api/v1/assets?limit=10'));
    assert.equal(r.status, 200, r.raw);
    assert.ok(r.body.items.length > 0);
    assert.ok(statements.length <= 3, `${statements.length} statements:\n${statements.join('\n')}`);
  });

  test('the page read is a prepared statement, parsed once per connection and then only executed', async () => {
    const client = await w.t.database.pool.connect();
    try {
      const ctx = DataContext.ofJob({ db: drizzle(client) as never }, w.org.id, { userId: null, label: null });
      const query = sql`select count(*)::int as n from assets where organisation_id = ${w.org.id}`;
      const first = await ctx.executePrepared<{ n: number }>(query);
      const again = await ctx.executePrepared<{ n: number }>(query);
      assert.deepEqual(again.rows, first.rows);
      const { rows } = await client.query<{ name: string }>(`select name from pg_prepared_statements where name like 'kumoji_%' and statement like '%count(*)::int as n from assets%'`);
      assert.equal(rows.length, 1, 'one statement for the two reads');
    } finally {
      client.release();
    }
  });
});
