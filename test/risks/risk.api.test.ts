import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { analyticAleYen } from '../../src/server/risks/loss-simulation.rules.ts';
import { count, insertAsset, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { addMember, createOrganisation, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The risk register over HTTP (issue 10): estimates in yen become ratings on
 * the scale, bad estimates are refused per field with nothing stored, stale
 * versions get 409, a transfer is insured by the organisation's own policy,
 * only the owner accepts (keeping the risk as it stood), and the analysis is
 * computed from what is stored.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let managerA: TestMember;
let auditorA: TestMember;
let assetA: string;
let assetB: string;

const riskCount = () => count(t, 'select count(*)::int as n from risks');
const auditCount = () => count(t, 'select count(*)::int as n from audit_log');
const ransomware = { title: 'ランサムウェアによる基幹システム停止', inherent: { annualFrequency: 0.5, lowYen: 2_000_000, highYen: 80_000_000 } };
const policy = { name: 'サイバー保険', insurer: '東京海上', deductibleYen: 1_000_000, perEventLimitYen: 50_000_000, annualAggregateLimitYen: 100_000_000, noticeDays: 30, startsOn: '2026-04-01', endsOn: '2027-03-31' };

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp());
  managerA = await addMember(t, orgA.id, 'manager');
  assetA = await insertAsset(t, orgA.id, { name: '顧客台帳', rank: 'A' });
  assetB = await insertAsset(t, orgB.id, { name: 'B の台帳', rank: 'A' });
});
after(() => t.close());

describe('recording a risk', () => {
  test('ratings, expected loss and the review date come from the estimate', async () => {
    const r = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, assetIds: [assetA], bearer: 'customer' });
    assert.equal(r.status, 201, r.raw);
    // 0.5 a year is band 3 (≤ 1); the median √(2M·80M) ≈ 12.6M yen is band 3 (≤ 20M): score 9, medium.
    assert.deepEqual(r.body.ratings.inherent, { likelihood: 3, impact: 3, score: 9, level: 'medium' });
    assert.deepEqual(r.body.ratings.residual, r.body.ratings.inherent, 'untreated: residual as inherent');
    assert.ok(Math.abs(r.body.aleYen.inherent - analyticAleYen(ransomware.inherent)) < 1);
    assert.deepEqual(r.body.assetIds, [assetA]);
    assert.equal(r.body.bearer, 'customer');
    assert.match(r.body.nextReviewOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(r.body.can.update, true);
  });

  test('a treatment lowers the residual rating', async () => {
    const r = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: 'バックアップで低減', treatment: 'reduce', treated: { annualFrequency: 0.05, lowYen: 500_000, highYen: 5_000_000 } });
    assert.equal(r.status, 201, r.raw);
    assert.deepEqual(r.body.ratings.residual, { likelihood: 1, impact: 2, score: 2, level: 'low' });
  });

  for (const [what, inherent, path, code] of [
    ['low above high', { annualFrequency: 1, lowYen: 9_000_000, highYen: 1_000_000 }, 'inherent.lowYen', 'lowAboveHigh'],
    ['a negative amount', { annualFrequency: 1, lowYen: -5, highYen: 1_000_000 }, 'inherent.lowYen', 'tooSmallNumber'],
    ['a frequency above once a day', { annualFrequency: 400, lowYen: 1, highYen: 10 }, 'inherent.annualFrequency', 'tooBigNumber'],
  ] as const) {
    test(`${what}: a translated error on the field, nothing stored`, async () => {
      const [risks, audits] = [await riskCount(), await auditCount()];
      const r = await orgA.owner.client.post('/api/v1/risks', { title: 'bad', inherent });
      assert.equal(r.status, 400, r.raw);
      const e = r.body.errors.find((x: { path: string }) => x.path === path);
      assert.equal(e?.code, code, r.raw);
      assert.ok(e.message && !e.message.includes('errors.'), e.message);
      assert.equal(await riskCount(), risks);
      assert.equal(await auditCount(), audits);
    });
  }

  test('another organisation’s asset, a threat that is no item of the list, a non-member owner: refused per field', async () => {
    const before = await riskCount();
    const r = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, assetIds: [assetB], threatItemId: 'urn:kumoji:seed-000:threats:2019', ownerUserId: orgB.owner.userId });
    assert.equal(r.status, 400, r.raw);
    assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path).sort(), ['assetIds.0', 'ownerUserId', 'threatItemId']);
    assert.equal(await riskCount(), before);
  });

  test('a threat of the 2019 list (the seed’s “2020” table) is named from the catalog', async () => {
    const r = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '標的型攻撃', threatItemId: 'urn:kumoji:seed-000:threats:2019:1' });
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.threat.ja, '標的型攻撃による被害');
  });
});

