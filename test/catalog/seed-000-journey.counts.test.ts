// Counts and basic shape of the seed-000 "journey" catalog files
// (industries, checklists, stages, threats, incident cases, security measures,
// adoption challenges). Parses the YAML directly; the schema validator has its
// own tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Text = { ja?: unknown; en?: unknown };
type Item = {
  id: string;
  parent?: string;
  ja?: unknown;
  en?: unknown;
  detail?: Text;
  source?: unknown;
  attributes?: Record<string, unknown>;
};
type Collection = {
  id: string;
  type: string;
  version: number;
  name: Text;
  source: unknown;
  attributes?: Record<string, { type: string; values?: unknown[] }>;
  items: Item[];
};

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..', '..', 'catalog', 'seed-000');
const FILES = [
  'industries',
  'checklists',
  'stages',
  'threats',
  'incident-cases',
  'security-measures',
  'adoption-challenges',
] as const;
type FileName = (typeof FILES)[number];

const load = (name: FileName): Collection =>
  parse(readFileSync(join(dir, `${name}.yaml`), 'utf8')) as Collection;
const col = Object.fromEntries(FILES.map((f) => [f, load(f)])) as Record<FileName, Collection>;

const children = (c: Collection, parentId: string): Item[] =>
  c.items.filter((i) => i.parent === parentId);
const roots = (c: Collection): Item[] => c.items.filter((i) => i.parent === undefined);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

test('checklists: prerequisite has 8 questions, migration has 9', () => {
  const c = col.checklists;
  assert.equal(c.type, 'checklist');
  const pre = children(c, 'urn:kumoji:seed-000:checklists:prerequisite');
  const mig = children(c, 'urn:kumoji:seed-000:checklists:migration');
  assert.equal(pre.filter((q) => q.attributes?.kind === 'question').length, 8);
  assert.equal(mig.filter((q) => q.attributes?.kind === 'question').length, 9);
  assert.deepEqual(
    pre.map((q) => q.attributes?.number),
    ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'],
  );
  assert.deepEqual(
    mig.map((q) => q.attributes?.number),
    ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9'],
  );
  for (const r of roots(c)) assert.equal(r.attributes?.kind, 'checklist', r.id);
  // diagnosis parameters
  const byId = new Map(c.items.map((i) => [i.id, i]));
  assert.equal(byId.get('urn:kumoji:seed-000:checklists:prerequisite')?.attributes?.passRule, 'majority');
  assert.equal(byId.get('urn:kumoji:seed-000:checklists:migration')?.attributes?.passRule, 'all');
  assert.equal(byId.get('urn:kumoji:seed-000:checklists:prerequisite:1.1')?.attributes?.zeroStageIfNo, true);
  assert.equal(c.items.filter((i) => i.attributes?.zeroStageIfNo === true).length, 1);
  assert.equal(c.items.filter((i) => i.attributes?.highRiskIfNo === true).length, 1);
  for (const q of mig) {
    const action = q.attributes?.action as Text | undefined;
    assert.ok(action && nonEmpty(action.ja) && nonEmpty(action.en), `${q.id} needs an action`);
  }
  const signs = children(c, 'urn:kumoji:seed-000:checklists:stage3-signs');
  assert.equal(signs.length, 3);
});

test('stages: 6 stages (0-4 and x), each with practice items and a gate', () => {
  const c = col.stages;
  assert.equal(c.type, 'stage-model');
  const stages = roots(c);
  assert.equal(stages.length, 6);
  assert.deepEqual(
    stages.map((s) => s.attributes?.stage),
    ['0', '1', '2', '3', '4', 'x'],
  );
  const months = Object.fromEntries(stages.map((s) => [s.attributes?.stage, s.attributes?.minDurationMonths]));
  assert.deepEqual(months, { '0': 6, '1': 6, '2': 12, '3': 12, '4': 12, x: 6 });
  for (const s of stages) {
    assert.equal(s.attributes?.kind, 'stage');
    const practices = children(c, s.id);
    assert.ok(practices.length > 0, `${s.id} has practice items`);
    for (const p of practices) assert.equal(p.attributes?.kind, 'practice', p.id);
    assert.ok(
      practices.some((p) => p.attributes?.practice === 'gate'),
      `${s.id} has a gate item`,
    );
  }
  const s1 = stages.find((s) => s.attributes?.stage === '1');
  const s2 = stages.find((s) => s.attributes?.stage === '2');
  assert.equal(s1?.attributes?.budgetMinYen, 500000);
  assert.equal(s1?.attributes?.budgetMaxYen, 1000000);
  assert.equal(s2?.attributes?.budgetMinYen, 1000000);
  assert.equal(s2?.attributes?.budgetMaxYen, 5000000);
});

