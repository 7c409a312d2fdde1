// Counts and basic integrity of the seed-004 and public catalog files
// (catalog/seed-004/*.yaml, catalog/public/*.yaml written from seed 004 and FACTS.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Text = { ja: string; en: string };
type Item = {
  id: string;
  parent?: string;
  order?: number;
  ja: string;
  en: string;
  detail?: Text;
  source: string | string[];
  attributes?: Record<string, unknown>;
};
type Collection = {
  id: string;
  type: string;
  version: number;
  name: Text;
  source: string | string[];
  attributes?: Record<string, { type: string; values?: string[] }>;
  items: Item[];
};

const catalogDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalog');

const FILES = {
  'seed-004': [
    'migration-risks',
    'hybrid-design',
    'governance',
    'raci-template',
    'government-controls',
    'implementation-flow',
    'data-protection',
    'backup',
    'iam',
    'logging',
    'incident-response',
    'bcp-modes',
    'cost-finance',
    'staffing',
    'operations',
    'regulatory-changes',
    'escalation',
    'glossary',
  ],
  public: [
    'notification-rules',
    'iso27017',
    'meti-guideline',
    'backup-rules',
    'migration-strategies',
    'ismap',
    'jp-holidays',
  ],
} as const;

const collections = new Map<string, Collection>();
for (const [source, names] of Object.entries(FILES)) {
  for (const name of names) {
    const text = readFileSync(join(catalogDir, source, `${name}.yaml`), 'utf8');
    collections.set(`${source}/${name}`, parse(text) as Collection);
  }
}

function col(key: string): Collection {
  const c = collections.get(key);
  assert.ok(c, `missing collection ${key}`);
  return c;
}

function urn(key: string, local?: string): string {
  const [source, name] = key.split('/');
  return local ? `urn:kumoji:${source}:${name}:${local}` : `urn:kumoji:${source}:${name}`;
}

/** Children of an item (by local id) in a collection. */
function children(key: string, parentLocal: string): Item[] {
  const parent = urn(key, parentLocal);
  const c = col(key);
  assert.ok(c.items.some((i) => i.id === parent), `missing group ${parent}`);
  return c.items.filter((i) => i.parent === parent);
}

const attr = (i: Item, k: string): unknown => i.attributes?.[k];

test('every collection has its header and the id matching its file', () => {
  for (const [key, c] of collections) {
    assert.equal(c.id, urn(key), key);
    assert.ok(Number.isInteger(c.version) && c.version >= 1, `${key} version`);
    assert.ok(c.name?.ja && c.name?.en, `${key} name`);
    assert.ok(c.source && c.source.length > 0, `${key} source`);
    if (c.type === 'reference' || c.type === 'deadline-rules') {
      assert.ok(c.attributes && Object.keys(c.attributes).length > 0, `${key} attributes declared`);
    }
    assert.ok(Array.isArray(c.items) && c.items.length > 0, `${key} items`);
  }
});

test('every item has non-empty ja, en and source, and only declared attributes', () => {
  for (const [key, c] of collections) {
    for (const item of c.items) {
      assert.ok(typeof item.ja === 'string' && item.ja.trim() !== '', `${item.id} ja`);
      assert.ok(typeof item.en === 'string' && item.en.trim() !== '', `${item.id} en`);
      const sources = Array.isArray(item.source) ? item.source : [item.source];
      assert.ok(sources.length > 0, `${item.id} source`);
      for (const s of sources) assert.ok(typeof s === 'string' && s.trim() !== '', `${item.id} source`);
      if (item.detail) assert.ok(item.detail.ja && item.detail.en, `${item.id} detail`);
      for (const k of Object.keys(item.attributes ?? {})) {
        assert.ok(c.attributes?.[k], `${key}: ${item.id} uses undeclared attribute ${k}`);
      }
    }
  }
});

