// Counts and basic shape of the seed-000 register files (seed sections III, IV
// and V: workload selection tables, asset inventory, ISMS documents, contract
// items, provider evaluation, operations, incidents, BCP, policies).
// Parses the YAML directly; the schema validator has its own tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScalar, parse, parseDocument, Scalar, visit } from 'yaml';

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
const catalogDir = join(here, '..', '..', 'catalog');
const dir = join(catalogDir, 'seed-000');
const FILES = [
  'workload-categories',
  'information-impacts',
  'business-advantage-themes',
  'asset-breakdown',
  'asset-classes',
  'information-groups',
  'asset-example',
  'isms-documents',
  'contract-items',
  'company-evaluation',
  'provider-selection-checks',
  'provider-profiles',
  'operations-evaluation',
  'incident-detection',
  'bcp-disaster-types',
  'future-policies',
  'outsourcing-policy',
  'it-governance',
] as const;
type FileName = (typeof FILES)[number];

const SEED = '000_2afa2b1b220c6436.txt';
const text = (name: FileName): string => readFileSync(join(dir, `${name}.yaml`), 'utf8');
const col = Object.fromEntries(FILES.map((f) => [f, parse(text(f)) as Collection])) as Record<FileName, Collection>;

const P = 'urn:kumoji:seed-000';
const roots = (c: Collection): Item[] => c.items.filter((i) => i.parent === undefined);
const children = (c: Collection, parentId: string): Item[] => c.items.filter((i) => i.parent === parentId);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
const sources = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

test('every file is a reference collection with the expected id', () => {
  for (const f of FILES) {
    const c = col[f];
    assert.equal(c.id, `${P}:${f}`);
    assert.equal(c.type, 'reference', f);
    assert.ok(Number.isInteger(c.version) && c.version >= 1, f);
    assert.ok(nonEmpty(c.name?.ja) && nonEmpty(c.name?.en), f);
    assert.ok(sources(c.source).some((s) => typeof s === 'string' && s.startsWith(SEED)), f);
  }
});

test('flat lists have the seed counts', () => {
  const expected: Partial<Record<FileName, number>> = {
    'workload-categories': 6,
    'information-impacts': 13,
    'business-advantage-themes': 5,
    'asset-classes': 4,
    'information-groups': 6,
    'contract-items': 17,
    'company-evaluation': 9,
    'provider-selection-checks': 9,
    'provider-profiles': 9,
    'incident-detection': 8,
    'bcp-disaster-types': 5,
    'future-policies': 8,
    'outsourcing-policy': 4,
  };
  for (const [f, n] of Object.entries(expected) as [FileName, number][]) {
    assert.equal(col[f].items.length, n, f);
    assert.equal(roots(col[f]).length, n, `${f}: all items are roots`);
  }
  assert.deepEqual(
    col['contract-items'].items.map((i) => i.attributes?.number),
    Array.from({ length: 17 }, (_, k) => k + 1),
  );
  assert.deepEqual(
    col['company-evaluation'].items.map((i) => i.attributes?.letter),
    ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
  );
});

test('table 5 keeps the provider, user and customer columns for all 13 rows', () => {
  for (const i of col['information-impacts'].items) {
    for (const k of ['provider', 'user', 'customer']) {
      const v = i.attributes?.[k] as Text | undefined;
      assert.ok(v && nonEmpty(v.ja) && nonEmpty(v.en), `${i.id} ${k}`);
    }
  }
});

test('table 6 keeps example, past and future priority for all 5 themes', () => {
  for (const i of col['business-advantage-themes'].items) {
    for (const k of ['examples', 'pastPriority', 'futurePriority']) {
      const v = i.attributes?.[k] as Text | undefined;
      assert.ok(v && nonEmpty(v.ja) && nonEmpty(v.en), `${i.id} ${k}`);
    }
  }
});

