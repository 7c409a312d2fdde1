import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { detectFile, ImportFileError, readHeader } from '../../src/server/platform/transfer/sheet.reader.ts';
import { suggestMapping } from '../../src/server/assets/asset-import.headers.ts';
import { ASSET_IMPORT } from '../../src/server/assets/asset-import.register.ts';
import { type ImportLookups, type PreparedAsset } from '../../src/server/assets/asset-import.rules.ts';
import { validateImportFile } from '../../src/server/platform/transfer/import.run.ts';
import { neutraliseCell, restoreCell } from '../../src/server/assets/asset.rules.ts';
import { CONTROL_CHARS } from '../../src/shared/schemas/common.schema.ts';
import { createOrganisation, createTestApp, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';
import { SEED_OWNERS, addNamedMember, fixture, loadCatalog, settle, upload } from './asset-fixtures.ts';

/**
 * Property-based tests of the importer (fast-check): whatever bytes arrive,
 * the reader either recognises the file or names a file problem; validation
 * never throws, accounts for every row, and an API upload never answers 5xx
 * nor writes anything unless the whole file is valid.
 */

const lookups: ImportLookups = {
  membersByEmail: new Map([['sales@example.jp', { userId: '00000000-0000-4000-8000-000000000001', email: 'sales@example.jp', displayName: '販売管理' }]]),
  membersByName: new Map([['販売管理', [{ userId: '00000000-0000-4000-8000-000000000001', email: 'sales@example.jp', displayName: '販売管理' }]]]),
  assetClasses: new Map(),
  informationGroups: new Map(),
  riskCategories: new Map(),
  existingNames: new Set(['既存の資産']),
  departmentsByKey: new Map(),
};

const HEADER = ['情報資産名', '媒体', '内容', '場所', '資産の責任者', 'データ総件数', 'ランク', '千円'];

/** Cells people (and attackers) put in spreadsheets. */
const cell = fc.oneof(
  fc.constantFrom('', '電子媒体', '紙', 'A', 'B', 'C', 'D', '0.5', '150', '-1', '1e3', '１，０００', '販売管理', '山田', '既存の資産', '=1+1', "'=1+1", '@x', '+81', '"', '""', ',', '\r\n', '\n', '\t', '\u0000', '\u0007', 'ｶﾀｶﾅ', '𠮷野家', '\ufeff'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 10_000_000 }).map(String),
);
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvText = fc
  .tuple(fc.boolean(), fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { maxLength: 25 }), fc.constantFrom('\r\n', '\n'))
  .map(([withHeader, rows, eol]) => [...(withHeader ? [HEADER] : []), ...rows].map((r) => r.map(csvField).join(',')).join(eol));
const encoded = fc.tuple(csvText, fc.constantFrom('utf-8', 'utf-8-bom', 'cp932', 'utf16le', 'euc-jp')).map(([text, enc]) => {
  if (enc === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (enc === 'utf-8') return Buffer.from(text, 'utf8');
  return iconv.encode(text, enc);
});

/** A valid file with a few bytes flipped, cut short, or with bytes spliced in. */
function mutated(base: Buffer) {
  return fc.oneof(
    fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const b = Buffer.from(base);
      for (const [i, v] of flips) b[i] = v;
      return b;
    }),
    fc.nat({ max: base.length }).map((n) => base.subarray(0, n)),
    fc.tuple(fc.nat({ max: base.length }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, junk]) => Buffer.concat([base.subarray(0, at), Buffer.from(junk), base.subarray(at)])),
  );
}

async function readAll(bytes: Buffer) {
  let detected;
  try {
    detected = detectFile(bytes);
    const header = await readHeader(bytes, detected);
    const mapping = suggestMapping(header.headers);
    return { header, mapping, result: await validateImportFile<PreparedAsset, ImportLookups>(ASSET_IMPORT, bytes, header.headers, mapping, lookups) };
  } catch (e) {
    assert.ok(e instanceof ImportFileError, `unexpected ${(e as Error).stack}`);
    return null;
  }
}


function checkResult(r: Awaited<ReturnType<typeof readAll>>) {
  if (!r) return;
  const { result } = r;
  assert.ok(result.preview.length <= 20);
  const badRows = new Set(result.issues.filter((i) => i.rowNumber !== null).map((i) => i.rowNumber));
  for (const i of result.issues) assert.ok(i.rowNumber === null || i.rowNumber >= 2, `row ${i.rowNumber}`);
  const fileProblem = result.issues.some((i) => i.rowNumber === null);
  if (!fileProblem) assert.equal(result.rows.length + badRows.size, result.rowCount);
  for (const row of result.rows) {
    assert.ok(row.name.length > 0 && row.name.length <= 200);
    assert.ok(Number.isSafeInteger(row.records) && row.records >= 0);
    assert.ok(/^\d+$/.test(row.unitValueYen));
    assert.ok(['A', 'B', 'C'].includes(row.rank));
    // Accepted names are trimmed and free of control characters, and survive an
    // export and re-import unchanged: a name that begins like a formula only
    // came in neutralised, and the export neutralises it again.
    assert.equal(row.name, row.name.trim());
    assert.ok(!CONTROL_CHARS.test(row.name), JSON.stringify(row.name));
    assert.deepEqual(restoreCell(neutraliseCell(row.name)), { ok: true, value: row.name });
  }
  if (result.issueCount === 0) assert.equal(result.rows.length, result.rowCount);
}