test('ids are well formed, unique, and parents and refs resolve', () => {
  const all = new Set<string>();
  for (const [key, c] of collections) {
    const local = new Set(c.items.map((i) => i.id));
    for (const item of c.items) {
      assert.match(item.id, /^urn:kumoji:(seed-004|public):[a-z0-9.-]+:[a-z0-9.-]+$/, item.id);
      assert.ok(item.id.startsWith(`${c.id}:`), `${item.id} is in ${key}`);
      assert.ok(!all.has(item.id), `duplicate id ${item.id}`);
      all.add(item.id);
      if (item.parent) assert.ok(local.has(item.parent), `${item.id} parent ${item.parent}`);
    }
  }
  for (const c of collections.values()) {
    for (const item of c.items) {
      for (const [k, v] of Object.entries(item.attributes ?? {})) {
        const type = c.attributes?.[k]?.type;
        if (type === 'ref') assert.ok(all.has(v as string), `${item.id} ${k} -> ${v}`);
        if (type === 'ref-list') for (const r of v as string[]) assert.ok(all.has(r), `${item.id} ${k} -> ${r}`);
      }
    }
  }
});

test('seed 004: migration risks, hybrid design, governance', () => {
  const risks = col('seed-004/migration-risks').items.filter((i) => attr(i, 'kind') === 'risk');
  assert.equal(risks.length, 3);
  assert.equal(children('seed-004/hybrid-design', 'cloud-by-default').length, 3);
  assert.equal(children('seed-004/hybrid-design', 'modernisation').length, 3);
  assert.equal(children('seed-004/hybrid-design', 'example-architecture').length, 4);
  assert.equal(children('seed-004/governance', 'meti-summary').length, 3);
});

test('seed 004: RACI template has 3 tasks with the 4 roles as string lists', () => {
  const tasks = col('seed-004/raci-template').items;
  assert.equal(tasks.length, 3);
  for (const t of tasks) {
    assert.deepEqual(Object.keys(t.attributes ?? {}).sort(), ['accountable', 'consulted', 'informed', 'responsible']);
    for (const role of ['responsible', 'accountable', 'consulted', 'informed']) {
      const v = attr(t, role);
      assert.ok(Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s !== ''), `${t.id} ${role}`);
    }
    assert.equal((attr(t, 'accountable') as string[]).length, 1, `${t.id} has one Accountable`);
  }
});

test('seed 004: FSA 5, PPC 4, implementation flow 6', () => {
  assert.equal(children('seed-004/government-controls', 'fsa').length, 5);
  assert.equal(children('seed-004/government-controls', 'ppc').length, 4);
  const flow = col('seed-004/implementation-flow').items;
  assert.equal(flow.length, 6);
  assert.deepEqual(flow.map((s) => attr(s, 'step')), [1, 2, 3, 4, 5, 6]);
  for (const s of flow) {
    assert.ok(attr(s, 'content'), `${s.id} content`);
    assert.ok(attr(s, 'example'), `${s.id} example`);
  }
});

test('seed 004: data classes 3, encryption, backup schedule 3 rows, IAM and logs', () => {
  const classes = children('seed-004/data-protection', 'data-classes');
  assert.equal(classes.length, 3);
  for (const c of classes) {
    assert.ok((attr(c, 'examples') as unknown[]).length > 0, `${c.id} examples`);
    assert.ok((attr(c, 'handling') as unknown[]).length > 0, `${c.id} handling`);
  }
  assert.equal(children('seed-004/data-protection', 'encryption').length, 2);
  assert.equal(children('seed-004/backup', 'rule-3-2-1').length, 3);
  const rows = children('seed-004/backup', 'schedule');
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.map((r) => attr(r, 'interval')), ['daily', 'weekly', 'monthly']);
  assert.equal(children('seed-004/iam', 'least-privilege').length, 3);
  assert.equal(children('seed-004/iam', 'rbac').length, 3);
  const retention = children('seed-004/logging', 'retention-integrity');
  assert.equal(retention.length, 3);
  const access = retention.find((i) => attr(i, 'logType') === 'access');
  assert.equal(access && attr(access, 'minRetentionMonths'), 12);
});

