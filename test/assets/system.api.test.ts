import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { count, insertAsset, loadCatalog } from './portfolio-fixtures.ts';

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
let workloadId: string;
let assetId: string;
let systemOfB: string;
let workloadOfB: string;

const auditCount = () => count(t, 'select count(*)::int as n from audit_log');
const systemCount = () => count(t, 'select count(*)::int as n from systems');
const dependencyCount = () => count(t, 'select count(*)::int as n from system_dependencies');
const findingCodes = (s: { findings: { code: string }[] }) => s.findings.map((f) => f.code);

async function createSystem(body: Record<string, unknown>, org = orgA) {
  const r = await org.owner.client.post('/api/v1/systems', { criticality: 'high', currentPlacement: 'mainframe', ...body });
  assert.equal(r.status, 201, r.raw);
  return r.body;
}

before(async () => {
  t = await createTestApp();
  await loadCatalog(t);
  orgA = await createOrganisation(t, { name: 'Enterprise A' });
  orgB = await createOrganisation(t, { name: 'Enterprise B' });
  auditorA = await addMember(t, orgA.id, 'auditor');
  assetId = await insertAsset(t, orgA.id, { name: '勘定系データベース', rank: 'A' });
  workloadId = (await orgA.owner.client.post('/api/v1/workloads', { name: '勘定系業務' })).body.id;
  systemOfB = (await createSystem({ name: 'B の基幹系' }, orgB)).id;
  workloadOfB = (await orgB.owner.client.post('/api/v1/workloads', { name: 'B の業務' })).body.id;
});
after(() => t.close());