describe('importer fuzzing (pure: reader and row rules)', () => {
  test('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => checkResult(await readAll(Buffer.from(bytes)))), { numRuns: 400 });
  });

  test('CSV-like text in every encoding, with quotes, formulas and control characters', async () => {
    await fc.assert(fc.asyncProperty(encoded, async (bytes) => checkResult(await readAll(bytes))), { numRuns: 400 });
  });

  test('the seed example (CSV, Shift_JIS, XLSX) mutated', async () => {
    for (const file of ['seed-000-example.csv', 'seed-000-example.sjis.csv', 'seed-000-example.xlsx']) {
      await fc.assert(fc.asyncProperty(mutated(fixture(file)), async (bytes) => checkResult(await readAll(bytes))), { numRuns: file.endsWith('xlsx') ? 150 : 200 });
    }
  });

  test('neutralised text always reads back as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.trim() !== ''), { minLength: 1, maxLength: 10 }), async (names) => {
        const unique = [...new Set(names)];
        const lines = ['情報資産名,媒体,データ総件数,ランク,千円,備考', ...unique.map((n, i) => `${csvField(neutraliseCell(`n${i}`))},紙,1,A,1,${csvField(neutraliseCell(n))}`)];
        const r = await readAll(Buffer.from(lines.join('\r\n'), 'utf8'));
        assert.ok(r);
        // Names of valid rows keep their text exactly (notes are the fuzzed column; control characters make a row invalid).
        const valid = r.result.rows.map((row) => row.notes);
        for (const note of valid) assert.ok(unique.includes(note), note);
      }),
      { numRuns: 200 },
    );
  });
});

describe('importer fuzzing (API: upload, check, commit)', () => {
  let t: TestApp;
  let org: TestOrganisation;
  before(async () => {
    t = await createTestApp();
    await loadCatalog(t);
    org = await createOrganisation(t, { name: 'Fuzz' });
    for (const o of SEED_OWNERS) await addNamedMember(t, org.id, o);
  });
  after(() => t.close());

  const count = async () => (await t.database.pool.query<{ n: number }>('select count(*)::int as n from assets where organisation_id = $1', [org.id])).rows[0].n;

  test('never a 5xx; nothing written unless every row is valid', async () => {
    const inputs = fc.oneof(
      fc.uint8Array({ maxLength: 1024 }).map((b) => Buffer.from(b)),
      encoded,
      mutated(fixture('seed-000-example.csv')),
      mutated(fixture('seed-000-example.xlsx')),
    );
    await fc.assert(
      fc.asyncProperty(inputs, async (bytes) => {
        const before = await count();
        const up = await upload(org.owner.client, 'fuzz.csv', bytes);
        assert.ok(up.status === 201 || (up.status >= 400 && up.status < 500), `${up.status} ${up.raw.slice(0, 300)}`);
        if (up.status !== 201) return assert.equal(await count(), before);
        const v = await org.owner.client.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping: up.body.mapping, version: up.body.version });
        assert.ok(v.status === 202 || (v.status >= 400 && v.status < 500), `${v.status} ${v.raw.slice(0, 300)}`);
        if (v.status !== 202) return assert.equal(await count(), before);
        const s = await settle(org.owner.client, up.body.id);
        assert.ok(['validated', 'failed'].includes(s.body.status), s.body.status);
        assert.notEqual(s.body.problem?.code, 'unexpected');
        const c = await org.owner.client.post(`/api/v1/asset-imports/${up.body.id}/commit`, { version: s.body.version });
        if (s.body.status === 'validated' && s.body.errorCount === 0) {
          assert.equal(c.status, 202, c.raw);
          const done = await settle(org.owner.client, up.body.id);
          assert.equal(done.body.status, 'committed', done.raw.slice(0, 300));
          assert.equal(await count(), before + s.body.rowCount);
          await t.database.pool.query('delete from assets where organisation_id = $1', [org.id]);
        } else {
          assert.equal(c.status, 409);
          assert.equal(await count(), before);
        }
      }),
      { numRuns: 60 },
    );
  });
});
