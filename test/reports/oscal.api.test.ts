import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { createOrganisation, TestClient, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * The OSCAL documents over HTTP: the catalogs of the control sets with
 * their sources, the organisation's profile (its statement of
 * applicability), its judgements as assessment results and its open
 * corrective actions as a POA&M; files named by day, the same records
 * exporting the same ids, another organisation's records never in them, an
 * auditor reading them in English, each export on the audit trail, and bad
 * input answered with a translated 4xx.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
const NOW = new Date('2026-12-06T01:00:00Z');
const FSA_ENCRYPTION = 'urn:kumoji:seed-004:government-controls:fsa-data-protection';
const CLD_SEGREGATION = 'urn:kumoji:public:iso27017:cld-9.5.1';
const METI_FIRST = 'urn:kumoji:public:meti-guideline:instruction-1';
let encryptionId = '';
let closedTitle = '';
let inspectionId = '';
const B_SECRET = 'B社だけの判断理由';

async function judge(org: TestOrganisation, body: Record<string, unknown>) {
  const r = await org.owner.client.post('/api/v1/control-assessments', body);
  assert.equal(r.status, 201, r.raw);
  return r.body as { id: string; version: number };
}

async function attach(path: string, org: TestOrganisation, name: string) {
  const file = multipartFile(name, 'rescan: 0 findings', 'text/plain');
  const r = await org.owner.client.request('POST', path, file.body, { 'content-type': file.contentType });
  assert.equal(r.status, 201, r.raw);
}

/** An action taken through plan, do, check and act to closed. */
async function closedAction(org: TestOrganisation, title: string) {
  const c = org.owner.client;
  let a = (await c.post('/api/v1/corrective-actions', { title, plan: '計画', doneNote: '実施', checkNote: '検証', effective: true, actNote: '手順書を更新' })).body;
  await attach(`/api/v1/corrective-actions/${a.id}/evidence`, org, 'rescan.txt');
  for (const to of ['do', 'check', 'act', 'closed']) {
    const r = await c.post(`/api/v1/corrective-actions/${a.id}/phase`, { to, version: a.version });
    assert.equal(r.status, 200, r.raw);
    a = r.body;
  }
}

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp(NOW));
  encryptionId = (await judge(orgA, { itemId: FSA_ENCRYPTION, status: 'implemented', reason: '顧客の個人データを扱うため', ownerDepartment: '情報システム部' })).id;
  await attach(`/api/v1/control-assessments/${encryptionId}/evidence`, orgA, '暗号化設定.txt');
  await judge(orgA, { itemId: CLD_SEGREGATION, applicable: false, reason: '仮想環境を自社で運用しないため' });
  await judge(orgA, { itemId: METI_FIRST, status: 'inProgress', dueOn: '2026-11-30' });
  inspectionId = (await orgA.owner.client.post('/api/v1/inspections', { title: '脆弱性スキャン', startsOn: '2026-01-31', unit: 'months', every: 3 })).body.id;
  assert.equal((await orgA.owner.client.post('/api/v1/corrective-actions', { title: 'VPN 機器の更新', plan: 'ファームウェアを更新する', dueOn: '2026-12-31', origin: 'inspection', originId: inspectionId })).status, 201);
  closedTitle = 'バックアップ手順の改善';
  await closedAction(orgA, closedTitle);
  await judge(orgB, { itemId: FSA_ENCRYPTION, applicable: false, reason: B_SECRET });
  assert.equal((await orgB.owner.client.post('/api/v1/corrective-actions', { title: 'B社の是正処置' })).status, 201);
});
after(() => t.close());

describe('the catalogs', () => {
  test('one per control set, downloaded as a dated JSON file', async () => {
    const r = await orgA.owner.client.get('/api/v1/oscal/catalogs/fsa');
    assert.equal(r.status, 200, r.raw);
    assert.match(String(r.headers['content-type']), /^application\/json/);
    assert.match(String(r.headers['content-disposition']), /^attachment; filename="kumoji-oscal-catalog-fsa-2026-12-06\.json"/);
    const { metadata, groups } = r.body.catalog;
    assert.deepEqual([metadata['oscal-version'], metadata.version], ['1.1.2', '2']);
    assert.equal(groups[0].id, 'fsa');
    assert.equal(groups[0].controls.length, 5, 'the FSA guideline’s five items');
    const control = groups[0].controls.find((c: { id: string }) => c.id === 'government-controls.fsa-data-protection');
    assert.equal(control.title, 'データ保護');
    assert.equal(control.parts[0].prose, 'データ保護:個人情報や機密データの暗号化を必須とする');
    // The source by its document's title (seed 004 has no publisher), its section as the seed words it.
    assert.match(control.links[0].text, /^「メーンフレームのハイブリッドクラウド移行ガイド」 「金融庁ガイドラインの主要項目」 箇条2$/);
    const resource = r.body.catalog['back-matter'].resources.find((x: { uuid: string }) => `#${x.uuid}` === control.links[0].href);
    assert.equal(resource.title, '「メーンフレームのハイブリッドクラウド移行ガイド」');
  });

  test('ISO/IEC 27017 controls keep their numbers as labels; English on asking', async () => {
    const r = await orgA.owner.client.get('/api/v1/oscal/catalogs/iso27017?lang=en');
    assert.equal(r.status, 200, r.raw);
    assert.match(String(r.headers['content-disposition']), /kumoji-oscal-catalog-iso27017-2026-12-06-en\.json/);
    const control = r.body.catalog.groups[0].controls.find((c: { id: string }) => c.id === 'iso27017.cld-9.5.1');
    assert.equal(control.title, 'Segregation in virtual computing environments');
    assert.deepEqual(control.props.find((p: { name: string }) => p.name === 'label'), { name: 'label', value: 'CLD.9.5.1' });
  });
});