describe('the system portfolio (seed 004, FACTS.md 5)', () => {
  let core: { id: string; version: number };
  let bi: { id: string; version: number };

  test('a mainframe system kept where it is (retain), with its workload and asset', async () => {
    const before = await auditCount();
    core = await createSystem({
      name: '勘定系システム',
      description: 'メーンフレーム上の基幹トランザクション処理',
      criticality: 'critical',
      strategy: 'retain',
      rationale: '稼働実績を損なわないため当面オンプレミスで維持する',
      workloadIds: [workloadId],
      assetIds: [assetId],
    });
    const s = core as unknown as Record<string, unknown>;
    assert.equal(s.finalPlacement, 'mainframe');
    assert.deepEqual(s.workloads, [{ id: workloadId, name: '勘定系業務' }]);
    assert.deepEqual(s.assets, [{ id: assetId, name: '勘定系データベース' }]);
    assert.deepEqual(s.findings, []);
    assert.equal(await auditCount(), before + 1);
  });

  test('a BI system moved to the public cloud depending on it: the hybrid boundary needs a link (seed 004)', async () => {
    bi = await createSystem({
      name: '帳票・BI 分析',
      criticality: 'medium',
      strategy: 'refactor',
      effortPersonMonths: 12.5,
      rationale: '帳票作成と分析をクラウドへオフロードする',
      targetPlacement: 'public_cloud',
      dependsOnIds: [core.id],
    });
    const s = bi as unknown as { dependsOn: { id: string }[]; findings: { code: string; systemIds?: string[] }[]; effortPersonMonths: number };
    assert.equal(s.effortPersonMonths, 12.5);
    assert.deepEqual(s.dependsOn.map((d) => d.id), [core.id]);
    assert.deepEqual(findingCodes(s), ['hybridLinkMissing', 'apiGatewayRecommended']);
    assert.deepEqual(s.findings[0].systemIds, [core.id]);
    const again = (await orgA.owner.client.get(`/api/v1/systems/${core.id}`)).body;
    assert.deepEqual(again.dependents.map((d: { id: string }) => d.id), [bi.id]);
    assert.deepEqual(findingCodes(again), ['hybridLinkMissing', 'apiGatewayRecommended']);
  });

  test('connections declared: a dedicated line and an API gateway close the findings', async () => {
    const u = await orgA.owner.client.patch(`/api/v1/systems/${bi.id}`, { connections: ['dedicated_line', 'api_gateway'], version: bi.version });
    assert.equal(u.status, 200, u.raw);
    bi = u.body;
    assert.deepEqual(findingCodes(u.body), []);
    assert.deepEqual(u.body.dependsOn.map((d: { id: string }) => d.id), [core.id], 'links not sent stay as they were');
  });

  test('a dependency cycle is allowed, detected and named', async () => {
    const u = await orgA.owner.client.patch(`/api/v1/systems/${core.id}`, { dependsOnIds: [bi.id], version: core.version });
    assert.equal(u.status, 200, u.raw);
    core = u.body;
    assert.ok(findingCodes(u.body).includes('inCycle'));
    const list = await orgA.owner.client.get('/api/v1/systems');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.cycles.map((c: string[]) => [...c].sort()), [[core.id, bi.id].sort()]);
    const { rows } = await t.database.pool.query("select before, after from audit_log where action = 'system.update' and entity_id = $1", [core.id]);
    assert.deepEqual(rows[0].before.dependsOnIds, []);
    assert.deepEqual(rows[0].after.dependsOnIds, [bi.id]);
  });

  test('the portfolio: strategy by criticality, placement now and after, boundary links, the 7 Rs from the catalog', async () => {
    await createSystem({ name: '旧帳票サーバ', criticality: 'low', strategy: 'retire', rationale: '利用者がいない', currentPlacement: 'on_premises' });
    await createSystem({ name: '人事給与', criticality: 'medium' });
    const r = await orgA.owner.client.get('/api/v1/portfolio');
    assert.equal(r.status, 200, r.raw);
    const p = r.body;
    assert.deepEqual(p.strategies.map((s: { code: string }) => s.code), ['rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'relocate']);
    assert.equal(p.strategies[0].name.ja, 'リホスト');
    assert.deepEqual(
      p.matrix.map((c: { strategy: string | null; criticality: string; systemIds: string[] }) => [c.strategy, c.criticality, c.systemIds.length]),
      [
        ['refactor', 'medium', 1],
        ['retire', 'low', 1],
        ['retain', 'critical', 1],
        [null, 'medium', 1],
      ],
    );
    assert.deepEqual(p.totals, { systems: 4, effortPersonMonths: 12.5, undecided: 1 });
    assert.deepEqual(
      p.placement.target.map((g: { placement: string; systemIds: string[] }) => [g.placement, g.systemIds.length]),
      [
        ['mainframe', 2],
        ['public_cloud', 1],
        ['retired', 1],
      ],
    );
    assert.equal(p.placement.boundaryLinks.length, 2);
    assert.deepEqual(p.placement.boundaryLinks[0].connections, ['dedicated_line', 'api_gateway']);
    assert.equal(p.cycles.length, 1);
    assert.ok(p.principles.some((x: { id: string }) => x.id === 'urn:kumoji:seed-004:hybrid-design:secure-connection-api-gateway'));
  });

  test('deleting a system removes the dependencies on it, audited', async () => {
    const leaf = await createSystem({ name: '一時システム', dependsOnIds: [core.id] });
    const deps = await dependencyCount();
    const d = await orgA.owner.client.delete(`/api/v1/systems/${leaf.id}`);
    assert.equal(d.status, 204);
    assert.equal(await dependencyCount(), deps - 1);
    const { rows } = await t.database.pool.query("select before from audit_log where action = 'system.delete' and entity_id = $1", [leaf.id]);
    assert.deepEqual(rows[0].before.dependsOnIds, [core.id]);
    assert.equal((await orgA.owner.client.get(`/api/v1/systems/${leaf.id}`)).status, 404);
  });

  test('deleting a workload takes it out of the systems that used it', async () => {
    const w = await orgA.owner.client.post('/api/v1/workloads', { name: '外される業務' });
    const s = await createSystem({ name: '業務を持つシステム', workloadIds: [w.body.id] });
    assert.equal((await orgA.owner.client.delete(`/api/v1/workloads/${w.body.id}`)).status, 204);
    assert.deepEqual((await orgA.owner.client.get(`/api/v1/systems/${s.id}`)).body.workloads, []);
  });
});

describe('bad input changes nothing', () => {
  let own: { id: string; version: number };
  before(async () => {
    own = await createSystem({ name: '検証用システム' });
  });

  async function unchanged(action: () => Promise<void>) {
    const [audit, systems, deps] = [await auditCount(), await systemCount(), await dependencyCount()];
    await action();
    assert.equal(await auditCount(), audit, 'audit trail unchanged');
    assert.equal(await systemCount(), systems, 'systems unchanged');
    assert.equal(await dependencyCount(), deps, 'dependencies unchanged');
  }

  test('depending on itself: 400 on the field', () =>
    unchanged(async () => {
      const r = await orgA.owner.client.patch(`/api/v1/systems/${own.id}`, { dependsOnIds: [own.id], version: own.version });
      assert.equal(r.status, 400, r.raw);
      assert.deepEqual(r.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['dependsOnIds.0', 'selfDependency']]);
    }));

  test('a system, workload or asset of another organisation, or an unknown id: 400 on each field', () =>
    unchanged(async () => {
      const r = await orgA.owner.client.post('/api/v1/systems', {
        name: '他組織への依存',
        criticality: 'low',
        currentPlacement: 'on_premises',
        dependsOnIds: [systemOfB, randomUUID()],
        workloadIds: [workloadOfB],
        assetIds: [randomUUID()],
      });
      assert.equal(r.status, 400, r.raw);
      assert.equal(r.body.code, 'referenceNotFound');
      assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['workloadIds.0', 'assetIds.0', 'dependsOnIds.0', 'dependsOnIds.1']);
    }));

  test('schema violations', async () => {
    const base = { name: 'x', criticality: 'high', currentPlacement: 'mainframe' };
    const cases: [string, unknown][] = [
      ['8th R', { ...base, strategy: 'rewrite' }],
      ['placement', { ...base, currentPlacement: 'moon' }],
      ['criticality missing', { name: 'x', currentPlacement: 'mainframe' }],
      ['negative effort', { ...base, effortPersonMonths: -1 }],
      ['two decimals', { ...base, effortPersonMonths: 1.25 }],
      ['effort as text', { ...base, effortPersonMonths: '3' }],
      ['connection', { ...base, connections: ['carrier-pigeon'] }],
      ['duplicate dependency', { ...base, dependsOnIds: [own.id, own.id] }],
      ['unknown field', { ...base, owner: 'me' }],
      ['control characters', { ...base, rationale: 'a\u0000b' }],
    ];
    await unchanged(async () => {
      for (const [name, body] of cases) {
        const r = await orgA.owner.client.post('/api/v1/systems', body);
        assert.equal(r.status, 400, `${name}: ${r.raw}`);
      }
    });
  });

  test('a stale version gets 409', async () => {
    const fresh = await createSystem({ name: '版管理システム' });
    assert.equal((await orgA.owner.client.patch(`/api/v1/systems/${fresh.id}`, { criticality: 'low', version: 1 })).status, 200);
    await unchanged(async () => {
      const r = await orgA.owner.client.patch(`/api/v1/systems/${fresh.id}`, { criticality: 'critical', dependsOnIds: [own.id], version: 1 });
      assert.equal(r.status, 409, r.raw);
    });
    assert.equal((await orgA.owner.client.get(`/api/v1/systems/${fresh.id}`)).body.criticality, 'low');
  });

  test('another organisation gets 404 for read, update and delete; a duplicate name 409', async () => {
    await unchanged(async () => {
      assert.equal((await orgB.owner.client.get(`/api/v1/systems/${own.id}`)).status, 404);
      assert.equal((await orgB.owner.client.patch(`/api/v1/systems/${own.id}`, { name: 'x', version: 1 })).status, 404);
      assert.equal((await orgB.owner.client.delete(`/api/v1/systems/${own.id}`)).status, 404);
      assert.equal((await orgA.owner.client.post('/api/v1/systems', { name: '検証用システム', criticality: 'low', currentPlacement: 'mainframe' })).status, 409);
      assert.equal((await auditorA.client.post('/api/v1/systems', { name: '監査人', criticality: 'low', currentPlacement: 'mainframe' })).status, 403);
    });
    assert.equal((await orgB.owner.client.get('/api/v1/systems')).body.items.length, 1);
    assert.equal((await auditorA.client.get('/api/v1/portfolio')).status, 200);
  });
});