test('threats: 5 yearly lists of 10 ranked threats', () => {
  const c = col.threats;
  assert.equal(c.type, 'threat-list');
  const lists = roots(c);
  assert.equal(lists.length, 5);
  assert.deepEqual(
    lists.map((l) => l.attributes?.year),
    [2019, 2020, 2024, 2025, 2026],
  );
  for (const l of lists) {
    const threats = children(c, l.id);
    assert.equal(threats.length, 10, l.id);
    assert.deepEqual(
      threats.map((t) => t.attributes?.rank),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    const hasImpact = threats.some((t) =>
      ['impactBankruptcy', 'impactSalesDrop', 'impactCustomerLoss'].some((k) => t.attributes?.[k] !== undefined),
    );
    assert.equal(hasImpact, l.attributes?.year === 2019, `${l.id} impact columns only on 2019`);
  }
});

test('reference files: 4 incident cases, 6 measures, 6 Table-3 rows, 8 industries', () => {
  assert.equal(col['incident-cases'].items.length, 4);
  assert.equal(col['security-measures'].items.length, 6);
  assert.equal(col['adoption-challenges'].items.length, 6);
  for (const row of col['adoption-challenges'].items) {
    const approach = row.attributes?.approach as Text | undefined;
    assert.ok(approach && nonEmpty(approach.ja) && nonEmpty(approach.en), `${row.id} approach`);
  }
  const industries = col.industries.items.filter((i) => i.attributes?.kind === 'industry');
  assert.equal(industries.length, 8);
  for (const c of ['incident-cases', 'security-measures', 'adoption-challenges', 'industries'] as const) {
    assert.equal(col[c].type, 'reference');
  }
});

test('every item has non-empty ja, en and source; ids are unique and well-formed', () => {
  const seen = new Set<string>();
  const idPattern = /^urn:kumoji:seed-000:[a-z0-9.-]+(:[a-z0-9.-]+)*$/;
  for (const name of FILES) {
    const c = col[name];
    assert.match(c.id, idPattern, c.id);
    assert.ok(!seen.has(c.id), `duplicate id ${c.id}`);
    seen.add(c.id);
    assert.ok(nonEmpty(c.name?.ja) && nonEmpty(c.name?.en), `${name} name`);
    const ids = new Set(c.items.map((i) => i.id));
    for (const it of c.items) {
      assert.match(it.id, idPattern, it.id);
      assert.ok(it.id.startsWith(`${c.id}:`), `${it.id} under ${c.id}`);
      assert.ok(!seen.has(it.id), `duplicate id ${it.id}`);
      seen.add(it.id);
      assert.ok(nonEmpty(it.ja), `${it.id} ja`);
      assert.ok(nonEmpty(it.en), `${it.id} en`);
      const sources = Array.isArray(it.source) ? it.source : [it.source];
      assert.ok(sources.length > 0 && sources.every(nonEmpty), `${it.id} source`);
      if (it.detail !== undefined) {
        assert.ok(nonEmpty(it.detail.ja) && nonEmpty(it.detail.en), `${it.id} detail`);
      }
      if (it.parent !== undefined) assert.ok(ids.has(it.parent), `${it.id} parent ${it.parent}`);
      for (const key of Object.keys(it.attributes ?? {})) {
        assert.ok(c.attributes && key in c.attributes, `${it.id}: attribute ${key} not declared`);
      }
    }
  }
});