test('table 7: 7 risk categories, cells carry a sensitivity', () => {
  const c = col['asset-breakdown'];
  const cats = roots(c);
  assert.equal(cats.length, 7);
  for (const r of cats) assert.equal(r.attributes?.kind, 'category', r.id);
  const cells = c.items.filter((i) => i.parent !== undefined);
  assert.equal(cells.length, 13);
  for (const cell of cells) {
    assert.equal(cell.attributes?.kind, 'example', cell.id);
    assert.ok(['basic', 'sensitive', 'exceptional'].includes(cell.attributes?.sensitivity as string), cell.id);
  }
  // impact refs point at rows of Table 5
  const impactIds = new Set(col['information-impacts'].items.map((i) => i.id));
  for (const r of cats) assert.ok(impactIds.has(r.attributes?.impact as string), `${r.id} impact`);
});

test('figure 11: 7 assets, records × unit value, total 100,440 thousand yen', () => {
  const c = col['asset-example'];
  const assets = c.items.filter((i) => i.attributes?.kind === 'asset');
  assert.equal(assets.length, 7);
  let sum = 0;
  for (const a of assets) {
    const records = a.attributes?.records as number;
    const unit = a.attributes?.unitValueThousandYen as number;
    assert.ok(Number.isInteger(records), a.id);
    assert.equal(typeof unit, 'number', a.id);
    assert.equal(a.attributes?.assetValueThousandYen, records * unit, a.id);
    assert.ok(['A', 'B', 'C'].includes(a.attributes?.rank as string), a.id);
    sum += records * unit;
  }
  assert.equal(sum, 100_440);
  const total = c.items.find((i) => i.attributes?.kind === 'total');
  assert.ok(total);
  assert.equal(total.attributes?.assetValueThousandYen, 100_440);
  assert.equal(total.attributes?.printedAssetValueManYen, 10_044);
  assert.ok(sources(total.source).includes('FACTS.md 5'));
  // the revenue the seed compares the total with is recorded in the description
  const d = (c as unknown as { description?: Text }).description;
  assert.match(String(d?.ja), /1億円/);
  assert.match(String(d?.en), /100 million yen/);
});

test('ISMS documents: table 11 has 39, table 12 has 3', () => {
  const c = col['isms-documents'];
  assert.deepEqual(
    roots(c).map((r) => r.id),
    [`${P}:isms-documents:table-11`, `${P}:isms-documents:table-12`],
  );
  assert.equal(children(c, `${P}:isms-documents:table-11`).length, 39);
  assert.equal(children(c, `${P}:isms-documents:table-12`).length, 3);
  assert.equal(c.items.length, 2 + 39 + 3);
});

test('operations evaluation: 5, 7 and 3 items in three groups', () => {
  const c = col['operations-evaluation'];
  const groups = roots(c);
  assert.equal(groups.length, 3);
  assert.deepEqual(
    groups.map((g) => children(c, g.id).length),
    [5, 7, 3],
  );
  for (const g of groups) assert.equal(g.attributes?.kind, 'group');
});

test('IT governance: programme organisation and cost groups', () => {
  const c = col['it-governance'];
  const groups = roots(c);
  assert.deepEqual(
    groups.map((g) => g.id),
    [`${P}:it-governance:promotion-structure`, `${P}:it-governance:required-expenses`],
  );
  assert.equal(children(c, `${P}:it-governance:promotion-structure`).length, 2);
  assert.equal(children(c, `${P}:it-governance:required-expenses`).length, 5);
});