describe("the organisation's documents", () => {
  test('profile: every set imported whole, the controls judged not applicable left out with their reasons', async () => {
    const r = await orgA.owner.client.get('/api/v1/oscal/profile');
    assert.equal(r.status, 200, r.raw);
    const { imports, modify, metadata } = r.body.profile;
    assert.equal(imports.length, 6);
    assert.ok(imports.every((i: { 'include-all'?: object }) => i['include-all']));
    assert.deepEqual(imports.flatMap((i: { 'exclude-controls'?: { 'with-ids': string[] }[] }) => i['exclude-controls']?.[0]?.['with-ids'] ?? []), ['iso27017.cld-9.5.1']);
    assert.match(metadata.remarks, /仮想環境を自社で運用しないため/);
    const applicability = (id: string) => modify.alters.find((a: { 'control-id': string }) => a['control-id'] === id)?.adds[0].props[0];
    assert.equal(applicability('government-controls.fsa-data-protection').value, 'applicable');
    assert.equal(applicability('government-controls.fsa-data-protection').remarks, '顧客の個人データを扱うため');
    assert.equal(applicability('government-controls.fsa-contract').value, 'not-judged');
    assert.equal(applicability('iso27017.cld-9.5.1'), undefined);
  });

  test('assessment results: an observation per judged control, a finding per applicable one, the evidence with its SHA-256', async () => {
    const r = await orgA.owner.client.get('/api/v1/oscal/assessment-results');
    assert.equal(r.status, 200, r.raw);
    const [result] = r.body['assessment-results'].results;
    assert.equal(result['reviewed-controls']['control-selections'][0]['include-controls'].length, 3);
    assert.equal(result.observations.length, 3);
    assert.equal(result.findings.length, 2, 'the control left out is observed, not found against');
    const encryption = result.findings.find((f: { target: { 'target-id': string } }) => f.target['target-id'] === 'government-controls.fsa-data-protection_smt');
    assert.deepEqual([encryption.target.status.state, encryption.target['implementation-status'].state], ['satisfied', 'implemented']);
    const meti = result.findings.find((f: { target: { 'target-id': string } }) => f.target['target-id'] === 'meti-guideline.instruction-1_smt');
    assert.deepEqual([meti.target.status.state, meti.target['implementation-status'].state], ['not-satisfied', 'partial']);
    const observation = result.observations.find((o: { uuid: string }) => o.uuid === encryption['related-observations'][0]['observation-uuid']);
    assert.equal(observation['relevant-evidence'][0].description, '暗号化設定.txt');
    assert.match(observation['relevant-evidence'][0].props.find((p: { name: string }) => p.name === 'sha-256').value, /^[0-9a-f]{64}$/);
    assert.match(observation.description, /担当: 情報システム部/);
    assert.ok(result.observations.some((o: { description: string }) => o.description.includes('期限: 2026-11-30(期限超過)')));
  });

  test('POA&M: the open actions with their milestones and origins; a closed action has left the plan', async () => {
    const r = await orgA.owner.client.get('/api/v1/oscal/poam');
    assert.equal(r.status, 200, r.raw);
    assert.match(String(r.headers['content-disposition']), /kumoji-oscal-poam-2026-12-06\.json/);
    const poam = r.body['plan-of-action-and-milestones'];
    assert.deepEqual(poam['poam-items'].map((i: { title: string }) => i.title), ['VPN 機器の更新']);
    assert.ok(!r.raw.includes(closedTitle));
    const [item] = poam['poam-items'];
    const risk = poam.risks.find((x: { uuid: string }) => x.uuid === item['related-risks'][0]['risk-uuid']);
    assert.equal(risk.status, 'open');
    assert.equal(risk.remediations[0].tasks[0].timing['on-date'].date, '2026-12-31T23:59:59+09:00');
    const origin = poam.observations.find((o: { uuid: string }) => o.uuid === item['related-observations'][0]['observation-uuid']);
    assert.equal(origin.links[0].href, `/operations/${inspectionId}`);
    assert.deepEqual(origin.methods, ['TEST']);
    assert.equal(poam['system-id'].id, orgA.id);
  });
});

