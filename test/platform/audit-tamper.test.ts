import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { verifyAudit } from '../../src/server/platform/audit/audit-verify.repository.ts';
import { entryHash } from '../../src/server/platform/audit/audit.chain.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';
import { TEST_AUDIT_KEY } from '../helpers/test-database.ts';

/**
 * Tampering by someone with the database owner's rights (or a superuser's),
 * which the trigger on audit_log does not stop: deleting the newest entries
 * or a whole chain, and appending an entry with a correct hash. Each test
 * tampers with a chain of its own and verifies that chain only.
 */

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/kumoji.mjs');

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function cliVerify(chain: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, 'audit', 'verify', '--chain', chain], {
      env: { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent', KUMOJI_AUDIT_KEY: TEST_AUDIT_KEY },
    });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

/** The chain's problems, in brief: kind and the seqs they name. */
async function problemsOf(chain: string, key = Buffer.from(TEST_AUDIT_KEY, 'hex')) {
  const report = await verifyAudit(t.database.pool, key, chain);
  return report.problems.map(({ kind, ...p }) => ({
    kind,
    ...Object.fromEntries(Object.entries(p).filter(([k]) => ['seq', 'fromSeq', 'toSeq', 'pastHead'].includes(k))),
  }));
}

/** One transaction as the owner with audit_log's guard switched off, as an intruder with those rights would. */
const aroundTheTrigger = (statements: string) =>
  t.database.queryAsOwner(
    `begin; alter table audit_log disable trigger audit_log_no_update_delete;
     ${statements};
     alter table audit_log enable trigger audit_log_no_update_delete; commit;`,
  );

/** An organisation whose chain holds member.add and two invitation.create entries, and verifies. */
async function organisationWithTrail(): Promise<{ org: TestOrganisation; chain: string }> {
  const org = await createOrganisation(t);
  for (const email of ['a@example.jp', 'b@example.jp']) {
    assert.equal((await org.owner.client.post('/api/v1/invitations', { email, role: 'staff' })).status, 201);
  }
  const chain = `org:${org.id}`;
  assert.deepEqual(await problemsOf(chain), []);
  return { org, chain };
}

type LogRow = { id: number; seq: number; hash: string; chain: string; organisation_id: string; actor_user_id: string; actor_label: string };
const newest = async (chain: string) =>
  (await t.database.pool.query<LogRow>('select * from audit_log where chain = $1 order by seq desc limit 1', [chain])).rows[0];

