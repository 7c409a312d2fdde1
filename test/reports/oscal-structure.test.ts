import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { testClock } from '../../src/server/platform/clock.ts';
import { CONTROL_SET_KEYS, OSCAL_MODELS, type TOscalModel } from '../../src/shared/reports/oscal.schema.ts';
import { loadCatalog } from '../assets/portfolio-fixtures.ts';
import { multipartFile } from '../helpers/multipart.ts';
import { createOrganisation, createTestApp, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Every OSCAL document Kumoji writes, in both languages, for an
 * organisation with judgements, evidence and corrective actions and for one
 * with nothing judged yet, checked with ajv against Kumoji's structural
 * schemas of the OSCAL 1.1.2 models (src/shared/reports/oscal-structure/:
 * written for Kumoji, not NIST's schemas); and the schemas refuse a
 * document that breaks the structure.
 */

const dir = new URL('../../src/shared/reports/oscal-structure/', import.meta.url);
const read = (name: string) => JSON.parse(fs.readFileSync(new URL(`${name}.schema.json`, dir), 'utf8')) as Record<string, unknown>;

// Strict, but for `not: { required: [a, b] }` (never both include-all and include-controls), which names no properties of its own.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
// ajv-formats is CommonJS: its default export is the plugin itself, or carries it as `default`.
const formats = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as unknown as (a: Ajv) => Ajv;
formats(ajv);
ajv.addSchema(read('common'));
const validators = Object.fromEntries(OSCAL_MODELS.map((m) => [m, ajv.compile(read(m))])) as Record<TOscalModel, ValidateFunction>;

function check(model: TOscalModel, document: unknown): string[] {
  const validate = validators[model];
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

let t: TestApp;
let full: TestOrganisation;
let empty: TestOrganisation;
const NOW = new Date('2026-12-06T01:00:00Z');

async function judge(org: TestOrganisation, body: Record<string, unknown>): Promise<string> {
  const r = await org.owner.client.post('/api/v1/control-assessments', body);
  assert.equal(r.status, 201, r.raw);
  return r.body.id;
}

before(async () => {
  t = await createTestApp({}, { clock: testClock(NOW) });
  await loadCatalog(t);
  full = await createOrganisation(t, { name: '株式会社 構造確認' });
  empty = await createOrganisation(t, { name: 'Empty Ltd' });
  const done = await judge(full, { itemId: 'urn:kumoji:seed-004:government-controls:fsa-data-protection', status: 'implemented', reason: '顧客の個人データを扱うため', notes: '鍵はクラウドの鍵管理サービスで管理' });
  const file = multipartFile('暗号化設定.txt', 'AES-256: on', 'text/plain');
  assert.equal((await full.owner.client.request('POST', `/api/v1/control-assessments/${done}/evidence`, file.body, { 'content-type': file.contentType })).status, 201);
  await judge(full, { itemId: 'urn:kumoji:public:iso27017:cld-9.5.1', applicable: false, reason: '仮想環境を自社で運用しない' });
  await judge(full, { itemId: 'urn:kumoji:public:meti-guideline:instruction-1', status: 'inProgress', dueOn: '2026-11-30', ownerDepartment: '経営企画部' });
  const inspection = await full.owner.client.post('/api/v1/inspections', { title: '脆弱性スキャン', startsOn: '2026-01-31', unit: 'months', every: 3 });
  assert.equal(inspection.status, 201, inspection.raw);
  for (const body of [
    { title: 'VPN 機器の更新', plan: 'ファームウェアを更新する', dueOn: '2026-12-31', origin: 'inspection', originId: inspection.body.id },
    { title: '手順書の見直し' },
  ]) assert.equal((await full.owner.client.post('/api/v1/corrective-actions', body)).status, 201);
});
after(() => t.close());

const documentsOf = async (org: TestOrganisation, lang: 'ja' | 'en') => {
  const urls: [TOscalModel, string][] = [
    ...CONTROL_SET_KEYS.map((k): [TOscalModel, string] => ['catalog', `/api/v1/oscal/catalogs/${k}`]),
    ['profile', '/api/v1/oscal/profile'],
    ['assessment-results', '/api/v1/oscal/assessment-results'],
    ['plan-of-action-and-milestones', '/api/v1/oscal/poam'],
  ];
  const out: { model: TOscalModel; url: string; status: number; body: unknown }[] = [];
  for (const [model, url] of urls) {
    const r = await org.owner.client.get(`${url}?lang=${lang}`);
    out.push({ model, url, status: r.status, body: r.body });
  }
  return out;
};

describe('the structural schemas', () => {
  test("each is named as Kumoji's structural check of the OSCAL 1.1.2 model, not NIST's schema", () => {
    for (const name of ['common', ...OSCAL_MODELS]) {
      const schema = read(name);
      assert.match(String(schema.title), /^Kumoji's structural check of/, name);
      assert.match(String(schema.$id), /^urn:kumoji:oscal-structure:1\.1\.2:/, name);
    }
  });
});

describe('every document Kumoji writes has the OSCAL structure', () => {
  for (const lang of ['ja', 'en'] as const) {
    test(`an organisation with judgements, evidence and corrective actions, in ${lang}`, async () => {
      for (const d of await documentsOf(full, lang)) {
        assert.equal(d.status, 200, `${d.url}: ${JSON.stringify(d.body).slice(0, 300)}`);
        assert.deepEqual(check(d.model, d.body), [], d.url);
      }
    });

    test(`an organisation with nothing judged and no action open, in ${lang}`, async () => {
      for (const d of await documentsOf(empty, lang)) {
        if (d.model === 'plan-of-action-and-milestones') {
          // OSCAL: a POA&M holds at least one item, so there is none to write.
          assert.equal(d.status, 409, d.url);
          continue;
        }
        assert.equal(d.status, 200, d.url);
        assert.deepEqual(check(d.model, d.body), [], d.url);
      }
    });
  }
});

describe('a document that breaks the structure is refused', () => {
  const valid = async (model: TOscalModel, url: string) => {
    const r = await full.owner.client.get(url);
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(check(model, r.body), []);
    return r.body;
  };

  test('assessment results: a finding without its target, a uuid that is not one, a time without its zone', async () => {
    const base = await valid('assessment-results', '/api/v1/oscal/assessment-results');
    const noTarget = structuredClone(base);
    delete noTarget['assessment-results'].results[0].findings[0].target;
    assert.ok(check('assessment-results', noTarget).some((e) => /target/.test(e)));
    const badUuid = structuredClone(base);
    badUuid['assessment-results'].results[0].observations[0].uuid = 'not-a-uuid';
    assert.notDeepEqual(check('assessment-results', badUuid), []);
    const noZone = structuredClone(base);
    noZone['assessment-results'].metadata['last-modified'] = '2026-12-06T10:00:00';
    assert.notDeepEqual(check('assessment-results', noZone), []);
  });

  test('catalog: a control id that is not a token, an unknown field, an empty list', async () => {
    const base = await valid('catalog', '/api/v1/oscal/catalogs/fsa');
    const urnId = structuredClone(base);
    urnId.catalog.groups[0].controls[0].id = 'urn:kumoji:seed-004:government-controls:fsa-data-protection';
    assert.notDeepEqual(check('catalog', urnId), []);
    const unknown = structuredClone(base);
    unknown.catalog.groups[0].controls[0].statement = 'x';
    assert.notDeepEqual(check('catalog', unknown), []);
    const emptyList = structuredClone(base);
    emptyList.catalog.groups[0].controls = [];
    assert.notDeepEqual(check('catalog', emptyList), []);
  });

  test('profile and POA&M: no imports, no items, another OSCAL version', async () => {
    const profile = await valid('profile', '/api/v1/oscal/profile');
    const noImports = structuredClone(profile);
    noImports.profile.imports = [];
    assert.notDeepEqual(check('profile', noImports), []);
    const poam = await valid('plan-of-action-and-milestones', '/api/v1/oscal/poam');
    const noItems = structuredClone(poam);
    noItems['plan-of-action-and-milestones']['poam-items'] = [];
    assert.notDeepEqual(check('plan-of-action-and-milestones', noItems), []);
    const oldVersion = structuredClone(poam);
    oldVersion['plan-of-action-and-milestones'].metadata['oscal-version'] = '1.0.4';
    assert.notDeepEqual(check('plan-of-action-and-milestones', oldVersion), []);
  });
});