test('provider profiles keep every column', () => {
  for (const i of col['provider-profiles'].items) {
    assert.match(String(i.attributes?.url), /^https?:\/\//, i.id);
    assert.ok(nonEmpty(i.attributes?.company), i.id);
    assert.ok(Array.isArray(i.attributes?.services) && i.attributes.services.length > 0, i.id);
    const features = i.attributes?.features as Text[] | undefined;
    assert.ok(features && features.length > 0, i.id);
    for (const f of features) assert.ok(nonEmpty(f.ja) && nonEmpty(f.en), i.id);
  }
});

test('every item has ja, en and a seed source; ids are well formed', () => {
  for (const f of FILES) {
    const c = col[f];
    const ids = new Set(c.items.map((i) => i.id));
    for (const i of c.items) {
      assert.ok(i.id.startsWith(`${c.id}:`), i.id);
      assert.match(i.id, /^urn:kumoji:seed-000:[a-z0-9.-]+(:[a-z0-9.-]+)+$/);
      assert.ok(nonEmpty(i.ja), `${i.id} ja`);
      assert.ok(nonEmpty(i.en), `${i.id} en`);
      const src = sources(i.source);
      assert.ok(src.length > 0 && src.every(nonEmpty), `${i.id} source`);
      assert.ok(src.some((s) => (s as string).startsWith(`${SEED} `)), `${i.id} cites the seed`);
      if (i.parent !== undefined) assert.ok(ids.has(i.parent), `${i.id} parent`);
      if (i.detail !== undefined) assert.ok(nonEmpty(i.detail.ja) && nonEmpty(i.detail.en), `${i.id} detail`);
    }
  }
});

test('attributes are declared and of the declared type', () => {
  for (const f of FILES) {
    const c = col[f];
    const declared = c.attributes ?? {};
    for (const i of c.items) {
      for (const [k, v] of Object.entries(i.attributes ?? {})) {
        const d = declared[k];
        assert.ok(d, `${i.id}: attribute ${k} is not declared`);
        const isText = (x: unknown) => nonEmpty((x as Text)?.ja) && nonEmpty((x as Text)?.en);
        const ok: Record<string, (x: unknown) => boolean> = {
          string: (x) => typeof x === 'string',
          integer: (x) => Number.isInteger(x),
          number: (x) => typeof x === 'number',
          enum: (x) => typeof x === 'string' && (d.values ?? []).includes(x),
          'string-list': (x) => Array.isArray(x) && x.every((e) => typeof e === 'string'),
          text: isText,
          'text-list': (x) => Array.isArray(x) && x.every(isText),
          ref: (x) => typeof x === 'string' && x.startsWith('urn:kumoji:'),
        };
        assert.ok(ok[d.type]?.(v), `${i.id}: ${k} is not a valid ${d.type}`);
      }
    }
  }
});

test('ids are unique in these files and across the catalog', () => {
  const mine = new Set<string>();
  for (const f of FILES) {
    for (const id of [col[f].id, ...col[f].items.map((i) => i.id)]) {
      assert.ok(!mine.has(id), `duplicate id ${id}`);
      mine.add(id);
    }
  }
  // Other catalog files may be work in progress: only collisions with our ids count.
  const ours = new Set(FILES.map((f) => `${f}.yaml`));
  for (const sub of readdirSync(catalogDir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const file of readdirSync(join(catalogDir, sub.name))) {
      if (!file.endsWith('.yaml') || (sub.name === 'seed-000' && ours.has(file))) continue;
      let other: Collection | undefined;
      try {
        other = parse(readFileSync(join(catalogDir, sub.name, file), 'utf8')) as Collection;
      } catch {
        continue;
      }
      const ids = [other?.id, ...(Array.isArray(other?.items) ? other.items.map((i) => i?.id) : [])];
      for (const id of ids) assert.ok(typeof id !== 'string' || !mine.has(id), `${id} also in ${sub.name}/${file}`);
    }
  }
});

test('strings containing ":" or "#" are quoted', () => {
  const unquoted: string[] = [];
  for (const f of FILES) {
    const doc = parseDocument(text(f));
    assert.equal(doc.errors.length, 0, f);
    visit(doc, {
      Scalar(_key, node) {
        if (isScalar(node) && typeof node.value === 'string' && /[:#]/.test(node.value) && node.type === Scalar.PLAIN) {
          unquoted.push(`${f}: ${node.value}`);
        }
      },
    });
  }
  assert.deepEqual(unquoted, []);
});
