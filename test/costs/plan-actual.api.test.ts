import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testClock } from '../../src/server/platform/clock.ts';
import { loadCatalog } from '../assets/portfolio-fixtures.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The stage budget guides and the plan against actual over HTTP (seed 000
 * II.6.2-6.3 「クラウド経費は…程度」; seed 004 「財務計画の5ステップ」 steps 4-5):
 * a scenario's first year against its stage's guide, one adopted plan, the
 * actual lines by month and category, and what is refused.
 */

let t: TestApp;
let orgA: TestOrganisation;
let auditorA: TestMember;
// 30 June 2026, 23:50 in Tokyo: June is the month under review, July minutes away (within a session's idle limit).
const clock = testClock('2026-06-30T14:50:00Z');

const cloudScenario = (name: string, more: Record<string, unknown> = {}) => ({
  name,
  kind: 'cloud',
  initialYen: 3_000_000,
  runningYenPerYear: 12_000_000,
  hiddenYenPerYear: 1_200_000,
  reservedSharePercent: 50,
  reservedDiscountPercent: 50,
  years: 2,
  ...more,
});

before(async () => {
  t = await createTestApp({}, { clock });
  await loadCatalog(t);
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  auditorA = await addMember(t, orgA.id, 'auditor', 'en');
});
after(() => t.close());

describe('the stage budget guides', () => {
  test('stage 1 (0.5-1 million yen) and stage 2 (1-5 million yen) from the catalog; stage 3 has none', async () => {
    const small = { initialYen: 200_000, runningYenPerYear: 500_000, hiddenYenPerYear: 0, reservedSharePercent: 0 };
    const within = await orgA.owner.client.post('/api/v1/cost-scenarios', cloudScenario('メール移行', { ...small, stage: '1' }));
    assert.equal(within.status, 201, within.raw);
    assert.deepEqual(within.body.budgetCheck, { stage: '1', firstYearYen: 700_000, guide: { minYen: 500_000, maxYen: 1_000_000 }, status: 'within' });
    const above = await orgA.owner.client.post('/api/v1/cost-scenarios', cloudScenario('全面移行', { stage: '1' }));
    assert.equal(above.body.budgetCheck.firstYearYen, 3_000_000 + 9_000_000 + 1_200_000);
    assert.equal(above.body.budgetCheck.status, 'above');
    const below = await orgA.owner.client.patch(`/api/v1/cost-scenarios/${within.body.id}`, { stage: '2', version: within.body.version });
    assert.equal(below.body.budgetCheck.status, 'below');
    const none = await orgA.owner.client.patch(`/api/v1/cost-scenarios/${above.body.id}`, { stage: '3', version: above.body.version });
    assert.deepEqual({ ...none.body.budgetCheck, firstYearYen: undefined }, { stage: '3', firstYearYen: undefined, guide: null, status: 'no-guide' });
    const unset = await orgA.owner.client.patch(`/api/v1/cost-scenarios/${above.body.id}`, { stage: null, version: none.body.version });
    assert.equal(unset.body.budgetCheck, null);
  });
});