test('seed 004: incident first response 4, stakeholders 4, BCP modes 3', () => {
  const first = children('seed-004/incident-response', 'first-response');
  assert.equal(first.length, 4);
  assert.deepEqual(first.map((s) => attr(s, 'step')), [1, 2, 3, 4]);
  assert.equal(children('seed-004/incident-response', 'stakeholders').length, 4);
  const bcp = col('seed-004/bcp-modes');
  const modes = bcp.items.filter((i) => !i.parent);
  assert.equal(modes.length, 3);
  assert.deepEqual(modes.map((m) => attr(m, 'mode')), ['emergency', 'power-loss', 'full-stop']);
  for (const m of modes) {
    assert.ok(bcp.items.filter((i) => i.parent === m.id).length > 0, `${m.id} has items`);
  }
});

test('seed 004: cost framework 4, financial steps 5, staffing 4', () => {
  assert.equal(children('seed-004/cost-finance', 'cost-framework').length, 4);
  const steps = children('seed-004/cost-finance', 'financial-plan');
  assert.equal(steps.length, 5);
  assert.deepEqual(steps.map((s) => attr(s, 'step')), [1, 2, 3, 4, 5]);
  const roles = col('seed-004/staffing').items;
  assert.equal(roles.length, 4);
  for (const r of roles) {
    const certs = attr(r, 'certifications');
    assert.ok(Array.isArray(certs) && certs.length > 0, `${r.id} certifications`);
  }
});

test('seed 004: inspection 5, automation 4, PDCA 4, escalation 4 and 5', () => {
  assert.equal(children('seed-004/operations', 'inspection').length, 5);
  assert.equal(children('seed-004/operations', 'automation').length, 4);
  const pdca = children('seed-004/operations', 'pdca');
  assert.deepEqual(pdca.map((p) => attr(p, 'phase')), ['plan', 'do', 'check', 'act']);
  assert.equal(children('seed-004/escalation', 'criteria').length, 4);
  const steps = children('seed-004/escalation', 'procedure');
  assert.equal(steps.length, 5);
  assert.deepEqual(steps.map((s) => attr(s, 'step')), [1, 2, 3, 4, 5]);
});

test('seed 004: glossary has the 10 terms with definitions', () => {
  const g = col('seed-004/glossary');
  assert.equal(g.type, 'glossary');
  assert.equal(g.items.length, 10);
  for (const t of g.items) assert.ok(t.detail?.ja && t.detail?.en, `${t.id} definition`);
});

test('seed 004: corrections cite both the seed and FACTS.md', () => {
  const appi = col('seed-004/incident-response').items.find((i) => i.id.endsWith(':appi-report-and-notice'));
  assert.ok(appi);
  assert.match(appi.ja, /第26条/);
  assert.doesNotMatch(appi.ja, /第24条第9項/);
  const sources = ([] as string[]).concat(appi.source);
  assert.ok(sources.some((s) => s.startsWith('004_eaa084eda4e01963.txt')));
  assert.ok(sources.some((s) => s.startsWith('FACTS.md')));
});