/** A row written straight into the table, with the hash Kumoji would give it (the algorithm is public). */
async function forgeAppend(chain: string, moveHead: boolean) {
  const last = await newest(chain);
  const entry = {
    chain,
    seq: last.seq + 1,
    organisationId: last.organisation_id,
    actorUserId: last.actor_user_id,
    actorLabel: last.actor_label,
    at: new Date(),
    action: 'member.role-change',
    entityType: 'member',
    entityId: last.actor_user_id,
    before: { role: 'staff' },
    after: { role: 'owner' },
    meta: null,
  };
  const hash = entryHash(last.hash, entry);
  await t.database.queryAsOwner(
    `insert into audit_log (chain, seq, organisation_id, actor_user_id, actor_label, at, action, entity_type, entity_id, before, after, meta, prev_seq, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [chain, entry.seq, entry.organisationId, entry.actorUserId, entry.actorLabel, entry.at, entry.action, entry.entityType, entry.entityId,
      JSON.stringify(entry.before), JSON.stringify(entry.after), null, last.seq, last.hash, hash],
  );
  if (moveHead) await t.database.queryAsOwner('update audit_heads set seq = $2, hash = $3 where chain = $1', [chain, entry.seq, hash]);
  return entry.seq;
}

describe('audit verify finds deletions and forged appends', () => {
  test('a clean chain passes, with its sealed head', async () => {
    const { chain } = await organisationWithTrail();
    const { rows } = await t.database.pool.query('select seq, seal from audit_heads where chain = $1', [chain]);
    assert.equal(rows[0].seq, 3);
    assert.match(rows[0].seal, /^[0-9a-f]{64}$/);
  });

  test('deleting the newest entry fails verification', async () => {
    const { chain } = await organisationWithTrail();
    const last = await newest(chain);
    await aroundTheTrigger(`delete from audit_log where id = ${Number(last.id)}`);
    assert.deepEqual(await problemsOf(chain), [{ kind: 'entries-missing', fromSeq: 3, toSeq: 3 }]);
  });

  test('deleting a whole chain, rows and head, fails verification', async () => {
    const { chain } = await organisationWithTrail();
    await aroundTheTrigger(`delete from audit_log where chain = '${chain}'; delete from audit_heads where chain = '${chain}'`);
    assert.deepEqual(await problemsOf(chain), [{ kind: 'chain-missing' }]);
    // And when the whole trail is checked, not one chain named on the command line.
    const all = await verifyAudit(t.database.pool, Buffer.from(TEST_AUDIT_KEY, 'hex'));
    assert.ok(all.problems.some((p) => p.chain === chain && p.kind === 'chain-missing'));
  });

  test("deleting a whole chain's rows, keeping its head, fails verification", async () => {
    const { chain } = await organisationWithTrail();
    await aroundTheTrigger(`delete from audit_log where chain = '${chain}'`);
    assert.deepEqual(await problemsOf(chain), [{ kind: 'entries-missing', fromSeq: 1, toSeq: 3 }]);
    await t.database.queryAsOwner('delete from audit_heads where chain = $1', [chain]);
    assert.deepEqual(await problemsOf(chain), [{ kind: 'chain-missing' }]);
  });

  test('a forged row past the head fails verification, and the next real write still succeeds', async () => {
    const { org, chain } = await organisationWithTrail();
    const forgedSeq = await forgeAppend(chain, false);
    assert.deepEqual(await problemsOf(chain), [{ kind: 'entry-off-chain', seq: 4, pastHead: true }]);

    // The forged row takes the seq the next entry would have had; the write is not refused for it.
    const write = await org.owner.client.post('/api/v1/invitations', { email: 'c@example.jp', role: 'staff' });
    assert.equal(write.status, 201, write.raw);
    const after = await newest(chain);
    assert.equal(after.seq, forgedSeq + 1);
    // The real entries and the sealed head are sound; only the forged row is reported, by the command too.
    assert.deepEqual(await problemsOf(chain), [{ kind: 'entry-off-chain', seq: 4, pastHead: false }]);
    const broken = await cliVerify(chain);
    assert.equal(broken.code, 1, broken.stdout);
    assert.match(broken.stdout, new RegExp(`BROKEN: chain ${chain}: entry seq ${forgedSeq} \\(row id \\d+\\) is not on the chain: written around Kumoji`));
    assert.match(broken.stdout, /1 problem\(s\) in 5 entries of 1 chain\(s\)/);
  });

  test('the export leaves out a forged row and closes with the sealed head, not the newest row', async () => {
    const { org, chain } = await organisationWithTrail();
    const forgedSeq = await forgeAppend(chain, false);
    const res = await org.owner.client.get('/api/v1/audit/export');
    assert.equal(res.status, 200, res.raw);
    const lines = res.raw.trim().split('\n').map((l) => JSON.parse(l));
    const head = lines.pop().head;
    const stored = (await t.database.pool.query('select seq, hash from audit_heads where chain = $1', [chain])).rows[0];
    // The export's own entry comes after the forged row and links back past it to the sealed head.
    assert.deepEqual({ seq: head.seq, hash: head.hash }, { seq: Number(stored.seq), hash: stored.hash });
    assert.deepEqual(lines.map((l) => l.seq), [1, 2, 3, forgedSeq + 1]);
    assert.equal(lines.at(-1).action, 'audit.export');
    assert.ok(!lines.some((l) => l.action === 'member.role-change'), 'the forged entry is not exported');
  });

  test('a forged row with the head moved onto it, without the key, shows as a bad seal; appends do not re-seal it', async () => {
    const { org, chain } = await organisationWithTrail();
    await forgeAppend(chain, true);
    assert.deepEqual(await problemsOf(chain), [{ kind: 'seal-mismatch', seq: 4 }]);

    const write = await org.owner.client.post('/api/v1/invitations', { email: 'd@example.jp', role: 'staff' });
    assert.equal(write.status, 201, write.raw);
    assert.deepEqual(await problemsOf(chain), [{ kind: 'seal-mismatch', seq: 5 }], 'a real append after the forgery must not launder it');
  });

  test('verification with another key reports the seal', async () => {
    const { chain } = await organisationWithTrail();
    assert.deepEqual(await problemsOf(chain, Buffer.from('b2'.repeat(32), 'hex')), [{ kind: 'seal-mismatch', seq: 3 }]);
  });

  test('the serving role may not delete a chain head', async () => {
    const { chain } = await organisationWithTrail();
    await assert.rejects(t.database.pool.query('delete from audit_heads where chain = $1', [chain]), /permission denied/);
    await assert.rejects(t.database.pool.query('truncate audit_heads'), /permission denied/);
    const member = await addMember(t, (await t.database.pool.query('select id from organisations limit 1')).rows[0].id, 'staff');
    assert.ok(member.userId, 'appends (which insert and move heads) still work as the serving role');
  });
});
