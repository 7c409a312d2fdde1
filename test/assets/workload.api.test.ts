import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { C, count, insertAsset, loadCatalog, setStage } from './portfolio-fixtures.ts';

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let staffA: TestMember;
let auditorA: TestMember;
let ledgerId: string; // お得意様台帳: rank A, personal data
let cardsId: string; // 会員Mカード台帳: rank B
let manualId: string; // マニュアル: rank C, basic
let assetOfB: string;

const auditCount = () => count(t, 'select count(*)::int as n from audit_log');
const workloadCount = () => count(t, 'select count(*)::int as n from workloads');
const linkCount = () => count(t, 'select count(*)::int as n from workload_assets');
const codes = (w: { assessment: { reasons: { code: string }[] } }) => w.assessment.reasons.map((r) => r.code);

before(async () => {
  t = await createTestApp();
  await loadCatalog(t);
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  staffA = await addMember(t, orgA.id, 'staff');
  auditorA = await addMember(t, orgA.id, 'auditor');
  // Seed 000 III.3.3 図11: 200 x 150千円 = 3,000万; 1,000 x 50千円 = 5,000万; the rest make up the 10,044万 inventory.
  ledgerId = await insertAsset(t, orgA.id, { name: 'お得意様台帳', rank: 'A', records: 200, unitValueYen: 150_000, sensitivity: 'sensitive', riskCategoryId: C.riskCategory('customer-personal-info'), containsPersonalData: true });
  cardsId = await insertAsset(t, orgA.id, { name: '会員Mカード台帳', rank: 'B', records: 1000, unitValueYen: 50_000 });
  manualId = await insertAsset(t, orgA.id, { name: '業務マニュアル', rank: 'C', records: 10_000, unitValueYen: 2000, sensitivity: 'basic' });
  await insertAsset(t, orgA.id, { name: 'その他', rank: 'C', records: 1, unitValueYen: 440_000 });
  assetOfB = await insertAsset(t, orgB.id, { name: 'B の台帳', rank: 'A' });
});
after(() => t.close());