describe('what each document holds', () => {
  test('the status counts what the documents hold: controls per catalog, judged, excluded, open actions', async () => {
    const status = await orgA.owner.client.get('/api/v1/oscal');
    assert.equal(status.status, 200, status.raw);
    assert.equal(status.body.version, '1.1.2');
    assert.deepEqual(status.body.sets.map((s: { key: string }) => s.key), ['fsa', 'ppc', 'ipa', 'iso27017', 'meti', 'flow']);
    for (const set of status.body.sets) {
      const catalog = (await orgA.owner.client.get(`/api/v1/oscal/catalogs/${set.key}`)).body.catalog;
      assert.equal(set.controls, catalog.groups[0].controls.length, set.key);
      assert.equal(String(set.catalogVersion), catalog.metadata.version, set.key);
    }
    const sum = (k: string) => status.body.sets.reduce((n: number, s: Record<string, number>) => n + s[k], 0);
    const [result] = (await orgA.owner.client.get('/api/v1/oscal/assessment-results')).body['assessment-results'].results;
    assert.equal(sum('judged'), result.observations.length);
    const profile = (await orgA.owner.client.get('/api/v1/oscal/profile')).body.profile;
    assert.equal(sum('excluded'), profile.imports.flatMap((i: { 'exclude-controls'?: { 'with-ids': string[] }[] }) => i['exclude-controls']?.[0]?.['with-ids'] ?? []).length);
    assert.equal(status.body.openActions, (await orgA.owner.client.get('/api/v1/oscal/poam')).body['plan-of-action-and-milestones']['poam-items'].length);
  });

  test('an organisation with nothing judged or open says so, and reading the status records nothing', async () => {
    const empty = await createOrganisation(t, { name: 'Nothing yet' });
    const before = (await t.database.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where organisation_id = $1`, [empty.id])).rows[0].n;
    const status = (await empty.owner.client.get('/api/v1/oscal')).body;
    assert.equal(status.openActions, 0);
    assert.ok(status.sets.every((s: { judged: number; excluded: number }) => s.judged === 0 && s.excluded === 0));
    const after = (await t.database.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where organisation_id = $1`, [empty.id])).rows[0].n;
    assert.equal(after, before);
  });
});

describe('stable ids', () => {
  const uuids = (raw: string) => [...raw.matchAll(/"(?:uuid|observation-uuid|risk-uuid)": "([0-9a-f-]{36})"/g)].map((m) => m[1]);

  test('the same records export the same document, ids and all', async () => {
    for (const url of ['/api/v1/oscal/catalogs/meti', '/api/v1/oscal/profile', '/api/v1/oscal/assessment-results', '/api/v1/oscal/poam']) {
      const first = await orgA.owner.client.get(url);
      const second = await orgA.owner.client.get(url);
      assert.ok(uuids(first.raw).length > 0, url);
      assert.deepEqual(uuids(second.raw), uuids(first.raw), url);
      assert.equal(second.raw, first.raw, url);
    }
  });

  test('a changed judgement gives a new document uuid; its observation keeps its own', async () => {
    const before = (await orgA.owner.client.get('/api/v1/oscal/assessment-results')).body['assessment-results'];
    const row = (await orgA.owner.client.get(`/api/v1/control-assessments/${encryptionId}`)).body;
    assert.equal((await orgA.owner.client.patch(`/api/v1/control-assessments/${encryptionId}`, { notes: '年次で鍵を更新', version: row.version })).status, 200);
    const after = (await orgA.owner.client.get('/api/v1/oscal/assessment-results')).body['assessment-results'];
    assert.notEqual(after.uuid, before.uuid);
    assert.notEqual(after.metadata.version, before.metadata.version);
    assert.deepEqual(after.results[0].observations.map((o: { uuid: string }) => o.uuid), before.results[0].observations.map((o: { uuid: string }) => o.uuid));
    assert.equal(after.results[0].uuid, before.results[0].uuid);
  });

  test('the same record in two organisations has two ids', async () => {
    const a = (await orgA.owner.client.get('/api/v1/oscal/assessment-results')).body['assessment-results'];
    const b = (await orgB.owner.client.get('/api/v1/oscal/assessment-results')).body['assessment-results'];
    assert.notEqual(a.results[0].uuid, b.results[0].uuid);
    const fsa = (await orgA.owner.client.get('/api/v1/oscal/catalogs/fsa')).body.catalog;
    const fsaB = (await orgB.owner.client.get('/api/v1/oscal/catalogs/fsa')).body.catalog;
    assert.notEqual(fsa.uuid, fsaB.uuid);
    assert.deepEqual(fsa.groups[0].controls.map((c: { id: string }) => c.id), fsaB.groups[0].controls.map((c: { id: string }) => c.id));
  });
});