describe('the adopted plan against the actual costs', () => {
  let plan = { id: '', version: 0 };

  test('before a plan is adopted the review says so', async () => {
    const r = await orgA.owner.client.get('/api/v1/costs/plan-review');
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body, { plan: null, through: '2026-06', review: null });
  });

  test('adopting needs a first month, and only a cloud scenario can be the plan', async () => {
    const noMonth = await orgA.owner.client.post('/api/v1/cost-scenarios', cloudScenario('計画A', { adopted: true }));
    assert.equal(noMonth.status, 400, noMonth.raw);
    assert.equal(noMonth.body.errors[0].path, 'planStartMonth');
    const baseline = await orgA.owner.client.post('/api/v1/cost-scenarios', { name: '現行', kind: 'baseline', initialYen: 0, runningYenPerYear: 15_000_000, adopted: true, planStartMonth: '2026-04' });
    assert.equal(baseline.status, 400, baseline.raw);
    assert.equal(baseline.body.errors[0].code, 'baselineNotPlan');
    for (const bad of ['2026-13', '2026-4', '26-04']) {
      const r = await orgA.owner.client.post('/api/v1/cost-scenarios', cloudScenario('計画A', { adopted: true, planStartMonth: bad }));
      assert.equal(r.status, 400, `${bad}: ${r.raw}`);
    }
    const first = await orgA.owner.client.post('/api/v1/cost-scenarios', cloudScenario('計画A', { adopted: true, planStartMonth: '2026-01' }));
    assert.equal(first.status, 201, first.raw);
    const c = await orgA.owner.client.post('/api/v1/cost-scenarios', cloudScenario('計画B'));
    const adopted = await orgA.owner.client.patch(`/api/v1/cost-scenarios/${c.body.id}`, { adopted: true, planStartMonth: '2026-04', version: c.body.version });
    assert.equal(adopted.status, 200, adopted.raw);
    assert.equal(adopted.body.planStartMonth, '2026-04');
    plan = adopted.body;
    // Adopting B took the mark off A, on the trail.
    const a = await orgA.owner.client.get(`/api/v1/cost-scenarios/${first.body.id}`);
    assert.equal(a.body.adopted, false);
    const history = await orgA.owner.client.get(`/api/v1/cost-scenarios/${first.body.id}/history`);
    assert.equal(history.body.items[0].after.adopted, false);
    const overview = await orgA.owner.client.get('/api/v1/costs');
    assert.deepEqual(overview.body.scenarios.filter((s: { adopted: boolean }) => s.adopted).map((s: { name: string }) => s.name), ['計画B']);
  });

  const lines = [
    { month: '2026-04', category: 'initial', amountYen: 3_200_000, description: '移行作業(委託)' },
    { month: '2026-04', category: 'running', amountYen: 700_000, description: 'クラウド利用料 4月' },
    { month: '2026-05', category: 'running', amountYen: 900_000, description: 'クラウド利用料 5月' },
    { month: '2026-05', category: 'hidden', amountYen: 100_000, description: 'ログ保管' },
    { month: '2026-03', category: 'running', amountYen: 50_000, description: '検証環境(計画前)' },
  ];

  test('the actual lines against the plan, by month and by category, through the current month', async () => {
    for (const line of lines) {
      const r = await orgA.owner.client.post('/api/v1/cost-actuals', line);
      assert.equal(r.status, 201, r.raw);
      assert.equal(r.body.imported, false);
    }
    const r = (await orgA.owner.client.get('/api/v1/costs/plan-review')).body;
    assert.deepEqual(r.plan, { scenarioId: plan.id, name: '計画B', startMonth: '2026-04', endMonth: '2028-03', years: 2 });
    assert.deepEqual(
      r.review.months.map((m: { month: string; planYen: number; actualYen: number; cumulativeVarianceYen: number }) => [m.month, m.planYen, m.actualYen, m.cumulativeVarianceYen]),
      [
        ['2026-04', 3_850_000, 3_900_000, 50_000],
        ['2026-05', 850_000, 1_000_000, 200_000],
        ['2026-06', 850_000, 0, -650_000],
      ],
    );
    assert.equal(r.review.status, 'within');
    assert.equal(r.review.outsideYen, 50_000);
    const initial = r.review.categories.find((c: { category: string }) => c.category === 'initial');
    assert.deepEqual([initial.varianceYen, initial.variancePercent], [200_000, 6.7]);
  });

  test('a credit is a negative line; a later month is refused; a stale edit gets 409 and changes nothing', async () => {
    const credit = await orgA.owner.client.post('/api/v1/cost-actuals', { month: '2026-06', category: 'running', amountYen: -30_000, description: 'クーポン適用' });
    assert.equal(credit.status, 201, credit.raw);
    const future = await orgA.owner.client.post('/api/v1/cost-actuals', { month: '2026-07', category: 'running', amountYen: 1, description: '先の月' });
    assert.equal(future.status, 400, future.raw);
    assert.equal(future.body.errors[0].code, 'monthAfterCurrent');
    const moved = await orgA.owner.client.patch(`/api/v1/cost-actuals/${credit.body.id}`, { amountYen: -40_000, version: credit.body.version });
    assert.equal(moved.status, 200, moved.raw);
    const stale = await orgA.owner.client.patch(`/api/v1/cost-actuals/${credit.body.id}`, { amountYen: 999, version: credit.body.version });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/cost-actuals/${credit.body.id}`)).body.amountYen, -40_000);
    const list = (await orgA.owner.client.get('/api/v1/cost-actuals?from=2026-06&to=2026-06')).body.items;
    assert.deepEqual(list.map((l: { description: string }) => l.description), ['クーポン適用']);
    const june = (await orgA.owner.client.get('/api/v1/costs/plan-review')).body.review.months.at(-1);
    assert.equal(june.actualYen, -40_000);
  });

  test('the next month moves the review on when the clock does', async () => {
    clock.set('2026-07-01T00:05:00+09:00');
    const r = (await orgA.owner.client.get('/api/v1/costs/plan-review')).body;
    assert.equal(r.through, '2026-07');
    assert.equal(r.review.months.length, 4);
    clock.set('2026-06-30T14:55:00Z');
  });

  test('an auditor reads the review and the lines but may not write them', async () => {
    assert.equal((await auditorA.client.get('/api/v1/costs/plan-review')).status, 200);
    assert.equal((await auditorA.client.get('/api/v1/cost-actuals')).status, 200);
    const w = await auditorA.client.post('/api/v1/cost-actuals', lines[0]);
    assert.equal(w.status, 403, w.raw);
  });
});

describe('importing actual costs', () => {
  const upload = async (csv: string | Buffer, member = orgA.owner) => {
    const boundary = 'kumojiboundary';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="actuals.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const body = Buffer.concat([head, Buffer.isBuffer(csv) ? csv : Buffer.from(csv), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return member.client.request('POST', '/api/v1/cost-actual-imports', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  };
  const linesNow = async () => (await orgA.owner.client.get('/api/v1/cost-actuals')).body.items.length;

  test('a file with a bad row: every problem listed by row and column, nothing written', async () => {
    const before = await linesNow();
    const up = await upload('計上月,区分,金額(円),内容\r\n2026-05,運用費,"100,000",利用料\r\n2026-13,交際費,abc,\r\n2026-08,初期費用,1,先の月\r\n');
    assert.equal(up.status, 201, up.raw);
    assert.deepEqual(Object.values(up.body.mapping), ['month', 'category', 'amountYen', 'description']);
    const v = await orgA.owner.client.post(`/api/v1/cost-actual-imports/${up.body.id}/validate`, { mapping: up.body.mapping, version: up.body.version });
    assert.equal(v.status, 202, v.raw);
    assert.equal(v.body.status, 'validated');
    assert.equal(v.body.errorCount, 5);
    const issues = (await orgA.owner.client.get(`/api/v1/cost-actual-imports/${up.body.id}/issues`)).body.items;
    assert.deepEqual(
      issues.map((i: { rowNumber: number; field: string; code: string }) => `${i.rowNumber}:${i.field}:${i.code}`),
      ['3:month:invalidMonth', '3:category:invalidCategory', '3:amountYen:notAmount', '3:description:required', '4:month:monthAfterCurrent'],
    );
    assert.match(issues[1].message, /区分「交際費」は選択肢にありません/);
    const commit = await orgA.owner.client.post(`/api/v1/cost-actual-imports/${up.body.id}/commit`, { version: v.body.version });
    assert.equal(commit.status, 409, commit.raw);
    assert.equal(await linesNow(), before);
  });

  test('a Shift_JIS file with credits as △ imports all at once, marked as imported, on the trail', async () => {
    const before = await linesNow();
    const { default: iconv } = await import('iconv-lite');
    const csv = iconv.encode('計上月,区分,金額(円),内容,備考\r\n2026年5月,ランニングコスト,"￥50,000",監視サービス,\r\n2026/6,隠れコスト,△5000,返金,請求の誤り\r\n', 'Shift_JIS');
    const up = await upload(csv);
    assert.equal(up.body.encoding, 'shift_jis');
    const v = await orgA.owner.client.post(`/api/v1/cost-actual-imports/${up.body.id}/validate`, { mapping: up.body.mapping, version: up.body.version });
    assert.equal(v.body.errorCount, 0, JSON.stringify(v.body));
    assert.equal(v.body.rowCount, 2);
    const c = await orgA.owner.client.post(`/api/v1/cost-actual-imports/${up.body.id}/commit`, { version: v.body.version });
    assert.equal(c.status, 202, c.raw);
    assert.equal(c.body.status, 'committed');
    assert.equal(await linesNow(), before + 2);
    const refund = (await orgA.owner.client.get('/api/v1/cost-actuals?from=2026-06&to=2026-06')).body.items.find((l: { description: string }) => l.description === '返金');
    assert.deepEqual([refund.amountYen, refund.category, refund.imported, refund.notes], [-5000, 'hidden', true, '請求の誤り']);
    const audit = await t.database.pool.query(`select count(*)::int as n from audit_log where organisation_id = $1 and action = 'costActual.import'`, [orgA.id]);
    assert.equal(audit.rows[0].n, 1);
  });

  test('an auditor may not upload', async () => {
    const r = await upload('計上月,区分,金額(円),内容\r\n2026-05,運用費,1,x\r\n', auditorA);
    assert.equal(r.status, 403, r.raw);
  });
});

test('the form sends the whole scenario back: the same kind is accepted, another is refused', async () => {
  const c = await orgA.owner.client.post('/api/v1/cost-scenarios', cloudScenario('種別の確認'));
  const same = await orgA.owner.client.patch(`/api/v1/cost-scenarios/${c.body.id}`, { kind: 'cloud', name: '種別の確認(改)', version: c.body.version });
  assert.equal(same.status, 200, same.raw);
  const other = await orgA.owner.client.patch(`/api/v1/cost-scenarios/${c.body.id}`, { kind: 'baseline', version: same.body.version });
  assert.equal(other.status, 400, other.raw);
  assert.equal(other.body.errors[0].code, 'scenarioKindFixed');
});
