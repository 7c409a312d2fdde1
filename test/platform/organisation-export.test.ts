import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The per-organisation export over HTTP: every row of every table that
 * carries the organisation's id, and nothing of another organisation's;
 * members without their credentials; the export itself on the audit trail;
 * only the owner may take it.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  auditorA = await addMember(t, orgA.id, 'auditor', 'en');
  for (const org of [orgA, orgB]) {
    const asset = await org.owner.client.post('/api/v1/assets', { name: `顧客台帳 ${org.id.slice(0, 4)}`, medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1' });
    assert.equal(asset.status, 201, asset.raw);
    const plan = await org.owner.client.post('/api/v1/backup-plans', { name: '顧客データ', frequency: 'daily', retentionDays: 30, copies: [{ label: '本番', medium: 'disk', location: 'primarySite' }] });
    assert.equal(plan.status, 201, plan.raw);
  }
});
after(() => t.close());

describe('an organisation’s export', () => {
  let file: { format: string; organisation: { id: string; name: string }; members: { email: string; role: string }[]; auditHead: { chain: string; seq: number }; tables: Record<string, Record<string, unknown>[]> };
  let raw = '';

  test('the owner gets one JSON file of the organisation', async () => {
    const r = await orgA.owner.client.request('GET', '/api/v1/organisation/export');
    assert.equal(r.status, 200, r.raw);
    assert.match(String(r.headers['content-disposition']), /attachment; filename/);
    raw = r.raw;
    file = JSON.parse(raw);
    assert.equal(file.format, 'kumoji-organisation-export');
    assert.equal(file.organisation.id, orgA.id);
    assert.deepEqual(file.members.map((m) => m.role).sort(), ['auditor', 'owner']);
  });

  test('every table with an organisation id holds exactly the organisation’s rows', async () => {
    const { rows } = await t.database.pool.query<{ name: string }>(`select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'organisation_id'`);
    const credentials = ['sessions', 'invitations', 'calendar_feeds'];
    for (const { name } of rows) {
      if (credentials.includes(name)) {
        assert.ok(!(name in file.tables), `${name} is left out`);
        continue;
      }
      const { rows: counted } = await t.database.pool.query<{ n: number }>(`select count(*)::int as n from "${name}" where organisation_id = $1`, [orgA.id]);
      assert.equal(file.tables[name]?.length, counted[0].n, name);
      assert.ok(file.tables[name]!.every((row) => row.organisation_id === orgA.id), name);
    }
    assert.equal(file.tables.assets!.length, 1);
    assert.equal(file.tables.backup_plans!.length, 1);
  });

  test('nothing of another organisation’s, and no credentials', async () => {
    assert.ok(!raw.includes(orgB.id), 'organisation B’s id appears nowhere');
    for (const secret of ['password_hash', 'passwordHash', 'mfa_secret', 'token_hash']) assert.ok(!raw.includes(secret), secret);
  });

  test('the export is on the trail, before its own head', async () => {
    const entries = file.tables.audit_log!;
    assert.ok(entries.some((e) => e.action === 'organisation.export'));
    assert.equal(file.auditHead.chain, `org:${orgA.id}`);
    assert.equal(file.auditHead.seq, entries.length);
  });

  test('an auditor may not take it', async () => {
    const r = await auditorA.client.request('GET', '/api/v1/organisation/export');
    assert.equal(r.status, 403, r.raw);
  });
});