describe('another organisation', () => {
  test("A's documents hold none of B's judgements, actions or ids; B's hold B's own", async () => {
    const { rows } = await t.database.pool.query<{ id: string }>(
      `select id::text from control_assessments where organisation_id = $1 union all select id::text from corrective_actions where organisation_id = $1`,
      [orgB.id],
    );
    for (const url of ['/api/v1/oscal/profile', '/api/v1/oscal/assessment-results', '/api/v1/oscal/poam']) {
      const raw = (await orgA.owner.client.get(url)).raw;
      for (const secret of [B_SECRET, 'B社の是正処置', orgB.id, ...rows.map((r) => r.id)]) assert.ok(!raw.includes(secret), `${url} shows ${secret}`);
    }
    assert.match((await orgB.owner.client.get('/api/v1/oscal/assessment-results')).raw, new RegExp(B_SECRET));
    assert.match((await orgB.owner.client.get('/api/v1/oscal/poam')).raw, /B社の是正処置/);
  });
});

describe('readers and the audit trail', () => {
  test('an auditor reads every document, in their own language unless asked for another', async () => {
    for (const url of ['/api/v1/oscal/catalogs/ipa', '/api/v1/oscal/profile', '/api/v1/oscal/assessment-results', '/api/v1/oscal/poam']) {
      const r = await auditorA.client.get(url);
      assert.equal(r.status, 200, `${url}: ${r.raw.slice(0, 200)}`);
    }
    const en = (await auditorA.client.get('/api/v1/oscal/assessment-results')).body['assessment-results'].metadata;
    const ja = (await auditorA.client.get('/api/v1/oscal/assessment-results?lang=ja')).body['assessment-results'].metadata;
    assert.equal(en.title, 'Control assessment results');
    assert.equal(ja.title, '管理策の評価結果');
  });

  test('each export is on the audit trail with its model, set, language and uuid', async () => {
    const doc = (await auditorA.client.get('/api/v1/oscal/catalogs/flow?lang=en')).body.catalog;
    const trail = await orgA.owner.client.get('/api/v1/audit?limit=5');
    const entry = trail.body.items.find((e: { action: string }) => e.action === 'oscalDocument.export');
    assert.ok(entry, trail.raw);
    assert.equal(entry.entityType, 'oscalDocument');
    assert.equal(entry.actorLabel, auditorA.email);
    assert.deepEqual(entry.after, { model: 'catalog', controlSet: 'flow', lang: 'en', uuid: doc.uuid, version: doc.metadata.version });
  });
});

describe('bad input', () => {
  const exportsOnTrail = async () => (await t.database.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'oscalDocument.export'`)).rows[0].n;

  test('an unknown language is 400 on the field, with its message; an unknown set 404; nothing recorded', async () => {
    const before = await exportsOnTrail();
    const lang = await orgA.owner.client.get('/api/v1/oscal/profile?lang=fr');
    assert.equal(lang.status, 400, lang.raw);
    assert.equal(lang.body.errors[0].path, 'query.lang');
    assert.equal(lang.body.errors[0].message, '言語には ja または en を指定してください。');
    const unknownField = await orgA.owner.client.get('/api/v1/oscal/poam?format=xml');
    assert.equal(unknownField.status, 400, unknownField.raw);
    const set = await orgA.owner.client.get('/api/v1/oscal/catalogs/nist');
    assert.equal(set.status, 404, set.raw);
    assert.equal(set.body.title, 'お探しのものが見つかりません。');
    assert.equal(await exportsOnTrail(), before);
  });

  test('no open action: 409 with its message, and nothing recorded', async () => {
    const empty = await createOrganisation(t, { name: 'No actions' });
    const before = await exportsOnTrail();
    const r = await empty.owner.client.get('/api/v1/oscal/poam');
    assert.equal(r.status, 409, r.raw);
    assert.equal(r.body.code, 'oscalNoOpenActions');
    assert.match(r.body.title, /完了していない是正処置がない/);
    assert.equal(await exportsOnTrail(), before);
  });

  test('signed out: 401', async () => {
    const r = await new TestClient(t.app).get('/api/v1/oscal/assessment-results');
    assert.equal(r.status, 401);
  });
});