describe('changing a risk', () => {
  test('a stale version gets 409 and changes nothing', async () => {
    const created = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '版の競合' });
    const first = await orgA.owner.client.patch(`/api/v1/risks/${created.body.id}`, { version: created.body.version, title: '版の競合(1)' });
    assert.equal(first.status, 200, first.raw);
    const stale = await managerA.client.patch(`/api/v1/risks/${created.body.id}`, { version: created.body.version, title: '上書き' });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/risks/${created.body.id}`)).body.title, '版の競合(1)');
    const history = await orgA.owner.client.get(`/api/v1/risks/${created.body.id}/history`);
    assert.deepEqual(history.body.items.map((e: { action: string }) => e.action), ['risk.update', 'risk.create']);
  });

  test('the auditor reads and changes nothing; another organisation finds nothing', async () => {
    const created = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '閲覧のみ' });
    assert.equal((await auditorA.client.get(`/api/v1/risks/${created.body.id}`)).status, 200);
    assert.equal((await auditorA.client.patch(`/api/v1/risks/${created.body.id}`, { version: 1, title: 'x' })).status, 403);
    assert.equal((await orgB.owner.client.get(`/api/v1/risks/${created.body.id}`)).status, 404);
    assert.equal((await orgB.owner.client.delete(`/api/v1/risks/${created.body.id}`)).status, 404);
  });

  test('a review sets the reference the heat map compares with, and the next review by the level', async () => {
    const created = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '見直し' });
    const reviewed = await orgA.owner.client.post(`/api/v1/risks/${created.body.id}/reviews`, { version: created.body.version });
    assert.equal(reviewed.status, 200, reviewed.raw);
    assert.ok(reviewed.body.reviewedAt);
    // medium: six months after today (risk-rating.rules.ts review months)
    const months = (new Date(reviewed.body.nextReviewOn).getTime() - Date.now()) / (30.44 * 86_400_000);
    assert.ok(months > 5.8 && months < 6.1, `${months}`);
    const moved = await orgA.owner.client.patch(`/api/v1/risks/${created.body.id}`, { version: reviewed.body.version, treatment: 'avoid' });
    assert.equal(moved.status, 200, moved.raw);
    const analysis = await orgA.owner.client.get('/api/v1/risk-analysis?years=1000');
    const m = analysis.body.moved.find((x: { riskId: string }) => x.riskId === created.body.id);
    assert.deepEqual({ from: m.from, direction: m.direction }, { from: { likelihood: 3, impact: 3 }, direction: 'down' });
  });
});

describe('insurance as a treatment', () => {
  test('a policy with the deductible above its limit, or ending before it starts, is refused per field', async () => {
    const r = await orgA.owner.client.post('/api/v1/insurance-policies', { ...policy, name: '不正', deductibleYen: 60_000_000, endsOn: '2026-03-31' });
    assert.equal(r.status, 400, r.raw);
    assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path).sort(), ['deductibleYen', 'endsOn']);
  });

  test('a transfer needs a policy of the organisation; a covering policy cannot be deleted; cover lowers the net loss', async () => {
    const own = await orgA.owner.client.post('/api/v1/insurance-policies', policy);
    assert.equal(own.status, 201, own.raw);
    const other = await orgB.owner.client.post('/api/v1/insurance-policies', policy);
    const noPolicy = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '移転', treatment: 'transfer' });
    assert.equal(noPolicy.status, 400);
    assert.equal(noPolicy.body.errors[0].code, 'transferNeedsPolicy');
    const foreign = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '移転', treatment: 'transfer', insurancePolicyId: other.body.id });
    assert.equal(foreign.status, 400);
    const before = (await orgA.owner.client.get('/api/v1/risk-analysis?years=20000')).body.simulation;
    const insured = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '移転', treatment: 'transfer', insurancePolicyId: own.body.id });
    assert.equal(insured.status, 201, insured.raw);
    const blocked = await orgA.owner.client.delete(`/api/v1/insurance-policies/${own.body.id}`);
    assert.equal(blocked.status, 409);
    assert.match(blocked.body.title, /1 件のリスク/);
    const afterCover = (await orgA.owner.client.get('/api/v1/risk-analysis?years=20000')).body.simulation;
    assert.ok(afterCover.meanRecoveryYen > 0);
    assert.ok(afterCover.netOfInsurance.aleYen < afterCover.treated.aleYen);
    assert.ok(afterCover.treated.aleYen > before.treated.aleYen, 'one more risk adds loss before cover');
    const listed = await orgA.owner.client.get('/api/v1/insurance-policies');
    assert.equal(listed.body.items.find((p: { id: string }) => p.id === own.body.id).riskCount, 1);
  });
});

describe('acceptance by the owner (ISO/IEC 27001 6.1.3 f)', () => {
  test('only the risk owner accepts; the acceptance keeps the risk as it stood', async () => {
    const created = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '受容', treatment: 'accept', ownerUserId: managerA.userId });
    assert.equal(created.body.can.accept, true);
    const body = { version: created.body.version, rationale: '対策費用が想定損失を上回るため', expiresOn: '2099-03-31' };
    const notOwner = await orgA.owner.client.post(`/api/v1/risks/${created.body.id}/acceptance`, body);
    assert.equal(notOwner.status, 403, notOwner.raw);
    const accepted = await managerA.client.post(`/api/v1/risks/${created.body.id}/acceptance`, body);
    assert.equal(accepted.status, 200, accepted.raw);
    assert.equal(accepted.body.status, 'accepted');
    assert.equal(accepted.body.acceptance.expiresOn, '2099-03-31');
    const { rows } = await t.database.pool.query('select snapshot from risk_acceptances where risk_id = $1', [created.body.id]);
    assert.equal(rows[0].snapshot.title, '受容');
    assert.equal(rows[0].snapshot.ratings.inherent.score, 9);
  });

  test('a risk not treated by acceptance cannot be accepted', async () => {
    const created = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '低減中', ownerUserId: managerA.userId });
    const r = await managerA.client.post(`/api/v1/risks/${created.body.id}/acceptance`, { version: created.body.version, rationale: 'x', expiresOn: '2099-01-01' });
    assert.equal(r.status, 409, r.raw);
  });
});

describe('the list and the analysis', () => {
  test('the list pages by residual score, filters by treatment, and the heat map counts every risk once', async () => {
    const page = await orgA.owner.client.get('/api/v1/risks?sort=residual&dir=desc&limit=2');
    assert.equal(page.status, 200, page.raw);
    assert.equal(page.body.items.length, 2);
    assert.ok(page.body.nextCursor);
    assert.ok(page.body.items[0].ratings.residual.score >= page.body.items[1].ratings.residual.score);
    const next = await orgA.owner.client.get(`/api/v1/risks?sort=residual&dir=desc&limit=2&cursor=${page.body.nextCursor}`);
    assert.equal(next.status, 200);
    assert.ok(!next.body.items.some((r: { id: string }) => page.body.items.some((p: { id: string }) => p.id === r.id)));
    const transfers = await orgA.owner.client.get('/api/v1/risks?treatment=transfer');
    assert.ok(transfers.body.items.every((r: { treatment: string }) => r.treatment === 'transfer'));
    const analysis = await orgA.owner.client.get('/api/v1/risk-analysis?years=1000');
    const total = page.body.total;
    assert.equal(analysis.body.riskCount, total);
    assert.equal(analysis.body.heatMap.inherent.reduce((s: number, c: { count: number }) => s + c.count, 0), total);
    assert.equal(analysis.body.heatMap.residual.length, 25);
    assert.equal((await orgB.owner.client.get('/api/v1/risk-analysis?years=1000')).body.riskCount, 0);
  });

  test('too many or too few simulated years: 400', async () => {
    assert.equal((await orgA.owner.client.get('/api/v1/risk-analysis?years=5000000')).status, 400);
    assert.equal((await orgA.owner.client.get('/api/v1/risk-analysis?years=10')).status, 400);
  });
});

describe('the export', () => {
  const download = (org: TestOrganisation, format: string, lang = 'ja') =>
    t.app.inject({ method: 'GET', url: `/api/v1/risks/export?format=${format}`, headers: { cookie: (org.owner.client as unknown as { cookieHeader(): string }).cookieHeader(), 'accept-language': lang } });

  test('CSV: UTF-8 with BOM, headers in the member’s language, one row per risk, a title that would run as a formula neutralised', async () => {
    const formula = await orgA.owner.client.post('/api/v1/risks', { ...ransomware, title: '=HYPERLINK("x")' });
    assert.equal(formula.status, 201, formula.raw);
    const r = await download(orgA, 'csv');
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers['content-type']), /^text\/csv/);
    assert.match(String(r.headers['content-disposition']), /attachment; filename="risk-register-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%E3%83%AA/);
    assert.equal(r.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
    const lines = r.body.slice(1).trim().split('\r\n');
    assert.match(lines[0]!, /^リスク名,脅威,損害を負う側,リスク所有者,状況,/);
    assert.equal(lines.length - 1, await riskCount() - (await count(t, `select count(*)::int as n from risks where organisation_id = '${orgB.id}'`)));
    assert.ok(lines.some((l) => l.startsWith(`"'=HYPERLINK(""x"")"`)), 'formula neutralised');
    const en = await auditorA.client.get('/api/v1/risks/export?format=csv');
    assert.equal(en.status, 200, 'reading is enough to export');
    assert.match(en.raw.slice(1), /^Risk,Threat,Who bears the damage,Risk owner,Status,Inherent events a year,/, 'in the language the member chose');
    assert.match(lines.find((l) => l.startsWith('見直し,'))!, /,回避,0,/, 'an avoided risk has no residual events');
  });

  test('XLSX: the register and the matrix sheet, whose counts are the heat map’s', async () => {
    const r = await download(orgA, 'xlsx');
    assert.equal(r.statusCode, 200, r.body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['リスク登録簿', 'リスクマトリクス']);
    const register = wb.worksheets[0]!;
    const rows = register.rowCount - 1;
    const matrix = wb.worksheets[1]!;
    assert.equal(matrix.getRow(1).getCell(2).value, '影響 1(1,000,000円以下)');
    assert.equal(matrix.getRow(2).getCell(1).value, '残留リスク(件数)');
    assert.equal(matrix.getRow(3).getCell(1).value, '可能性 5(年3回超)');
    const analysis = await orgA.owner.client.get('/api/v1/risk-analysis?years=1000');
    // Rows 3-7: likelihood 5 down to 1; columns 2-6: impact 1-5.
    let total = 0;
    for (let likelihood = 5; likelihood >= 1; likelihood--) {
      for (let impact = 1; impact <= 5; impact++) {
        const cell = matrix.getRow(3 + (5 - likelihood)).getCell(1 + impact).value as number;
        const want = analysis.body.heatMap.residual.find((c: { likelihood: number; impact: number }) => c.likelihood === likelihood && c.impact === impact).count;
        assert.equal(cell, want, `L${likelihood} I${impact}`);
        total += cell;
      }
    }
    assert.equal(total, rows);
    assert.equal(matrix.getRow(9).getCell(1).value, '固有リスク(件数)');
  });

  test('JSON: the fields by their keys, numbers as numbers; another organisation exports only its own; a bad format is 400', async () => {
    const r = await download(orgA, 'json');
    assert.equal(r.statusCode, 200);
    const records = JSON.parse(r.body) as Record<string, unknown>[];
    const one = records.find((x) => x.title === ransomware.title)!;
    assert.equal(one.inherentAnnualFrequency, 0.5);
    assert.equal(one.inherentLowYen, 2_000_000);
    assert.equal(one.inherentLevel, '中');
    assert.equal(typeof one.aleInherentYen, 'number');
    assert.equal(JSON.parse((await download(orgB, 'json')).body).length, 0);
    const bad = await download(orgA, 'pdf');
    assert.equal(bad.statusCode, 400);
  });
});

describe('the risk scale', () => {
  let orgC: TestOrganisation;
  let staffC: TestMember;
  const scales = () => count(t, 'select count(*)::int as n from risk_scales');
  const threeByThree = { likelihoodUpperPerYear: [0.2, 1], impactUpperYen: [10_000_000, 50_000_000], levelUpperScore: { low: 2, medium: 4, high: 6 }, reviewMonths: { low: 12, medium: 6, high: 3, critical: 1 } };

  before(async () => {
    orgC = await createOrganisation(t, { name: 'Organisation C' });
    staffC = await addMember(t, orgC.id, 'staff');
  });

  test('the default 5×5 until the organisation changes it; only owners and managers may change it', async () => {
    const r = await orgC.owner.client.get('/api/v1/risk-scale');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.isDefault, true);
    assert.equal(r.body.version, null);
    assert.deepEqual(r.body.scale.impactUpperYen, [1_000_000, 5_000_000, 20_000_000, 100_000_000]);
    assert.equal(r.body.can.update, true);
    assert.equal((await staffC.client.get('/api/v1/risk-scale')).body.can.update, false);
    assert.equal((await staffC.client.patch('/api/v1/risk-scale', { scale: threeByThree, version: null })).status, 403);
  });

  for (const [what, scale, path, code] of [
    ['likelihood bounds not increasing', { ...threeByThree, likelihoodUpperPerYear: [1, 0.2] }, 'scale.likelihoodUpperPerYear', 'boundsNotIncreasing'],
    ['impact bounds equal', { ...threeByThree, impactUpperYen: [10_000_000, 10_000_000] }, 'scale.impactUpperYen', 'boundsNotIncreasing'],
    ['levels out of order', { ...threeByThree, levelUpperScore: { low: 4, medium: 3, high: 6 } }, 'scale.levelUpperScore', 'levelsNotIncreasing'],
    ['no cell left critical', { ...threeByThree, levelUpperScore: { low: 2, medium: 4, high: 9 } }, 'scale.levelUpperScore.high', 'levelAboveGrid'],
    ['two bands only', { ...threeByThree, impactUpperYen: [10_000_000] }, 'scale.impactUpperYen', 'tooSmallArray'],
    ['a zero-yen bound', { ...threeByThree, impactUpperYen: [0, 10_000_000] }, 'scale.impactUpperYen.0', 'tooSmallNumber'],
  ] as const) {
    test(`${what}: a translated 400 on the field, nothing stored`, async () => {
      const before = await scales();
      const r = await orgC.owner.client.patch('/api/v1/risk-scale', { scale, version: null });
      assert.equal(r.status, 400, r.raw);
      const error = r.body.errors.find((e: { path: string }) => e.path === path);
      assert.ok(error, r.raw);
      assert.equal(error.code, code);
      assert.ok(error.message.length > 0);
      assert.equal(await scales(), before);
    });
  }

  test('a new scale rescores every risk: ratings, the level filter, the heat map and review marks follow it; a stale version gets 409', async () => {
    const risk = await orgC.owner.client.post('/api/v1/risks', ransomware);
    assert.deepEqual(risk.body.ratings.residual, { likelihood: 3, impact: 3, score: 9, level: 'medium' });
    const reviewed = await orgC.owner.client.post(`/api/v1/risks/${risk.body.id}/reviews`, { version: risk.body.version });
    assert.equal(reviewed.status, 200, reviewed.raw);
    const changed = await orgC.owner.client.patch('/api/v1/risk-scale', { scale: threeByThree, version: null });
    assert.equal(changed.status, 200, changed.raw);
    assert.equal(changed.body.version, 1);
    assert.equal(changed.body.isDefault, false);
    // 0.5 a year is band 2 (≤ 1); the median √(2M·80M) ≈ 12.6M yen is band 2 (≤ 50M): score 4, medium (≤ 4).
    const after = await orgC.owner.client.get(`/api/v1/risks/${risk.body.id}`);
    assert.deepEqual(after.body.ratings.residual, { likelihood: 2, impact: 2, score: 4, level: 'medium' });
    assert.equal(after.body.version, reviewed.body.version, 'rescoring is no edit of the risk');
    const medium = await orgC.owner.client.get('/api/v1/risks?level=medium');
    assert.deepEqual(medium.body.items.map((r: { id: string }) => r.id), [risk.body.id]);
    assert.equal((await orgC.owner.client.get('/api/v1/risks?level=high')).body.items.length, 0);
    const analysis = await orgC.owner.client.get('/api/v1/risk-analysis?years=1000');
    assert.equal(analysis.body.heatMap.residual.length, 9);
    assert.deepEqual(analysis.body.scale.impactUpperYen, threeByThree.impactUpperYen);
    assert.deepEqual(analysis.body.moved, [], 'the bands moved: the last review no longer names the same cells');
    const stale = await orgC.owner.client.patch('/api/v1/risk-scale', { scale: { ...threeByThree, levelUpperScore: { low: 1, medium: 3, high: 6 } }, version: null });
    assert.equal(stale.status, 409);
    assert.equal((await orgA.owner.client.get('/api/v1/risk-scale')).body.isDefault, true, 'another organisation keeps its own scale');
    const history = await count(t, `select count(*)::int as n from audit_log where entity_type = 'riskScale' and organisation_id = '${orgC.id}'`);
    assert.equal(history, 1);
  });

  test('a current rating the new scale cannot hold is not moved silently: 409 with the count, nothing changed', async () => {
    const orgD = await createOrganisation(t, { name: 'Organisation D' });
    const high = await orgD.owner.client.post('/api/v1/risks', { ...ransomware, current: { likelihood: 5, impact: 4 } });
    assert.equal(high.status, 201, high.raw);
    const cut = await orgD.owner.client.patch('/api/v1/risk-scale', { scale: threeByThree, version: null });
    assert.equal(cut.status, 409, cut.raw);
    assert.equal(cut.body.code, 'scaleCutsCurrentRatings');
    assert.match(cut.body.title, /1 件/);
    assert.equal((await orgD.owner.client.get('/api/v1/risk-scale')).body.isDefault, true);
    assert.deepEqual((await orgD.owner.client.get(`/api/v1/risks/${high.body.id}`)).body.ratings.current, high.body.ratings.current);
    const outside = await orgC.owner.client.post('/api/v1/risks', { ...ransomware, title: '範囲外', current: { likelihood: 4, impact: 1 } });
    assert.equal(outside.status, 400, 'on a 3×3 scale, band 4 does not exist');
    assert.equal(outside.body.errors[0].path, 'current.likelihood');
    assert.match(outside.body.errors[0].message, /3/);
  });
});