describe('the selection tables', () => {
  test('come from the loaded catalog: 6 categories, Table 5, Table 6, Table 7 categories, the stages', async () => {
    const r = await orgA.owner.client.get('/api/v1/workload-reference');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.currentStage, null);
    assert.deepEqual(r.body.categories.map((c: { number: number }) => c.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(r.body.categories[1].examples.length, 2);
    assert.equal(r.body.impacts.length, 13);
    const personal = r.body.impacts.find((i: { id: string }) => i.id === C.impact('personal-info'));
    assert.deepEqual(personal.provider, { ja: 'アップロードしない', en: 'Not uploaded' });
    assert.equal(personal.stageXKind, 'personal');
    assert.equal(r.body.impacts.find((i: { id: string }) => i.id === C.impact('core-business-info')).core, true);
    assert.deepEqual(
      r.body.advantageThemes.map((a: { futurePriority: { ja: string } }) => a.futurePriority.ja),
      ['中', '中、高', '低', '高', '中、高'],
    );
    assert.equal(r.body.riskCategories.length, 7);
    assert.deepEqual(r.body.stages.map((s: { stage: string }) => s.stage), ['0', '1', '2', '3', '4', 'x']);
    assert.ok(r.body.collections.every((c: { source: string[] }) => c.source.length > 0));
  });
});

describe('recording workloads', () => {
  test('a risk-tolerable workload with its motives, category and assets, audited in the same transaction', async () => {
    const before = await auditCount();
    const r = await staffA.client.post('/api/v1/workloads', {
      name: '社内の電子メール',
      description: 'グループウェアとメール',
      motives: ['convenience', 'cost'],
      categoryId: C.category(2),
      impactIds: [C.impact('telework')],
      riskTolerable: true,
      advantageThemeId: C.theme('information'),
      pastPriority: 'medium',
      futurePriority: 'high',
      assetIds: [manualId],
    });
    assert.equal(r.status, 201, r.raw);
    const w = r.body;
    assert.equal(w.version, 1);
    assert.deepEqual(w.motives, ['convenience', 'cost']);
    assert.deepEqual(w.assets.map((a: { name: string }) => a.name), ['業務マニュアル']);
    assert.equal(w.isms.totalValueYen, '20000000');
    assert.equal(w.isms.highestRank, 'C');
    assert.equal(w.isms.shareOfInventoryPercent, 19.9); // 2,000万 of 10,044万
    // No stage decided yet: the verdict says so and treats the organisation as in stage 0.
    assert.equal(w.assessment.currentStage, null);
    assert.equal(w.assessment.verdict, 'notYet');
    assert.equal(w.assessment.earliestStage, '1');
    assert.ok(codes(w).includes('stageNotDiagnosed'));
    assert.ok(codes(w).includes('futurePriorityHigh'));
    assert.equal(await auditCount(), before + 1);
    const { rows } = await t.database.pool.query('select action, entity_type, entity_id, after from audit_log where entity_id = $1', [w.id]);
    assert.equal(rows[0].action, 'workload.create');
    assert.equal(rows[0].entity_id, w.id);
    assert.deepEqual(rows[0].after.assetIds, [manualId]);
  });

  test('the verdict follows the stage decided: stage 1 tries risk-tolerable work first (II.6.2)', async () => {
    await setStage(t, orgA.id, '1');
    const list = await orgA.owner.client.get('/api/v1/workloads');
    assert.equal(list.status, 200);
    assert.equal(list.body.currentStage, '1');
    const mail = list.body.items.find((w: { name: string }) => w.name === '社内の電子メール');
    assert.equal(mail.assessment.verdict, 'suitable');
    assert.equal(mail.assessment.recommendedNow, true);
    assert.ok(codes(mail).includes('stageOneFirstChoice'));
  });

  test('sensitive work (stage X) waits for stage 3 and then needs a stage X plan', async () => {
    const r = await orgA.owner.client.post('/api/v1/workloads', {
      name: '顧客管理',
      motives: ['continuity'],
      categoryId: C.category(4),
      impactIds: [C.impact('customer-personal-info')],
      riskTolerable: true,
      assetIds: [ledgerId, cardsId],
    });
    assert.equal(r.status, 201, r.raw);
    let w = r.body;
    assert.equal(w.assessment.verdict, 'notYet');
    assert.equal(w.assessment.earliestStage, '3');
    assert.equal(w.assessment.sensitive, true);
    assert.deepEqual(w.assessment.stageXKinds, ['sales_customer']);
    assert.equal(w.assessment.riskTolerable, false);
    assert.ok(codes(w).includes('riskToleranceContradicted'));
    assert.ok(codes(w).includes('rankAAssets'));
    assert.equal(w.isms.totalValueYen, '80000000');
    assert.equal(w.isms.shareOfInventoryPercent, 79.6);
    assert.equal(w.isms.personalDataCount, 1);

    await setStage(t, orgA.id, '3');
    w = (await orgA.owner.client.get(`/api/v1/workloads/${w.id}`)).body;
    assert.equal(w.assessment.verdict, 'needsStageXPlan');
    assert.ok(codes(w).includes('stageXPlanMissing'));

    // An empty plan is no plan.
    let u = await orgA.owner.client.patch(`/api/v1/workloads/${w.id}`, { stageXPlan: '   ', version: w.version });
    assert.equal(u.status, 200, u.raw);
    assert.equal(u.body.stageXPlan, null);
    assert.equal(u.body.assessment.verdict, 'needsStageXPlan');
    u = await orgA.owner.client.patch(`/api/v1/workloads/${w.id}`, { stageXPlan: 'ISMAP 登録事業者、デュアルクラウドでのバックアップ、個人情報保護法への対応', version: u.body.version });
    assert.equal(u.status, 200, u.raw);
    assert.equal(u.body.assessment.verdict, 'suitable');
    assert.ok(codes(u.body).includes('stageXPlanned'));
    // Fields not sent stay as they were.
    assert.deepEqual(u.body.assets.map((a: { id: string }) => a.id).sort(), [ledgerId, cardsId].sort());
    assert.deepEqual(u.body.motives, ['continuity']);
  });

  test('an update replaces the linked assets and records before and after', async () => {
    const created = await orgA.owner.client.post('/api/v1/workloads', { name: 'ファイル共有', assetIds: [manualId, cardsId] });
    assert.equal(created.status, 201, created.raw);
    const u = await orgA.owner.client.patch(`/api/v1/workloads/${created.body.id}`, { assetIds: [cardsId], riskTolerable: false, version: 1 });
    assert.equal(u.status, 200, u.raw);
    assert.equal(u.body.version, 2);
    assert.deepEqual(u.body.assets.map((a: { id: string }) => a.id), [cardsId]);
    const { rows } = await t.database.pool.query("select before, after from audit_log where action = 'workload.update' and entity_id = $1", [created.body.id]);
    assert.deepEqual(rows[0].before.assetIds, [manualId, cardsId].sort());
    assert.deepEqual(rows[0].after.assetIds, [cardsId]);
    assert.equal(rows[0].before.riskTolerable, null);
    assert.equal(rows[0].after.riskTolerable, false);
  });

  test('deleting an asset removes it from the workloads that used it', async () => {
    const spare = await insertAsset(t, orgA.id, { name: '一時的な資産' });
    const created = await orgA.owner.client.post('/api/v1/workloads', { name: '一時的な業務', assetIds: [spare] });
    await t.database.pool.query('delete from assets where id = $1', [spare]);
    const r = await orgA.owner.client.get(`/api/v1/workloads/${created.body.id}`);
    assert.deepEqual(r.body.assets, []);
    assert.ok(r.body.assessment.reasons.some((x: { code: string }) => x.code === 'noAssets'));
  });

  test('delete: 204, audited, its links gone, then 404', async () => {
    const created = await orgA.owner.client.post('/api/v1/workloads', { name: '廃止する業務', assetIds: [manualId] });
    const links = await linkCount();
    const d = await orgA.owner.client.delete(`/api/v1/workloads/${created.body.id}`);
    assert.equal(d.status, 204);
    assert.equal(await linkCount(), links - 1);
    const { rows } = await t.database.pool.query("select before from audit_log where action = 'workload.delete' and entity_id = $1", [created.body.id]);
    assert.equal(rows[0].before.name, '廃止する業務');
    assert.equal((await orgA.owner.client.get(`/api/v1/workloads/${created.body.id}`)).status, 404);
    assert.equal((await orgA.owner.client.delete(`/api/v1/workloads/${created.body.id}`)).status, 404);
  });
});

describe('bad input changes nothing', () => {
  async function unchanged(action: () => Promise<void>) {
    const [audit, workloads, links] = [await auditCount(), await workloadCount(), await linkCount()];
    await action();
    assert.equal(await auditCount(), audit, 'audit trail unchanged');
    assert.equal(await workloadCount(), workloads, 'workloads unchanged');
    assert.equal(await linkCount(), links, 'links unchanged');
  }

  test('unknown catalog items and another organisation’s asset: 400 on each field', () =>
    unchanged(async () => {
      const r = await orgA.owner.client.post('/api/v1/workloads', {
        name: '誤った参照',
        categoryId: 'urn:kumoji:seed-000:workload-categories:99',
        impactIds: [C.impact('personal-info'), C.theme('information')],
        advantageThemeId: C.impact('telework'),
        assetIds: [manualId, assetOfB, randomUUID()],
      });
      assert.equal(r.status, 400, r.raw);
      assert.equal(r.body.code, 'referenceNotFound');
      assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['categoryId', 'impactIds.1', 'advantageThemeId', 'assetIds.1', 'assetIds.2']);
      assert.ok(r.body.errors.every((e: { message: string }) => e.message && !/^errors\./.test(e.message)));
    }));

  test('schema violations: unknown motive, duplicates, unknown field, too long, wrong types', async () => {
    const cases: [string, unknown][] = [
      ['unknown motive', { name: 'x', motives: ['speed'] }],
      ['duplicate motive', { name: 'x', motives: ['cost', 'cost'] }],
      ['duplicate asset', { name: 'x', assetIds: [manualId, manualId] }],
      ['unknown field', { name: 'x', verdict: 'suitable' }],
      ['empty name', { name: '   ' }],
      ['long description', { name: 'x', description: 'あ'.repeat(4001) }],
      ['bad priority', { name: 'x', futurePriority: 'urgent' }],
      ['stage X kind', { name: 'x', stageXKinds: ['everything'] }],
      ['asset id not a uuid', { name: 'x', assetIds: ['1'] }],
      ['catalog id not an urn', { name: 'x', categoryId: 'category 1' }],
      ['tolerance as text', { name: 'x', riskTolerable: 'yes' }],
    ];
    await unchanged(async () => {
      for (const [name, body] of cases) {
        const r = await orgA.owner.client.post('/api/v1/workloads', body);
        assert.equal(r.status, 400, `${name}: ${r.raw}`);
        assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
      }
    });
  });

  test('a name already used (any case) gets 409 on the name field', async () => {
    await orgA.owner.client.post('/api/v1/workloads', { name: 'Payroll' });
    await unchanged(async () => {
      const r = await orgA.owner.client.post('/api/v1/workloads', { name: 'PAYROLL' });
      assert.equal(r.status, 409, r.raw);
      assert.equal(r.body.errors[0].path, 'name');
    });
  });

  test('a stale version gets 409 and nothing changes', async () => {
    const created = await orgA.owner.client.post('/api/v1/workloads', { name: '競合する業務' });
    const first = await staffA.client.patch(`/api/v1/workloads/${created.body.id}`, { description: '先に保存', version: 1 });
    assert.equal(first.status, 200);
    await unchanged(async () => {
      const r = await orgA.owner.client.patch(`/api/v1/workloads/${created.body.id}`, { description: '後から保存', assetIds: [], version: 1 });
      assert.equal(r.status, 409, r.raw);
      assert.equal(r.body.code, 'conflict');
    });
    const now = await orgA.owner.client.get(`/api/v1/workloads/${created.body.id}`);
    assert.equal(now.body.description, '先に保存');
  });

  test('another organisation gets 404 for read, update and delete', async () => {
    const created = await orgA.owner.client.post('/api/v1/workloads', { name: 'A の業務' });
    await unchanged(async () => {
      assert.equal((await orgB.owner.client.get(`/api/v1/workloads/${created.body.id}`)).status, 404);
      assert.equal((await orgB.owner.client.patch(`/api/v1/workloads/${created.body.id}`, { name: '乗っ取り', version: 1 })).status, 404);
      assert.equal((await orgB.owner.client.delete(`/api/v1/workloads/${created.body.id}`)).status, 404);
      // B links its own workload to A's asset: not found.
      const r = await orgB.owner.client.post('/api/v1/workloads', { name: 'B の業務', assetIds: [manualId] });
      assert.equal(r.status, 400);
      assert.equal(r.body.errors[0].path, 'assetIds.0');
    });
    const list = await orgB.owner.client.get('/api/v1/workloads');
    assert.deepEqual(list.body.items, []);
  });

  test('the auditor reads and cannot write', async () => {
    assert.equal((await auditorA.client.get('/api/v1/workloads')).status, 200);
    await unchanged(async () => {
      const r = await auditorA.client.post('/api/v1/workloads', { name: '監査人の業務' });
      assert.equal(r.status, 403);
    });
  });

  test('errors speak the user language', async () => {
    const member = await addMember(t, orgA.id, 'manager', 'en');
    const r = await member.client.post('/api/v1/workloads', { name: 'x', assetIds: [assetOfB] });
    assert.equal(r.status, 400);
    assert.match(r.body.title, /^[A-Z][a-z]/);
    assert.equal(r.body.errors[0].message, 'Not found in this organisation. Choose it again from the list.');
    const ja = await orgA.owner.client.post('/api/v1/workloads', { name: 'x', assetIds: [assetOfB] });
    assert.equal(ja.body.errors[0].message, 'この組織には見つかりません。一覧から選び直してください。');
  });
});