test('public: ISO 27017 7 controls, METI 3 + 10, 7 Rs, ISMAP, backup rules', () => {
  const iso = col('public/iso27017').items;
  assert.equal(iso.length, 7);
  for (const c of iso) assert.match(attr(c, 'control') as string, /^CLD\.\d+\.\d+\.\d+$/);
  assert.equal(children('public/meti-guideline', 'principles').length, 3);
  const ten = children('public/meti-guideline', 'key-items');
  assert.deepEqual(ten.map((i) => attr(i, 'number')), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(
    col('public/migration-strategies').items.map((i) => attr(i, 'code')),
    ['rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'relocate'],
  );
  const ismap = col('public/ismap').items;
  assert.deepEqual(ismap.map((i) => attr(i, 'startDate')), ['2020-06', '2022-11']);
  assert.equal(children('public/backup-rules', 'rule-3-2-1').length, 3);
  assert.equal(children('public/backup-rules', 'rule-3-2-1-1-0').length, 5);
});

test('public: notification rules', () => {
  const nr = col('public/notification-rules');
  assert.equal(nr.type, 'deadline-rules');
  const byLocal = (l: string): Item => {
    const i = nr.items.find((x) => x.id === urn('public/notification-rules', l));
    assert.ok(i, l);
    return i;
  };
  const rules = nr.items.filter((i) => attr(i, 'kind') === 'rule');

  // No FSA rule carries a fixed deadline, and no rule at all uses the seed's unsupported 48 hours.
  for (const r of rules) {
    assert.notEqual(attr(r, 'deadlineHours'), 48, `${r.id} has a 48-hour deadline`);
    if (attr(r, 'regime') === 'fsa') assert.equal(attr(r, 'deadlineHours'), undefined, `${r.id} must be organisation-set`);
  }
  assert.deepEqual(
    rules.filter((r) => attr(r, 'regime') === 'fsa').map((r) => attr(r, 'reportStage')),
    ['first', 'interim', 'final'],
  );

  // APPI: four reportable cases, 速報 about 3-5 days as a configurable 5 days, 確報 30 / 60 days moved past closed days; strong encryption exempts.
  const conditions = children('public/notification-rules', 'appi').filter((i) => attr(i, 'kind') === 'condition');
  assert.deepEqual(conditions.map((c) => attr(c, 'condition')), [
    'sensitive-data',
    'financial-harm',
    'improper-purpose',
    'over-1000-persons',
  ]);
  const pre = byLocal('appi-preliminary');
  assert.equal(attr(pre, 'deadlineDays'), 5);
  assert.equal(attr(pre, 'deadlineHours'), undefined);
  assert.equal(attr(pre, 'configurable'), true);
  assert.ok(attr(pre, 'guidance'));
  assert.equal((attr(pre, 'triggerConditions') as string[]).length, 4);
  assert.equal((attr(pre, 'reportItems') as unknown[]).length, 9);
  assert.equal(attr(byLocal('appi-final'), 'deadlineDays'), 30);
  assert.equal(attr(byLocal('appi-final-improper-purpose'), 'deadlineDays'), 60);
  for (const l of ['appi-final', 'appi-final-improper-purpose']) assert.equal(attr(byLocal(l), 'holidayRollover'), true, l);
  for (const l of ['appi-preliminary', 'appi-final', 'appi-final-improper-purpose', 'appi-notice']) assert.ok((attr(byLocal(l), 'excludeConditions') as string[]).includes('strongly-encrypted'), l);
  assert.equal(attr(byLocal('appi-strongly-encrypted'), 'kind'), 'exemption');
  const notice = byLocal('appi-notice');
  assert.equal((attr(notice, 'reportItems') as unknown[]).length, 5);
  assert.equal(attr(notice, 'deadlineHours'), undefined);

  // GDPR 72 h; NIS2 24 h / 72 h / one month after the notification.
  assert.equal(attr(byLocal('gdpr-authority'), 'deadlineHours'), 72);
  assert.equal(attr(byLocal('nis2-early-warning'), 'deadlineHours'), 24);
  assert.equal(attr(byLocal('nis2-notification'), 'deadlineHours'), 72);
  const fin = byLocal('nis2-final-report');
  assert.equal(attr(fin, 'countFrom'), 'previous-report');
  assert.equal(attr(fin, 'fromRule'), urn('public/notification-rules', 'nis2-notification'));
  assert.equal(attr(fin, 'deadlineMonths'), 1);

  // Every trigger or excluding code of a rule is defined by a condition or exemption item.
  const codes = new Set(nr.items.filter((i) => ['condition', 'exemption'].includes(attr(i, 'kind') as string)).map((i) => attr(i, 'condition')));
  for (const r of rules) {
    for (const code of [...((attr(r, 'triggerConditions') as string[]) ?? []), ...((attr(r, 'excludeConditions') as string[]) ?? [])]) {
      assert.ok(codes.has(code), `${r.id}: unknown condition ${code}`);
    }
  }
});
